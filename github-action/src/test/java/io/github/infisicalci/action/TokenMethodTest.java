package io.github.infisicalci.action;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.infisicalci.devserver.DevServer;
import io.github.infisicalci.devserver.Seed;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** method: token with a legacy service token (project from its scope) and with an access token. */
class TokenMethodTest {
  static final String SERVICE_TOKEN = "st.tok-id-1.0123456789abcdef0123456789abcdef";

  @TempDir Path tmp;
  DevServer server;
  RunnerSim runner;

  @BeforeEach
  void start() throws Exception {
    server = DevServer.start(Seed.builder()
        .project("shop", p -> p.secret("dev", "/", "SVC_VALUE", "service-token-secret-1"))
        .universalAuthIdentity("ci", "ci-client", "ci-secret-xyz1", "shop")
        .serviceToken(SERVICE_TOKEN, t -> t.project("shop").scope("dev", "/"))
        .build());
    runner = new RunnerSim(tmp);
    runner.input("method", "token").input("domain", server.url()).input("env-slug", "dev");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void serviceTokenNeedsNoProjectAndIsNeverRevoked() throws Exception {
    runner.input("token", SERVICE_TOKEN);
    RunnerSim.Run run = runner.run();
    assertEquals(0, run.exitCode(), run.stdout());
    assertEquals(Map.of("SVC_VALUE", "service-token-secret-1"), runner.exportedEnv());
    assertTrue(run.masks().contains(SERVICE_TOKEN));
    assertFalse(run.visible().contains(SERVICE_TOKEN));
    assertFalse(run.visible().contains("0123456789abcdef0123456789abcdef"));
    assertEquals(0, server.calls().count("POST", "/api/v1/auth/token/revoke"));
  }

  @Test
  void missingTokenIsAnInputError() {
    RunnerSim.Run run = runner.run();
    assertEquals(1, run.exitCode());
    assertTrue(run.errors().get(0).startsWith("::error::input 'token': is required for method 'token'"), run.stdout());
    assertTrue(String.join("\n", run.errors()).contains("input 'project-slug'"), run.stdout());
  }

  @Test
  void infisicalTokenFromTheStepEnvironmentIsMaskedFirstAndUsed() throws Exception {
    RunnerSim r = new RunnerSim(tmp.resolve("no-method"));
    r.input("domain", server.url()).input("env-slug", "dev");
    r.env.put("INFISICAL_TOKEN", SERVICE_TOKEN + "\n");
    RunnerSim.Run run = r.run();
    assertEquals(0, run.exitCode(), run.stdout());
    assertEquals(Map.of("SVC_VALUE", "service-token-secret-1"), r.exportedEnv());
    assertEquals("::add-mask::" + SERVICE_TOKEN, run.lines().get(0), "masked before anything else");
    assertTrue(run.stdout().contains("method: token (INFISICAL_TOKEN from the step's environment)"), run.stdout());
    assertFalse(run.visible().contains(SERVICE_TOKEN));

    runner.env.put("INFISICAL_TOKEN", SERVICE_TOKEN);
    run = runner.run();
    assertEquals(0, run.exitCode(), run.stdout());
    assertEquals(Map.of("SVC_VALUE", "service-token-secret-1"), runner.exportedEnv());
  }

  @Test
  void theTokenInputWinsOverInfisicalTokenAndUniversalInputsKeepTheirMethod() throws Exception {
    runner.input("token", SERVICE_TOKEN);
    runner.env.put("INFISICAL_TOKEN", "st.other.0000000000000000000000000000000");
    assertEquals(0, runner.run().exitCode());

    RunnerSim universal = new RunnerSim(tmp.resolve("universal"));
    universal.input("domain", server.url()).input("env-slug", "dev").input("client-secret", "x1234");
    universal.env.put("INFISICAL_TOKEN", SERVICE_TOKEN);
    RunnerSim.Run run = universal.run();
    assertEquals(1, run.exitCode());
    assertTrue(run.errors().get(0).startsWith("::error::input 'client-id': is required for method 'universal'"),
        run.stdout());
    assertFalse(run.visible().contains(SERVICE_TOKEN), "masked even when not used");
  }

  @Test
  void serviceTokenFailuresGetServiceTokenHints() {
    server.faults().onRegex("^/api/v(4/secrets|3/secrets/raw)$").times(1).respond(403,
        "{\"statusCode\":403,\"message\":\"You are not allowed to read secrets\",\"error\":\"PermissionDenied\"}");
    runner.input("token", SERVICE_TOKEN).input("env-slug", "prod");
    RunnerSim.Run run = runner.run();
    assertEquals(1, run.exitCode(), run.stdout());
    String errors = String.join("\n", run.errors());
    // the hint names the input and the token's scope (the client may refuse before asking the server)
    assertTrue(errors.contains("'env-slug'") && errors.contains("service token"), errors);
    assertFalse(errors.contains("project role"), errors);

    runner.input("token", "st.unknown-id.0123456789abcdef0123456789abcdef").input("env-slug", "dev");
    run = runner.run();
    assertEquals(1, run.exitCode(), run.stdout());
    errors = String.join("\n", run.errors());
    assertTrue(errors.contains("the service token is unknown, expired or revoked"), errors);
  }
  @Test
  void serviceTokenWithoutEnvSlugReadsItsOwnScope() throws Exception {
    runner.input("token", SERVICE_TOKEN).input("env-slug", "");
    RunnerSim.Run run = runner.run();
    assertEquals(0, run.exitCode(), run.stdout());
    assertEquals(Map.of("SVC_VALUE", "service-token-secret-1"), runner.exportedEnv());
    assertTrue(run.stdout().contains("environment: (the service token's scope)"), run.stdout());
    assertTrue(run.stdout().contains("environment dev"), run.stdout());

    RunnerSim bounded = new RunnerSim(tmp.resolve("bounded"));
    bounded.input("method", "token").input("domain", server.url()).input("token", SERVICE_TOKEN)
        .input("allowed-environments", "staging");
    run = bounded.run();
    assertEquals(1, run.exitCode(), run.stdout());
    assertTrue(String.join("\n", run.errors()).contains("input 'allowed-environments': the server answered for"
        + " environment 'dev'"), run.stdout());
    assertTrue(bounded.exportedEnv().isEmpty());
  }
}
