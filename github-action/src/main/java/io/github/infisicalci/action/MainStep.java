package io.github.infisicalci.action;

import io.github.infisicalci.client.InfisicalClient;
import io.github.infisicalci.client.InfisicalException;
import io.github.infisicalci.client.InvalidConfigurationException;
import io.github.infisicalci.client.SecretValue;
import io.github.infisicalci.client.auth.AuthMethod;
import io.github.infisicalci.client.auth.AuthMethods;
import io.github.infisicalci.client.secrets.Collision;
import io.github.infisicalci.client.secrets.Secret;
import io.github.infisicalci.client.secrets.SecretsResult;
import io.github.infisicalci.export.ExportEntry;
import io.github.infisicalci.export.ExportException;
import io.github.infisicalci.export.ExportPlan;
import io.github.infisicalci.export.SecretScope;
import io.github.infisicalci.export.SkippedName;
import io.github.infisicalci.mask.EncodedForm;
import io.github.infisicalci.mask.Masker;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The action's main step: validate every input, log in, fetch, mask, plan, then write everything at
 * once (or nothing). Every failure ends in {@code ::error::} lines naming project, environment, path
 * and key, and exit code 1; never a value or a stack trace.
 */
final class MainStep {
  static final int MIN_MASK_WARN = 4;

  private final Map<String, String> env;
  private final Log log;
  private final Map<String, SecretValue> maskNames = new LinkedHashMap<>();
  private final java.util.Set<String> maskedTexts = new java.util.HashSet<>();
  private GitHubIdToken idToken;

  MainStep(Map<String, String> env, Log log) {
    this.env = env;
    this.log = log;
  }

  int run() {
    Inputs in = new Inputs(env);
    List<SecretValue> inputSecrets = ActionSettings.secretInputs(in);
    for (int i = 0; i < inputSecrets.size(); i++) {
      addMask("input secret " + (i + 1), inputSecrets.get(i));
    }
    addMask("ACTIONS_ID_TOKEN_REQUEST_TOKEN", SecretValue.of(env.get("ACTIONS_ID_TOKEN_REQUEST_TOKEN")));
    addMask(LoginSettings.ENV_TOKEN, SecretValue.of(env.getOrDefault(LoginSettings.ENV_TOKEN, "").trim()));
    refreshMasker();

    ActionSettings settings;
    try {
      settings = ActionSettings.parse(in, env);
    } catch (InvalidInputsException e) {
      e.problems().forEach(log::error);
      log.error("Infisical: " + e.problems().size() + " invalid input(s); nothing was fetched or exported");
      return 1;
    }
    logSettings(settings);
    try {
      return fetchAndExport(settings);
    } finally {
      if (client != null) {
        if (exportedToken != null && !tokenWritten) {
          revoke(client);
        }
        client.close();
      }
    }
  }

