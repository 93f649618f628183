package io.github.infisicalci.action;

import static io.github.infisicalci.action.InputProblems.firstNonBlank;
import static io.github.infisicalci.action.InputProblems.printable;

import io.github.infisicalci.client.ClientConfig;
import io.github.infisicalci.client.InvalidConfigurationException;
import io.github.infisicalci.client.RetryPolicy;
import io.github.infisicalci.client.SecretValue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How to reach the server: {@code domain}, extra headers, CA certificate, proxy, timeout and retries. */
record NetworkSettings(
    String domain,
    List<Header> extraHeaders,
    String caCertificatePem,
    Map<String, String> proxyEnv,
    Duration timeout,
    int retries,
    Duration deadline) {

  /** An extra HTTP header; the value may be a credential. */
  record Header(String name, SecretValue value) {}

  /** A job runs 6 hours at most on GitHub-hosted runners. */
  private static final Duration MAX_DEADLINE = Duration.ofHours(6);
  private static final Pattern DURATION = Pattern.compile("(\\d{1,6})\\s*(ms|s|m)?");
  private static final Set<String> PROXY_VARIABLES = Set.of("https_proxy", "http_proxy", "no_proxy");

  static NetworkSettings parse(Inputs in, Map<String, String> env, Path workspace, InputProblems p) {
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
    Duration deadline = parseDuration(in.get("deadline"));
    if (deadline == null || deadline.compareTo(MAX_DEADLINE) > 0) {
      p.add("deadline", "'" + printable(in.get("deadline")) + "' is not a duration up to 360m; give seconds (90) or"
          + " 500ms, 30s, 5m");
      deadline = Duration.ofMinutes(5);
    }
    NetworkSettings network = new NetworkSettings(in.get("domain"), headers(in, p), caPem(in, workspace, p),
        proxyEnv(in.get("proxy"), env), timeout, retries, deadline);
    network.configProblems(p);
    return network;
  }

  private static List<Header> headers(Inputs in, InputProblems p) {
    List<Header> headers = new ArrayList<>();
    String[] lines = in.get("extra-headers").split("\r?\n");
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].trim();
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
    return List.copyOf(headers);
  }

  /** The largest CA file read (a bundle of a few hundred certificates). */
  static final long MAX_CA_BYTES = 1 << 20;

  /**
   * PEM text as given, or the file a workspace-relative path names: never an absolute path, never a
   * {@code ..} segment, never through a link that leaves the workspace, a regular file of at most 1 MiB.
   * Messages name the path only, never what the file holds.
   */
  private static String caPem(Inputs in, Path workspace, InputProblems p) {
    String ca = in.get("ca-certificate");
    if (ca.isEmpty()) {
      return null;
    }
    if (ca.contains("-----BEGIN")) {
      return ca;
    }
    String shown = "'" + printable(ca) + "'";
    if (ca.startsWith("/") || ca.startsWith("\\") || ca.indexOf('\0') >= 0) {
      p.add("ca-certificate", shown + " must be PEM text or a path relative to the workspace (the container"
          + " sees only the workspace), not an absolute path");
      return null;
    }
    if (java.util.Arrays.asList(ca.split("[/\\\\]+")).contains("..")) {
      p.add("ca-certificate", shown + " must stay inside the workspace ('..' is not allowed)");
      return null;
    }
    Path caPath = workspace.resolve(ca).normalize();
    try {
      Path real = caPath.toRealPath();
      if (!real.startsWith(workspace.toRealPath())) {
        p.add("ca-certificate", shown + " resolves outside the workspace (through a link)");
        return null;
      }
      if (!Files.isRegularFile(real)) {
        p.add("ca-certificate", shown + " is not a regular file");
        return null;
      }
      if (Files.size(real) > MAX_CA_BYTES) {
        p.add("ca-certificate", shown + " is larger than 1 MiB; give the CA certificate(s) only");
        return null;
      }
      return Files.readString(real);
    } catch (IOException | RuntimeException e) {
      p.add("ca-certificate", "is neither PEM text nor a readable file in the workspace (" + shown + ": "
          + e.getClass().getSimpleName() + ")");
      return null;
    }
  }

  /** The proxy variables the client reads: the {@code proxy} input's, or the step environment's. */
  private static Map<String, String> proxyEnv(String proxy, Map<String, String> env) {
    Map<String, String> proxyEnv = new HashMap<>();
    if (!proxy.isEmpty()) {
      proxyEnv.put("https_proxy", proxy);
      proxyEnv.put("http_proxy", proxy);
      String noProxy = firstNonBlank(env.get("no_proxy"), env.get("NO_PROXY"));
      if (noProxy != null) {
        proxyEnv.put("no_proxy", noProxy);
      }
    } else {
      env.forEach((name, value) -> {
        if (PROXY_VARIABLES.contains(name.toLowerCase(Locale.ROOT))) {
          proxyEnv.put(name, value);
        }
      });
    }
    return Map.copyOf(proxyEnv);
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
  private void configProblems(InputProblems p) {
    try {
      clientConfig(line -> { });
      return;
    } catch (InvalidConfigurationException e) {
      // one of the parts below is wrong; find every one
    }
    int before = p.size();
    configProblem(p, "domain", this::applyDomain);
    configProblem(p, "timeout", this::applyTimeouts);
    configProblem(p, "ca-certificate", this::applyCa);
    configProblem(p, "proxy", this::applyProxy);
    configProblem(p, "extra-headers", this::applyHeaders);
    if (p.size() == before) {
      try {
        clientConfig(line -> { });
      } catch (InvalidConfigurationException e) {
        p.add(FailureReport.inputOf(e.field()), FailureReport.inputMessage(e));
      }
    }
  }

  private static void configProblem(InputProblems p, String input, Consumer<ClientConfig.Builder> part) {
    try {
      ClientConfig.Builder b = ClientConfig.builder();
      part.accept(b);
      b.build();
    } catch (InvalidConfigurationException e) {
      p.add(input, FailureReport.inputMessage(e));
    }
  }

  private void applyDomain(ClientConfig.Builder b) {
    b.baseUrl(domain);
  }

  private void applyTimeouts(ClientConfig.Builder b) {
    b.connectTimeout(timeout.compareTo(Duration.ofSeconds(10)) < 0 ? timeout : Duration.ofSeconds(10))
        .readTimeout(timeout)
        .callTimeout(timeout)
        .retryPolicy(retries == 0 ? RetryPolicy.none()
            : new RetryPolicy(retries + 1, Duration.ofMillis(500), Duration.ofSeconds(10),
                times(timeout, retries + 1)));
  }

  private void applyCa(ClientConfig.Builder b) {
    if (caCertificatePem != null) {
      b.caCertificatesPem(caCertificatePem);
    }
  }

  private void applyProxy(ClientConfig.Builder b) {
    b.proxyFromEnvironment(proxyEnv);
  }

  private void applyHeaders(ClientConfig.Builder b) {
    for (Header header : extraHeaders) {
      b.header(header.name(), header.value().reveal());
    }
  }

  /**
   * {@code d * n}, exactly as {@link Duration#multipliedBy} but without its BigDecimal arithmetic: the
   * first use of BigDecimal sets up a table up to 5^65536, a few milliseconds of start-up in the
   * interpreter (timeouts here are below 10^6 minutes, so the product never overflows).
   */
  static Duration times(Duration d, int n) {
    return Duration.ofSeconds(Math.multiplyExact(d.getSeconds(), (long) n), (long) d.getNano() * n);
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

  /** Names the server only: header values, CA text and proxy credentials stay out. */
  @Override
  public String toString() {
    return "NetworkSettings[domain=" + domain + ", timeout=" + timeout + ", retries=" + retries + "]";
  }
}
