package io.github.infisicalci.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClientConfigTest {

  @ParameterizedTest
  @CsvSource({
      "https://app.infisical.com, https://app.infisical.com",
      "https://app.infisical.com/, https://app.infisical.com",
      "https://app.infisical.com/api, https://app.infisical.com",
      "https://app.infisical.com/api/, https://app.infisical.com",
      "HTTPS://EU.Infisical.com/API//, https://eu.infisical.com",
      "http://127.0.0.1:8080/api, http://127.0.0.1:8080",
      "https://corp.example/vault/api/, https://corp.example/vault",
      "'  https://corp.example/vault  ', https://corp.example/vault",
  })
  void normalisesBaseUrl(String given, String expected) {
    assertEquals(expected, ClientConfig.builder().baseUrl(given).build().baseUrl());
  }

  @Test
  void defaultsAreSane() {
    ClientConfig c = ClientConfig.defaults();
    assertEquals("https://app.infisical.com", c.baseUrl());
    assertEquals(RetryPolicy.defaults(), c.retryPolicy());
    assertTrue(c.userAgent().matches("infisical-ci/\\d+\\.\\d+\\.\\d+\\S* \\(Java \\d+\\)"), c.userAgent());
    assertTrue(c.proxy().isEmpty());
  }

  @Test
  void invalidValuesNameTheField() {
    assertField("baseUrl", () -> ClientConfig.builder().baseUrl("ftp://x").build());
    assertField("baseUrl", () -> ClientConfig.builder().baseUrl("").build());
    assertField("baseUrl", () -> ClientConfig.builder().baseUrl("https://").build());
    assertField("baseUrl", () -> ClientConfig.builder().baseUrl("https://u:p@host").build());
    assertField("baseUrl", () -> ClientConfig.builder().baseUrl("https://host/?a=b").build());
    assertField("connectTimeout", () -> ClientConfig.builder().connectTimeout(Duration.ofSeconds(-1)).build());
    assertField("readTimeout", () -> ClientConfig.builder().readTimeout(null).build());
    assertField("callTimeout", () -> ClientConfig.builder().callTimeout(Duration.ofMillis(-5)).build());
    assertField("retryPolicy", () -> ClientConfig.builder().retryPolicy(null).build());
    assertField("retryPolicy.maxAttempts", () -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO, Duration.ZERO));
    assertField("retryPolicy.maxBackoff",
        () -> new RetryPolicy(3, Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofSeconds(9)));
    assertField("retryPolicy.totalBudget",
        () -> new RetryPolicy(3, Duration.ZERO, Duration.ZERO, Duration.ofSeconds(-1)));
    assertField("caCertificatesPem", () -> ClientConfig.builder().caCertificatesPem("not a pem").build());
    assertField("caCertificatesPem", () -> ClientConfig.builder()
        .caCertificatesPem("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n").build());
    assertField("userAgent", () -> ClientConfig.builder().userAgent(" ").build());
    assertField("proxy.port", () -> new ProxySettings("proxy", 0, null, null, null));
    assertField("proxy.host", () -> new ProxySettings("", 8080, null, null, null));
    assertField("proxy.username", () -> new ProxySettings("proxy", 8080, "bob", null, null));
  }

  @Test
  void headersAreValidatedWithoutEchoingValues() {
    assertField("header", () -> ClientConfig.builder().header("Authorization", "Bearer x").build());
    assertField("header", () -> ClientConfig.builder().header("bad name", "v").build());
    InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
        () -> ClientConfig.builder().header("X-Gateway-Token", "top\nsecret-value").build());
    assertFalse(e.getMessage().contains("secret-value"), e.getMessage());
    assertTrue(e.getMessage().contains("X-Gateway-Token"), e.getMessage());

    ClientConfig ok = ClientConfig.builder().header("X-Infisical-Org", "acme").header("X-Gateway-Token", "gw-secret").build();
    assertEquals(List.of("X-Infisical-Org", "X-Gateway-Token"), List.copyOf(ok.headerNames()));
    assertFalse(ok.toString().contains("gw-secret"), ok.toString());
  }

  @Test
  void proxyFromEnvironmentWithCredentialsAndNoProxy() {
    ClientConfig c = ClientConfig.builder()
        .baseUrl("https://vault.corp.example")
        .proxyFromEnvironment(Map.of("HTTPS_PROXY", "http://alice:p%40ss-word@proxy.corp:3128",
            "HTTP_PROXY", "http://other:1", "NO_PROXY", "localhost,.internal"))
        .build();
    ProxySettings p = c.proxy().orElseThrow();
    assertEquals("proxy.corp", p.host());
    assertEquals(3128, p.port());
    assertEquals("alice", p.username());
    assertEquals("p@ss-word", p.password().reveal());
    assertEquals(List.of("localhost", ".internal"), p.noProxy());
    assertFalse(p.toString().contains("p@ss"), p.toString());
    assertFalse(c.toString().contains("p@ss"), c.toString());
  }

  @Test
  void proxyFromEnvironmentPicksBySchemeAndHonoursNoProxy() {
    Map<String, String> env = Map.of("https_proxy", "proxy-s:8443", "http_proxy", "proxy-h:8080",
        "no_proxy", "*.internal.example, 127.0.0.1");
    assertEquals("proxy-h", ClientConfig.builder().baseUrl("http://a.example").proxyFromEnvironment(env).build()
        .proxy().orElseThrow().host());
    assertEquals("proxy-s", ClientConfig.builder().baseUrl("https://a.example").proxyFromEnvironment(env).build()
        .proxy().orElseThrow().host());
    assertTrue(ClientConfig.builder().baseUrl("https://vault.internal.example").proxyFromEnvironment(env).build()
        .proxy().isEmpty());
    assertTrue(ClientConfig.builder().baseUrl("http://127.0.0.1:8080").proxyFromEnvironment(env).build()
        .proxy().isEmpty());
    assertTrue(ClientConfig.builder().baseUrl("https://a.example").proxyFromEnvironment(Map.of("HTTP_PROXY", "x:1"))
        .build().proxy().isEmpty(), "https servers use HTTPS_PROXY only");
    assertTrue(ClientConfig.builder().proxyFromEnvironment(Map.of("HTTPS_PROXY", "http://p:1", "NO_PROXY", "*"))
        .build().proxy().isEmpty());
  }

  @Test
  void badProxyVariableIsNamedWithoutItsPassword() {
    InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class, () -> ClientConfig.builder()
        .proxyFromEnvironment(Map.of("HTTPS_PROXY", "socks5://bob:hunter2@proxy:1080")).build());
    assertEquals("HTTPS_PROXY", e.field());
    assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
  }

  @Test
  void explicitProxyWinsOverEnvironment() {
    ClientConfig c = ClientConfig.builder().proxy(ProxySettings.of("explicit", 9000))
        .proxyFromEnvironment(Map.of("HTTPS_PROXY", "http://env:1")).build();
    assertEquals("explicit", c.proxy().orElseThrow().host());
  }

  @Test
  void noProxyMatching() {
    ProxySettings p = new ProxySettings("proxy", 3128, null, null,
        List.of("example.com", ".corp.example", "*.internal", "10.0.0.1", "Vault.Local:8200"));
    assertTrue(p.bypasses("example.com"));
    assertTrue(p.bypasses("api.example.com"));
    assertFalse(p.bypasses("badexample.com"));
    assertTrue(p.bypasses("corp.example"));
    assertTrue(p.bypasses("x.y.corp.example"));
    assertTrue(p.bypasses("db.internal"));
    assertTrue(p.bypasses("10.0.0.1"));
    assertFalse(p.bypasses("10.0.0.10"));
    assertTrue(p.bypasses("vault.local"));
    assertFalse(p.bypasses("app.infisical.com"));
  }

  @Test
  void callersCanNameTheFieldTheirOwnWay() {
    InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
        () -> ClientConfig.builder().baseUrl("ftp://infisical.example.com").build());
    assertEquals("baseUrl", e.field());
    assertEquals("domain 'ftp://infisical.example.com' must start with https:// (or http://)", e.messageFor("domain"));
    assertTrue(e.getMessage().startsWith("baseUrl '"), e.getMessage());
    assertEquals(e.getMessage(), e.messageFor(null));
    InvalidConfigurationException none = assertThrows(InvalidConfigurationException.class,
        () -> ClientConfig.builder().baseUrl(" ").build());
    assertEquals("domain must be set, e.g. https://app.infisical.com", none.messageFor("domain"));
  }

  static void assertField(String field, Runnable r) {
    InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class, r::run);
    assertEquals(field, e.field(), e.getMessage());
    assertTrue(e.getMessage().contains(field.contains(".") ? field : field.replace("header", "header")), e.getMessage());
  }
}
