package io.github.infisicalci.action;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.infisicalci.client.SecretValue;
import java.nio.charset.StandardCharsets;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The spellings the action registers with {@code ::add-mask::} besides what the runner derives itself. */
class MaskValuesTest {
  private static List<String> texts(String value) {
    return MaskValues.of(SecretValue.of(value)).stream().map(SecretValue::reveal).toList();
  }

  @Test
  void urlAndJsonSpellingsTheRunnerDoesNotDeriveAreRegistered() {
    List<String> t = texts("p@ss w/rd~é<");
    assertEquals("p@ss w/rd~é<", t.get(0));
    assertTrue(t.contains("p%40ss+w%2Frd~%C3%A9%3C"), "form encoding (quote_plus): " + t);
    assertTrue(t.contains("p%40ss%20w%2frd~%c3%a9%3c"), "lowercase hex: " + t);
    assertTrue(t.contains("p%40ss%20w/rd~%C3%A9%3C"), "Python quote keeps /: " + t);
    assertTrue(t.contains("p@ss w\\/rd~\\u00e9<"), "PHP json_encode: " + t);
    assertTrue(t.contains("p@ss w/rd~é\\u003c"), "Go encoding/json: " + t);
  }

  @Test
  void bashPrintfQAndDeclarePSpellingsAreRegistered() {
    // bash 5.2: printf '%q\n' 'Tr0ub4dor&3 x'   and   V='Pa$$w0rd!"'; declare -p V
    assertTrue(texts("Tr0ub4dor&3 x").contains("Tr0ub4dor\\&3\\ x"), "printf %q");
    assertTrue(texts("Pa$$w0rd!\"").contains("Pa\\$\\$w0rd!\\\""), "declare -p");
  }

  @Test
  void base64InTheMiddleOfDataIsRegisteredAsItsSecretOnlyFragments() {
    String secret = "db-password-1234";
    List<String> t = texts(secret);
    String basic = Base64.getEncoder().encodeToString(("admin:" + secret + ":x").getBytes(StandardCharsets.UTF_8));
    assertTrue(t.stream().anyMatch(basic::contains), basic + " " + t);
  }

  @Test
  void eachLineOfTheWrappedBase64OfALongSecretIsRegisteredWithinTheBound() {
    StringBuilder key = new StringBuilder("-----BEGIN PRIVATE KEY-----\n");
    for (int i = 0; i < 60; i++) {
      key.append("MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKjMzEfYyjiWA4R4\n".substring(i % 7));
    }
    key.append("-----END PRIVATE KEY-----\n");
    List<String> t = texts(key.toString());
    String b64 = Base64.getEncoder().encodeToString(key.toString().getBytes(StandardCharsets.UTF_8));
    // base64(1) output: lines of 76; the first lines are registered (within MAX_MASKS)
    assertTrue(t.contains(b64.substring(0, 76)) && t.contains(b64.substring(76, 152)), "76-column lines");
    assertTrue(t.contains(b64.substring(0, 64)) && t.contains(b64.substring(64, 128)), "64-column lines");
    assertTrue(t.size() <= MaskValues.MAX_MASKS, "bounded: " + t.size());
    assertTrue(t.stream().noneMatch(s -> s.indexOf('\n') >= 0 && !s.equals(key.toString())), "one line each");
  }

  /**
   * A line as the runner prints it: every occurrence of every registered text replaced, overlapping and
   * touching ones merged into one {@code ***} (a lower bound: the runner also masks its own encodings of
   * each text, none of which is a piece of a wrapped line).
   */
  static String runnerMask(String line, List<String> masks) {
    boolean[] hit = new boolean[line.length()];
    for (String m : masks) {
      for (int i = line.indexOf(m); i >= 0; i = line.indexOf(m, i + 1)) {
        java.util.Arrays.fill(hit, i, i + m.length(), true);
      }
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < line.length(); i++) {
      if (!hit[i]) {
        out.append(line.charAt(i));
      } else if (i == 0 || !hit[i - 1]) {
        out.append("***");
      }
    }
    return out.toString();
  }

  /** Every line of an encoder's output with at least 8 characters besides padding is masked whole. */
  private static void assertEveryLineMasked(String output, List<String> masks, String what) {
    for (String line : output.split("\r?\n")) {
      if (line.replace("=", "").length() >= MaskValues.MIN_WRAPPED_LINE) {
        assertEquals("***", runnerMask(line, masks), what + ": line " + line);
      }
    }
  }

  /** 100 bytes: the Base64 of it followed by a line end is two 76-column lines, three 64-column ones. */
  private static final String TOKEN =
      "ghs_0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789abcdefghijklmnopqrstuvwx";

