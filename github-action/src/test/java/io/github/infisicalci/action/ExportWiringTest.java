package io.github.infisicalci.action;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.infisicalci.devserver.DevServer;
import io.github.infisicalci.devserver.Seed;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issues 10 and 12: names, protected-name skipping, globs, file formats and file ownership in the action. */
class ExportWiringTest {
  static DevServer server;

  @TempDir Path tmp;
  RunnerSim runner;

  @BeforeAll
  static void startServer() {
    server = DevServer.start(Seed.builder()
        .project("shop", p -> p
            .secret("dev", "/", "DB_PASSWORD", "db-password-7788")
            .secret("dev", "/", "GITHUB_TOKEN", "ghp-common-key-1")
            .secret("dev", "/", "PS4", "$(touch /tmp/pwned)")
            .secret("dev", "/", "my-key", "dash-value-4455")
            .secret("dev", "/", "NODE_OPTIONS", "--require /tmp/evil.js")
            .secret("dev", "/", "DATABASE_URL", "postgres://db/app")
            .secret("dev", "/", "DATABASE_USER", "app-user-77")
            .secret("dev", "/", "STRIPE_KEY", "sk-stripe-9911")
            .secret("dev", "/", "STRIPE_WEBHOOK_SECRET", "whsec-3344"))
        .universalAuthIdentity("ci", "ci-client", "ci-secret-0042", "shop")
        .build());
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  @BeforeEach
  void runner() throws Exception {
    runner = new RunnerSim(tmp);
    runner.input("domain", server.url()).input("client-id", "ci-client").input("client-secret", "ci-secret-0042")
        .input("project-slug", "shop").input("env-slug", "dev");
  }

  @Test
  void selectAllSkipsProtectedNamesWithAWarningAndASummaryLineAndExportsTheRest() throws Exception {
    RunnerSim.Run run = runner.run();
    assertEquals(0, run.exitCode(), run.stdout());
    Map<String, String> env = runner.exportedEnv();
    assertEquals(java.util.Set.of("DB_PASSWORD", "my-key", "DATABASE_URL", "DATABASE_USER", "STRIPE_KEY",
        "STRIPE_WEBHOOK_SECRET"), env.keySet());
    assertEquals("dash-value-4455", env.get("my-key"));
    List<String> warnings = run.lines().stream().filter(l -> l.startsWith("::warning::")).toList();
    assertTrue(warnings.stream().anyMatch(w -> w.contains("secret 'GITHUB_TOKEN' was not exported")
        && w.contains("add GITHUB_TOKEN to allow-protected-names")), warnings.toString());
    assertTrue(warnings.stream().anyMatch(w -> w.contains("'PS4' is protected")), warnings.toString());
    // the runner refuses NODE_OPTIONS from GITHUB_ENV: never written, never claimed as exported
    assertTrue(warnings.stream().anyMatch(w -> w.contains("secret 'NODE_OPTIONS' was not exported")
        && w.contains("runner refuses")), warnings.toString());
    assertFalse(run.stdout().lines().anyMatch(l -> l.startsWith("NODE_OPTIONS")), run.stdout());
    assertEquals(1, warnings.stream().filter(w -> w.contains("not usable as $my-key in shells")).count(),
        warnings.toString());
    String summary = runner.summary();
    assertTrue(summary.contains("GITHUB_TOKEN") && summary.contains("allow-protected-names"), summary);
    assertFalse(run.visible().contains("ghp-common-key-1"));
  }

  @Test
  void allowedProtectedNamesAreExportedAndExplicitOnesFailOtherwise() throws Exception {
    runner.input("allow-protected-names", "GITHUB_TOKEN");
    RunnerSim.Run allowed = runner.run();
    assertEquals(0, allowed.exitCode(), allowed.stdout());
    assertEquals("ghp-common-key-1", runner.exportedEnv().get("GITHUB_TOKEN"));

    RunnerSim fresh = new RunnerSim(Files.createDirectories(tmp.resolve("second")));
    fresh.env.putAll(runner.env);
    fresh.env.putAll(Map.of("GITHUB_ENV", fresh.githubEnv.toString(), "GITHUB_STEP_SUMMARY", fresh.stepSummary.toString(),
        "GITHUB_WORKSPACE", fresh.workspace.toString()));
    fresh.input("allow-protected-names", "").input("secrets", "DB_PASSWORD\nGITHUB_TOKEN");
    RunnerSim.Run explicit = fresh.run();
    assertEquals(1, explicit.exitCode(), explicit.stdout());
    assertTrue(String.join("\n", explicit.errors()).contains("add GITHUB_TOKEN to allow-protected-names"),
        explicit.stdout());
    assertTrue(Files.readString(fresh.githubEnv).isEmpty(), "nothing exported");
  }

  @Test
  void dotenvFileExportsNamesTheRunnerAccepts() throws Exception {
    runner.input("export-type", "file").input("secrets", "my-key\nDB_PASSWORD");
    RunnerSim.Run run = runner.run();
    assertEquals(0, run.exitCode(), run.stdout());
    assertEquals("my-key='dash-value-4455'\nDB_PASSWORD='db-password-7788'\n",
        Files.readString(runner.workspace.resolve(".env")));
  }

  @Test
  void globsSelectAndRename() throws Exception {
    runner.input("secrets", "DATABASE_*\nSTRIPE_*=PAYMENTS_*\nREDIS_*?");
    RunnerSim.Run run = runner.run();
    assertEquals(0, run.exitCode(), run.stdout());
    assertEquals(Map.of("DATABASE_URL", "postgres://db/app", "DATABASE_USER", "app-user-77",
        "PAYMENTS_KEY", "sk-stripe-9911", "PAYMENTS_WEBHOOK_SECRET", "whsec-3344"), runner.exportedEnv());
    runner.input("secrets", "REDIS_*");
    RunnerSim.Run none = runner.run();
    assertEquals(1, none.exitCode());
    assertTrue(String.join("\n", none.errors()).contains("no secret matches REDIS_*"), none.stdout());
  }

  @Test
  void shellFileFormatSkipsNamesAShellCannotHold() throws Exception {
    runner.input("export-type", "file").input("file-format", "shell").input("file-output-path", "/secrets.sh");
    RunnerSim.Run run = runner.run();
    assertEquals(0, run.exitCode(), run.stdout());
    String text = Files.readString(runner.workspace.resolve("secrets.sh"));
    assertTrue(text.contains("export DB_PASSWORD='db-password-7788'\n"), text);
    assertFalse(text.contains("my-key"), text);
    assertTrue(run.stdout().contains("secret 'my-key' was not exported: name 'my-key' cannot be written to a shell file"),
        run.stdout());
  }

  /** Issue 12 #3: later steps run as the workspace's owner, so the 0600 file must be theirs. */
  @Test
  void theFileBelongsToTheWorkspaceOwner() throws Exception {
    boolean root = "0".equals(String.valueOf(Files.getAttribute(tmp, "unix:uid")))
        && "root".equals(System.getProperty("user.name"));
    if (!root) {
      System.err.println("WARNING: ExportWiringTest.theFileBelongsToTheWorkspaceOwner needs root (chown); NOT verified");
      Assumptions.abort("needs root to give the workspace to another uid");
    }
    Files.setAttribute(runner.workspace, "unix:uid", 4242);
    Files.setAttribute(runner.workspace, "unix:gid", 4343);
    runner.input("export-type", "file").input("file-output-path", "/config/nested/app.env").input("secrets", "DB_PASSWORD");
    RunnerSim.Run run = runner.run();
    assertEquals(0, run.exitCode(), run.stdout());
    Path file = runner.workspace.resolve("config/nested/app.env");
    assertEquals(4242, Files.getAttribute(file, "unix:uid"));
    assertEquals(4343, Files.getAttribute(file, "unix:gid"));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    for (Path dir : List.of(runner.workspace.resolve("config"), runner.workspace.resolve("config/nested"))) {
      assertEquals(4242, Files.getAttribute(dir, "unix:uid"), dir.toString());
    }
    assertFalse(run.stdout().contains("could not give"), run.stdout());
  }
}