  private int fetchAndExport(ActionSettings settings) {
    SecretsResult result;
    Deadline deadline = new Deadline(settings.network().deadline());
    try {
      result = deadline.run(() -> fetch(settings), this::closeClient);
    } catch (Deadline.Passed e) {
      log.endAllGroups();
      log.error("Infisical: " + e.getMessage() + "; nothing was exported");
      return 1;
    } catch (InfisicalException e) {
      reportInfisical(settings, e);
      return 1;
    } catch (GitHubIdToken.IdTokenException e) {
      log.endAllGroups();
      log.error("Infisical: input 'method' (" + settings.login().method().inputValue()
          + "): " + e.getMessage() + "; nothing was exported");
      return 1;
    } catch (InvalidConfigurationException e) {
      log.endAllGroups();
      log.error("Infisical: input '" + FailureReport.inputOf(e.field()) + "': " + e.getMessage()
          + "; nothing was exported");
      return 1;
    }

    if (!settings.target().allows(result.environment())) {
      log.error("Infisical: input 'allowed-environments': the server answered for environment '"
          + result.environment() + "', which is not one of " + String.join(", ", settings.target().allowedEnvironments())
          + "; nothing was exported");
      return 1;
    }
    List<String> maskWarnings = new ArrayList<>();
    List<String> linesWithoutContent = new ArrayList<>();
    for (Secret secret : result.secrets()) {
      MaskValues.Masks masks = MaskValues.masks(secret.value());
      for (int i = 0; i < masks.texts().size(); i++) {
        addMask(i == 0 ? secret.key() : secret.key() + " (part " + i + ")", masks.texts().get(i));
      }
      if (masks.linesWithoutContent()) {
        linesWithoutContent.add(secret.key());
      }
      if (!masks.notRegistered().isEmpty()) {
        maskWarnings.add("Infisical: secret " + secret.key() + " has more spellings than the " + MaskValues.MAX_MASKS
            + " masks registered for one secret, so these are not masked in the log: "
            + String.join(", ", masks.notRegistered()));
      }
    }
    refreshMasker();
    maskWarnings.forEach(log::warning);
    if (!linesWithoutContent.isEmpty()) {
      log.warning("Infisical: the runner masks each line of a multi-line secret on its own, so lines without secret"
          + " content (punctuation or too short) are masked wherever that text appears in the log, in: "
          + String.join(", ", linesWithoutContent));
    }

    SecretScope scope = new SecretScope(settings.target().projectLabel(), result.environment(), settings.target().paths());
    Map<String, SecretValue> values = new LinkedHashMap<>();
    Map<String, Secret> byKey = new HashMap<>();
    for (Secret secret : result.secrets()) {
      values.put(secret.key(), secret.value());
      byKey.put(secret.key(), secret);
    }
    ExportPlan plan;
    try {
      plan = settings.export().planner().plan(values, scope);
    } catch (ExportException e) {
      log.endAllGroups();
      for (String problem : e.problems()) {
        log.error("Infisical: " + problem + (problem.contains(scope.describe()) ? "" : " (" + scope.describe() + ")"));
      }
      log.error("Infisical: nothing was exported");
      return 1;
    }
    for (ExportEntry entry : plan.entries()) {
      int length = entry.value().length();
      if (entry.value().reveal().isBlank()) {
        log.warning("Infisical: secret " + entry.key() + " is empty or blank; it is exported but not masked");
      } else if (length < MIN_MASK_WARN) {
        log.warning("Infisical: secret " + entry.key() + " is shorter than " + MIN_MASK_WARN
            + " characters; masking it may hide unrelated text in the log and a short value is easy to guess");
      }
    }
    for (String key : plan.missingRequired()) {
      log.warning("Infisical: required secret " + key + " not found in " + scope.describe()
          + " (fail-on-missing is false, so it is skipped)");
    }
    for (SkippedName skipped : plan.skipped()) {
      log.warning("Infisical: " + skipped.describe());
    }
    for (String note : plan.notes()) {
      log.warning("Infisical: " + note);
    }

    try {
      deadline.check();
    } catch (Deadline.Passed e) {
      log.endAllGroups();
      log.error("Infisical: " + e.getMessage() + "; nothing was exported");
      return 1;
    }
    try {
      write(settings, result, plan, byKey);
    } catch (IOException | RuntimeException e) {
      log.endAllGroups();
      log.error("Infisical: writing the export failed (" + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "); nothing was exported");
      return 1;
    }
    return 0;
  }

  /** Closes the client (when the deadline passed while it was in use). */
  private synchronized void closeClient() {
    if (client != null) {
      client.close();
    }
  }

  private SecretsResult fetch(ActionSettings settings) {
    log.group("Infisical: fetching secrets");
    InfisicalClient created = InfisicalClient.create(settings.network().clientConfig(log::info), auth(settings));
    synchronized (this) {
      client = created;
    }
    boolean keepToken = false;
    try {
      SecretsResult result = created.fetchSecrets(settings.target().request());
      SecretValue accessToken = created.accessToken();
      addMask("access token", accessToken);
      refreshMasker();
      log.info("Fetched " + result.secrets().size() + " secret(s) from project " + settings.target().projectLabel()
          + ", environment " + result.environment() + ", " + pathsLabel(settings.target().paths()));
      if (settings.export().exportToken()) {
        keepToken = true;
        exportedToken = accessToken;
        log.info("The access token is kept (export-token: true) and exported as output 'infisical-token'");
      }
      return result;
    } finally {
      if (!keepToken) {
        revoke(created);
      }
      log.endGroup();
    }
  }

  /** Revokes the token the client logged in with, if any (a token given as input is never revoked). */
  private void revoke(InfisicalClient client) {
    try {
      client.revoke();
    } catch (InfisicalException e) {
      log.warning("Infisical: could not revoke the access token: " + e.getMessage());
    } catch (RuntimeException e) {
      log.warning("Infisical: could not revoke the access token (" + e.getClass().getSimpleName() + ")");
    }
  }

  private SecretValue exportedToken;
  private InfisicalClient client;
  private boolean tokenWritten;