  @Test
  void base64OfTheValueFollowedByALineEndIsMaskedOnEveryLine() {
    List<String> t = texts(TOKEN);
    // echo "$TOKEN" | base64   (GNU coreutils 9.1)
    assertEveryLineMasked("Z2hzXzAxMjM0NTY3ODlhYmNkZWZnaGlqa2xtbm9wcXJzdHV2d3h5ekFCQ0RFRkdISUpLTE1OT1BR\n"
        + "UlNUVVZXWFlaMDEyMzQ1Njc4OWFiY2RlZmdoaWprbG1ub3BxcnN0dXZ3eAo=\n", t, "echo | base64");
    // echo "$TOKEN" | base64 -w 64   (echo "$TOKEN" | openssl base64 prints the same, OpenSSL 3.0)
    assertEveryLineMasked("Z2hzXzAxMjM0NTY3ODlhYmNkZWZnaGlqa2xtbm9wcXJzdHV2d3h5ekFCQ0RFRkdI\n"
        + "SUpLTE1OT1BRUlNUVVZXWFlaMDEyMzQ1Njc4OWFiY2RlZmdoaWprbG1ub3BxcnN0\n"
        + "dXZ3eAo=\n", t, "echo | base64 -w 64");
    // printf '%s\r\n' "$TOKEN" | base64
    assertEveryLineMasked("Z2hzXzAxMjM0NTY3ODlhYmNkZWZnaGlqa2xtbm9wcXJzdHV2d3h5ekFCQ0RFRkdISUpLTE1OT1BR\n"
        + "UlNUVVZXWFlaMDEyMzQ1Njc4OWFiY2RlZmdoaWprbG1ub3BxcnN0dXZ3eA0K\n", t, "CRLF | base64");
    assertEquals("***", runnerMask("UlNUVVZXWFlaMDEyMzQ1Njc4OWFiY2RlZmdoaWprbG1ub3BxcnN0dXZ3eAo=", t),
        "the last line of echo | base64");
  }

  @Test
  void otherDataAfterTheValueLeavesOnlyTheGroupThatMixesBothVisible() {
    // printf '%s:xyz\n' "$TOKEN" | base64: the last 76-column line of the value ends with the group "eDp4"
    // (x of the token, then ":x"), which depends on what follows
    assertEquals("***eDp4eXoK", runnerMask("UlNUVVZXWFlaMDEyMzQ1Njc4OWFiY2RlZmdoaWprbG1ub3BxcnN0dXZ3eDp4eXoK",
        texts(TOKEN)));
  }

  /** Runs the real encoders, where they are installed (the CI machine has coreutils), over many lengths. */
  @Test
  void realBase64ToolsOutputIsMaskedForEveryLengthAndLineEnd() throws Exception {
    assumeTrue(onPath("base64"), "no base64 on PATH");
    List<String> commands = new ArrayList<>(List.of("printf '%s\\n' \"$T\" | base64",
        "printf '%s\\n' \"$T\" | base64 -w 64", "printf '%s\\r\\n' \"$T\" | base64", "printf '%s' \"$T\" | base64"));
    if (onPath("openssl")) {
      commands.add("printf '%s\\n' \"$T\" | openssl base64");
    }
    Random random = new Random(20261203);
    String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.~!@#%^&*+=:,/";
    StringBuilder value = new StringBuilder();
    for (int length = 1; length <= 240; length++) {
      value.append(alphabet.charAt(random.nextInt(alphabet.length())));
      // every residue mod 3, and each length next to where a line of 76 (57 bytes) or 64 (48 bytes) fills
      int near = Math.min(Math.min(length % 57, 57 - length % 57), Math.min(length % 48, 48 - length % 48));
      if (length % 5 != 0 && near > 2) {
        continue;
      }
      List<String> t = texts(value.toString());
      String[] outputs = run(String.join("; echo @@; ", commands), value.toString()).split("@@\n", -1);
      assertEquals(commands.size(), outputs.length);
      for (int i = 0; i < outputs.length; i++) {
        assertEveryLineMasked(outputs[i], t, commands.get(i) + ", " + length + " bytes");
      }
    }
  }

  private static boolean onPath(String tool) throws IOException, InterruptedException {
    return new ProcessBuilder("sh", "-c", "command -v " + tool).start().waitFor() == 0;
  }

