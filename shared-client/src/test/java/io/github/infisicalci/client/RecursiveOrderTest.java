package io.github.infisicalci.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.infisicalci.client.auth.AuthMethods;
import io.github.infisicalci.client.secrets.Collision;
import io.github.infisicalci.client.secrets.ProjectRef;
import io.github.infisicalci.client.secrets.SecretsRequest;
import io.github.infisicalci.client.secrets.SecretsResult;
import io.github.infisicalci.devserver.DevServer;
import io.github.infisicalci.devserver.Seed;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A key in a folder and in its subfolders, listed recursively: the deepest folder wins whatever order the
 * server lists them in (dev server in both orders), and the shadowed folders come back as a collision.
 */
class RecursiveOrderTest {
  @Test
  void deepestFolderWinsInEitherOrderAndIsReported() {
    Seed seed = Seed.builder()
        .project("p", p -> p
            .secret("dev", "/", "API_URL", "root")
            .secret("dev", "/svc", "API_URL", "svc")
            .secret("dev", "/svc/eu", "API_URL", "svc-eu")
            .secret("dev", "/svc", "ONLY", "once"))
        .identity("ci", i -> i.universalAuth("cid", "csecret-1").member("p", "viewer"))
        .build();
    List<String> log = TestConfigs.newLog();
    try (DevServer server = DevServer.start(seed)) {
      for (boolean reversed : new boolean[] {false, true}) {
        server.faults().reverseListings(reversed);
        try (InfisicalClient c = InfisicalClient.create(ClientConfig.builder().baseUrl(server.url())
            .logSink(log::add).build(), AuthMethods.universal("cid", SecretValue.of("csecret-1")))) {
          SecretsResult r = c.fetchSecrets(SecretsRequest.builder().project(ProjectRef.id(seed.projectId("p")))
              .environment("dev").recursive(true).build());
          assertEquals("svc-eu", r.get("API_URL").orElseThrow().value().reveal(), "reversed=" + reversed);
          assertEquals("/svc/eu", r.get("API_URL").orElseThrow().secretPath());
          assertEquals(List.of(new Collision("API_URL", "/svc/eu", List.of("/", "/svc"))), r.collisions());
        }
      }
    }
    assertTrue(log.contains("Secret API_URL is defined under /, /svc and /svc/eu; the value from /svc/eu is used"),
        log.toString());
  }
}
