package io.github.infisicalci.action;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.infisicalci.client.SecretValue;
import io.github.infisicalci.client.secrets.Collision;
import io.github.infisicalci.mask.Masker;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The entrypoint's building blocks on their own. */
class UnitsTest {
  @Test
  void inputNamesFollowTheRunner() {
    assertEquals("INPUT_CLIENT-ID", Inputs.envName("client-id"));
    assertEquals("INPUT_MY_INPUT", Inputs.envName("my input"));
    Inputs in = new Inputs(Map.of("INPUT_CLIENT-ID", "  abc \n", "INPUT_SECRET-PATH", "   "));
    assertEquals("abc", in.get("client-id"));
    assertEquals("/", in.get("secret-path"), "blank takes the default");
    assertEquals("https://app.infisical.com", in.get("domain"));
    assertEquals("universal", in.get("method"));
    assertEquals("env", in.get("export-type"));
    assertEquals("/.env", in.get("file-output-path"));
    assertEquals("true", in.get("include-imports"));
    assertEquals("false", in.get("recursive"));
  }

  @Test
  void heredocDelimiterIsFreshAndAbsentFromTheValue() {
    Iterator<String> scripted = List.of("EOF", "EOF", "D2").iterator();
    FileCommands commands = new FileCommands(scripted::next);
    assertEquals("K<<D2\nline\nEOF\n\nD2\n", commands.record("K", SecretValue.of("line\nEOF\n")));
    FileCommands always = new FileCommands(() -> "x");
    assertThrows(IllegalStateException.class, () -> always.record("K", SecretValue.of("has x inside")));
    String a = FileCommands.randomDelimiter();
    String b = FileCommands.randomDelimiter();
    assertTrue(a.startsWith("ghadelimiter_") && a.length() == 45 && !a.equals(b));
  }

  @Test
  void commitAppendsAndRollsBackOnFailure(@TempDir Path dir) throws Exception {
    Path env = Files.writeString(dir.resolve("env"), "EXISTING=1\n");
    Path notAFile = Files.createDirectories(dir.resolve("dir"));
    FileCommands commands = new FileCommands();
    commands.queue(env, "A", SecretValue.of("v"));
    commands.queue(notAFile, "B", SecretValue.of("w"));
    assertThrows(Exception.class, commands::commit);
    assertEquals("EXISTING=1\n", Files.readString(env));
    commands.queue(env, "A", SecretValue.of("v"));
    commands.commit();
    assertEquals(Map.of("EXISTING", "1", "A", "v"), RunnerFiles.map(env));
  }

