package io.github.infisicalci.mask;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.infisicalci.client.SecretValue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * JSON inside a JSON string where the inner and the outer encoder escape differently. Literals printed by
 * Python 3 and Node.js on this machine (command in each comment); the Go one is derived from
 * {@code encoding/json}'s documented escaping, there being no Go toolchain here.
 */
class NestedJsonFormsTest {
  /** The value the literals were made from: non-ASCII, a quote, HTML characters, a slash, a control character. */
  private static final String S = "p\u00e4ssw\"rd<&>/\u0001";

  private static String mask(String secret, String log) {
    return Masker.builder().forms(Set.of(EncodedForm.JSON)).replacement("***")
        .add("S", SecretValue.of(secret)).build().mask(log);
  }

  @Test
  void pythonMinimalInsidePythonAsciiOnly() {
    // python3 -c 'import json; x="p\u00e4ssw\"rd<&>/\u0001"; print(json.dumps({"m": json.dumps({"k":x}, ensure_ascii=False)}))'
    assertEquals("{\"m\": \"{\\\"k\\\": \\\"***\\\"}\"}",
        mask(S, "{\"m\": \"{\\\"k\\\": \\\"p\\u00e4ssw\\\\\\\"rd<&>/\\\\u0001\\\"}\"}"));
  }

  @Test
  void pythonAsciiOnlyInsideNode() {
    // python3 -c 'import json; x="p\u00e4ssw\"rd<&>/\u0001"; print(json.dumps({"k":x}))' \
    //   | node -e 'let s=require("fs").readFileSync(0,"utf8").trim(); console.log(JSON.stringify({m:s}))'
    assertEquals("{\"m\":\"{\\\"k\\\": \\\"***\\\"}\"}",
        mask(S, "{\"m\":\"{\\\"k\\\": \\\"p\\\\u00e4ssw\\\\\\\"rd<&>/\\\\u0001\\\"}\"}"));
  }

  @Test
  void nodeLineInsideGoJsonFileLog() {
    // node -e 'console.log(JSON.stringify({k:"p\u00e4ssw\"rd<&>/\u0001"}))'  ->  {"k":"pässw\"rd<&>/\u0001"}
    // Docker's json-file driver (Go encoding/json, HTML-safe) writes that line as:
    String log = "{\"log\":\"{\\\"k\\\":\\\"p\u00e4ssw\\\\\\\"rd\\u003c\\u0026\\u003e/\\\\u0001\\\"}\\n\"}";
    assertEquals("{\"log\":\"{\\\"k\\\":\\\"***\\\"}\\n\"}", mask(S, log));
  }

  @Test
  void aValueNoStyleEscapesIsItsOwnSpelling() {
    assertEquals(List.of("ghp_abc-DEF.09:@%~"), PatternGenerator.patterns("ghp_abc-DEF.09:@%~", Set.of(EncodedForm.JSON), 3, 6)
        .stream().map(p -> new String(p, StandardCharsets.UTF_8)).toList());
  }

  @Test
  void everyStyleInsideEveryStyleIsASpelling() {
    Set<String> spellings = new HashSet<>();
    for (byte[] p : PatternGenerator.patterns(S, Set.of(EncodedForm.JSON), 3, 6)) {
      spellings.add(new String(p, StandardCharsets.UTF_8));
    }
    for (JsonSpellings.Style inner : JsonSpellings.STYLES) {
      for (JsonSpellings.Style outer : JsonSpellings.STYLES) {
        String twice = JsonSpellings.escape(JsonSpellings.escape(S, inner), outer);
        assertTrue(spellings.contains(twice), inner + " inside " + outer);
      }
    }
  }

  @Test
  void realPythonAndNodePairsAreMasked() throws Exception {
    assumeTrue(RealTools.onPath("python3") && RealTools.onPath("node"), "python3 or node not on PATH");
    String py = "import json,os,sys;s=os.environ['S'];print(json.dumps(json.dumps(s,ensure_ascii=%s),ensure_ascii=%s))";
    String nodeInPy = "import json,sys;print(json.dumps(sys.stdin.read().strip(),ensure_ascii=%s))";
    List<String> leaks = new ArrayList<>();
    for (String value : List.of(S, "\u00e9t\u00e9\"\\x\u2028y\ud83d\ude00z<tag>&'=+`", "a\tb\\c\"d/e\u007f")) {
      List<String> outputs = new ArrayList<>();
      for (String inner : List.of("True", "False")) {
        for (String outer : List.of("True", "False")) {
          outputs.add(run(value, "", "python3", "-c", py.formatted(inner, outer)));
        }
      }
      String node = run(value, "", "node", "-e", "console.log(JSON.stringify(process.env.S))");
      for (String outer : List.of("True", "False")) {
        outputs.add(run(value, node, "python3", "-c", nodeInPy.formatted(outer)));
      }
      outputs.add(run(value, "", "node", "-e", "console.log(JSON.stringify(JSON.stringify(process.env.S)))"));
      for (String out : outputs) {
        String masked = mask(value, out);
        if (!masked.equals("\"\\\"***\\\"\"")) {
          leaks.add(masked);
        }
      }
    }
    assertEquals(List.of(), leaks);
  }

  private static String run(String value, String stdin, String... command) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().put("S", value);
    pb.environment().put("PYTHONIOENCODING", "utf-8");
    Process p = pb.start();
    p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertEquals(0, p.waitFor(), "exit status of " + command[0]);
    return out;
  }
}
