package io.github.infisicalci.client.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.infisicalci.client.AuthenticationException;
import io.github.infisicalci.client.ClientConfig;
import io.github.infisicalci.client.InfisicalClient;
import io.github.infisicalci.client.InvalidConfigurationException;
import io.github.infisicalci.client.RetryPolicy;
import io.github.infisicalci.client.SecretValue;
import io.github.infisicalci.client.secrets.ProjectRef;
import io.github.infisicalci.client.secrets.SecretsRequest;
import io.github.infisicalci.devserver.DevServer;
import io.github.infisicalci.devserver.Seed;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * AWS IAM auth signed by the AWS SDK in the client, verified by the dev server's own SigV4 implementation
 * (two independent implementations must agree). No request leaves loopback.
 */
class AwsIamAuthTest {
  static final String KEY_ID = "AKIDEXAMPLE0TEST";
  static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";

  private DevServer server;
  private Seed seed;

  @BeforeEach
  void start() {
    seed = Seed.builder()
        .project("p", p -> p.secret("dev", "/", "A", "1"))
        .identity("aws", i -> i.awsAuth(KEY_ID, SECRET, "arn:aws:iam::123456789012:role/ci").member("p", "viewer"))
        .build();
    server = DevServer.start(seed);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private InfisicalClient client(AuthMethod auth) {
    return InfisicalClient.create(ClientConfig.builder().baseUrl(server.url()).retryPolicy(RetryPolicy.none())
        .build(), auth);
  }

  private AuthMethod aws(Supplier<AwsKeys> keys, String region, Clock clock) {
    return AuthMethods.awsIam(seed.identityId("aws"), keys, () -> region, clock);
  }

  private static Supplier<AwsKeys> keys(String secret, String session) {
    return () -> new AwsKeys(KEY_ID, SecretValue.of(secret), session == null ? null : SecretValue.of(session));
  }

  @Test
  void signedRequestLogsInAndFetches() {
    for (String session : new String[] {null, "session-token-xyz"}) {
      try (InfisicalClient c = client(aws(keys(SECRET, session), "eu-west-1", Clock.systemUTC()))) {
        assertEquals("1", c.fetchSecrets(SecretsRequest.builder().project(ProjectRef.slug("p")).environment("dev")
            .build()).get("A").orElseThrow().value().reveal());
      }
    }
    assertEquals(2, server.calls().count("POST", "/api/v1/auth/aws-auth/login"));
  }

  @Test
  void wrongSecretIsRejectedBySignatureCheck() {
    try (InfisicalClient c = client(aws(keys("not-the-secret-key", null), "us-east-1", Clock.systemUTC()))) {
      AuthenticationException e = assertThrows(AuthenticationException.class, c::accessToken);
      assertEquals(401, e.status().getAsInt());
      assertTrue(e.getMessage().contains("SignatureDoesNotMatch"), e.getMessage());
      assertFalse(e.getMessage().contains("not-the-secret-key"), e.getMessage());
    }
  }

  @Test
  void staleSignatureIsRejected() {
    Clock old = Clock.offset(Clock.systemUTC(), Duration.ofHours(-1));
    try (InfisicalClient c = client(aws(keys(SECRET, null), "us-east-1", old))) {
      AuthenticationException e = assertThrows(AuthenticationException.class, c::accessToken);
      assertTrue(e.getMessage().contains("15 minutes"), e.getMessage());
    }
  }

  @Test
  void missingCredentialsAndBadRegionSayWhatToSet() {
    try (InfisicalClient c = client(aws(() -> {
      throw new IllegalStateException("Unable to load credentials from any of the providers in the chain");
    }, "us-east-1", Clock.systemUTC()))) {
      AuthenticationException e = assertThrows(AuthenticationException.class, c::accessToken);
      assertTrue(e.getMessage().contains("AWS_ACCESS_KEY_ID") && e.getMessage().contains("Unable to load"),
          e.getMessage());
    }
    try (InfisicalClient c = client(aws(keys(SECRET, null), "Not A Region", Clock.systemUTC()))) {
      InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class, c::accessToken);
      assertEquals("region", e.field());
    }
    assertEquals(0, server.calls().count("POST", "/api/v1/auth/aws-auth/login"));
  }

  @Test
  void regionComesFromTheEnvironmentFirst() {
    assertEquals("ap-south-1", AwsIamAuth.regionFrom(Map.of("AWS_REGION", "ap-south-1", "AWS_DEFAULT_REGION", "x")));
    assertEquals("eu-north-1", AwsIamAuth.regionFrom(Map.of("AWS_DEFAULT_REGION", " eu-north-1 ")));
    assertEquals("aws iam auth (identity 'id-7')", AuthMethods.awsIam("id-7", Map.of()).description());
  }
}
