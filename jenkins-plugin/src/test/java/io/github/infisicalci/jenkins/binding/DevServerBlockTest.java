package io.github.infisicalci.jenkins.binding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.infisicalci.client.ClientConfig;
import io.github.infisicalci.client.InfisicalClient;
import io.github.infisicalci.client.RetryPolicy;
import io.github.infisicalci.client.SecretValue;
import io.github.infisicalci.client.auth.AuthMethod;
import io.github.infisicalci.client.secrets.ProjectRef;
import io.github.infisicalci.devserver.DevServer;
import io.github.infisicalci.devserver.Seed;
import io.github.infisicalci.export.ExportEntry;
import io.github.infisicalci.export.KeySelection;
import io.github.infisicalci.jenkins.auth.CachingAuthMethod;
import io.github.infisicalci.jenkins.auth.TokenCache;
import io.github.infisicalci.jenkins.auth.TokenCacheKey;
import io.github.infisicalci.jenkins.config.ClientConfigFactory;
import io.github.infisicalci.jenkins.config.ConnectionCheck;
import io.github.infisicalci.jenkins.config.InfisicalSettings;
import io.github.infisicalci.jenkins.config.TestSettings;
import io.github.infisicalci.jenkins.credentials.CredentialMaterial;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The block's controller-side path (settings → client config → cached login → listing → key selection)
 * against the in-memory dev server on 127.0.0.1, without Jenkins.
 */
class DevServerBlockTest {
  private static DevServer server;
  private final TokenCache cache = new TokenCache(Clock.systemUTC(), Duration.ofSeconds(5), Duration.ofHours(1));
  private final CredentialMaterial cred =
      CredentialMaterial.universalAuth("infisical-ua", "ci-client", SecretValue.of("ci-client-secret"));