  private AuthMethod auth(ActionSettings s) {
    return switch (s.login().method()) {
      case UNIVERSAL -> AuthMethods.universal(s.login().clientId(), s.login().clientSecret());
      case OIDC -> AuthMethods.oidc(s.login().identityId(), idToken(s));
      case JWT -> AuthMethods.jwt(s.login().identityId(), idToken(s));
      case KUBERNETES -> s.login().kubernetesTokenPath() == null
          ? AuthMethods.kubernetes(s.login().identityId())
          : AuthMethods.kubernetes(s.login().identityId(), s.login().kubernetesTokenPath());
      case AWS_IAM -> AuthMethods.awsIam(s.login().identityId(), env);
      case TOKEN -> AuthMethods.token(s.login().token());
    };
  }

  private GitHubIdToken idToken(ActionSettings s) {
    idToken = new GitHubIdToken(env.get("ACTIONS_ID_TOKEN_REQUEST_URL"),
        SecretValue.of(env.get("ACTIONS_ID_TOKEN_REQUEST_TOKEN")), s.login().oidcAudience(), s.network().retries() + 1,
        Duration.ofSeconds(1), s.network().timeout(), log);
    return idToken;
  }

  private void write(ActionSettings s, SecretsResult result, ExportPlan plan, Map<String, Secret> byKey)
      throws IOException {
    FileCommands commands = new FileCommands();
    String exportTo = switch (s.export().exportType()) {
      case ENV -> "environment variables";
      case OUTPUTS -> "step outputs";
      case FILE -> "file " + s.workspace().relativize(s.export().outputFile()) + " (" + s.export().fileFormat().inputValue() + ")";
      case NONE -> "nowhere (export-type: none)";
    };
    if (s.export().exportType() == ExportType.ENV || s.export().exportType() == ExportType.OUTPUTS) {
      Path target = Path.of(env.get(s.export().exportType() == ExportType.ENV ? "GITHUB_ENV" : "GITHUB_OUTPUT"));
      for (ExportEntry entry : plan.entries()) {
        commands.queue(target, entry.name(), entry.value());
      }
    }
    if (exportedToken != null) {
      commands.queue(Path.of(env.get("GITHUB_OUTPUT")), "infisical-token", exportedToken);
    }
    String cleanup = cleanupRecord(s);
    if (cleanup != null) {
      commands.queue(Path.of(env.get("GITHUB_STATE")), CleanupRecord.STATE, SecretValue.of(cleanup));
    }

    log.group("Infisical: exporting " + plan.entries().size() + " secret(s) to " + exportTo);
    for (ExportEntry entry : plan.entries()) {
      Secret secret = byKey.get(entry.key());
      log.info(entry.name() + (entry.name().equals(entry.key()) ? "" : " <- " + entry.key()) + "  ("
          + secret.environment() + ":" + secret.secretPath() + ")");
    }
    for (String key : plan.skippedOptional()) {
      log.info("optional secret " + key + " not found; skipped");
    }
    for (Collision c : result.collisions()) {
      log.info("collision: " + c.key() + " from " + c.winningPath() + " overrides " + String.join(", ", c.losingPaths()));
    }

    Path written = null;
    if (s.export().exportType() == ExportType.FILE) {
      byte[] bytes = s.export().fileFormat().render(plan.entries());
      try {
        written = ExportFile.write(s.export().outputFile(), bytes, s.workspace(), log::warning);
      } finally {
        Arrays.fill(bytes, (byte) 0);
      }
    }
    try {
      commands.commit();
      tokenWritten = exportedToken != null;
    } catch (IOException | RuntimeException e) {
      if (written != null) {
        Files.deleteIfExists(written);
      }
      if (cleanup != null) {
        CleanupRecord.discard(env, cleanup);
      }
      throw e;
    }
    log.endGroup();
    if (written != null) {
      log.info("Infisical: wrote " + plan.entries().size() + " secret(s) to " + s.workspace().relativize(written)
          + " (mode 0600" + (s.export().clean() ? ", removed by the post step" : "") + ")");
    } else {
      log.info("Infisical: exported " + plan.entries().size() + " secret(s) to " + exportTo);
    }
    writeSummary(s, result, plan, byKey, exportTo);
  }

  /** The nonce of the post step's record for the exported file, or null when nothing is to be cleaned. */
  private String cleanupRecord(ActionSettings s) throws IOException {
    if (s.export().exportType() != ExportType.FILE || !s.export().clean()) {
      return null;
    }
    if (!present(env.get("GITHUB_STATE")) || CleanupRecord.folder(env).isEmpty()) {
      log.warning("Infisical: GITHUB_STATE or HOME is not set, so the post step cannot remove "
          + s.workspace().relativize(s.export().outputFile()) + "; remove it yourself");
      return null;
    }
    return CleanupRecord.write(env, s.export().outputFile());
  }

