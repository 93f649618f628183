package io.github.infisicalci.action;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.infisicalci.devserver.DevServer;
import io.github.infisicalci.devserver.Seed;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The inputs that bound a run: allowed-environments (what a pull request may select) and deadline. */
class BoundsTest {
  @TempDir Path tmp;
  DevServer server;
  RunnerSim runner;

  @BeforeEach
  void start() throws Exception {
    server = DevServer.start(Seed.builder()
        .project("shop", p -> p.secret("dev", "/", "MODE", "dev-mode-1").secret("prod", "/", "MODE", "prod-mode-1"))
        .universalAuthIdentity("ci", "ci-client", "ci-secret-1", "shop")
        .build());
    runner = new RunnerSim(tmp);
    runner.input("domain", server.url()).input("client-id", "ci-client").input("client-secret", "ci-secret-1")
        .input("project-slug", "shop").input("env-slug", "dev").input("allowed-environments", "dev, staging");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void anAllowedEnvironmentIsRead() throws Exception {
    RunnerSim.Run run = runner.run();
    assertEquals(0, run.exitCode(), run.stdout());
    assertEquals(Map.of("MODE", "dev-mode-1"), runner.exportedEnv());
  }

  @Test
  void aPullRequestsInfisicalJsonCannotSelectAnEnvironmentOutsideTheList() throws Exception {
    Files.writeString(runner.workspace.resolve(".infisical.json"),
        "{\"defaultEnvironment\":\"dev\",\"gitBranchToEnvironmentMapping\":{\"evil/*\":\"prod\"}}");
    runner.input("env-slug", "");
    runner.env.put("GITHUB_HEAD_REF", "evil/take-prod");
    RunnerSim.Run run = runner.run();
    assertEquals(1, run.exitCode(), run.stdout());
    String errors = String.join("\n", run.errors());
    assertTrue(errors.contains("input 'allowed-environments': environment 'prod' (.infisical.json: branch"
        + " 'evil/take-prod' mapped to environment 'prod'"), errors);
    assertTrue(errors.contains("is not one of dev, staging"), errors);
    assertEquals(0, server.calls().all().size(), "refused before any request");
    assertTrue(runner.exportedEnv().isEmpty());
  }

  @Test
  void anInputOutsideTheListIsRefusedToo() throws Exception {
    RunnerSim.Run run = runner.input("env-slug", "prod").run();
    assertEquals(1, run.exitCode(), run.stdout());
    assertTrue(String.join("\n", run.errors()).contains("input 'allowed-environments': environment 'prod' (input env-slug)"),
        run.stdout());
    assertEquals(0, server.calls().all().size());
  }

  @Test
  void theDeadlineFailsClosedWithNothingExported() throws Exception {
    server.faults().onRegex("^/api/v(4/secrets|3/secrets/raw)$").withDelay(Duration.ofSeconds(20)).respond(200,
        "{\"secrets\":[{\"secretKey\":\"LATE\",\"secretValue\":\"late-value-1\",\"type\":\"shared\","
            + "\"environment\":\"dev\",\"secretPath\":\"/\"}],\"imports\":[]}");
    runner.input("deadline", "1s").input("timeout", "60s");
    RunnerSim.Run run = runner.run();
    assertEquals(1, run.exitCode(), run.stdout());
    assertTrue(String.join("\n", run.errors()).contains("input 'deadline': the run did not finish within 1s"),
        run.stdout());
    assertTrue(Files.readString(runner.githubEnv).isEmpty());
    assertTrue(Files.readString(runner.githubOutput).isEmpty());
    assertFalse(run.stdout().contains("late-value-1"));
  }

  @Test
  void deadlineMustBeADuration() {
    RunnerSim.Run run = runner.input("deadline", "soon").run();
    assertEquals(1, run.exitCode());
    assertTrue(String.join("\n", run.errors()).contains("input 'deadline': 'soon' is not a duration"), run.stdout());
  }
}
