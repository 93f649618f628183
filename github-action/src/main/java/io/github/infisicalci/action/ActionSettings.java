package io.github.infisicalci.action;

import io.github.infisicalci.client.ClientConfig;
import io.github.infisicalci.client.InvalidConfigurationException;
import io.github.infisicalci.client.RetryPolicy;
import io.github.infisicalci.client.SecretValue;
import io.github.infisicalci.client.secrets.ProjectRef;
import io.github.infisicalci.client.secrets.SecretsRequest;
import io.github.infisicalci.export.BranchEnvironmentMapping;
import io.github.infisicalci.export.EnvNamePolicy;
import io.github.infisicalci.export.ExportException;
import io.github.infisicalci.export.ExportFormat;
import io.github.infisicalci.export.ExportPlanner;
import io.github.infisicalci.export.KeySelection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every input, validated at once before any network call. {@link #parse} collects every problem
 * (each naming its input) and throws {@link InvalidInputsException} listing them all.
 */
record ActionSettings(
    AuthKind method,
    String clientId,
    SecretValue clientSecret,
    String identityId,
    String oidcAudience,
    SecretValue token,
    Path kubernetesTokenPath,
    String domain,
    ProjectRef project,
    String environment,
    String environmentSource,
    List<String> paths,
    boolean recursive,
    boolean includeImports,
    boolean expandReferences,
    ExportPlanner planner,
    ExportType exportType,
    Path outputFile,
    ExportFormat fileFormat,
    boolean clean,
    List<Header> extraHeaders,
    String caCertificatePem,
    String proxy,
    Duration timeout,
    int retries,
    boolean exportToken,
    Path workspace,
    Map<String, String> env) {

  /** An extra HTTP header; the value may be a credential. */
  record Header(String name, SecretValue value) {}

  private static final Pattern PREFIX = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern SUFFIX = Pattern.compile("[A-Za-z0-9_]*");
  private static final Pattern DURATION = Pattern.compile("(\\d{1,6})\\s*(ms|s|m)?");

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

  static ActionSettings parse(Inputs in, Map<String, String> env) {
    Problems p = new Problems();

    AuthKind method = AuthKind.parse(in.get("method")).orElse(null);
    if (method == null) {
      p.add("method", "'" + printable(in.get("method")) + "' is not supported; use universal, oidc, jwt, kubernetes or token"
          + (in.get("method").equalsIgnoreCase("aws-iam") ? " (aws-iam is not available in this action)" : ""));
    }
    String clientId = in.get("client-id");
    SecretValue clientSecret = SecretValue.of(in.get("client-secret"));
    String identityId = in.get("identity-id");
    SecretValue token = SecretValue.of(in.get("token"));
    Path k8sToken = in.isSet("kubernetes-token-path") ? Path.of(in.get("kubernetes-token-path")) : null;
    if (method == AuthKind.UNIVERSAL) {
      if (clientId.isEmpty()) {
        p.add("client-id", "is required for method 'universal'");
      }
      if (clientSecret.isEmpty()) {
        p.add("client-secret", "is required for method 'universal'");
      }
    } else if (method == AuthKind.OIDC || method == AuthKind.JWT || method == AuthKind.KUBERNETES) {
      if (identityId.isEmpty()) {
        p.add("identity-id", "is required for method '" + in.get("method") + "'");
      }
    } else if (method == AuthKind.TOKEN && token.isEmpty()) {
      p.add("token", "is required for method 'token' (an Infisical access token or a service token st.…)");
    }
    if (method != null && method.usesGitHubIdToken()) {
      String url = env.getOrDefault("ACTIONS_ID_TOKEN_REQUEST_URL", "");
      String requestToken = env.getOrDefault("ACTIONS_ID_TOKEN_REQUEST_TOKEN", "");
      if (url.isBlank() || requestToken.isBlank()) {
        p.add("method", "'" + in.get("method") + "' needs the job's OIDC ID token, but ACTIONS_ID_TOKEN_REQUEST_URL/"
            + "ACTIONS_ID_TOKEN_REQUEST_TOKEN are not set: add 'permissions: id-token: write' to the job or workflow");
      } else if (okhttp3.HttpUrl.parse(url) == null) {
        p.add("method", "'" + in.get("method") + "' needs the job's OIDC ID token, but ACTIONS_ID_TOKEN_REQUEST_URL"
            + " is not an http(s) URL");
      }
    }
    if (in.isSet("oidc-audience") && (method == null || !method.usesGitHubIdToken())) {
      p.add("oidc-audience", "only applies to method 'oidc' or 'jwt'");
    }

    String domain = in.get("domain");

    ProjectRef project = null;
    boolean hasSlug = in.isSet("project-slug");
    boolean hasId = in.isSet("project-id");
    boolean serviceToken = method == AuthKind.TOKEN && token.reveal().startsWith("st.");
    if (hasSlug && hasId) {
      p.add("project-id", "give either project-slug or project-id, not both");
    } else if (hasSlug) {
      project = p.attempt("project-slug", () -> ProjectRef.slug(in.get("project-slug")));
    } else if (hasId) {
      project = p.attempt("project-id", () -> ProjectRef.id(in.get("project-id")));
    } else if (!serviceToken) {
      p.add("project-slug", "is required (or give project-id)");
    }

    Path workspace = Path.of(env.getOrDefault("GITHUB_WORKSPACE", "")).toAbsolutePath().normalize();
    String environment = in.get("env-slug");
    String environmentSource = "input env-slug";
    if (environment.isEmpty()) {
      String branch = firstNonBlank(env.get("GITHUB_HEAD_REF"), env.get("GITHUB_REF_NAME"));
      Path config = workspace.resolve(".infisical.json");
      try {
        var mapping = BranchEnvironmentMapping.read(config);
        if (mapping.isEmpty()) {
          p.add("env-slug", "is required (there is no .infisical.json in the workspace to map the branch from)");
        } else {
          var match = mapping.get().resolve(branch);
          if (match.isPresent()) {
            environment = match.get().environment();
            environmentSource = ".infisical.json: " + match.get().describe(branch);
          } else {
            p.add("env-slug", "is empty and .infisical.json maps no environment for branch '"
                + (branch == null ? "" : branch) + "' and has no defaultEnvironment");
          }
        }
      } catch (ExportException e) {
        e.problems().forEach(problem -> p.add("env-slug", "is empty and " + problem));
      }
    }

    List<String> paths = new ArrayList<>();
    for (String line : in.get("secret-path").split("\r?\n")) {
      if (line.isBlank()) {
        continue;
      }
      String path = p.attempt("secret-path", () -> SecretsRequest.normalizePath(line));
      if (path != null) {
        paths.add(path);
      }
    }
    if (paths.isEmpty()) {
      paths.add("/");
    }

    boolean recursive = p.bool(in, "recursive");
    boolean includeImports = p.bool(in, "include-imports");
    boolean expand = p.bool(in, "expand-references");
    boolean clean = p.bool(in, "clean");
    boolean failOnMissing = p.bool(in, "fail-on-missing");
    boolean exportToken = p.bool(in, "export-token");

    KeySelection selection = KeySelection.all();
    try {
      List<KeySelection.Rule> rules = new ArrayList<>(KeySelection.parse(in.get("secrets")).rules());
      for (String name : in.get("secret-name").split("[,\\r\\n]+")) {
        if (!name.isBlank()) {
          rules.addAll(KeySelection.parse(name.trim()).rules());
        }
      }
      selection = KeySelection.of(rules);
    } catch (ExportException e) {
      String input = in.isSet("secrets") ? "secrets" : "secret-name";
      e.problems().forEach(problem -> p.add(input, problem));
    }
    String prefix = in.get("env-prefix");
    if (!prefix.isEmpty() && !PREFIX.matcher(prefix).matches()) {
      p.add("env-prefix", "'" + printable(prefix) + "' must start with a letter or '_' and contain only letters, digits and '_'");
    }
    String suffix = in.get("env-suffix");
    if (!SUFFIX.matcher(suffix).matches()) {
      p.add("env-suffix", "'" + printable(suffix) + "' may contain only letters, digits and '_'");
    }
    EnvNamePolicy policy = EnvNamePolicy.allowing(Arrays.asList(in.get("allow-protected-names").split("[,\\s]+")));
    ExportPlanner planner = new ExportPlanner(selection, prefix, suffix, policy, failOnMissing);

    ExportType exportType = ExportType.parse(in.get("export-type")).orElse(null);
    if (exportType == null) {
      p.add("export-type", "'" + printable(in.get("export-type")) + "' is not supported; use env, file, outputs or none");
    }
    ExportFormat format = ExportFormat.parse(in.get("file-format")).orElse(null);
    if (format == null) {
      p.add("file-format", "'" + printable(in.get("file-format")) + "' is not supported; use dotenv or json");
    }
    Path outputFile = null;
    if (exportType == ExportType.FILE) {
      outputFile = resolveOutputFile(in.get("file-output-path"), env, workspace, p);
    }
    if (exportType == ExportType.ENV && !present(env, "GITHUB_ENV")) {
      p.add("export-type", "'env' needs GITHUB_ENV, which the runner did not set");
    }
    if ((exportType == ExportType.OUTPUTS || exportToken) && !present(env, "GITHUB_OUTPUT")) {
      p.add(exportToken ? "export-token" : "export-type", "needs GITHUB_OUTPUT, which the runner did not set");
    }

    List<Header> headers = new ArrayList<>();
    String[] headerLines = in.get("extra-headers").split("\r?\n");
    for (int i = 0; i < headerLines.length; i++) {
      String line = headerLines[i].trim();
      if (line.isEmpty()) {
        continue;
      }
      int colon = line.indexOf(':');
      if (colon <= 0) {
        p.add("extra-headers", "line " + (i + 1) + " must look like 'Name: value'");
        continue;
      }
      String name = line.substring(0, colon).trim();
      String value = line.substring(colon + 1).trim();
      int same = -1;
      for (int h = 0; h < headers.size(); h++) {
        if (headers.get(h).name().equalsIgnoreCase(name)) {
          same = h;
        }
      }
      if (same >= 0) {
        // like the official action: a repeated header is sent once, its values joined with ", "
        Header earlier = headers.get(same);
        headers.set(same, new Header(earlier.name(), SecretValue.of(earlier.value().reveal() + ", " + value)));
      } else {
        headers.add(new Header(name, SecretValue.of(value)));
      }
    }

    String caPem = null;
    String ca = in.get("ca-certificate");
    if (!ca.isEmpty()) {
      if (ca.contains("-----BEGIN")) {
        caPem = ca;
      } else {
        Path caPath = workspace.resolve(ca);
        try {
          caPem = Files.readString(caPath);
        } catch (IOException | RuntimeException e) {
          p.add("ca-certificate", "is neither PEM text nor a readable file (" + caPath + ")");
        }
      }
    }
    String proxy = in.get("proxy");

    Duration timeout = parseDuration(in.get("timeout"));
    if (timeout == null) {
      p.add("timeout", "'" + printable(in.get("timeout")) + "' is not a duration; give seconds (60) or 500ms, 30s, 2m");
      timeout = Duration.ofSeconds(60);
    }
    int retries = 3;
    try {
      retries = Integer.parseInt(in.get("retries"));
      if (retries < 0 || retries > 10) {
        p.add("retries", "must be between 0 and 10 (was " + retries + ")");
        retries = 3;
      }
    } catch (NumberFormatException e) {
      p.add("retries", "'" + printable(in.get("retries")) + "' is not a whole number");
    }

    ActionSettings settings = new ActionSettings(method, clientId, clientSecret, identityId, in.get("oidc-audience"),
        token, k8sToken, domain, project, environment, environmentSource, List.copyOf(paths), recursive,
        includeImports, expand, planner, exportType, outputFile, format, clean, List.copyOf(headers), caPem, proxy,
        timeout, retries, exportToken, workspace, Map.copyOf(new HashMap<>(env)));
    settings.networkProblems(p);
    if (!environment.isEmpty()) {
      try {
        settings.request();
      } catch (InvalidConfigurationException e) {
        p.add(e.getMessage().startsWith("environment") ? "env-slug" : "secret-path", e.getMessage());
      }
    }
    p.throwIfAny();
    return settings;
  }

  /** Describes the settings without the environment (which holds the raw inputs) and without secrets. */
  @Override
  public String toString() {
    return "ActionSettings[method=" + method + ", domain=" + domain + ", project=" + projectLabel()
        + ", environment=" + environment + ", paths=" + paths + ", exportType=" + exportType + "]";
  }

  /** The client configuration these settings describe; {@code log} receives the client's informational lines. */
  ClientConfig clientConfig(Consumer<String> log) {
    ClientConfig.Builder b = ClientConfig.builder()
        .userAgent("infisical-ci-github-action")
        .logSink(log);
    applyDomain(b);
    applyTimeouts(b);
    applyCa(b);
    applyProxy(b);
    applyHeaders(b);
    return b.build();
  }

  /**
   * Adds a problem for every network input the client configuration refuses, each checked on its own
   * so that all of them are named at once (and each under the input it is about).
   */
  private void networkProblems(Problems p) {
    try {
      clientConfig(line -> { });
      return;
    } catch (InvalidConfigurationException e) {
      // one of the parts below is wrong; find every one
    }
    int before = p.size();
    networkProblem(p, "domain", this::applyDomain);
    networkProblem(p, "timeout", this::applyTimeouts);
    networkProblem(p, "ca-certificate", this::applyCa);
    networkProblem(p, "proxy", this::applyProxy);
    networkProblem(p, "extra-headers", this::applyHeaders);
    if (p.size() == before) {
      try {
        clientConfig(line -> { });
      } catch (InvalidConfigurationException e) {
        p.add(inputFor(e.getMessage()), e.getMessage());
      }
    }
  }

  private static void networkProblem(Problems p, String input, Consumer<ClientConfig.Builder> part) {
    try {
      ClientConfig.Builder b = ClientConfig.builder();
      part.accept(b);
      b.build();
    } catch (InvalidConfigurationException e) {
      p.add(input, e.getMessage());
    }
  }

  private void applyDomain(ClientConfig.Builder b) {
    b.baseUrl(domain);
  }

  private void applyTimeouts(ClientConfig.Builder b) {
    b.connectTimeout(min(timeout, Duration.ofSeconds(10)))
        .readTimeout(timeout)
        .callTimeout(timeout)
        .retryPolicy(retries == 0 ? RetryPolicy.none()
            : new RetryPolicy(retries + 1, Duration.ofMillis(500), Duration.ofSeconds(10),
                timeout.multipliedBy(retries + 1L)));
  }

  private void applyCa(ClientConfig.Builder b) {
    if (caCertificatePem != null) {
      b.caCertificatesPem(caCertificatePem);
    }
  }

  private void applyProxy(ClientConfig.Builder b) {
    if (!proxy.isEmpty()) {
      Map<String, String> proxyEnv = new HashMap<>();
      proxyEnv.put("https_proxy", proxy);
      proxyEnv.put("http_proxy", proxy);
      String noProxy = firstNonBlank(env.get("no_proxy"), env.get("NO_PROXY"));
      if (noProxy != null) {
        proxyEnv.put("no_proxy", noProxy);
      }
      b.proxyFromEnvironment(proxyEnv);
    } else {
      b.proxyFromEnvironment(env);
    }
  }

  private void applyHeaders(ClientConfig.Builder b) {
    for (Header header : extraHeaders) {
      b.header(header.name(), header.value().reveal());
    }
  }

  /** The request for the configured project, environment and paths. */
  SecretsRequest request() {
    SecretsRequest.Builder b = SecretsRequest.builder()
        .environment(environment.isEmpty() ? null : environment)
        .paths(paths)
        .recursive(recursive)
        .includeImports(includeImports)
        .expandReferences(expandReferences);
    if (project != null) {
      b.project(project);
    }
    return b.build();
  }

  /** Project as written in the inputs, for messages. */
  String projectLabel() {
    return project == null ? "(the service token's project)" : project.value();
  }

  private static Path resolveOutputFile(String input, Map<String, String> env, Path workspace, Problems p) {
    if (!present(env, "GITHUB_WORKSPACE")) {
      p.add("file-output-path", "needs GITHUB_WORKSPACE, which the runner did not set");
      return null;
    }
    String relative = input.replaceFirst("^/+", "");
    if (relative.isEmpty() || relative.indexOf('\0') >= 0) {
      p.add("file-output-path", "must name a file inside the workspace, e.g. /.env");
      return null;
    }
    Path target = workspace.resolve(relative).normalize();
    if (!target.startsWith(workspace) || target.equals(workspace)) {
      p.add("file-output-path", "'" + printable(input) + "' points outside the workspace");
      return null;
    }
    try {
      if (Files.isSymbolicLink(target)) {
        p.add("file-output-path", "'" + printable(input) + "' is a symbolic link; refusing to write through it");
        return null;
      }
      if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
        p.add("file-output-path", "'" + printable(input) + "' is a directory");
        return null;
      }
      Path realWorkspace = workspace.toRealPath();
      Path existing = target.getParent();
      while (existing != null && !Files.exists(existing)) {
        existing = existing.getParent();
      }
      if (existing == null || !existing.toRealPath().startsWith(realWorkspace)) {
        p.add("file-output-path", "'" + printable(input) + "' resolves outside the workspace (through a link)");
        return null;
      }
    } catch (IOException e) {
      p.add("file-output-path", "cannot check '" + printable(input) + "': " + e.getClass().getSimpleName());
      return null;
    }
    return target;
  }

  static Duration parseDuration(String text) {
    Matcher m = DURATION.matcher(text.trim().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      return null;
    }
    long n = Long.parseLong(m.group(1));
    String unit = m.group(2) == null ? "s" : m.group(2);
    Duration d = switch (unit) {
      case "ms" -> Duration.ofMillis(n);
      case "m" -> Duration.ofMinutes(n);
      default -> Duration.ofSeconds(n);
    };
    return d.isZero() ? null : d;
  }

  private static String inputFor(String message) {
    String m = message.toLowerCase(Locale.ROOT);
    if (m.contains("baseurl")) {
      return "domain";
    }
    if (m.contains("proxy")) {
      return "proxy";
    }
    if (m.contains("header")) {
      return "extra-headers";
    }
    if (m.contains("ca")) {
      return "ca-certificate";
    }
    return "timeout";
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) < 0 ? a : b;
  }

  private static boolean present(Map<String, String> env, String name) {
    String v = env.get(name);
    return v != null && !v.isBlank();
  }

  private static String firstNonBlank(String a, String b) {
    if (a != null && !a.isBlank()) {
      return a.trim();
    }
    return b == null || b.isBlank() ? null : b.trim();
  }

  static String printable(String s) {
    return s == null ? "" : s.replaceAll("[\\x00-\\x1f\\x7f]", "?");
  }

  /** Collects problems, each prefixed with the input it is about. */
  static final class Problems {
    private final List<String> list = new ArrayList<>();

    void add(String input, String problem) {
      list.add("input '" + input + "': " + problem);
    }

    boolean bool(Inputs in, String input) {
      String v = in.get(input);
      switch (v) {
        case "true", "True", "TRUE" -> {
          return true;
        }
        case "false", "False", "FALSE" -> {
          return false;
        }
        default -> {
          add(input, "'" + printable(v) + "' is not a boolean; use true or false");
          return Boolean.parseBoolean(Inputs.DEFAULTS.get(input));
        }
      }
    }

    <T> T attempt(String input, java.util.function.Supplier<T> parse) {
      try {
        return parse.get();
      } catch (IllegalArgumentException e) {
        add(input, e.getMessage());
        return null;
      }
    }

    int size() {
      return list.size();
    }

    void throwIfAny() {
      if (!list.isEmpty()) {
        throw new InvalidInputsException(list);
      }
    }
  }
}
