package io.github.infisicalci.client;

import io.github.infisicalci.text.Printable;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Immutable, validated configuration of an {@link InfisicalClient}. Build it once with
 * {@link #builder()}; {@link Builder#build()} throws {@link InvalidConfigurationException} naming the
 * field that is wrong.
 */
public final class ClientConfig {
  /** The address used when none is given. */
  public static final String DEFAULT_BASE_URL = "https://app.infisical.com";

  private static final Set<String> RESERVED_HEADERS =
      Set.of("authorization", "host", "content-length", "content-type", "user-agent", "connection",
          "transfer-encoding", "proxy-authorization");

  private final String baseUrl;
  private final Duration connectTimeout;
  private final Duration readTimeout;
  private final Duration callTimeout;
  private final RetryPolicy retryPolicy;
  private final List<X509Certificate> caCertificates;
  private final ProxySettings proxy;
  private final Map<String, SecretValue> headers;
  private final String userAgent;
  private final Consumer<String> logSink;

  private ClientConfig(Builder b, String baseUrl, List<X509Certificate> cas, ProxySettings proxy) {
    this.baseUrl = baseUrl;
    this.connectTimeout = b.connectTimeout;
    this.readTimeout = b.readTimeout;
    this.callTimeout = b.callTimeout;
    this.retryPolicy = b.retryPolicy;
    this.caCertificates = List.copyOf(cas);
    this.proxy = proxy;
    this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(b.headers));
    this.userAgent = b.userAgent == null ? defaultUserAgent() : b.userAgent;
    this.logSink = b.logSink;
  }

  /** A builder with every default set. */
  public static Builder builder() {
    return new Builder();
  }

  /** Configuration with every default (Infisical Cloud, default retries, no proxy). */
  public static ClientConfig defaults() {
    return builder().build();
  }

  /** The server address, normalised: scheme, host, optional port and prefix, no {@code /api}, no trailing slash. */
  public String baseUrl() {
    return baseUrl;
  }

  /** Limit for establishing a connection, {@link Duration#ZERO} for none. */
  public Duration connectTimeout() {
    return connectTimeout;
  }

  /** Limit for each read (and write) on a connection, {@link Duration#ZERO} for none. */
  public Duration readTimeout() {
    return readTimeout;
  }

  /** Limit for one attempt of one call, {@link Duration#ZERO} for none. */
  public Duration callTimeout() {
    return callTimeout;
  }

  /** How failed calls are retried. */
  public RetryPolicy retryPolicy() {
    return retryPolicy;
  }

  /** The proxy in use for {@link #baseUrl()}, if any (empty when the host is in its no-proxy list). */
  public Optional<ProxySettings> proxy() {
    return Optional.ofNullable(proxy);
  }

  /** Names of the extra headers (values are not exposed: they may be credentials). */
  public Set<String> headerNames() {
    return headers.keySet();
  }

  /** The User-Agent header sent with every request. */
  public String userAgent() {
    return userAgent;
  }

  List<X509Certificate> caCertificates() {
    return caCertificates;
  }

  Map<String, SecretValue> headers() {
    return headers;
  }

  Consumer<String> logSink() {
    return logSink;
  }

  /** Describes the configuration; header values and proxy passwords are never shown. */
  @Override
  public String toString() {
    return "ClientConfig[baseUrl=" + baseUrl + ", connectTimeout=" + connectTimeout + ", readTimeout="
        + readTimeout + ", callTimeout=" + callTimeout + ", retryPolicy=" + retryPolicy + ", caCertificates="
        + caCertificates.size() + ", proxy=" + proxy + ", headers=" + headers.keySet() + ", userAgent="
        + userAgent + "]";
  }

  static String defaultUserAgent() {
    return "infisical-ci/" + ClientVersion.get() + " (Java " + Runtime.version().feature() + ")";
  }

  /** Collects settings; {@link #build()} validates them. Not thread-safe. */
  public static final class Builder {
    private String baseUrl = DEFAULT_BASE_URL;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration readTimeout = Duration.ofSeconds(30);
    private Duration callTimeout = Duration.ofSeconds(60);
    private RetryPolicy retryPolicy = RetryPolicy.defaults();
    private String caPem;
    private ProxySettings proxy;
    private Map<String, String> proxyEnv;
    private final Map<String, SecretValue> headers = new LinkedHashMap<>();
    private final List<String> headerErrors = new ArrayList<>();
    private String userAgent;
    private Consumer<String> logSink = line -> { };

    private Builder() {
    }

    /** Server address, e.g. {@code https://eu.infisical.com} or {@code https://vault.corp/api/}. */
    public Builder baseUrl(String url) {
      this.baseUrl = url;
      return this;
    }

    /** Default 10 s. */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = timeout;
      return this;
    }

    /** Default 30 s. */
    public Builder readTimeout(Duration timeout) {
      this.readTimeout = timeout;
      return this;
    }

    /** Limit for one attempt of one call; {@link Duration#ZERO} for none. Default 60 s. */
    public Builder callTimeout(Duration timeout) {
      this.callTimeout = timeout;
      return this;
    }

    /** Default {@link RetryPolicy#defaults()}. */
    public Builder retryPolicy(RetryPolicy policy) {
      this.retryPolicy = policy;
      return this;
    }

    /** One or more PEM certificates trusted in addition to the JDK's default trust. */
    public Builder caCertificatesPem(String pem) {
      this.caPem = pem;
      return this;
    }

    /** An explicit proxy; takes precedence over {@link #proxyFromEnvironment(Map)}. */
    public Builder proxy(ProxySettings settings) {
      this.proxy = settings;
      return this;
    }

    /**
     * Reads {@code HTTPS_PROXY} (for https servers) or {@code HTTP_PROXY} (for http servers) and
     * {@code NO_PROXY}, in any letter case (lower case preferred), e.g. from {@code System.getenv()}.
     * Credentials in the proxy URL ({@code http://user:pass@host:port}) are used for proxy authentication.
     */
    public Builder proxyFromEnvironment(Map<String, String> env) {
      this.proxyEnv = env == null ? null : Map.copyOf(env);
      return this;
    }

    /** An extra header sent with every request (e.g. {@code X-Infisical-Org}, an access-gateway token). */
    public Builder header(String name, String value) {
      if (name == null || name.isEmpty() || !name.chars().allMatch(Builder::isTokenChar)) {
        headerErrors.add("header name '" + printable(name) + "' is not a valid HTTP header name");
      } else if (RESERVED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
        headerErrors.add("header '" + name + "' is set by the client and cannot be overridden"
            + (name.equalsIgnoreCase("user-agent") ? " (use userAgent(...))" : ""));
      } else if (value == null || !value.chars().allMatch(c -> c == '\t' || (c >= 0x20 && c <= 0x7e))) {
        headerErrors.add("value of header '" + name + "' is missing or contains characters not allowed in HTTP headers");
      } else {
        headers.put(name, SecretValue.of(value));
      }
      return this;
    }

    /** Default {@code infisical-ci/<version> (Java <n>)}. */
    public Builder userAgent(String agent) {
      this.userAgent = agent;
      return this;
    }

    /** Receives informational lines (requests, retries, fallbacks); never secrets. */
    public Builder logSink(Consumer<String> sink) {
      this.logSink = sink;
      return this;
    }

    /** Validates and freezes the configuration. */
    public ClientConfig build() {
      String normalized = normalizeBaseUrl(baseUrl);
      checkTimeout("connectTimeout", connectTimeout);
      checkTimeout("readTimeout", readTimeout);
      checkTimeout("callTimeout", callTimeout);
      if (retryPolicy == null) {
        throw new InvalidConfigurationException("retryPolicy", "retryPolicy must be set");
      }
      if (!headerErrors.isEmpty()) {
        throw new InvalidConfigurationException("header", "Invalid extra header: " + headerErrors.get(0));
      }
      if (userAgent != null && (userAgent.isBlank()
          || !userAgent.chars().allMatch(c -> c >= 0x20 && c <= 0x7e))) {
        throw new InvalidConfigurationException("userAgent",
            "userAgent must be non-blank printable ASCII text");
      }
      if (logSink == null) {
        throw new InvalidConfigurationException("logSink", "logSink must not be null");
      }
      List<X509Certificate> cas = caPem == null ? List.of() : parsePem(caPem);
      String host = URI.create(normalized).getHost();
      ProxySettings chosen = proxy;
      if (chosen == null && proxyEnv != null) {
        chosen = proxyFromEnv(proxyEnv, normalized.startsWith("https:"));
      }
      if (chosen != null && chosen.bypasses(host)) {
        chosen = null;
      }
      return new ClientConfig(this, normalized, cas, chosen);
    }

    static String normalizeBaseUrl(String url) {
      if (url == null || url.isBlank()) {
        throw new InvalidConfigurationException("baseUrl", "baseUrl must be set, e.g. " + DEFAULT_BASE_URL);
      }
      String u = url.trim();
      URI uri;
      try {
        uri = new URI(u);
      } catch (URISyntaxException e) {
        throw new InvalidConfigurationException("baseUrl", "baseUrl '" + printableUrl(u) + "' is not a valid URL");
      }
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https")) {
        throw new InvalidConfigurationException("baseUrl",
            "baseUrl '" + printableUrl(u) + "' must start with https:// (or http://)");
      }
      if (uri.getHost() == null || uri.getHost().isEmpty()) {
        throw new InvalidConfigurationException("baseUrl", "baseUrl '" + printableUrl(u) + "' has no host name");
      }
      if (uri.getRawUserInfo() != null) {
        throw new InvalidConfigurationException("baseUrl", "baseUrl must not contain credentials");
      }
      if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
        throw new InvalidConfigurationException("baseUrl",
            "baseUrl '" + printable(uri.getScheme() + "://" + uri.getRawAuthority() + uri.getRawPath())
                + "' must not have a query or fragment");
      }
      String path = uri.getRawPath() == null ? "" : uri.getRawPath();
      while (path.endsWith("/")) {
        path = path.substring(0, path.length() - 1);
      }
      if (path.toLowerCase(Locale.ROOT).endsWith("/api")) {
        path = path.substring(0, path.length() - 4);
      }
      while (path.endsWith("/")) {
        path = path.substring(0, path.length() - 1);
      }
      String host = uri.getHost().toLowerCase(Locale.ROOT);
      return scheme + "://" + host + (uri.getPort() >= 0 ? ":" + uri.getPort() : "") + path;
    }

    private static void checkTimeout(String field, Duration d) {
      if (d == null) {
        throw new InvalidConfigurationException(field, field + " must be set (Duration.ZERO for no limit)");
      }
      if (d.isNegative()) {
        throw new InvalidConfigurationException(field, field + " must not be negative (was " + d + ")");
      }
    }

    static List<X509Certificate> parsePem(String pem) {
      if (pem.isBlank() || !pem.contains("-----BEGIN CERTIFICATE-----")) {
        throw new InvalidConfigurationException("caCertificatesPem",
            "caCertificatesPem must hold at least one PEM certificate (-----BEGIN CERTIFICATE-----)");
      }
      try {
        CertificateFactory cf = CertificateFactory.getInstance("X.509");
        List<X509Certificate> out = new ArrayList<>();
        for (Certificate c : cf.generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)))) {
          out.add((X509Certificate) c);
        }
        if (out.isEmpty()) {
          throw new InvalidConfigurationException("caCertificatesPem", "caCertificatesPem holds no certificate");
        }
        return out;
      } catch (CertificateException e) {
        throw new InvalidConfigurationException("caCertificatesPem",
            "caCertificatesPem is not a readable PEM certificate bundle: " + e.getMessage());
      }
    }

    static ProxySettings proxyFromEnv(Map<String, String> env, boolean https) {
      String varName = https ? "https_proxy" : "http_proxy";
      String[] found = lookup(env, varName);
      String noProxy = lookup(env, "no_proxy")[1];
      if (found[1] == null || found[1].isBlank()) {
        return null;
      }
      return parseProxyUrl(found[0], found[1].trim(), noProxy);
    }

    /** Returns {name as found, value}; lower case wins over other spellings. */
    private static String[] lookup(Map<String, String> env, String lowerName) {
      if (env.get(lowerName) != null) {
        return new String[] {lowerName, env.get(lowerName)};
      }
      for (Map.Entry<String, String> e : env.entrySet()) {
        if (e.getKey() != null && e.getKey().equalsIgnoreCase(lowerName) && e.getValue() != null) {
          return new String[] {e.getKey(), e.getValue()};
        }
      }
      return new String[] {lowerName.toUpperCase(Locale.ROOT), null};
    }

    static ProxySettings parseProxyUrl(String varName, String value, String noProxy) {
      String withScheme = value.contains("://") ? value : "http://" + value;
      URI uri;
      try {
        uri = new URI(withScheme);
      } catch (URISyntaxException e) {
        throw new InvalidConfigurationException(varName, varName + " is not a valid proxy URL");
      }
      String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("http")) {
        throw new InvalidConfigurationException(varName, varName + " uses scheme '" + scheme
            + "'; only http:// proxies are supported (https traffic is tunnelled with CONNECT)");
      }
      if (uri.getHost() == null) {
        throw new InvalidConfigurationException(varName, varName + " has no proxy host name");
      }
      String user = null;
      SecretValue password = null;
      if (uri.getRawUserInfo() != null) {
        String info = uri.getRawUserInfo();
        int colon = info.indexOf(':');
        user = URLDecoder.decode(colon < 0 ? info : info.substring(0, colon), StandardCharsets.UTF_8);
        password = SecretValue.of(colon < 0 ? "" : URLDecoder.decode(info.substring(colon + 1), StandardCharsets.UTF_8));
      }
      List<String> bypass = noProxy == null ? List.of() : Arrays.asList(noProxy.split("[,\\s]+"));
      try {
        return new ProxySettings(uri.getHost(), uri.getPort() < 0 ? 80 : uri.getPort(), user, password, bypass);
      } catch (InvalidConfigurationException e) {
        throw new InvalidConfigurationException(varName, varName + ": " + e.getMessage());
      }
    }

    private static boolean isTokenChar(int c) {
      return c > 0x20 && c < 0x7f && "\"(),/:;<=>?@[\\]{}".indexOf(c) < 0;
    }

    /** The URL for a message, with anything that may be user info (up to the last {@code @}) masked. */
    private static String printableUrl(String u) {
      int at = u.lastIndexOf('@');
      if (at < 0) {
        return printable(u);
      }
      int scheme = u.indexOf("://");
      int from = scheme >= 0 && scheme < at ? scheme + 3 : 0;
      return printable(u.substring(0, from) + "****" + u.substring(at));
    }

    private static String printable(String s) {
      return Printable.quote(s);
    }
  }

}