  private void writeSummary(ActionSettings s, SecretsResult result, ExportPlan plan, Map<String, Secret> byKey,
      String exportTo) {
    String summaryFile = env.get("GITHUB_STEP_SUMMARY");
    if (!present(summaryFile)) {
      return;
    }
    Map<String, Collision> collisions = new HashMap<>();
    for (Collision c : result.collisions()) {
      collisions.put(c.key(), c);
    }
    List<StepSummary.Row> rows = new ArrayList<>();
    for (ExportEntry entry : plan.entries()) {
      Secret secret = byKey.get(entry.key());
      List<String> notes = new ArrayList<>();
      if (secret.origin() != Secret.Origin.LOCAL) {
        notes.add(secret.origin().name().toLowerCase());
      }
      Collision c = collisions.get(entry.key());
      if (c != null) {
        notes.add("overrides " + String.join(", ", c.losingPaths()));
      }
      int length = entry.value().length();
      if (length > 0 && length < MIN_MASK_WARN) {
        notes.add("short value");
      }
      rows.add(new StepSummary.Row(entry.name(), entry.key(), secret.environment(), secret.secretPath(),
          !entry.value().reveal().isBlank(), String.join("; ", notes)));
    }
    List<String> notes = new ArrayList<>();
    plan.skipped().forEach(skipped -> notes.add(skipped.describe()));
    plan.skippedOptional().forEach(k -> notes.add("optional secret " + k + " not found"));
    plan.missingRequired().forEach(k -> notes.add("required secret " + k + " not found (fail-on-missing: false)"));
    notes.add("Environment chosen by " + s.target().environmentSource());
    String markdown = log.masker().mask(StepSummary.render("Infisical secrets", s.target().projectLabel(),
        result.environment(), exportTo, rows, result.collisions(), notes));
    try {
      Files.writeString(Path.of(summaryFile), markdown, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      log.warning("Infisical: could not write the step summary (" + e.getClass().getSimpleName() + ")");
    }
  }

  private void reportInfisical(ActionSettings s, InfisicalException e) {
    log.endAllGroups();
    log.error(FailureReport.describe(s, e));
    int code = e.status().orElse(0);
    if ((code == 401 || code == 403) && idToken != null && s.login().method().usesGitHubIdToken()) {
      try {
        SecretValue jwt = idToken.get();
        log.error("Infisical: " + JwtClaims.expiry(jwt, java.time.Instant.now()).orElseGet(() ->
            "the identity's bound claims must match the GitHub ID token; " + JwtClaims.describe(jwt)));
      } catch (RuntimeException ignored) {
        // the token could not be fetched again; the first error says why
      }
    }
  }

  private void logSettings(ActionSettings s) {
    log.group("Infisical: settings");
    log.info("domain: " + s.network().domain());
    log.info("method: " + s.login().method().inputValue()
        + (s.login().method() == AuthKind.TOKEN ? " (" + s.login().tokenSource() + ")" : ""));
    log.info("project: " + s.target().projectLabel());
    log.info("environment: " + (s.target().environment().isEmpty() ? "" : s.target().environment() + " ")
        + "(" + s.target().environmentSource() + ")");
    log.info("secret paths: " + String.join(", ", s.target().paths()) + (s.target().recursive() ? " (recursive)" : ""));
    log.info("export-type: " + s.export().exportType().inputValue());
    log.endGroup();
    if (s.target().environmentSource().startsWith(".infisical.json")) {
      log.info("Infisical: " + s.target().environmentSource());
    }
  }

  private void addMask(String name, SecretValue value) {
    if (value.reveal().isBlank() || !maskedTexts.add(value.reveal())) {
      return;
    }
    maskNames.put(name + "#" + maskNames.size(), value);
    log.addMask(value);
  }

  /**
   * The action's own lines hold names, paths and server messages, never values by construction; the
   * masker is the safety net for those. Raw values, their lines and their JSON-escaped form cover what
   * such a line could echo; the encoded forms (Base64, URL, shell) would cost about a second of start-up
   * at 2,000 secrets for text the action never prints.
   */
  private static final java.util.Set<EncodedForm> LOG_FORMS =
      java.util.EnumSet.of(EncodedForm.RAW, EncodedForm.LINES, EncodedForm.JSON);

  private void refreshMasker() {
    Masker.Builder b = Masker.builder().replacement("***").forms(LOG_FORMS);
    maskNames.forEach(b::add);
    log.useMasker(b.build());
  }

  static String pathsLabel(List<String> paths) {
    return (paths.size() == 1 ? "path '" : "paths '") + String.join("', '", paths) + "'";
  }

  private static boolean present(String v) {
    return v != null && !v.isBlank();
  }
}
