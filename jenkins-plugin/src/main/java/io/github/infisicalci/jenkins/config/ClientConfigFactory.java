package io.github.infisicalci.jenkins.config;

import io.github.infisicalci.client.ClientConfig;
import io.github.infisicalci.client.ProxySettings;
import io.github.infisicalci.client.SecretValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Turns merged {@link InfisicalSettings} (and Jenkins' proxy, when one is configured) into a client configuration. */
public final class ClientConfigFactory {
  static final String USER_AGENT = "infisical-ci-jenkins";

  private ClientConfigFactory() {
  }

  /**
   * The client configuration for {@code settings}.
   *
   * @param jenkinsProxy Jenkins' proxy, or {@code null} when none is configured
   * @param log receives informational lines (never secrets)
   * @throws io.github.infisicalci.client.InvalidConfigurationException naming the wrong field
   */
  public static ClientConfig create(InfisicalSettings settings, ProxySettings jenkinsProxy, Consumer<String> log) {
    ClientConfig.Builder b = ClientConfig.builder().userAgent(USER_AGENT);
    if (settings.serverUrl() != null) {
      b.baseUrl(settings.serverUrl());
    }
    if (settings.connectTimeoutSeconds() != null) {
      b.connectTimeout(Duration.ofSeconds(settings.connectTimeoutSeconds()));
    }
    if (settings.readTimeoutSeconds() != null) {
      b.readTimeout(Duration.ofSeconds(settings.readTimeoutSeconds()));
    }
    if (settings.caCertificate() != null) {
      b.caCertificatesPem(settings.caCertificate());
    }
    if (jenkinsProxy != null && !Boolean.FALSE.equals(settings.useJenkinsProxy())) {
      b.proxy(jenkinsProxy);
    }
    if (log != null) {
      b.logSink(log);
    }
    return b.build();
  }

  /**
   * Jenkins' proxy settings as the client's; {@code null} when no proxy host is set.
   *
   * @param noProxyHosts Jenkins' "No Proxy Host" text: host patterns separated by new lines, commas or {@code |}
   */
  public static ProxySettings proxy(String host, int port, String userName, String password, String noProxyHosts) {
    if (host == null || host.isBlank()) {
      return null;
    }
    List<String> noProxy = new ArrayList<>();
    if (noProxyHosts != null) {
      for (String p : noProxyHosts.split("[\\s,|]+")) {
        if (!p.isBlank()) {
          noProxy.add(p.trim());
        }
      }
    }
    String user = InfisicalSettings.blankToNull(userName);
    SecretValue pw = user == null ? null : SecretValue.of(password == null ? "" : password);
    return new ProxySettings(host.trim(), port, user, pw, noProxy);
  }
}
