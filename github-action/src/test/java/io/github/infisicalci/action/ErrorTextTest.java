package io.github.infisicalci.action;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.infisicalci.devserver.DevServer;
import io.github.infisicalci.devserver.Seed;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Error lines: in the action's words, each naming the input it is about, the request id once. */
class ErrorTextTest {
  static DevServer server;

  @TempDir Path tmp;

  @BeforeAll
  static void startServer() {
    server = DevServer.start(Seed.builder()
        .project("shop", p -> p.secret("dev", "/", "GOOD", "good-value-1"))
        .universalAuthIdentity("ci", "ci-client", "ci-secret-1", "shop")
        .build());
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  private RunnerSim runner() throws Exception {
    RunnerSim r = new RunnerSim(Files.createTempDirectory(tmp, "run"));
    return r.input("domain", server.url()).input("client-id", "ci-client").input("client-secret", "ci-secret-1")
        .input("project-slug", "shop").input("env-slug", "dev").input("retries", "0");
  }

  private static String errors(RunnerSim.Run run) {
    assertEquals(1, run.exitCode(), run.stdout());
    String errors = String.join("\n", run.errors());
    for (String line : run.errors()) {
      if (!line.contains("invalid input(s)")) {
        assertTrue(line.contains("input '") || line.contains("inputs '"), () -> "names no input: " + line);
      }
    }
    return errors;
  }

  @Test
  void domainErrorsNeverUseTheClientsFieldName() throws Exception {
    String errors = errors(runner().input("domain", "ftp://example.test").run());
    assertTrue(errors.contains("input 'domain': 'ftp://example.test' must start with https://"), errors);
    assertFalse(errors.toLowerCase().contains("baseurl"), errors);
  }

  @Test
  void refusedLoginNamesTheCredentialInputsAndTheRequestIdOnce() throws Exception {
    String errors = errors(runner().input("client-secret", "wrong-secret-1").run());
    assertTrue(errors.contains("inputs 'client-id' and 'client-secret'"), errors);
    Matcher id = Pattern.compile("reqId ([^\\]\\s]+)|request id ([^,;)\\s]+)").matcher(errors);
    assertTrue(id.find(), errors);
    String reqId = id.group(1) != null ? id.group(1) : id.group(2);
    assertEquals(errors.indexOf(reqId), errors.lastIndexOf(reqId), () -> "request id twice: " + errors);
  }

  /** The real server answers an unknown client id with 404: a refused login, not "Secret 'null' not found". */
  @Test
  void anUnknownClientIdNamesTheCredentialInputs() throws Exception {
    var fault = server.faults().on("/api/v1/auth/universal-auth/login").respond(404,
        "{\"statusCode\":404,\"message\":\"No identity with specified client ID was found\",\"error\":\"NotFound\"}");
    try {
      String errors = errors(runner().input("client-id", "no-such-client").run());
      assertTrue(errors.contains("log in with universal auth (client id 'no-such-client')"), errors);
      assertTrue(errors.contains("inputs 'client-id' and 'client-secret'"), errors);
      assertFalse(errors.contains("null"), errors);
      assertFalse(errors.contains("ci-secret-1"), errors);
    } finally {
      fault.cancel();
    }
  }

  @Test
  void missingEnvironmentProjectAndFolderNameTheirInputs() throws Exception {
    assertTrue(errors(runner().input("env-slug", "nope").run()).contains("input 'env-slug'"));
    assertTrue(errors(runner().input("project-slug", "nope").run()).contains("input 'project-slug'"));
    assertTrue(errors(runner().input("secret-path", "/nope").run()).contains("input 'secret-path'"));
  }

  @Test
  void unreachableServerNamesTheNetworkInputs() throws Exception {
    String errors = errors(runner().input("domain", "http://127.0.0.1:1").input("timeout", "2s").run());
    assertTrue(errors.contains("inputs 'domain'"), errors);
  }
}