  @Test
  void logEscapesCommandsAndMasksEveryLine() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Log log = new Log(new PrintStream(bytes, true, StandardCharsets.UTF_8),
        Masker.builder().add("s", SecretValue.of("hunter22")).build());
    log.addMask(SecretValue.of("a%b\r\nc"));
    log.addMask(SecretValue.empty());
    log.info("password is hunter22\n::set-env name=X::y\n  ::add-mask::x\n##[error]y");
    log.error("bad hunter22 %\nnext");
    log.group("g");
    log.endAllGroups();
    assertEquals("::add-mask::a%25b%0D%0Ac\n"
        + "password is ***<U+000A>::set-env name=X::y<U+000A>  ::add-mask::x<U+000A>## [error]y\n"
        + "::error::bad *** %25%0Anext\n"
        + "::group::g\n::endgroup::\n", bytes.toString(StandardCharsets.UTF_8));
  }

  @Test
  void maskValuesIncludeLinesAndJsonLeaves() {
    List<String> texts = MaskValues.of(SecretValue.of("{\"a\":{\"b\":[\"deep-leaf\",12345]},\"t\":true,\"n\":null}"))
        .stream().map(SecretValue::reveal).toList();
    assertTrue(texts.containsAll(List.of("deep-leaf", "12345")), texts.toString());
    assertFalse(texts.contains("true"));
    List<String> lines = MaskValues.of(SecretValue.of("one\r\n\r\ntwo\n")).stream().map(SecretValue::reveal).toList();
    assertEquals("one\r\n\r\ntwo\n", lines.get(0));
    assertEquals(List.of("one", "two"), lines.subList(lines.size() - 2, lines.size()), "lines last: the runner adds them too");
    List<String> notJson = MaskValues.of(SecretValue.of("{not json")).stream().map(SecretValue::reveal).toList();
    assertTrue(notJson.get(0).equals("{not json") && notJson.stream().allMatch(t -> t.length() >= 9), notJson.toString());
    assertEquals(List.of(), MaskValues.of(SecretValue.of(" \n\t")), "never a blank mask");
    List<String> pretty = MaskValues.of(SecretValue.of("{\n  \"k\": \"v1\",\n  \"p\": \"long-leaf\"\n}"))
        .stream().map(SecretValue::reveal).toList();
    assertFalse(pretty.contains("{") || pretty.contains("}") || pretty.contains("v1"), pretty.toString());
    assertTrue(pretty.contains("long-leaf") && pretty.contains("\"p\": \"long-leaf\""), pretty.toString());
  }

  @Test
  void jwtClaimsShowOnlyTheMatchingClaims() {
    String jwt = OidcActionTest.jwt("repo:o/r:ref:refs/heads/main", "aud-1", "o/r", "refs/heads/main");
    String text = JwtClaims.describe(SecretValue.of(jwt));
    assertEquals("ID token claims: sub='repo:o/r:ref:refs/heads/main' aud='aud-1' repository='o/r' ref='refs/heads/main'",
        text);
    assertEquals("the ID token is not a JWT", JwtClaims.describe(SecretValue.of("opaque")));
  }

  @Test
  void summaryEscapesTableCellsAndShowsNoValues() {
    String md = StepSummary.render("T", "p", "dev", "environment variables",
        List.of(new StepSummary.Row("A", "a|b", "dev", "/x|y", true, "imported")),
        List.of(new Collision("A", "/b", List.of("/a"))), List.of("note <b>"));
    assertTrue(md.contains("| `A` | `a b` | `dev` | `/x y` | yes | imported |"), md);
    assertTrue(md.contains("- `A`: from `/b`, overriding `/a`"), md);
    assertTrue(md.contains("note \\<b\\>"), md);
  }

  @Test
  void summaryShowsServerTextWithNoLiveMarkdown() {
    String link = "[click](https://evil.test/x)";
    String image = "![t](https://track.test/p.png)";
    String html = "<img src=https://track.test/i.png>";
    String auto = "see https://evil.test and www.evil.test";
    String hostile = link + image + html + auto;
    String md = StepSummary.render("T", "p" + link, "dev" + image, "file " + html,
        List.of(new StepSummary.Row("A", "K" + link, "dev" + image, "/p" + hostile, true, "imported " + hostile)),
        List.of(new Collision("A" + html, "/b" + link, List.of("/a" + image, "/c" + auto))),
        List.of("Environment chosen by .infisical.json: " + hostile));
    // outside code spans, no Markdown punctuation is left unescaped
    String outside = md.replaceAll("`[^`\\n]*`", "");
    for (String live : List.of("[click]", "](", "![", "<img", "https://", "www.evil")) {
      // live when the text appears with none of its punctuation escaped
      assertFalse(java.util.regex.Pattern.compile("(?<!\\\\)" + java.util.regex.Pattern.quote(live)).matcher(outside).find(),
          () -> live + " is live in: " + outside);
    }
    assertTrue(md.contains("`/p" + link + image + html + auto + "`"), md);
    assertTrue(md.contains("https\\://evil\\.test"), md);
  }

  @Test
  void settingsNeverShowSecretsOrTheEnvironment(@TempDir Path ws) {
    Map<String, String> env = Map.of("GITHUB_WORKSPACE", ws.toString(), "GITHUB_ENV", ws.resolve("e").toString(),
        "INPUT_CLIENT-ID", "id", "INPUT_CLIENT-SECRET", "very-secret-1", "INPUT_PROJECT-SLUG", "p",
        "INPUT_ENV-SLUG", "dev", "INPUT_EXTRA-HEADERS", "X-Gate: header-secret-2");
    ActionSettings settings = ActionSettings.parse(new Inputs(env), env);
    assertFalse(settings.toString().contains("very-secret-1"));
    Map<String, String> twice = new java.util.HashMap<>(env);
    twice.put("INPUT_EXTRA-HEADERS", "X-A: 1\nx-a: 2\n\nX-B: 3");
    List<String> headers = ActionSettings.parse(new Inputs(twice), twice).network().extraHeaders().stream()
        .map(h -> h.name() + "=" + h.value().reveal()).toList();
    assertEquals(List.of("X-A=1, 2", "X-B=3"), headers);
    assertFalse(settings.toString().contains("header-secret-2"));
    assertEquals(List.of("very-secret-1", "header-secret-2"),
        ActionSettings.secretInputs(new Inputs(env)).stream().map(SecretValue::reveal).toList());
  }

  @Test
  void durationsAndBooleansAreStrict() {
    assertEquals(Duration.ofSeconds(60), NetworkSettings.parseDuration("60"));
    assertEquals(Duration.ofMillis(500), NetworkSettings.parseDuration("500ms"));
    assertEquals(Duration.ofMinutes(2), NetworkSettings.parseDuration("2m"));
    assertEquals(null, NetworkSettings.parseDuration("0"));
    assertEquals(null, NetworkSettings.parseDuration("-1"));
    assertEquals(null, NetworkSettings.parseDuration("1h"));
  }

  @Test
  void retryBudgetIsTheTimeoutTimesTheAttemptsExactly() {
    for (Duration d : List.of(Duration.ofMillis(1), Duration.ofMillis(999), Duration.ofMillis(1500),
        Duration.ofSeconds(60), Duration.ofMinutes(999_999))) {
      for (int n : new int[] {1, 2, 4, 11}) {
        assertEquals(d.multipliedBy(n), NetworkSettings.times(d, n), d + " * " + n);
      }
    }
  }

  @Test
  void validationNamesEveryInputAndRequiresCredentialsPerMethod(@TempDir Path ws) {
    Map<String, String> env = Map.of("GITHUB_WORKSPACE", ws.toString(), "GITHUB_ENV", ws.resolve("e").toString(),
        "INPUT_METHOD", "universal", "INPUT_ENV-SLUG", "dev");
    InvalidInputsException e = assertThrows(InvalidInputsException.class,
        () -> ActionSettings.parse(new Inputs(env), env));
    assertEquals(List.of("input 'client-id': is required for method 'universal'",
        "input 'client-secret': is required for method 'universal'",
        "input 'project-slug': is required (or give project-id)"), e.problems());
    Map<String, String> k8s = Map.of("GITHUB_WORKSPACE", ws.toString(), "GITHUB_ENV", ws.resolve("e").toString(),
        "INPUT_METHOD", "kubernetes", "INPUT_PROJECT-ID", "p", "INPUT_PROJECT-SLUG", "p", "INPUT_DOMAIN", "ftp://x");
    List<String> problems = assertThrows(InvalidInputsException.class,
        () -> ActionSettings.parse(new Inputs(k8s), k8s)).problems();
    assertTrue(problems.get(0).startsWith("input 'identity-id'"), problems.toString());
    assertTrue(problems.get(1).startsWith("input 'project-id': give either"), problems.toString());
    assertTrue(problems.get(2).startsWith("input 'env-slug'"), problems.toString());
  }
}
