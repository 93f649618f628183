package io.github.infisicalci.action;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.infisicalci.devserver.DevServer;
import io.github.infisicalci.devserver.Seed;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the entrypoint in-process exactly as the runner would start it, against the dev server. */
class ActionEndToEndTest {
  static final String CLIENT_SECRET = "ci-client-secret-0042";
  static final Map<String, String> TRICKY = tricky();
  static DevServer server;

  @TempDir Path tmp;
  RunnerSim runner;

  static Map<String, String> tricky() {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("MULTI_LINE", "first line\nsecond line\nthird");
    values.put("TRAILING_NEWLINE", "value-with-newline\n");
    values.put("CRLF_VALUE", "crlf-one\r\ncrlf-two\r\n");
    values.put("EQUALS", "a=b==c=");
    values.put("HEREDOC_LIKE", "NAME<<EOF\nEOF\n<<EOF");
    values.put("DELIMITER_LIKE", "ghadelimiter_00000000000000000000000000000000\nghadelimiter_\nEOF\n");
    values.put("UNICODE", "grüße-€-😀-東京");
    values.put("INJECTION", "ok\nPATH=/tmp/evil\nLD_PRELOAD<<EOF\n/tmp/evil.so\nEOF\nBASH_ENV=/tmp/x\n");
    values.put("PERCENT_CR", "100%\rdone%0A-x");
    values.put("JSON_CREDS", "{\"user\":\"svc-json-user\",\"password\":\"pw-json-9876\",\"port\":5432}");
    StringBuilder big = new StringBuilder();
    Random random = new Random(42);
    while (big.length() < 64 * 1024) {
      big.append((char) ('a' + random.nextInt(26)));
      if (random.nextInt(80) == 0) {
        big.append('\n');
      }
    }
    values.put("BIG_64K", big.toString());
    return values;
  }

