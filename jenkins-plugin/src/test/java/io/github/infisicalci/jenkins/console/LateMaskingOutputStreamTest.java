package io.github.infisicalci.jenkins.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.infisicalci.client.SecretValue;
import io.github.infisicalci.mask.Masker;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class LateMaskingOutputStreamTest {

  @Test
  void startsMaskingOnceTheMaskerIsKnownAndKeepsIt() throws IOException {
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    AtomicReference<Masker> live = new AtomicReference<>();
    LateMaskingOutputStream out = new LateMaskingOutputStream(sink, live::get);

    out.write("Started by user admin\n".getBytes(StandardCharsets.UTF_8));
    live.set(MaskingPlan.of(Map.of("TOKEN", SecretValue.of("tok-abcdef-123"))).masker());
    out.write("echo tok-abcdef-123\n".getBytes(StandardCharsets.UTF_8));
    live.set(null); // the block ended: the stream keeps masking
    out.write("again tok-abcdef-123\n".getBytes(StandardCharsets.UTF_8));
    out.close();

    assertEquals("Started by user admin\necho ****\nagain ****\n", sink.toString(StandardCharsets.UTF_8));
  }

  @Test
  void passesEverythingThroughWhileNothingIsKnown() throws IOException {
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    LateMaskingOutputStream out = new LateMaskingOutputStream(sink, () -> null);
    out.write('a');
    out.write("bc".getBytes(StandardCharsets.UTF_8), 0, 2);
    out.flush();
    assertEquals("abc", sink.toString(StandardCharsets.UTF_8));
  }

  @Test
  void liveMasksAreKeptPerRunAndForgotten() {
    Masker m = MaskingPlan.of(Map.of("A", SecretValue.of("abcdef"))).masker();
    LiveMasks.put("job#1", m);
    assertEquals(m, LiveMasks.get("job#1"));
    assertEquals(null, LiveMasks.get("job#2"));
    new ForgetLiveMasks("job#1").tearDown(null, null, null, null);
    assertEquals(null, LiveMasks.get("job#1"));
    LiveMasks.put("job#3", m);
    new ForgetLiveMasks("job#3").tearDown(null, null);
    assertEquals(null, LiveMasks.get("job#3"));
  }
}
