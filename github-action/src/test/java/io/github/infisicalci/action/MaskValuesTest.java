package io.github.infisicalci.action;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.infisicalci.client.SecretValue;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
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
