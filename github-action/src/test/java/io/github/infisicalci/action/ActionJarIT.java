package io.github.infisicalci.action;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.infisicalci.devserver.DevServer;
import io.github.infisicalci.devserver.Seed;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the shaded jar ({@code target/infisical-action.jar}) in a child process with the environment a
 * runner gives a container action (hyphenated {@code INPUT_} names, file-command files, workspace).
 * Bound to the {@code package} phase, after the jar is built.
 */
class ActionJarIT {
  @TempDir Path tmp;

  private static Path jar() {
    return Path.of(System.getProperty("action.jar", "target/infisical-action.jar"));
  }

  private static RunnerSim.Run exec(Map<String, String> env, String... args) throws IOException, InterruptedException {
    List<String> command = new java.util.ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:+UseSerialGC", "-jar", jar().toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().clear();
    pb.environment().putAll(env);
    Process process = pb.start();
    byte[] out = process.getInputStream().readAllBytes();
    assertTrue(process.waitFor(60, TimeUnit.SECONDS));
    return new RunnerSim.Run(process.exitValue(), new String(out, StandardCharsets.UTF_8));
  }

  @Test
  void theJarRunsAsTheRunnerStartsIt() throws Exception {
    assertTrue(Files.isRegularFile(jar()), "build the jar first: " + jar());
    String multi = "-----BEGIN KEY-----\nabc=def<<EOF\r\nEOF\n-----END KEY-----\n";
    try (DevServer server = DevServer.start(Seed.builder()
        .project("shop", p -> p.secret("dev", "/", "TLS_KEY", multi).secret("dev", "/", "API_TOKEN", "api-token-4711"))
        .universalAuthIdentity("ci", "ci-client", "jar-client-secret-1", "shop").build())) {
      RunnerSim runner = new RunnerSim(tmp);
      // the runner passes every declared input: its default, or an empty string
      ActionYmlTest.declaredInputs().forEach(runner::input);
      runner.input("domain", server.url()).input("client-id", "ci-client").input("client-secret", "jar-client-secret-1")
          .input("project-slug", "shop").input("env-slug", "dev");
      RunnerSim.Run run = exec(runner.env);
      assertEquals(0, run.exitCode(), run.stdout());
      assertEquals(Map.of("TLS_KEY", multi, "API_TOKEN", "api-token-4711"), runner.exportedEnv());
      assertTrue(run.masks().contains("jar-client-secret-1"));
      assertTrue(run.masks().contains("api-token-4711"));
      assertFalse(run.visible().contains("api-token-4711"));
      assertFalse(run.visible().contains("jar-client-secret-1"));
      assertTrue(runner.summary().contains("`TLS_KEY`"));
    }
  }

  @Test
  void selfCheckPassesOffline() throws Exception {
    RunnerSim.Run run = exec(Map.of(), "--self-check");
    assertEquals(0, run.exitCode(), run.stdout());
    assertEquals(6, run.lines().stream().filter(l -> l.startsWith("self-check:") && l.endsWith(": ok")).count(),
        run.stdout());
    // the AOT training run must see HTTPS, which real runs use (SelfCheckTls)
    assertTrue(run.lines().contains("self-check: main step over HTTPS (ca-certificate): ok"), run.stdout());
  }

  @Test
  void helpSaysWhatTheJarIsAndHowToRunItByHand() throws Exception {
    RunnerSim.Run run = exec(Map.of(), "--help");
    assertEquals(0, run.exitCode(), run.stdout());
    assertTrue(run.stdout().contains("post") && run.stdout().contains("--self-check"), run.stdout());
    assertTrue(run.stdout().contains("INPUT_CLIENT-ID") && run.stdout().contains("env INPUT_DOMAIN="), run.stdout());
    assertTrue(run.stdout().contains("::add-mask:: lines carry every secret value"), run.stdout());
    assertEquals(List.of(), RunnerCommands.names(run.stdout()), "help text holds no workflow command");
  }
}
