package io.github.infisicalci.mask;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.infisicalci.client.SecretValue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * bash's {@code printf %q}, {@code declare -p}, {@code export -p}, {@code ${V@Q}} and {@code set -x}: the
 * literals were printed by GNU bash 5.2.15 (command in each comment), and one test runs the bash on
 * {@code PATH} over hostile values.
 */
class ShellQuotingFormsTest {
  private static String mask(Set<EncodedForm> forms, String secret, String log) {
    return Masker.builder().forms(forms).replacement("***").add("S", SecretValue.of(secret)).build().mask(log);
  }

  private static String mask(String secret, String log) {
    return mask(Masker.DEFAULT_FORMS, secret, log);
  }

  @Test
  void printfQBackslashes() {
    // printf '%q\n' 'Tr0ub4dor&3' 'p@ss w0rd'
    assertEquals("+ deploy ***", mask(Set.of(EncodedForm.SHELL_BACKSLASH), "Tr0ub4dor&3", "+ deploy Tr0ub4dor\\&3"));
    assertEquals("***", mask(Set.of(EncodedForm.SHELL_BACKSLASH), "p@ss w0rd", "p@ss\\ w0rd"));
    // printf '%q\n' '!"$&'"'"'()*,;<>?[\]^`{|}x'
    assertEquals("*** ok", mask(Set.of(EncodedForm.SHELL_BACKSLASH), "!\"$&'()*,;<>?[\\]^`{|}x",
        "\\!\\\"\\$\\&\\'\\(\\)\\*\\,\\;\\<\\>\\?\\[\\\\\\]\\^\\`\\{\\|\\}x ok"));
  }

  @Test
  void printfQTildeAndHashDependOnWhereTheyAre() {
    Set<EncodedForm> f = Set.of(EncodedForm.SHELL_BACKSLASH);
    // printf '%q\n' '~/k#e=~y:~z'   ->  \~/k#e=\~y:\~z   (the value is the word)
    assertEquals("***", mask(f, "~/k#e=~y:~z", "\\~/k#e=\\~y:\\~z"));
    // printf '%q\n' 'u:~/k#e'       ->  u:\~/k#e         (after : in the word)
    assertEquals("u:***", mask(f, "~/k#e", "u:\\~/k#e"));
    // printf '%q\n' 'x#~a'          ->  x#~a             (inside the word: neither is escaped)
    assertEquals("x***", mask(f, "#~a", "x#~a"));
    assertEquals("x***", mask(f, "~a#", "x~a#"));
    // printf '%q\n' '#~a'           ->  \#~a
    assertEquals("***", mask(f, "#~a", "\\#~a"));
  }

  @Test
  void declareAndExportPrintDoubleQuotes() {
    Set<EncodedForm> f = Set.of(EncodedForm.SHELL_DOUBLE_QUOTE);
    // V='Pa$$w0rd!`"\x'; declare -p V; export V; export -p | grep ' V='
    assertEquals("declare -- V=\"***\"", mask(f, "Pa$$w0rd!`\"\\x", "declare -- V=\"Pa\\$\\$w0rd!\\`\\\"\\\\x\""));
    assertEquals("declare -x V=\"***\"", mask(f, "Pa$$w0rd!`\"\\x", "declare -x V=\"Pa\\$\\$w0rd!\\`\\\"\\\\x\""));
  }

  @Test
  void ansiCInTheCLocaleWritesNonAsciiBytesInOctal() {
    Set<EncodedForm> f = Set.of(EncodedForm.SHELL_ANSI_C);
    // LC_ALL=C bash -c 'printf "%q\n" "$(printf "p\303\244ss w0rd")"'
    assertEquals("$'***'", mask(f, "p\u00e4ss w0rd", "$'p\\303\\244ss w0rd'"));
    // printf '%q\n' $'p\u2028\u00e4ss'   (C.UTF-8: U+2028 is not printable, the a-umlaut is)
    assertEquals("$'***'", mask(f, "p\u2028\u00e4ss", "$'p\\342\\200\\250\u00e4ss'"));
    // the same value in the C locale: every non-ASCII byte in octal
    assertEquals("$'***'", mask(f, "p\u2028\u00e4ss", "$'p\\342\\200\\250\\303\\244ss'"));
  }

