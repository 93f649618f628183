package io.github.infisicalci.jenkins.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.infisicalci.client.SecretValue;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MaskingPlanTest {

  private static Map<String, SecretValue> secrets() {
    Map<String, SecretValue> m = new LinkedHashMap<>();
    m.put("DB_PASSWORD", SecretValue.of("hunter2-very-secret"));
    m.put("ALIAS", SecretValue.of("hunter2-very-secret"));
    m.put("EMPTY", SecretValue.of(""));
    m.put("CERT", SecretValue.of("-----BEGIN KEY-----\nline-one-abcdef\nline-two-ghijkl\n-----END KEY-----"));
    return m;
  }

  private static String through(OutputStream masked, ByteArrayOutputStream sink, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    // Split writes to prove streaming masking does not depend on write boundaries.
    for (int i = 0; i < bytes.length; i += 5) {
      masked.write(bytes, i, Math.min(5, bytes.length - i));
    }
    masked.close();
    return sink.toString(StandardCharsets.UTF_8);
  }

  @Test
  void dropsEmptyAndRepeatedValuesKeepingTheFirstName() {
    MaskingPlan plan = MaskingPlan.of(secrets());
    assertEquals(List.of("DB_PASSWORD", "CERT"), plan.names());
    assertEquals(2, plan.values().size());
  }

  @Test
  void masksRawMultiLineAndEncodedFormsWithFourStars() throws IOException {
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    MaskingPlan plan = MaskingPlan.of(secrets());
    String b64 = Base64.getEncoder().encodeToString("hunter2-very-secret".getBytes(StandardCharsets.UTF_8));
    String log = through(plan.masker().wrap(sink), sink,
        "pw=hunter2-very-secret\nsecond line: line-two-ghijkl\nb64 " + b64 + "\nnothing secret here\n");
    assertFalse(log.contains("hunter2"), log);
    assertFalse(log.contains("line-two-ghijkl"), log);
    assertFalse(log.contains(b64), log);
    assertTrue(log.contains("pw=****"), log);
    assertTrue(log.contains("nothing secret here"), log);
  }

  /** What is shipped to an agent (names + values) rebuilds a masker that masks exactly the same. */
  @Test
  void shippedNamesAndValuesRebuildTheSameMasker() throws IOException {
    MaskingPlan onController = MaskingPlan.of(secrets());
    MaskingPlan onAgent = MaskingPlan.of(List.copyOf(onController.names()),
        onController.values().stream().map(v -> SecretValue.of(v.reveal())).toList());
    String text = "a hunter2-very-secret b line-one-abcdef c\n";
    assertEquals(onController.masker().mask(text), onAgent.masker().mask(text));
    assertEquals(onController.names(), onAgent.names());
  }

  @Test
  void scrubsExceptionMessagesAndLeavesOtherTextAlone() {
    MaskingPlan plan = MaskingPlan.of(Map.of("credentials", SecretValue.of("cs_0123456789abcdef")));
    assertEquals("login failed for **** at host", plan.scrub("login failed for cs_0123456789abcdef at host"));
    assertEquals("nothing", plan.scrub("nothing"));
    assertEquals(null, plan.scrub(null));
    assertEquals("x", MaskingPlan.of(Map.of()).scrub("x"));
  }

  @Test
  void toStringNamesOnly() {
    assertFalse(MaskingPlan.of(secrets()).toString().contains("hunter2"));
  }
}
