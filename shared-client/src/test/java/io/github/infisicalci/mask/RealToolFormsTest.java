package io.github.infisicalci.mask;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.infisicalci.client.SecretValue;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The forms added for issue 11, each checked against what a real tool prints. Literal expected inputs
 * were produced by the tool named in the test (Python 3, Node.js, bash, GNU coreutils) or follow its
 * documented escaping (PHP, Go, Gson, .NET); Java encoders are called directly.
 */
class RealToolFormsTest {
  private static Masker only(EncodedForm form, String secret) {
    return Masker.builder().forms(Set.of(form)).replacement("#").add("S", SecretValue.of(secret)).build();
  }

  private static final String URL_SECRET = "p@ss w/rd~*!'()é";

  @Test
  void urlEncodersOfPythonNodePhpAndLowercaseHex() {
    Masker m = only(EncodedForm.URL, URL_SECRET);
    // python3: urllib.parse.quote(s), quote_plus(s); node: encodeURIComponent(s)
    assertEquals("u=#&", m.mask("u=p%40ss%20w/rd~%2A%21%27%28%29%C3%A9&"));
    assertEquals("u=#&", m.mask("u=p%40ss+w%2Frd~%2A%21%27%28%29%C3%A9&"));
    assertEquals("u=#&", m.mask("u=p%40ss%20w%2Frd~*!'()%C3%A9&"));
    // PHP urlencode: + for space, ~ and * escaped
    assertEquals("u=#&", m.mask("u=p%40ss+w%2Frd%7E%2A%21%27%28%29%C3%A9&"));
    // the same spellings with lowercase hex digits
    assertEquals("u=#&", m.mask("u=p%40ss%20w/rd~%2a%21%27%28%29%c3%a9&"));
    assertEquals("u=#&", m.mask("u=p%40ss%20w%2frd~*!'()%c3%a9&"));
    assertEquals("u=#&", m.mask("u=p%40ss+w%2frd%7e%2a%21%27%28%29%c3%a9&"));
  }

  @Test
  void urlLeavesLettersAndDigitsAtTheEdgesOfTheirRangesAlone() {
    Masker m = only(EncodedForm.URL, "az AZ 09");
    // python3: urllib.parse.quote_plus("az AZ 09"), quote("az AZ 09")
    assertEquals("#", m.mask("az+AZ+09"));
    assertEquals("#", m.mask("az%20AZ%2009"));
  }

  @Test
  void wrappedFormAloneMasksTheSecretOnlyRunOfAShortSecret() {
    // "hello" at alignment 0: aGVsbG (6 secret-only characters); base64 of "hello world"
    assertEquals("#8gd29ybGQ=", only(EncodedForm.BASE64_WRAPPED, "hello").mask("aGVsbG8gd29ybGQ="));
  }

  private static final String JSON_SECRET = "p\"w\\<&>'=+/é😀";

  @Test
  void jsonEncodersOfJacksonPythonPhpGoGsonDotnet() throws Exception {
    Masker m = only(EncodedForm.JSON, JSON_SECRET);
    ObjectMapper ascii = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
    assertEquals("{\"k\":\"#\"}", m.mask(ascii.writeValueAsString(Map.of("k", JSON_SECRET))));
    assertEquals("{\"k\":\"#\"}", m.mask(new ObjectMapper().writeValueAsString(Map.of("k", JSON_SECRET))));
    // python3: json.dumps(s): lowercase \\u, surrogate pair
    assertEquals("\"#\"", m.mask("\"p\\\"w\\\\<&>'=+/\\u00e9\\ud83d\\ude00\""));
    // PHP json_encode(s): \/ and lowercase \\u
    assertEquals("\"#\"", m.mask("\"p\\\"w\\\\<&>'=+\\/\\u00e9\\ud83d\\ude00\""));
    // Go encoding/json: HTML-safe <>& in lowercase, non-ASCII as is
    assertEquals("\"#\"", m.mask("\"p\\\"w\\\\\\u003c\\u0026\\u003e'=+/é😀\""));
    // Gson: also = and '
    assertEquals("\"#\"", m.mask("\"p\\\"w\\\\\\u003c\\u0026\\u003e\\u0027\\u003d+/é😀\""));
    // .NET System.Text.Json default: <>&'\"+ and non-ASCII, upper case
    assertEquals("\"#\"", m.mask(
        "\"p\\u0022w\\\\\\u003C\\u0026\\u003E\\u0027=\\u002B/\\u00E9\\uD83D\\uDE00\""));
  }

  @Test
  void jsonInsideAJsonStringIsMasked() throws Exception {
    Masker m = only(EncodedForm.JSON, JSON_SECRET);
    ObjectMapper mapper = new ObjectMapper();
    String inner = mapper.writeValueAsString(Map.of("password", JSON_SECRET));
    String envelope = mapper.writeValueAsString(Map.of("message", inner));
    assertEquals("{\"message\":\"{\\\"password\\\":\\\"#\\\"}\"}", m.mask(envelope));
    // python3: json.dumps(json.dumps(s)) of an ASCII-escaped inner string
    String py = "\"\\\"p\\\\\\\"w\\\\\\\\<&>'=+/\\\\u00e9\\\\ud83d\\\\ude00\\\"\"";
    assertEquals("\"\\\"#\\\"\"", m.mask(py));
  }

