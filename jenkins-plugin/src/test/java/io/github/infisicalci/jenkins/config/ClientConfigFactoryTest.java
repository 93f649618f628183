package io.github.infisicalci.jenkins.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.infisicalci.client.ClientConfig;
import io.github.infisicalci.client.ProxySettings;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClientConfigFactoryTest {

  @Test
  void settingsBecomeClientConfiguration() {
    InfisicalSettings s = TestSettings.builder().serverUrl("https://infisical.example.com/api/")
        .connectTimeoutSeconds(7).readTimeoutSeconds(42).build();
    ClientConfig c = ClientConfigFactory.create(s, null, null);
    assertTrue(c.baseUrl().startsWith("https://infisical.example.com"), c.baseUrl());
    assertEquals(Duration.ofSeconds(7), c.connectTimeout());
    assertEquals(Duration.ofSeconds(42), c.readTimeout());
    assertTrue(c.proxy().isEmpty());
  }

  @Test
  void defaultsApplyWhenNothingIsSet() {
    ClientConfig c = ClientConfigFactory.create(InfisicalSettings.EMPTY, null, null);
    assertEquals(ClientConfig.defaults().baseUrl(), c.baseUrl());
    assertEquals(ClientConfig.defaults().connectTimeout(), c.connectTimeout());
  }

  @Test
  void jenkinsProxyIsUsedUnlessSwitchedOff() {
    ProxySettings proxy = ClientConfigFactory.proxy("proxy.corp", 3128, null, null, null);
    assertEquals("proxy.corp", ClientConfigFactory.create(InfisicalSettings.EMPTY, proxy, null)
        .proxy().orElseThrow().host());
    InfisicalSettings off = TestSettings.builder().useJenkinsProxy(false).build();
    assertTrue(ClientConfigFactory.create(off, proxy, null).proxy().isEmpty());
  }

  @Test
  void proxyMappingSplitsNoProxyHostsAndKeepsThePasswordSecret() {
    ProxySettings p = ClientConfigFactory.proxy(" proxy.corp ", 8080, "alice", "s3cr3t-pw",
        "localhost\n*.internal.corp, 10.0.0.1|example.org");
    assertEquals("proxy.corp", p.host());
    assertEquals(8080, p.port());
    assertEquals("alice", p.username());
    assertEquals("s3cr3t-pw", p.password().reveal());
    assertEquals(List.of("localhost", "*.internal.corp", "10.0.0.1", "example.org"), p.noProxy());
    assertFalse(p.toString().contains("s3cr3t-pw"));
    assertTrue(p.bypasses("vault.internal.corp"));
  }

  @Test
  void noProxyHostMeansNoProxy() {
    assertNull(ClientConfigFactory.proxy("", 0, null, null, null));
    assertNull(ClientConfigFactory.proxy(null, 0, null, null, null));
  }

  @Test
  void userWithoutPasswordIsAccepted() {
    ProxySettings p = ClientConfigFactory.proxy("proxy.corp", 3128, "bob", null, null);
    assertEquals("bob", p.username());
    assertTrue(p.password().isEmpty());
  }
}
