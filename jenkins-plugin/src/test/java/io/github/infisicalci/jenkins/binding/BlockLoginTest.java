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
import io.github.infisicalci.client.secrets.SecretsRequest;
import io.github.infisicalci.devserver.DevServer;
import io.github.infisicalci.devserver.Seed;
import io.github.infisicalci.jenkins.credentials.CredentialMaterial;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Logins without a stored long-lived secret: OIDC / JWT auth with the token of a Secret text credential (the
 * OpenID Connect Provider plugin's per-build ID token) and Kubernetes auth with a pod's service-account token,
 * against the dev server.
 */
class BlockLoginTest {
  private static final String ID_TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJqb2IvZGVwbG95In0.c2lnbmF0dXJlLW9pZGM";
  private static final String SA_TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJzeXN0ZW06c2EifQ.c2lnbmF0dXJlLWs4cw";
  private static DevServer server;
  private static Seed seed;

  @BeforeAll
  static void start() {
    seed = Seed.builder()
        .project("shop", p -> p.secret("dev", "/", "DB_PASSWORD", "pw-oidc-Kx1"))
        .identity("jenkins-oidc", i -> i.oidcAuth(ID_TOKEN).member("shop", "viewer"))
        .identity("jenkins-jwt", i -> i.jwtAuth(ID_TOKEN).member("shop", "viewer"))
        .identity("agent-pod", i -> i.kubernetesAuth(SA_TOKEN).member("shop", "viewer"))
        .build();
    server = DevServer.start(seed);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static String fetchWith(AuthMethod auth) {
    ClientConfig config = ClientConfig.builder().baseUrl(server.url()).retryPolicy(RetryPolicy.none()).build();
    try (InfisicalClient client = InfisicalClient.create(config, auth)) {
      return client.fetchSecrets(SecretsRequest.builder().project(ProjectRef.slug("shop")).environment("dev").build())
          .get("DB_PASSWORD").orElseThrow().value().reveal();
    }
  }

  private static CredentialMaterial idTokenCredential() {
    return CredentialMaterial.token("oidc-id-token", SecretValue.of(ID_TOKEN));
  }

  @Test
  void oidcAndJwtLogInWithTheTokenOfASecretTextCredential() {
    assertEquals("pw-oidc-Kx1", fetchWith(BlockLogin.of(
        new LoginOptions("OIDC", seed.identityId("jenkins-oidc")), idTokenCredential(), null, Map.of())));
    assertEquals("pw-oidc-Kx1", fetchWith(BlockLogin.of(
        new LoginOptions("jwt", seed.identityId("jenkins-jwt")), idTokenCredential(), null, Map.of())));
  }

  @Test
  void kubernetesLogsInWithThePodsTokenAndNeedsNoCredentials() {
    AuthMethod k8s = BlockLogin.of(new LoginOptions("kubernetes", seed.identityId("agent-pod")), null,
        () -> SecretValue.of(SA_TOKEN), Map.of());
    assertEquals("pw-oidc-Kx1", fetchWith(k8s));
    assertFalse(LoginMethod.KUBERNETES.needsCredentials());
  }

  @Test
  void withoutAuthMethodTheCredentialsDecide() {
    CredentialMaterial ua = CredentialMaterial.universalAuth("ua", "client", SecretValue.of("secret"));
    assertTrue(BlockLogin.of(LoginOptions.DEFAULT, ua, null, Map.of()).description().contains("universal"),
        BlockLogin.of(LoginOptions.DEFAULT, ua, null, Map.of()).description());
  }

  @Test
  void problemsNameTheOptionToFix() {
    BlockException unknown = assertThrows(BlockException.class, () -> new LoginOptions("aws", "id").method());
    assertTrue(unknown.getMessage().startsWith("authMethod 'aws' is not one of"), unknown.getMessage());
    BlockException noIdentity = assertThrows(BlockException.class,
        () -> BlockLogin.of(new LoginOptions("oidc", " "), idTokenCredential(), null, Map.of()));
    assertTrue(noIdentity.getMessage().contains("'identityId'"), noIdentity.getMessage());
    BlockException wrongKind = assertThrows(BlockException.class, () -> BlockLogin.of(new LoginOptions("oidc", "id-1"),
        CredentialMaterial.universalAuth("ua", "client", SecretValue.of("secret")), null, Map.of()));
    assertTrue(wrongKind.getMessage().contains("Secret text") && wrongKind.getMessage().contains("'ua'"),
        wrongKind.getMessage());
    assertFalse(wrongKind.getMessage().contains("secret"), "no secret in the message");
  }

  /** AWS IAM auth needs no credentials; the block's region variables win over the controller's. */
  @Test
  void awsIamTakesTheRegionFromTheBlock() {
    assertFalse(LoginMethod.AWS_IAM.needsCredentials());
    AuthMethod aws = BlockLogin.of(new LoginOptions("aws-iam", "id-aws"), null, null, Map.of("AWS_REGION", "eu-west-3"));
    assertTrue(aws.description().toLowerCase(java.util.Locale.ROOT).contains("aws"), aws.description());
    assertEquals("eu-west-3", BlockLogin.awsEnvironment(Map.of("AWS_REGION", " eu-west-3 ")).get("AWS_REGION"));
    BlockException noIdentity = assertThrows(BlockException.class,
        () -> BlockLogin.of(new LoginOptions("aws-iam", null), null, null, Map.of()));
    assertTrue(noIdentity.getMessage().contains("'identityId'"), noIdentity.getMessage());
  }
}
