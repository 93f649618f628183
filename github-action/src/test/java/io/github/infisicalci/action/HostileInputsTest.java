package io.github.infisicalci.action;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.infisicalci.client.SecretValue;
import io.github.infisicalci.devserver.DevServer;
import io.github.infisicalci.devserver.Seed;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Text the action prints that came from inputs or from the server, read as the runner reads it. */
class HostileInputsTest {
  static final String HOSTILE_KEY = "X\r::set-output name=evil::1 ##[set-output name=evil2]2";
  static DevServer server;

  @TempDir Path tmp;

  @BeforeAll
  static void startServer() {
    server = DevServer.start(Seed.builder()
        .project("shop", p -> p
            .secret("dev", "/", "GOOD", "good-value-1"))
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
        .input("project-slug", "shop").input("env-slug", "dev");
  }

  @Test
  void serverKeysAndPathsCannotStartWorkflowCommands() throws Exception {
    String hostilePath = "/x\r::set-output name=evil3::3";
    String body = "{\"secrets\":["
        + "{\"secretKey\":\"GOOD\",\"secretValue\":\"good-value-1\",\"type\":\"shared\",\"environment\":\"dev\","
        + "\"secretPath\":" + json(hostilePath) + "},"
        + "{\"secretKey\":" + json(HOSTILE_KEY) + ",\"secretValue\":\"hostile-value-1\",\"type\":\"shared\","
        + "\"environment\":\"dev\",\"secretPath\":\"/\"}],\"imports\":[]}";
    server.faults().onRegex("^/api/v(4/secrets|3/secrets/raw)$").times(2).respond(200, body); // slug: v3 listing
    RunnerSim r = runner().input("secret-path", "/\n/db").input("secrets", "GOOD");
    RunnerSim.Run run = r.run();
    assertEquals(0, run.exitCode(), run.stdout());
    assertTrue(run.stdout().contains("collision"), run.stdout());
    for (String line : run.lines()) {
      String t = line.stripLeading();
      assertTrue(!t.startsWith("::") || t.startsWith("::add-mask::") || t.startsWith("::group::")
          || t.startsWith("::endgroup::") || t.startsWith("::warning::") || t.startsWith("::error::"), line);
      assertFalse(!t.startsWith("::") && line.contains("##["), line);
      assertFalse(t.startsWith("::set-output"), line);
    }
    assertEquals(Map.of("GOOD", "good-value-1"), r.exportedEnv());
  }

  @Test
  void unicodeWhiteSpaceBeforeAServerCommandDoesNotMakeItRun() throws Exception {
    for (char ws : RunnerCommands.DOTNET_WHITESPACE) {
      String hostilePath = "/\n" + ws + "::stop-commands::tok";
      String hostileKey = ws + "::save-state name=infisical_post::0123456789abcdef0123456789abcdef";
      String body = "{\"secrets\":["
          + "{\"secretKey\":\"GOOD\",\"secretValue\":\"good-value-1\",\"type\":\"shared\",\"environment\":\"dev\","
          + "\"secretPath\":" + json(hostilePath) + "},"
          + "{\"secretKey\":" + json(hostileKey) + ",\"secretValue\":\"hostile-value-1\",\"type\":\"shared\","
          + "\"environment\":\"dev\",\"secretPath\":\"/\"}],\"imports\":[]}";
      server.faults().onRegex("^/api/v(4/secrets|3/secrets/raw)$").times(2).respond(200, body);
      RunnerSim r = runner().input("secret-path", "/\n/db").input("secrets", "GOOD");
      RunnerSim.Run run = r.run();
      assertEquals(0, run.exitCode(), run.stdout());
      List<String> names = RunnerCommands.names(run.stdout());
      assertTrue(names.stream().allMatch(n -> List.of("add-mask", "group", "endgroup").contains(n)),
          () -> String.format("U+%04X: %s%n%s", (int) ws, names, run.stdout()));
      assertEquals(Map.of("GOOD", "good-value-1"), r.exportedEnv());
    }
  }

  @Test
  void caCertificatePathsStayInsideTheWorkspaceAndTheirContentIsNeverShown() throws Exception {
    RunnerSim r = runner();
    Path outside = Files.writeString(tmp.resolve("outside.pem"), "OUTSIDE-CONTENT-4711");
    Files.createDirectories(r.workspace.resolve("certs"));
    Files.createSymbolicLink(r.workspace.resolve("certs/link.pem"), outside);
    Files.writeString(r.workspace.resolve("certs/not-a-cert.pem"), "INSIDE-CONTENT-4712\n");
    Map<String, String> cases = Map.of(
        outside.toString(), "not an absolute path",
        "../outside.pem", "'..' is not allowed",
        "certs/../../outside.pem", "'..' is not allowed",
        "certs/link.pem", "resolves outside the workspace",
        "certs", "is not a regular file",
        "certs/missing.pem", "neither PEM text nor a readable file in the workspace",
        "certs/not-a-cert.pem", "must hold at least one PEM certificate");
    for (Map.Entry<String, String> c : cases.entrySet()) {
      RunnerSim.Run run = r.input("ca-certificate", c.getKey()).run();
      assertEquals(1, run.exitCode(), run.stdout());
      String errors = String.join("\n", run.errors());
      assertTrue(errors.contains("input 'ca-certificate'") && errors.contains(c.getValue()), c.getKey() + ": " + errors);
      assertFalse(run.stdout().contains("CONTENT-471"), run.stdout());
      assertTrue(run.stdout().contains("nothing was fetched"), run.stdout());
    }
  }

  private static String json(String text) throws Exception {
    return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(text);
  }

  @Test
  void credentialsInDomainOrProxyAreMaskedAndNeverPrinted() throws Exception {
    RunnerSim bad = runner().input("domain", "http://user:domain-pass-88@127.0.0.1:1 x");
    RunnerSim.Run run = bad.run();
    assertEquals(1, run.exitCode());
    assertTrue(String.join("\n", run.errors()).contains("input 'domain'"), run.stdout());
    assertFalse(run.visible().contains("domain-pass-88"), run.stdout());
    assertTrue(run.masks().contains("domain-pass-88"), run.stdout());

    RunnerSim proxy = runner().input("proxy", "http://proxyuser:proxy-pass-77@127.0.0.1:notaport x");
    RunnerSim.Run viaProxy = proxy.run();
    assertEquals(1, viaProxy.exitCode());
    assertFalse(viaProxy.visible().contains("proxy-pass-77"), viaProxy.stdout());
    assertTrue(viaProxy.masks().contains("proxy-pass-77"), viaProxy.stdout());
  }

  @Test
  void anInvalidIdTokenRequestUrlIsAnInputProblemNotACrash() throws Exception {
    RunnerSim r = runner().input("method", "oidc").input("identity-id", "some-identity").input("client-id", "")
        .input("client-secret", "");
    r.env.put("ACTIONS_ID_TOKEN_REQUEST_URL", "not a url");
    r.env.put("ACTIONS_ID_TOKEN_REQUEST_TOKEN", "request-token-1");
    server.calls().clear();
    RunnerSim.Run run = r.run();
    assertEquals(1, run.exitCode());
    String errors = String.join("\n", run.errors());
    assertTrue(errors.contains("ACTIONS_ID_TOKEN_REQUEST_URL"), run.stdout());
    assertFalse(run.stdout().contains("unexpected failure"), run.stdout());
    assertEquals(0, server.calls().all().size());
  }

  @Test
  void postStepNeverDeletesThroughALinkedFolder() throws Exception {
    RunnerSim r = runner();
    Path outside = Files.createDirectories(tmp.resolve("outside"));
    Path victim = Files.writeString(outside.resolve("app.env"), "keep me");
    Files.createSymbolicLink(r.workspace.resolve("config"), outside);
    r.env.put("STATE_" + CleanupRecord.STATE, CleanupRecord.write(r.env, r.workspace.resolve("config/app.env")));
    RunnerSim.Run post = r.run("post");
    assertEquals(0, post.exitCode(), post.stdout());
    assertTrue(Files.exists(victim), post.stdout());
    assertTrue(post.stdout().contains("outside the workspace"), post.stdout());

    Path inside = Files.writeString(r.workspace.resolve("real.env"), "x");
    Files.createSymbolicLink(r.workspace.resolve("link.env"), outside.resolve("app.env"));
    r.env.put("STATE_" + CleanupRecord.STATE, CleanupRecord.write(r.env, r.workspace.resolve("link.env")));
    assertEquals(0, r.run("post").exitCode());
    assertTrue(Files.exists(victim), "a link itself may go, never its target");
    r.env.put("STATE_" + CleanupRecord.STATE, CleanupRecord.write(r.env, inside));
    assertEquals(0, r.run("post").exitCode());
    assertFalse(Files.exists(inside));
  }

  /**
   * The known gap of the last review: the post step checked the file's folder, then removed the file by
   * path, so an earlier step's background process swapping the folder for a link in between could redirect
   * the removal (as root) to a file of the same name anywhere. Now the folders are opened without following
   * links and the file is removed relative to its opened folder: a swap after the check changes nothing.
   */
  @Test
  void postStepRemovalCannotBeRedirectedByAFolderSwappedAfterItsCheck() throws Exception {
    RunnerSim r = runner();
    Path workspace = r.workspace.toRealPath();
    Path outside = Files.createDirectories(tmp.resolve("elsewhere"));
    Path victim = Files.writeString(outside.resolve("app.env"), "keep me");
    Files.writeString(Files.createDirectories(workspace.resolve("config")).resolve("app.env"), "S=1");
    try (NoFollowFolder folder = NoFollowFolder.open(workspace, Path.of("config"))) {
      Files.move(workspace.resolve("config"), workspace.resolve("config-moved"));
      Files.createSymbolicLink(workspace.resolve("config"), outside); // the swap, after the check
      assertEquals(NoFollowFolder.Outcome.REMOVED, folder.remove(Path.of("app.env")));
    }
    assertTrue(Files.exists(victim), "the file behind the swapped-in link is untouched");
    assertFalse(Files.exists(workspace.resolve("config-moved/app.env")), "the exported file itself is removed");

    // a link already in place when the removal starts is refused, not followed
    try (NoFollowFolder folder = NoFollowFolder.open(workspace, Path.of("config"))) {
      assertEquals(NoFollowFolder.Outcome.THROUGH_LINK, folder.remove(Path.of("app.env")));
    }
    assertTrue(Files.exists(victim));
  }

  @Test
  void postStepFollowsALinkedFolderOnlyAsItWasWhenTheMainStepRan() throws Exception {
    RunnerSim r = runner();
    Path shared = Files.createDirectories(r.workspace.resolve("shared/config"));
    Files.createSymbolicLink(r.workspace.resolve("cfg"), shared); // a link inside the workspace, there all along
    Path exported = Files.writeString(shared.resolve("app.env"), "S=1");
    r.env.put("STATE_" + CleanupRecord.STATE, CleanupRecord.write(r.env, r.workspace.resolve("cfg/app.env")));
    RunnerSim.Run post = r.run("post");
    assertEquals(0, post.exitCode(), post.stdout());
    assertFalse(Files.exists(exported), post.stdout());
    assertTrue(post.stdout().contains("removed shared/config/app.env"), post.stdout());

    // a folder on the recorded way that became a link since then is refused
    Path outside = Files.createDirectories(tmp.resolve("later"));
    Path victim = Files.writeString(outside.resolve("app.env"), "keep me");
    r.env.put("STATE_" + CleanupRecord.STATE, CleanupRecord.write(r.env, r.workspace.resolve("cfg/app.env")));
    Files.move(shared, r.workspace.resolve("shared/old"));
    Files.createSymbolicLink(shared, outside);
    post = r.run("post");
    assertEquals(0, post.exitCode(), post.stdout());
    assertTrue(Files.exists(victim), post.stdout());
    assertTrue(post.stdout().contains("is now a link"), post.stdout());
  }

  @Test
  void postStepWithTheWholeWorkspaceGoneHasNothingToRemove() throws Exception {
    RunnerSim r = runner();
    Path workspace = Files.createDirectories(tmp.resolve("gone-ws"));
    r.env.put("GITHUB_WORKSPACE", workspace.toString());
    r.env.put("STATE_" + CleanupRecord.STATE, CleanupRecord.write(r.env, workspace.resolve(".env")));
    Files.delete(workspace);
    RunnerSim.Run post = r.run("post");
    assertEquals(0, post.exitCode(), post.stdout());
    assertTrue(post.stdout().contains("was already gone"), post.stdout());
  }

  @Test
  void postStepTrustsOnlyARecordItsOwnMainStepWrote() throws Exception {
    RunnerSim r = runner();
    Path victim = Files.writeString(r.workspace.resolve("important.txt"), "keep me");
    // the state name the action used before, forged by a printed ::save-state:: or an earlier step
    r.env.put("STATE_infisical_file", victim.toString());
    RunnerSim.Run post = r.run("post");
    assertEquals(0, post.exitCode(), post.stdout());
    assertTrue(Files.exists(victim), post.stdout());

    r.env.put("STATE_" + CleanupRecord.STATE, victim.toString());
    post = r.run("post");
    assertTrue(Files.exists(victim), post.stdout());
    assertTrue(post.stdout().contains("not one this action writes"), post.stdout());

    r.env.put("STATE_" + CleanupRecord.STATE, "0123456789abcdef0123456789abcdef");
    post = r.run("post");
    assertTrue(Files.exists(victim), post.stdout());
    assertTrue(post.stdout().contains("no record"), post.stdout());

    String nonce = CleanupRecord.write(r.env, victim);
    Path record = CleanupRecord.folder(r.env).orElseThrow().resolve("post-" + nonce);
    Files.setPosixFilePermissions(record, java.nio.file.attribute.PosixFilePermissions.fromString("rw-rw-rw-"));
    r.env.put("STATE_" + CleanupRecord.STATE, nonce);
    post = r.run("post");
    assertTrue(Files.exists(victim), post.stdout());
    assertTrue(post.stdout().contains("not written by this action"), post.stdout());

    if (Files.getAttribute(CleanupRecord.folder(r.env).orElseThrow(), "unix:uid").equals(0)) {
      // as root (the container's user) a record of another user, as an unprivileged earlier step would write it
      String foreign = CleanupRecord.write(r.env, victim);
      Files.setAttribute(CleanupRecord.folder(r.env).orElseThrow().resolve("post-" + foreign), "unix:uid", 65534);
      r.env.put("STATE_" + CleanupRecord.STATE, foreign);
      post = r.run("post");
      assertTrue(Files.exists(victim), post.stdout());
      assertTrue(post.stdout().contains("not written by this action"), post.stdout());
    }

    Map<String, String> otherRun = new java.util.HashMap<>(r.env);
    otherRun.put("GITHUB_RUN_ID", "999");
    r.env.put("STATE_" + CleanupRecord.STATE, CleanupRecord.write(otherRun, victim));
    post = r.run("post");
    assertTrue(Files.exists(victim), post.stdout());
    assertTrue(post.stdout().contains("another run"), post.stdout());

    // a records' folder others can write to: they could swap a record between its checks and its reading
    Path folder = CleanupRecord.folder(r.env).orElseThrow();
    r.env.put("STATE_" + CleanupRecord.STATE, CleanupRecord.write(r.env, victim));
    Files.setPosixFilePermissions(folder, java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));
    post = r.run("post");
    Files.setPosixFilePermissions(folder, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
    assertTrue(Files.exists(victim), post.stdout());
    assertTrue(post.stdout().contains("not private to this action's user"), post.stdout());

    Path link = CleanupRecord.folder(r.env).orElseThrow().resolve("post-" + "a".repeat(32));
    Files.createSymbolicLink(link, CleanupRecord.folder(r.env).orElseThrow().resolve("post-" + CleanupRecord.write(r.env, victim)));
    r.env.put("STATE_" + CleanupRecord.STATE, "a".repeat(32));
    post = r.run("post");
    assertTrue(Files.exists(victim), post.stdout());
    assertTrue(post.stdout().contains("not written by this action"), post.stdout());
  }

  @Test
  void eachLineOfAMultiLineJsonLeafIsMasked() {
    String serviceAccount = "{\"type\":\"service_account\",\"private_key\":"
        + "\"-----BEGIN PRIVATE KEY-----\\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\\nq9w0BAQEFAASCBKcwggSjAgEAAoIBAQ\\n"
        + "-----END PRIVATE KEY-----\\n\"}";
    List<String> texts = MaskValues.of(SecretValue.of(serviceAccount)).stream().map(SecretValue::reveal).toList();
    assertTrue(texts.contains("MIIEvQIBADANBgkqhkiG9w0BAQEFAASC") && texts.contains("q9w0BAQEFAASCBKcwggSjAgEAAoIBAQ"),
        texts.toString());
    assertTrue(texts.contains("-----BEGIN PRIVATE KEY-----"), texts.toString());
  }

  @Test
  void everyInvalidNetworkInputIsNamedAtOnce() throws Exception {
    server.calls().clear();
    RunnerSim r = runner().input("domain", "not a url").input("proxy", "socks5://proxy:1080")
        .input("extra-headers", "Bad Header: x");
    RunnerSim.Run run = r.run();
    assertEquals(1, run.exitCode());
    String errors = String.join("\n", run.errors());
    for (String input : List.of("domain", "proxy", "extra-headers")) {
      assertTrue(errors.contains("input '" + input + "'"), input + " not reported in:\n" + errors);
    }
    assertFalse(errors.contains("input 'ca-certificate'") || errors.contains("input 'timeout'"), errors);
    assertEquals(0, server.calls().all().size());
  }

  @Test
  void aKeptTokenIsStillRevokedWhenTheExportFailsBeforeWriting() throws Exception {
    server.calls().clear();
    int before = server.activeTokenCount();
    RunnerSim r = runner().input("export-token", "true").input("secrets", "GOOD\nNOT_THERE");
    RunnerSim.Run run = r.run();
    assertEquals(1, run.exitCode(), run.stdout());
    assertTrue(String.join("\n", run.errors()).contains("NOT_THERE"), run.stdout());
    assertEquals(1, server.calls().count("POST", "/api/v1/auth/token/revoke"), run.stdout());
    assertEquals(before, server.activeTokenCount());
    assertTrue(r.outputs().isEmpty() && r.exportedEnv().isEmpty());
  }

  @Test
  void paddedValuesAreAlsoMaskedWithoutTheirPadding() {
    List<String> texts = MaskValues.of(SecretValue.of("  padded-secret\t")).stream().map(SecretValue::reveal).toList();
    assertTrue(texts.contains("  padded-secret\t") && texts.contains("padded-secret"), texts.toString());
  }
}
