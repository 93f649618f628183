package io.github.infisicalci.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.infisicalci.client.auth.AuthMethods;
import io.github.infisicalci.client.secrets.ProjectRef;
import io.github.infisicalci.client.secrets.SecretsRequest;
import io.github.infisicalci.devserver.DevServer;
import io.github.infisicalci.devserver.Seed;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The client's informational lines carry server text (keys and paths of a collision): in the Jenkins
 * console, which prints them as they are, a key with a line break or a terminal escape could forge lines
 * ("Finished: SUCCESS") or erase the screen. Each line is made one visible line by the shared rule.
 */
class ClientLogLinesTest {
  @Test
  void serverKeysInLogLinesCannotBreakOrEscapeTheLine() {
    String row = "{\"secretKey\":\"K\\u001b[2J\\nFinished: SUCCESS\",\"secretValue\":\"v\",\"environment\":\"dev\","
        + "\"secretPath\":\"/a\",\"type\":\"shared\",\"workspace\":\"p1\",\"version\":1}";
    List<String> lines = new CopyOnWriteArrayList<>();
    try (DevServer server = DevServer.start(Seed.builder().project("p1", p -> p.secret("dev", "/", "X", "x")).build())) {
      server.faults().on("/api/v4/secrets").respond(200, "{\"secrets\":[" + row + "],\"imports\":[]}");
      try (InfisicalClient c = InfisicalClient.create(ClientConfig.builder().baseUrl(server.url())
          .retryPolicy(RetryPolicy.none()).logSink(lines::add).build(), AuthMethods.accessToken(SecretValue.of("tok")))) {
        c.fetchSecrets(SecretsRequest.builder().project(ProjectRef.id("p1")).environment("dev").path("/a").path("/b")
            .build());
      }
    }
    String collision = lines.stream().filter(l -> l.startsWith("Secret ")).findFirst()
        .orElseThrow(() -> new AssertionError(lines.toString()));
    assertTrue(collision.startsWith("Secret K<U+001B>[2J<U+000A>Finished: SUCCESS is defined under"), collision);
    assertEquals(List.of(), lines.stream().filter(l -> l.chars().anyMatch(ch -> ch < 0x20)).toList());
  }
}
