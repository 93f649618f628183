package io.github.infisicalci.action;

import io.github.infisicalci.client.SecretValue;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every input, validated at once before any network call, in four groups: {@link LoginSettings},
 * {@link TargetSettings} (project, environment, paths), {@link ExportSettings} (selection and export) and
 * {@link NetworkSettings}. {@link #parse} lets each group record its problems (each naming its input) in
 * one {@link InputProblems} and throws {@link InvalidInputsException} listing them all.
 */
record ActionSettings(
    LoginSettings login,
    TargetSettings target,
    ExportSettings export,
    NetworkSettings network,
    Path workspace) {

  static ActionSettings parse(Inputs in, Map<String, String> env) {
    InputProblems p = new InputProblems();
    Path workspace = Path.of(env.getOrDefault("GITHUB_WORKSPACE", "")).toAbsolutePath().normalize();
    LoginSettings login = LoginSettings.parse(in, env, p);
    TargetSettings target = TargetSettings.parse(in, env, workspace, login, p);
    ExportSettings export = ExportSettings.parse(in, env, workspace, p);
    NetworkSettings network = NetworkSettings.parse(in, env, workspace, p);
    p.throwIfAny();
    return new ActionSettings(login, target, export, network, workspace);
  }

  /** The input values that are secrets (to mask before anything is printed). */
  static List<SecretValue> secretInputs(Inputs in) {
    List<SecretValue> secrets = new ArrayList<>();
    secrets.add(SecretValue.of(in.get("client-secret")));
    secrets.add(SecretValue.of(in.get("token")));
    for (String line : in.get("extra-headers").split("\r?\n")) {
      int colon = line.indexOf(':');
      if (colon > 0) {
        secrets.add(SecretValue.of(line.substring(colon + 1).trim()));
      }
    }
    secrets.add(SecretValue.of(userInfoSecret(in.get("domain"))));
    secrets.add(SecretValue.of(userInfoSecret(in.get("proxy"))));
    secrets.removeIf(SecretValue::isEmpty);
    return secrets;
  }

  /**
   * The secret part of a URL's user info ({@code scheme://user:secret@host}): the text after the first
   * {@code :}, or the whole user info when it has none (a token); {@code ""} when the URL has none.
   * Error messages about an invalid URL may echo it, so it is masked like any secret input.
   */
  static String userInfoSecret(String url) {
    int scheme = url.indexOf("://");
    int start = scheme < 0 ? 0 : scheme + 3;
    int end = start;
    while (end < url.length() && "/?#".indexOf(url.charAt(end)) < 0) {
      end++;
    }
    int at = url.lastIndexOf('@', end - 1);
    if (at < start) {
      return "";
    }
    String userInfo = url.substring(start, at);
    int colon = userInfo.indexOf(':');
    return colon < 0 ? userInfo : userInfo.substring(colon + 1);
  }

  /** Describes the settings without secrets. */
  @Override
  public String toString() {
    return "ActionSettings[method=" + login.method() + ", domain=" + network.domain() + ", project="
        + target.projectLabel() + ", environment=" + target.environment() + ", paths=" + target.paths()
        + ", exportType=" + export.exportType() + "]";
  }
}
