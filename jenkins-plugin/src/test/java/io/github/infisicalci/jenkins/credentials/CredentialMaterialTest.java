package io.github.infisicalci.jenkins.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.infisicalci.client.InvalidConfigurationException;
import io.github.infisicalci.client.SecretValue;
import org.junit.jupiter.api.Test;

class CredentialMaterialTest {

  @Test
  void fingerprintFollowsTheContentNotTheObject() {
    CredentialMaterial a = CredentialMaterial.universalAuth("ua", "client-1", SecretValue.of("secret-1"));
    CredentialMaterial same = CredentialMaterial.universalAuth("ua", "client-1", SecretValue.of("secret-1"));
    CredentialMaterial newSecret = CredentialMaterial.universalAuth("ua", "client-1", SecretValue.of("secret-2"));
    CredentialMaterial newClient = CredentialMaterial.universalAuth("ua", "client-2", SecretValue.of("secret-1"));
    CredentialMaterial token = CredentialMaterial.token("ua", SecretValue.of("secret-1"));
    assertEquals(a.fingerprint(), same.fingerprint());
    assertNotEquals(a.fingerprint(), newSecret.fingerprint());
    assertNotEquals(a.fingerprint(), newClient.fingerprint());
    assertNotEquals(a.fingerprint(), token.fingerprint());
    assertEquals(64, a.fingerprint().length());
    assertFalse(a.fingerprint().contains("secret"));
  }

  @Test
  void authMethodMatchesTheKind() {
    assertTrue(CredentialMaterial.universalAuth("ua", "cid", SecretValue.of("cs")).authMethod().description()
        .contains("cid"));
    assertTrue(CredentialMaterial.universalAuth("ua", "cid", SecretValue.of("cs")).canLogIn());
    CredentialMaterial access = CredentialMaterial.token("t", SecretValue.of("eyJhbGciOi.x.y"));
    assertFalse(access.canLogIn());
    assertFalse(access.authMethod().canLogIn());
    CredentialMaterial service = CredentialMaterial.token("t", SecretValue.of("st.abc.def.ghi"));
    assertFalse(service.authMethod().description().contains("def"));
  }

  @Test
  void emptyClientIdIsNamed() {
    InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
        () -> CredentialMaterial.universalAuth("ua", " ", SecretValue.of("cs")).authMethod());
    assertTrue(e.getMessage().contains("clientId"), e.getMessage());
  }

  @Test
  void toStringNeverShowsTheSecret() {
    String s = CredentialMaterial.universalAuth("ua", "cid", SecretValue.of("cs-very-secret")).toString();
    assertFalse(s.contains("cs-very-secret"));
    assertTrue(s.contains("ua"));
  }
}