  @BeforeAll
  static void startServer() {
    Seed seed = Seed.builder()
        .project("shop", p -> {
          TRICKY.forEach((k, v) -> p.secret("dev", "/", k, v));
          p.secret("dev", "/", "SHARED", "shared-from-root");
          p.secret("dev", "/db", "SHARED", "shared-from-db");
          p.secret("dev", "/db", "DB_PASSWORD", "db-password-7788");
          p.secret("prod", "/", "APP_MODE", "production-mode");
          p.secret("staging", "/", "PATH", "/evil/bin");
          p.secret("staging", "/", "GITHUB_TOKEN", "ghp-forged-token");
          p.secret("staging", "/", "bad-key", "dash-value-1");
          p.secret("staging", "/", "token", "lower-token-1");
          p.secret("staging", "/", "TOKEN", "upper-token-2");
        })
        .universalAuthIdentity("ci", "ci-client", CLIENT_SECRET, "shop")
        .build();
    server = DevServer.start(seed);
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  @BeforeEach
  void runner() throws Exception {
    server.calls().clear();
    runner = new RunnerSim(tmp);
    runner.input("domain", server.url())
        .input("client-id", "ci-client")
        .input("client-secret", CLIENT_SECRET)
        .input("project-slug", "shop")
        .input("env-slug", "dev");
  }

  @Test
  void trickyValuesRoundTripThroughGithubEnv() throws Exception {
    RunnerSim.Run run = runner.run();
    assertEquals(0, run.exitCode(), run.stdout());
    Map<String, String> exported = runner.exportedEnv();
    TRICKY.forEach((key, value) -> assertEquals(value, exported.get(key), key));
    assertEquals("shared-from-root", exported.get("SHARED"));
    assertEquals(TRICKY.size() + 1, exported.size(), exported.keySet().toString());
    assertFalse(exported.containsKey("PATH") || exported.containsKey("LD_PRELOAD") || exported.containsKey("BASH_ENV"),
        "a value cannot inject a variable");
  }

  @Test
  void trickyValuesRoundTripThroughGithubOutput() throws Exception {
    runner.input("export-type", "outputs");
    RunnerSim.Run run = runner.run();
    assertEquals(0, run.exitCode(), run.stdout());
    Map<String, String> outputs = runner.outputs();
    TRICKY.forEach((key, value) -> assertEquals(value, outputs.get(key), key));
    assertEquals(TRICKY.size() + 1, outputs.size(), outputs.keySet().toString());
  }

  @Test
  void aSecretWithMoreSpellingsThanTheMaskBoundIsNamedInAWarning() throws Exception {
    RunnerSim.Run run = runner.run();
    assertEquals(0, run.exitCode(), run.stdout());
    List<String> warnings = run.lines().stream()
        .filter(l -> l.startsWith("::warning::") && l.contains("masks registered for one secret")).toList();
    assertEquals(1, warnings.size(), warnings.toString());
    String warning = warnings.get(0);
    assertTrue(warning.startsWith("::warning::Infisical: secret BIG_64K has more spellings than the "
        + MaskValues.MAX_MASKS + " masks registered for one secret, so these are not masked in the log: "), warning);
    assertTrue(warning.contains("64-column Base64 lines ("), warning);
    assertFalse(warning.contains(TRICKY.get("BIG_64K").substring(0, 12)), "names only, never a value");
  }

  @Test
  void multiLineSecretsWithLinesWithoutContentAreNamedInOneWarning() throws Exception {
    RunnerSim.Run run = runner.run();
    assertEquals(0, run.exitCode(), run.stdout());
    java.util.Set<String> expected = new java.util.TreeSet<>();
    TRICKY.forEach((key, value) -> {
      for (String line : value.split("\r?\n|\r")) {
        String t = line.strip();
        if (!value.strip().equals(t) && !t.isEmpty() && (t.length() < 3 || !t.matches(".*[\\p{L}\\p{N}].*"))) {
          expected.add(key);
        }
      }
    });
    assertTrue(expected.contains("INJECTION"), "ok is too short: " + expected);
    String prefix = "::warning::Infisical: the runner masks each line of a multi-line secret on its own, so lines"
        + " without secret content (punctuation or too short) are masked wherever that text appears in the log, in: ";
    List<String> warnings = run.lines().stream().filter(l -> l.startsWith(prefix)).toList();
    assertEquals(1, warnings.size(), run.stdout());
    assertEquals(expected, new java.util.TreeSet<>(List.of(warnings.get(0).substring(prefix.length()).split(", "))));
  }

  @Test
  void masksEveryValueFirstAndNeverPrintsOne() throws Exception {
    RunnerSim.Run run = runner.run();
    assertEquals(0, run.exitCode(), run.stdout());
    List<String> lines = run.lines();
    int lastMask = -1;
    int exportGroup = -1;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith("::add-mask::")) {
        lastMask = i;
      }
      if (lines.get(i).startsWith("::group::Infisical: exporting") && exportGroup < 0) {
        exportGroup = i;
      }
    }
    assertTrue(lastMask >= 0 && exportGroup > lastMask, "masks come before the export is written");
    List<String> masks = run.masks();
    assertTrue(masks.contains(CLIENT_SECRET));
    assertTrue(masks.contains("100%25%0Ddone%250A-x"), masks.toString());
    assertTrue(masks.contains("first line%0Asecond line%0Athird"));
    assertTrue(masks.contains("second line"));
    assertTrue(masks.contains("svc-json-user") && masks.contains("pw-json-9876"), "JSON leaves are masked");
    assertFalse(masks.contains(""), "never an empty mask");
    assertTrue(masks.stream().noneMatch(m -> m.contains("\n") || m.contains("\r")));
    String visible = run.visible();
    for (Map.Entry<String, String> e : TRICKY.entrySet()) {
      for (String part : e.getValue().split("\r?\n|\r")) {
        if (part.length() >= 4) {
          assertFalse(visible.contains(part), "value of " + e.getKey() + " printed");
        }
      }
    }
    assertFalse(visible.contains(CLIENT_SECRET));
  }

  @Test
  void accessTokenIsMaskedAndRevokedUnlessExported() throws Exception {
    RunnerSim.Run run = runner.run();
    assertEquals(0, run.exitCode(), run.stdout());
    assertEquals(1, server.calls().count("POST", "/api/v1/auth/token/revoke"));
    assertEquals(0, server.activeTokenCount());
    assertFalse(runner.outputs().containsKey("infisical-token"));

    server.calls().clear();
    RunnerSim kept = new RunnerSim(Files.createDirectories(tmp.resolve("second")));
    kept.env.putAll(runner.env);
    kept.env.put("GITHUB_ENV", kept.githubEnv.toString());
    kept.env.put("GITHUB_OUTPUT", kept.githubOutput.toString());
    kept.input("export-token", "true");
    RunnerSim.Run second = kept.run();
    assertEquals(0, second.exitCode(), second.stdout());
    String token = kept.outputs().get("infisical-token");
    assertTrue(token != null && !token.isEmpty());
    assertTrue(second.masks().contains(token), "the access token is masked");
    assertFalse(second.visible().contains(token));
    assertEquals(0, server.calls().count("POST", "/api/v1/auth/token/revoke"));
  }

  @Test
  void exportsToStepOutputs() throws Exception {
    runner.input("export-type", "outputs").input("secrets", "EQUALS\nMULTI_LINE=MULTI");
    RunnerSim.Run run = runner.run();
    assertEquals(0, run.exitCode(), run.stdout());
    assertEquals(Map.of("EQUALS", TRICKY.get("EQUALS"), "MULTI", TRICKY.get("MULTI_LINE")), runner.outputs());
    assertTrue(runner.exportedEnv().isEmpty());
  }

  @Test
  void fileExportIsPrivateInsideTheWorkspaceAndCleanedByThePostStep() throws Exception {
    runner.input("export-type", "file").input("file-output-path", "/config/app.env")
        .input("secrets", "EQUALS\nMULTI_LINE\nUNICODE");
    RunnerSim.Run run = runner.run();
    assertEquals(0, run.exitCode(), run.stdout());
    assertTrue(run.masks().contains(TRICKY.get("EQUALS")), "masked in file mode too");
    assertTrue(run.masks().contains("grüße-€-😀-東京"));
    Path file = runner.workspace.resolve("config/app.env");
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    assertEquals("EQUALS='a=b==c='\nMULTI_LINE='first line\nsecond line\nthird'\nUNICODE='grüße-€-😀-東京'\n",
        Files.readString(file));
    assertTrue(runner.exportedEnv().isEmpty());
    Map<String, String> state = runner.state();
    assertTrue(state.get(CleanupRecord.STATE).matches("[0-9a-f]{32}"), state.toString());
    assertFalse(state.values().stream().anyMatch(v -> v.contains("app.env")), "the state holds no path");

    state.forEach((k, v) -> runner.env.put("STATE_" + k, v));
    runner.env.put("GITHUB_ACTION", "3f1c0ad4b9e2437c8d7e5a6b1c2d3e4f"); // the runner names a post step anew
    RunnerSim.Run post = runner.run("post");
    assertEquals(0, post.exitCode(), post.stdout());
    assertFalse(Files.exists(file));
    assertTrue(post.stdout().contains("removed config/app.env"), post.stdout());
  }

  @Test
  void exportTypeNoneOnlyMasksAndSummarises() throws Exception {
    runner.input("export-type", "none").input("secrets", "EQUALS");
    RunnerSim.Run run = runner.run();
    assertEquals(0, run.exitCode(), run.stdout());
    assertTrue(run.masks().contains(TRICKY.get("EQUALS")));
    assertTrue(Files.readString(runner.githubEnv).isEmpty());
    assertTrue(Files.readString(runner.githubOutput).isEmpty());
    assertTrue(runner.summary().contains("exported to nowhere"), runner.summary());
  }

  @Test
  void jsonFileFormat() throws Exception {
    runner.input("export-type", "file").input("file-format", "json").input("secrets", "EQUALS\nCRLF_VALUE");
    assertEquals(0, runner.run().exitCode());
    Map<?, ?> back = new com.fasterxml.jackson.databind.ObjectMapper()
        .readValue(runner.workspace.resolve(".env").toFile(), Map.class);
    assertEquals(Map.of("EQUALS", TRICKY.get("EQUALS"), "CRLF_VALUE", TRICKY.get("CRLF_VALUE")), back);
  }

  @Test
  void everyInvalidInputIsReportedAtOnceBeforeAnyNetworkCall() {
    runner.input("method", "bogus").input("export-type", "everywhere").input("recursive", "maybe")
        .input("timeout", "soon").input("retries", "99").input("env-prefix", "1X")
        .input("file-format", "yaml").input("secrets", "GOOD\nBAD KEY");
    RunnerSim.Run run = runner.run();
    assertEquals(1, run.exitCode());
    String errors = String.join("\n", run.errors());
    for (String input : List.of("method", "export-type", "recursive", "timeout", "retries", "env-prefix",
        "file-format", "secrets")) {
      assertTrue(errors.contains("input '" + input + "'"), input + " not reported in:\n" + errors);
    }
    assertEquals(0, server.calls().all().size(), "no network call before validation passes");
    assertFalse(run.stdout().contains("Exception"));
    assertFalse(run.stdout().contains("\tat "), "no stack trace");
  }

  @Test
  void fileOutsideTheWorkspaceIsRefused() throws Exception {
    runner.input("export-type", "file").input("file-output-path", "/../../outside.env");
    RunnerSim.Run run = runner.run();
    assertEquals(1, run.exitCode());
    assertTrue(run.errors().get(0).contains("input 'file-output-path'"), run.stdout());
    Files.createDirectories(tmp.resolve("elsewhere"));
    Files.createSymbolicLink(runner.workspace.resolve("link"), tmp.resolve("elsewhere"));
    runner.input("file-output-path", "/link/x.env");
    RunnerSim.Run linked = runner.run();
    assertEquals(1, linked.exitCode());
    assertTrue(linked.stdout().contains("outside the workspace"), linked.stdout());
    assertEquals(0, server.calls().all().size());
  }

  @Test
  void missingRequiredKeysAreAllNamedAndNothingIsExported() throws Exception {
    runner.input("secrets", "EQUALS\nNOPE\nOPTIONAL?\nALSO_NOPE");
    RunnerSim.Run run = runner.run();
    assertEquals(1, run.exitCode());
    String errors = String.join("\n", run.errors());
    assertTrue(errors.contains("::error::Infisical: required secrets NOPE, ALSO_NOPE not found in project 'shop', "
        + "environment 'dev', path '/'\n"), errors);
    assertTrue(Files.readString(runner.githubEnv).isEmpty(), "all or nothing");
    assertFalse(run.visible().contains(TRICKY.get("EQUALS")));
  }

  @Test
  void missingKeysCanBeTolerated() throws Exception {
    runner.input("secrets", "EQUALS\nNOPE").input("fail-on-missing", "false");
    RunnerSim.Run run = runner.run();
    assertEquals(0, run.exitCode(), run.stdout());
    assertEquals(Map.of("EQUALS", TRICKY.get("EQUALS")), runner.exportedEnv());
    assertTrue(run.stdout().contains("::warning::Infisical: required secret NOPE not found"));
  }

  @Test
  void injectionAttemptsAreSkippedWhenEveryKeyIsExported() throws Exception {
    // issue 10: select-all skips protected names with a warning instead of failing the step
    runner.input("env-slug", "staging");
    RunnerSim.Run run = runner.run();
    assertEquals(0, run.exitCode(), run.stdout());
    String warnings = String.join("\n", run.lines().stream().filter(l -> l.startsWith("::warning::")).toList());
    assertTrue(warnings.contains("'PATH' is protected"), warnings);
    assertTrue(warnings.contains("'GITHUB_TOKEN' is protected"), warnings);
    assertTrue(warnings.contains("not usable as $bad-key in shells"), warnings);
    Map<String, String> exported = runner.exportedEnv();
    assertEquals(java.util.Set.of("bad-key", "token", "TOKEN"), exported.keySet());
    assertFalse(run.visible().contains("/evil/bin"));
    assertFalse(run.visible().contains("ghp-forged-token"));
  }

  @Test
  void protectedNamesPassOnlyWhenAllowedExplicitly() throws Exception {
    runner.input("env-slug", "staging").input("secrets", "PATH\nbad-key=DASH_KEY")
        .input("allow-protected-names", "PATH");
    RunnerSim.Run run = runner.run();
    assertEquals(0, run.exitCode(), run.stdout());
    assertEquals(Map.of("PATH", "/evil/bin", "DASH_KEY", "dash-value-1"), runner.exportedEnv());
  }

  @Test
  void renamesAndPrefixes() throws Exception {
    runner.input("secrets", "MULTI_LINE=RENAMED\nEQUALS\nUNICODE?").input("env-prefix", "APP_").input("env-suffix", "_V1");
    RunnerSim.Run run = runner.run();
    assertEquals(0, run.exitCode(), run.stdout());
    assertEquals(List.of("RENAMED", "APP_EQUALS_V1", "APP_UNICODE_V1"), List.copyOf(runner.exportedEnv().keySet()));
  }

  @Test
  void laterPathsWinAndCollisionsAreReported() throws Exception {
    runner.input("secret-path", "/\n/db").input("secrets", "SHARED\nDB_PASSWORD");
    RunnerSim.Run run = runner.run();
    assertEquals(0, run.exitCode(), run.stdout());
    assertEquals("shared-from-db", runner.exportedEnv().get("SHARED"));
    String summary = runner.summary();
    assertTrue(summary.contains("| `SHARED` | `SHARED` | `dev` | `/db` | yes | overrides / |"), summary);
    assertTrue(summary.contains("**Collisions**"), summary);
    assertFalse(summary.contains("shared-from-db"));
    assertFalse(summary.contains("db-password-7788"));
  }

  @Test
  void environmentComesFromInfisicalJsonWhenEnvSlugIsEmpty() throws Exception {
    Files.writeString(runner.workspace.resolve(".infisical.json"),
        "{\"defaultEnvironment\":\"dev\",\"gitBranchToEnvironmentMapping\":{\"main\":\"prod\",\"release/*\":\"staging\"}}");
    runner.input("env-slug", "");
    RunnerSim.Run run = runner.run();
    assertEquals(0, run.exitCode(), run.stdout());
    assertEquals(Map.of("APP_MODE", "production-mode"), runner.exportedEnv());
    assertTrue(run.stdout().contains("branch 'main' mapped to environment 'prod' (exact match)"), run.stdout());
  }

  @Test
  void pullRequestBranchComesFromGithubHeadRef() throws Exception {
    Files.writeString(runner.workspace.resolve(".infisical.json"),
        "{\"gitBranchToEnvironmentMapping\":{\"main\":\"dev\",\"release/*\":\"prod\"}}");
    runner.input("env-slug", "").input("secrets", "APP_MODE");
    runner.env.put("GITHUB_HEAD_REF", "release/2.0");
    RunnerSim.Run run = runner.run();
    assertEquals(0, run.exitCode(), run.stdout());
    assertEquals(Map.of("APP_MODE", "production-mode"), runner.exportedEnv());
    assertTrue(run.stdout().contains("branch 'release/2.0' mapped to environment 'prod' (pattern 'release/*')"),
        run.stdout());
    assertTrue(runner.summary().contains("pattern 'release/\\*'"), runner.summary());
  }

  @Test
  void secretNameSelectsKeysLikeTheOfficialInput() throws Exception {
    runner.input("secret-name", "EQUALS, UNICODE");
    RunnerSim.Run run = runner.run();
    assertEquals(0, run.exitCode(), run.stdout());
    assertEquals(List.of("EQUALS", "UNICODE"), List.copyOf(runner.exportedEnv().keySet()));
  }

  @Test
  void networkSettingsAreValidatedOffline() {
    runner.input("ca-certificate", "certs/missing.pem").input("proxy", "socks5://proxy:1080")
        .input("extra-headers", "no colon here");
    RunnerSim.Run run = runner.run();
    assertEquals(1, run.exitCode());
    String errors = String.join("\n", run.errors());
    assertTrue(errors.contains("input 'ca-certificate'"), errors);
    assertTrue(errors.contains("input 'extra-headers': line 1"), errors);
    assertEquals(0, server.calls().all().size());
    runner.input("ca-certificate", "").input("extra-headers", "");
    RunnerSim.Run proxy = runner.run();
    assertTrue(String.join("\n", proxy.errors()).contains("input 'proxy'"), proxy.stdout());
  }

  @Test
  void failedFileCommandRollsBackEverythingWritten() throws Exception {
    Path outputDir = Files.createDirectories(tmp.resolve("output-is-a-directory"));
    runner.env.put("GITHUB_OUTPUT", outputDir.toString());
    runner.input("export-token", "true");
    RunnerSim.Run run = runner.run();
    assertEquals(1, run.exitCode(), run.stdout());
    assertTrue(Files.readString(runner.githubEnv).isEmpty(), "GITHUB_ENV truncated back");
    assertTrue(run.errors().get(0).contains("nothing was exported"), run.stdout());
    assertEquals(1, server.calls().count("POST", "/api/v1/auth/token/revoke"), "the unexported token is revoked");
  }

  @Test
  void serverErrorsNameProjectAndEnvironmentWithoutStackTrace() {
    runner.input("project-slug", "no-such-project");
    RunnerSim.Run run = runner.run();
    assertEquals(1, run.exitCode());
    String error = run.errors().get(0);
    assertTrue(error.contains("no-such-project"), error);
    assertTrue(error.contains("environment 'dev'"), error);
    assertFalse(run.stdout().contains("\tat "));

    runner.input("project-slug", "shop").input("client-secret", "wrong-secret-value");
    RunnerSim.Run denied = runner.run();
    assertEquals(1, denied.exitCode());
    assertFalse(denied.visible().contains("wrong-secret-value"));
    assertTrue(denied.masks().contains("wrong-secret-value"));
  }

  @Test
  void postStepWithoutStateDoesNothing() {
    RunnerSim.Run run = runner.run("post");
    assertEquals(0, run.exitCode());
    assertTrue(run.stdout().contains("nothing to clean up"));
  }

  @Test
  void summaryListsNamesSourcesAndMaskingButNoValues() throws Exception {
    runner.input("secrets", "EQUALS\nDB_PASSWORD?");
    assertEquals(0, runner.run().exitCode());
    String summary = runner.summary();
    assertTrue(summary.contains("| Name | Key | Environment | Path | Masked | Note |"), summary);
    assertTrue(summary.contains("| `EQUALS` | `EQUALS` | `dev` | `/` | yes |"), summary);
    assertTrue(summary.contains("optional secret DB_PASSWORD not found"), summary);
    assertFalse(summary.contains("a=b==c="));
  }
}
