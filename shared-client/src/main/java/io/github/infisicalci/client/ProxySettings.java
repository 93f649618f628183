package io.github.infisicalci.client;

import io.github.infisicalci.text.Printable;
import java.util.List;
import java.util.Locale;

/**
 * An HTTP proxy (CONNECT for https). {@code username}/{@code password} are optional (both or neither);
 * {@code noProxy} lists hosts reached directly: {@code example.com} also matches its subdomains, a
 * leading {@code .} or {@code *.} is ignored, {@code *} matches every host; an address ({@code 10.0.0.1})
 * or a CIDR range ({@code 10.0.0.0/8}, {@code fd00::/8}) matches servers named by an address literal
 * (host names are never resolved for this).
 *
 * @param host proxy host name or address
 * @param port proxy port, 1..65535
 * @param username user for proxy authentication, or {@code null}
 * @param password password for proxy authentication, or {@code null}
 * @param noProxy hosts that bypass the proxy (never {@code null})
 */
public record ProxySettings(String host, int port, String username, SecretValue password, List<String> noProxy) {

  /** Validates host, port and the credential pair. */
  public ProxySettings {
    if (host == null || host.isBlank() || host.chars().anyMatch(c -> c <= ' ' || c == '/' || c == '@')) {
      throw new InvalidConfigurationException("proxy.host", "proxy.host must be a host name or address (was '"
          + Printable.quote(host) + "')");
    }
    if (port < 1 || port > 65535) {
      throw new InvalidConfigurationException("proxy.port", "proxy.port must be 1..65535 (was " + port + ")");
    }
    if ((username == null || username.isEmpty()) != (password == null)) {
      throw new InvalidConfigurationException("proxy.username",
          "proxy.username and proxy.password must be given together");
    }
    noProxy = noProxy == null ? List.of() : noProxy.stream()
        .map(s -> s == null ? "" : s.trim().toLowerCase(Locale.ROOT))
        .filter(s -> !s.isEmpty())
        .toList();
  }

  /** A proxy without authentication. */
  public static ProxySettings of(String host, int port) {
    return new ProxySettings(host, port, null, null, List.of());
  }

  /** Whether {@code targetHost} is listed in {@link #noProxy()}. */
  public boolean bypasses(String targetHost) {
    String h = targetHost.toLowerCase(Locale.ROOT);
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    byte[] address = IpLiterals.parse(h);
    for (String entry : noProxy) {
      String e = entry;
      if (e.indexOf('/') >= 0) {
        if (address != null && IpLiterals.inRange(e, address)) {
          return true;
        }
        continue;
      }
      int colon = e.lastIndexOf(':');
      if (colon > 0 && e.indexOf(':') == colon && e.substring(colon + 1).chars().allMatch(Character::isDigit)) {
        e = e.substring(0, colon);
      }
      if (e.equals("*")) {
        return true;
      }
      if (address != null) {
        String literal = e.startsWith("[") && e.endsWith("]") ? e.substring(1, e.length() - 1) : e;
        if (h.equals(literal) || java.util.Arrays.equals(address, IpLiterals.parse(literal))) {
          return true;
        }
        continue; // an address never matches a domain suffix
      }
      if (e.startsWith("*.")) {
        e = e.substring(2);
      } else if (e.startsWith(".")) {
        e = e.substring(1);
      }
      if (h.equals(e) || h.endsWith("." + e)) {
        return true;
      }
    }
    return false;
  }

  /** Never shows the password. */
  @Override
  public String toString() {
    return "ProxySettings[host=" + host + ", port=" + port + ", username=" + username
        + ", password=" + (password == null ? "null" : "****") + ", noProxy=" + noProxy + "]";
  }
}