  @Test
  void charactersBashDoesNotPrintSwitchToAnsiC() {
    // printf '%q\n' $'\u00e4\u0080b!' $'\u00e4\u009fb!' $'\u00e4\u2029b!' $'\u00e4\u2028b!' $'a\u007fb!'
    // (C.UTF-8: the a-umlaut is printed as is, the others as octal bytes)
    Set<EncodedForm> f = Set.of(EncodedForm.SHELL_ANSI_C);
    assertEquals("$'***'", mask(f, "\u00e4\u0080b!", "$'\u00e4\\302\\200b!'"));
    assertEquals("$'***'", mask(f, "\u00e4\u009fb!", "$'\u00e4\\302\\237b!'"));
    assertEquals("$'***'", mask(f, "\u00e4\u2029b!", "$'\u00e4\\342\\200\\251b!'"));
    assertEquals("$'***'", mask(f, "\u00e4\u2028b!", "$'\u00e4\\342\\200\\250b!'"));
    assertEquals("$'***'", mask(f, "a\u007fb!", "$'a\\177b!'"));
    // LC_ALL=C bash -c 'V=$(printf "x\360\237\230\200y"); printf "%q\n" "$V"'
    assertEquals("$'***'", mask(f, "x\ud83d\ude00y", "$'x\\360\\237\\230\\200y'"));
    // in C.UTF-8 U+00A0 is printed as is (and so is U+2027): printf %q backslashes around it
    assertEquals("***", mask(Set.of(EncodedForm.SHELL_BACKSLASH), "a\u00a0b!", "a\u00a0b\\!"));
    assertEquals("***", mask(Set.of(EncodedForm.SHELL_BACKSLASH), "a\u2027b!", "a\u2027b\\!"));
    for (String unprintable : List.of("\u0080", "\u009f", "\u2028", "\u2029", "\u007f", "\u001f")) {
      assertEquals(List.of(), PatternGenerator.patterns("a" + unprintable + "b!", Set.of(EncodedForm.SHELL_BACKSLASH), 3, 6));
    }
  }

  @Test
  void aLoneSurrogateAtTheEndIsSpelledWithoutFailing() {
    // Java's UTF-8 encoder writes an unpaired surrogate as ? (077 in octal); bash never sees one
    assertEquals(List.of("ab?", "ab\\077"), PatternGenerator.patterns("ab\ud83d", Set.of(EncodedForm.SHELL_ANSI_C), 3, 6)
        .stream().map(p -> new String(p, StandardCharsets.UTF_8)).distinct().toList());
  }

  @Test
  void setXAndAtQUseSingleQuotes() {
    // bash -c 'set -x; curl -u "user:p@ss w0rd'"'"'x"' 2>&1 | head -1
    assertEquals("+ curl -u 'user:***'", mask("p@ss w0rd'x", "+ curl -u 'user:p@ss w0rd'\\''x'"));
    // bash -c 'set -x; : "$(printf "p@ss\tw0rd")"'   (a tab stays raw inside single quotes)
    assertEquals("+ : '***'", mask("p@ss\tw0rd", "+ : 'p@ss\tw0rd'"));
  }

  @Test
  void theNewFormsAreDefaultsAndCostNothingForPlainValues() {
    assertTrue(Masker.DEFAULT_FORMS.containsAll(EnumSet.of(EncodedForm.SHELL_BACKSLASH, EncodedForm.SHELL_DOUBLE_QUOTE)));
    String token = "ghp_0123456789abcdefABCDEF-_.:=+/@%";
    Set<EncodedForm> shell = EnumSet.of(EncodedForm.RAW, EncodedForm.SHELL_BACKSLASH, EncodedForm.SHELL_DOUBLE_QUOTE);
    assertEquals(1, PatternGenerator.patterns(token, shell, 3, 6).stream().map(String::new).distinct().count());
  }

  /** Values with every printable ASCII character bash treats specially, at the start, inside and at the end. */
  private static List<String> hostileValues() {
    List<String> values = new ArrayList<>();
    String specials = " !\"#$&'()*,;<>?[\\]^`{|}~=:%+@/";
    for (char c : specials.toCharArray()) {
      values.add(c + "Kq7" + c + "w" + c);
      values.add("Kq7=" + c + ":" + c + "w");
    }
    values.add("~/p@ss w0rd's \"x\" $HOME `id` \\n!");
    values.add("#p\u00e4ss\u00e9 w0rd\u2028\u00a0\ud83d\ude00");
    values.add("p\u00e4ss\tw0rd\u0001\u007f\u0085");
    values.add("Tr0ub4dor&3");
    return values;
  }

  @Test
  void realBashOutputOfHostileValuesIsMasked() throws Exception {
    assumeTrue(RealTools.onPath("bash"), "bash not on PATH");
    String script = "printf '%q\\n' \"$S\" \"x$S\" \"u:$S\"; declare -p S; export -p | grep ' S='; "
        + "echo \"${S@Q}\"; set -x; : \"$S\" \"user:$S\"";
    List<String> leaks = new ArrayList<>();
    for (String value : hostileValues()) {
      for (String locale : List.of("C.UTF-8", "C")) {
        String out = run(value, locale, script);
        String masked = mask(value, out);
        long lines = out.lines().count();
        if (masked.contains("Kq7") || masked.contains("w0rd") || masked.contains("Tr0ub")
            || masked.split("\\*\\*\\*", -1).length - 1 < lines) {
          leaks.add(locale + ": " + masked);
        }
      }
    }
    assertEquals(List.of(), leaks);
  }

  @Test
  void hostileCheckCanFail() throws Exception {
    assumeTrue(RealTools.onPath("bash"), "bash not on PATH");
    String out = run("p@ss w0rd", "C.UTF-8", "printf '%q\\n' \"$S\"");
    assertFalse(mask(EnumSet.of(EncodedForm.RAW, EncodedForm.SHELL_SINGLE_QUOTE), "p@ss w0rd", out).contains("***"));
  }

  private static String run(String value, String locale, String script) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder("bash", "-c", script);
    pb.environment().put("S", value);
    pb.environment().put("LC_ALL", locale);
    pb.redirectErrorStream(true);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), out.length() + " bytes of output");
    return out;
  }
}