  @Test
  void asciiOnlyJsonWithSpaceAndTildeNextToNonAscii() {
    String secret = "a é~ b";
    Masker m = only(EncodedForm.JSON, secret);
    // python3: json.dumps("a é~ b") -> the space and ~ stay, é is escaped
    assertEquals("\"#\"", m.mask("\"a \\u00e9~ b\""));
    assertEquals("\"#\"", m.mask("\"a \\u00E9~ b\""));
    assertEquals("\"a é~ c\"", m.mask("\"a é~ c\""));
  }

  /** Every wrapped line that carries secret-only characters is masked, at every offset and width. */
  @Test
  void base64WrappedAt76And64ColumnsAtEveryOffset() {
    Random rnd = new Random(11);
    byte[] secret = new byte[120];
    for (int i = 0; i < secret.length; i++) {
      secret[i] = (byte) (0x21 + rnd.nextInt(0x5d));
    }
    String secretText = new String(secret, StandardCharsets.US_ASCII);
    Masker m = Masker.builder().forms(EnumSet.of(EncodedForm.BASE64_WRAPPED)).replacement("#")
        .add("KEY", SecretValue.of(secretText)).build();
    // java.util.Base64 MIME (76 columns, CRLF) as base64(1) and MIME print; PEM's 64 columns, LF
    List<Base64.Encoder> encoders = List.of(Base64.getMimeEncoder(),
        Base64.getMimeEncoder(64, new byte[] {'\n'}), Base64.getMimeEncoder(76, new byte[] {'\n'}));
    for (Base64.Encoder encoder : encoders) {
      for (int before = 0; before < 80; before++) {
        byte[] data = new byte[before + secret.length + 5];
        rnd.nextBytes(data);
        System.arraycopy(secret, 0, data, before, secret.length);
        String wrapped = encoder.encodeToString(data);
        String masked = m.mask(wrapped);
        String flat = Base64.getEncoder().withoutPadding().encodeToString(data);
        int first = (8 * before + 5) / 6;
        int end = (8 * (before + secret.length)) / 6;
        String secretOnly = flat.substring(first, end);
        for (String line : masked.split("\r?\n")) {
          for (int i = 0; i + Masker.Builder.DEFAULT_FRAGMENT_MIN_LENGTH <= line.length(); i++) {
            String run = line.substring(i, i + Masker.Builder.DEFAULT_FRAGMENT_MIN_LENGTH);
            assertFalse(!run.contains("#") && secretOnly.contains(run),
                "offset " + before + ": visible secret run " + run);
          }
        }
        assertTrue(masked.contains("#"));
      }
    }
  }

  @Test
  void base64CliOutputOfALongSecretIsMaskedLineByLine() {
    String key = "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKjMzEfYyjiWA4R4";
    Masker m = Masker.builder().replacement("#").add("KEY", SecretValue.of(key)).build();
    // printf %s "$KEY" | base64   (coreutils, 76 columns)
    String cli = "TUlJRXZRSUJBREFOQmdrcWhraUc5dzBCQVFFRkFBU0NCS2N3Z2dTakFnRUFBb0lCQVFDN1ZKVFV0\n"
        + "OVVzOGNLak16RWZZeWppV0E0UjQ=\n";
    assertEquals("#\n#\n", m.mask(cli));
  }

  @Test
  void powershellEncodedCommandIsBase64OfUtf16le() {
    Masker m = only(EncodedForm.BASE64_UTF16LE, "Pw-9f8e7d6c");
    // python3: base64.b64encode('$env:TOKEN="Pw-9f8e7d6c"; ./deploy.ps1'.encode('utf-16-le'))
    String encoded = "JABlAG4AdgA6AFQATwBLAEUATgA9ACIAUAB3AC0AOQBmADgAZQA3AGQANgBjACIAOwAgAC4ALwBkAGUAcABsAG8AeQAu"
        + "AHAAcwAxAA==";
    String masked = m.mask("pwsh -EncodedCommand " + encoded);
    // the characters mixing the secret's first and last bits with the quotes around it stay
    assertEquals("pwsh -EncodedCommand JABlAG4AdgA6AFQATwBLAEUATgA9ACIA#CIAOwAgAC4ALwBkAGUAcABsAG8AeQAuAHAAcwAxAA==",
        masked);
  }

  @Test
  void hexLowerAndUpper() {
    Masker m = only(EncodedForm.HEX, "k3y!s3cr3t");
    byte[] raw = "k3y!s3cr3t".getBytes(StandardCharsets.UTF_8);
    // xxd -p / Python bytes.hex() print lower case; HexFormat.withUpperCase() as dumps in upper case
    assertEquals("bytes: #", m.mask("bytes: " + HexFormat.of().formatHex(raw)));
    assertEquals("bytes: #", m.mask("bytes: " + HexFormat.of().withUpperCase().formatHex(raw)));
  }

  @Test
  void bashAnsiCQuoting() {
    Masker m = only(EncodedForm.SHELL_ANSI_C, "a'b\nc\\d\u0001");
    // bash: printf '%q' "$V"
    assertEquals("+ echo $'#'", m.mask("+ echo $'a\\'b\\nc\\\\d\\001'"));
  }

  @Test
  void trimmedValuePrintedWithoutItsWhiteSpace() {
    Masker m = only(EncodedForm.TRIMMED, "  padded-secret\t\n");
    assertEquals("+ echo #", m.mask("+ echo padded-secret"));
  }
}