  @BeforeAll
  static void start() {
    server = DevServer.start(Seed.builder()
        .project("shop", p -> p.environments("dev", "prod")
            .secret("prod", "/", "DB_PASSWORD", "pa$word-prod-1")
            .secret("prod", "/", "CERT", "-----BEGIN X-----\nAAAA-line\nBBBB-line\n-----END X-----")
            .secret("prod", "/stripe", "stripe-key", "sk_live_12345"))
        .universalAuthIdentity("ci", "ci-client", "ci-client-secret", "shop")
        .build());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @BeforeEach
  void reset() {
    server.calls().clear();
  }

  private ClientConfig config() {
    InfisicalSettings s = TestSettings.builder().serverUrl(server.url()).build();
    return ClientConfig.builder().baseUrl(ClientConfigFactory.create(s, null, null).baseUrl())
        .retryPolicy(RetryPolicy.none()).build();
  }

  private AuthMethod auth(ClientConfig config) {
    return new CachingAuthMethod(cache, new TokenCacheKey(config.baseUrl(), cred.credentialsId(), cred.fingerprint()),
        cred.authMethod());
  }

  private SecretsLoader.Loaded runBlock(List<FetchGroup> groups) {
    ClientConfig config = config();
    try (InfisicalClient client = InfisicalClient.create(config, auth(config))) {
      return new SecretsLoader(client::fetchSecrets, SecretsLoader.policy(List.of()))
          .load(ProjectRef.slug("shop"), "shop", "prod", groups);
    }
  }

  private static Map<String, String> values(SecretsLoader.Loaded loaded) {
    Map<String, String> m = new LinkedHashMap<>();
    for (ExportEntry e : loaded.entries()) {
      m.put(e.name(), e.value().reveal());
    }
    return m;
  }

  @Test
  void fetchesSelectsAndRenamesAcrossGroups() {
    SecretsLoader.Loaded loaded = runBlock(List.of(
        new FetchGroup(List.of("/"), false, true, KeySelection.parse("DB_PASSWORD\nCERT")),
        new FetchGroup(List.of("/stripe"), false, true, KeySelection.parse("stripe-key=STRIPE_KEY"))));
    assertEquals(Map.of("DB_PASSWORD", "pa$word-prod-1", "STRIPE_KEY", "sk_live_12345",
        "CERT", "-----BEGIN X-----\nAAAA-line\nBBBB-line\n-----END X-----"), values(loaded));
    assertEquals(List.of("/stripe"), loaded.groups().get(1).paths());
  }

  @Test
  void secondBlockReusesTheCachedTokenAndReLogsInAfterRevocation() {
    runBlock(List.of(new FetchGroup(List.of("/"), false, true, KeySelection.parse("DB_PASSWORD"))));
    runBlock(List.of(new FetchGroup(List.of("/"), false, true, KeySelection.parse("DB_PASSWORD"))));
    assertEquals(1, server.calls().logins().size(), server.calls().toString());

    server.revokeAllTokens();
    SecretsLoader.Loaded loaded =
        runBlock(List.of(new FetchGroup(List.of("/"), false, true, KeySelection.parse("DB_PASSWORD"))));
    assertEquals("pa$word-prod-1", values(loaded).get("DB_PASSWORD"));
    assertEquals(2, server.calls().logins().size(), server.calls().toString());
  }

  @Test
  void missingKeysAreAllReportedWithWhereTheyWereLookedFor() {
    BlockException e = assertThrows(BlockException.class, () -> runBlock(List.of(
        new FetchGroup(List.of("/"), false, true, KeySelection.parse("NOPE_1\nDB_PASSWORD\nNOPE_2")))));
    assertTrue(e.getMessage().contains("NOPE_1, NOPE_2"), e.getMessage());
    assertTrue(e.getMessage().contains("'prod'"), e.getMessage());
    assertFalse(e.getMessage().contains("pa$word"), e.getMessage());
  }

  @Test
  void connectionCheckFindsProjectAndEnvironment() {
    ClientConfig config = config();
    ConnectionCheck.Result ok = ConnectionCheck.run(config, cred.authMethod(), ProjectRef.slug("shop"), "prod");
    assertTrue(ok.ok(), ok.message());
    assertTrue(ok.message().contains("shop") && ok.message().contains("prod"), ok.message());

    ConnectionCheck.Result badEnv = ConnectionCheck.run(config, cred.authMethod(), ProjectRef.slug("shop"), "qa");
    assertFalse(badEnv.ok());
    assertTrue(badEnv.message().contains("'qa'"), badEnv.message());

    ConnectionCheck.Result badSecret = ConnectionCheck.run(config,
        CredentialMaterial.universalAuth("x", "ci-client", SecretValue.of("wrong-secret-xyz")).authMethod(),
        ProjectRef.slug("shop"), null);
    assertFalse(badSecret.ok());
    assertFalse(badSecret.message().contains("wrong-secret-xyz"), badSecret.message());
  }

  /** A real server answers an unknown client id with 404; it used to read "Secret 'null' not found ...". */
  @Test
  void connectionCheckNamesAnUnknownClientIdAsARefusedLogin() {
    var fault = server.faults().on("/api/v1/auth/universal-auth/login").respond(404,
        "{\"statusCode\":404,\"message\":\"No identity with specified client ID was found\",\"error\":\"NotFound\"}");
    try {
      ConnectionCheck.Result r = ConnectionCheck.run(config(),
          CredentialMaterial.universalAuth("x", "no-such-client", SecretValue.of("some-secret-xyz")).authMethod(),
          ProjectRef.slug("shop"), null);
      assertFalse(r.ok());
      assertTrue(r.message().contains("log in with universal auth (client id 'no-such-client')"), r.message());
      assertTrue(r.message().contains("the server has no identity with that id"), r.message());
      assertFalse(r.message().contains("null"), r.message());
      assertFalse(r.message().contains("some-secret-xyz"), r.message());
    } finally {
      fault.cancel();
    }
  }
}
