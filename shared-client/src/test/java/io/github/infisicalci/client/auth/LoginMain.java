package io.github.infisicalci.client.auth;

import io.github.infisicalci.client.ClientConfig;
import io.github.infisicalci.client.InfisicalClient;
import io.github.infisicalci.client.SecretValue;
import io.github.infisicalci.client.secrets.ProjectRef;
import io.github.infisicalci.client.secrets.SecretsRequest;
import io.github.infisicalci.devserver.DevServer;
import io.github.infisicalci.devserver.Seed;
import java.time.Clock;

/**
 * Run in a child JVM by {@link AwsIsolationTest}: logs in ({@code universal} or {@code aws}) against a dev
 * server, fetches one secret, prints how long login + fetch took, and exits.
 */
public final class LoginMain {
  private LoginMain() {
  }

  public static void main(String[] args) {
    Seed seed = Seed.builder()
        .project("p", p -> p.secret("dev", "/", "A", "1"))
        .identity("ua", i -> i.universalAuth("cid", "csecret").member("p", "viewer"))
        .identity("aws", i -> i.awsAuth(AwsIamAuthTest.KEY_ID, AwsIamAuthTest.SECRET, null).member("p", "viewer"))
        .build();
    try (DevServer server = DevServer.start(seed)) {
      AuthMethod auth = switch (args[0]) {
        case "aws" -> AuthMethods.awsIam(seed.identityId("aws"), () -> new AwsKeys(AwsIamAuthTest.KEY_ID,
            SecretValue.of(AwsIamAuthTest.SECRET), null), () -> "us-east-1", Clock.systemUTC());
        case "aws-env" -> AuthMethods.awsIam(seed.identityId("aws")); // the SDK's default chain, real env
        default -> AuthMethods.universal("cid", SecretValue.of("csecret"));
      };
      if (args.length > 1 && args[1].equals("--sign-only")) {
        // the cost AWS IAM auth adds before its login request: SDK class loading, credential chain, SigV4
        long t0 = System.nanoTime();
        auth.authenticate(new AuthTransport() {
          @Override
          public AccessGrant login(String path, java.util.Map<String, Object> body, String description) {
            return AccessGrant.fixed(SecretValue.of("unused"));
          }

          @Override
          public ServiceTokenScope serviceTokenInfo(SecretValue serviceToken) {
            throw new UnsupportedOperationException();
          }
        });
        System.out.println("FIRST_SIGN_MS " + (System.nanoTime() - t0) / 1_000_000);
        return;
      }
      long start = System.nanoTime();
      try (InfisicalClient c = InfisicalClient.create(ClientConfig.builder().baseUrl(server.url()).build(), auth)) {
        c.fetchSecrets(SecretsRequest.builder().project(ProjectRef.id(seed.projectId("p"))).environment("dev").build());
      }
      System.out.println("LOGIN_AND_FETCH_MS " + (System.nanoTime() - start) / 1_000_000);
    }
  }
}
