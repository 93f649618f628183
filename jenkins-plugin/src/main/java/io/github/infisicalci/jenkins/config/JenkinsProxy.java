package io.github.infisicalci.jenkins.config;

import hudson.ProxyConfiguration;
import hudson.util.Secret;
import io.github.infisicalci.client.ProxySettings;
import jenkins.model.Jenkins;

/** Jenkins' own proxy configuration (Manage Jenkins → Plugins → Advanced), as client proxy settings. */
public final class JenkinsProxy {
  private JenkinsProxy() {
  }

  /** The configured proxy, or {@code null} when Jenkins has none. */
  public static ProxySettings current() {
    ProxyConfiguration p = Jenkins.get().getProxy();
    if (p == null) {
      return null;
    }
    Secret pw = p.getSecretPassword();
    return ClientConfigFactory.proxy(p.name, p.port, p.getUserName(), pw == null ? null : pw.getPlainText(),
        p.getNoProxyHost());
  }
}