  private static String run(String command, String value) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder("bash", "-c", command);
    pb.environment().put("T", value);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
    assertEquals(0, p.waitFor(), command);
    return out;
  }

  /** A PEM private key of {@code bytes} bytes: armour lines and 64-column Base64 lines of random key bytes. */
  static String pem(int bytes, long seed) {
    String head = "-----BEGIN PRIVATE KEY-----\n";
    String tail = "-----END PRIVATE KEY-----\n";
    Random random = new Random(seed);
    byte[] der = new byte[(bytes - head.length() - tail.length()) * 48 / 65];
    random.nextBytes(der);
    String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
    return head + body + "\n" + tail;
  }

  private static List<String> wrappedLines(String value, int width) {
    String b64 = Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < b64.length(); i += width) {
      String line = b64.substring(i, Math.min(b64.length(), i + width));
      if (line.replace("=", "").length() >= MaskValues.MIN_WRAPPED_LINE) {
        lines.add(line);
      }
    }
    return lines;
  }

  @Test
  void every76And64ColumnLineOfA4096BitKeyIsRegistered() {
    String key = pem(3272, 1); // openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:4096: 3,268-3,272 bytes
    MaskValues.Masks masks = MaskValues.masks(SecretValue.of(key));
    List<String> t = masks.texts().stream().map(SecretValue::reveal).toList();
    for (int width : new int[] {76, 64}) {
      List<String> missing = wrappedLines(key, width).stream().filter(l -> !t.contains(l)).toList();
      assertEquals(0, missing.size(), width + "-column lines not registered");
    }
    assertEquals(List.of(), masks.notRegistered());
    assertTrue(t.size() <= MaskValues.MAX_MASKS, "bounded: " + t.size());
  }

  @Test
  void whatTheBoundLeavesOutIsNamedAndTheRunnerCoveredLinesGoFirst() {
    String bundle = pem(3272, 2) + pem(3272, 3); // a 6.5 KB key bundle
    MaskValues.Masks masks = MaskValues.masks(SecretValue.of(bundle));
    List<String> t = masks.texts().stream().map(SecretValue::reveal).toList();
    assertEquals(MaskValues.MAX_MASKS, t.size());
    assertEquals(bundle, t.get(0));
    assertTrue(t.containsAll(wrappedLines(bundle, 76)), "the 76-column lines come before the 64-column ones");
    List<String> missing64 = wrappedLines(bundle, 64).stream().filter(l -> !t.contains(l)).toList();
    assertTrue(!missing64.isEmpty());
    assertEquals(1, masks.notRegistered().size(), masks.notRegistered().toString());
    String note = masks.notRegistered().get(0);
    assertTrue(note.matches("64-column Base64 lines \\(\\d+ of \\d+\\)"), note);
    assertTrue(Integer.parseInt(note.replaceAll(".*\\((\\d+) of.*", "$1")) >= missing64.size(), note);
    assertFalse(t.contains("-----BEGIN PRIVATE KEY-----"),
        "the lines of the value are left out, unreported: the runner registers them itself");
  }

  @Test
  void aLineWithoutSecretContentIsReportedBecauseTheRunnerMasksItOnItsOwn() {
    assertTrue(MaskValues.masks(SecretValue.of("{\n  \"k\": \"hunter22\"\n}")).linesWithoutContent());
    assertTrue(MaskValues.masks(SecretValue.of("first line\nok\n")).linesWithoutContent(), "too short");
    assertTrue(MaskValues.masks(SecretValue.of("{\"pem\": \"abc-key\\n-----\"}")).linesWithoutContent(),
        "a line of a multi-line leaf, which the runner splits too");
    assertFalse(MaskValues.masks(SecretValue.of("first line\n\n  \t\n  second line\r\n")).linesWithoutContent(),
        "blank lines are not masks of the runner either");
    assertFalse(MaskValues.masks(SecretValue.of("ab")).linesWithoutContent(), "one line: the short-value warning");
    assertFalse(MaskValues.masks(SecretValue.of("{\"k\": \"v\"}")).linesWithoutContent(), "a short one-line leaf");
  }

  @Test
  void aShortLastWrappedLineIsNotRegistered() {
    String secret = "x".repeat(59);
    String b64 = Base64.getEncoder().encodeToString(secret.getBytes(StandardCharsets.UTF_8));
    List<String> t = texts(secret);
    assertTrue(t.contains(b64.substring(0, 76)));
    assertFalse(t.contains(b64.substring(76)), b64.substring(76));
  }

  @Test
  void punctuationOnlyLinesAreNotMasks() {
    List<String> t = texts("{\n  \"password\": \"hunter22\"\n  },\n}");
    assertFalse(t.contains("},") || t.contains("}"), t.toString());
    assertTrue(t.contains("\"password\": \"hunter22\""), t.toString());
  }
}
