package io.github.infisicalci.action;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HelpTest {
  @Test
  void helpNamesArgumentsTheEnvWayOfRunningAndTheMaskWarning() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int code = Main.run(new String[] {"--help"}, Map.of(), new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String text = bytes.toString(StandardCharsets.UTF_8);
    assertEquals(0, code, text);
    for (String expected : List.of("GitHub Action", "post", "--self-check", "--help", "INPUT_CLIENT-ID", "env INPUT_",
        "hyphens", "WARNING: run by hand", "::add-mask:: lines carry every secret value", "INFISICAL_TOKEN")) {
      assertTrue(text.contains(expected), () -> expected + " missing in:\n" + text);
    }
    assertEquals(List.of(), RunnerCommands.names(text));
    assertTrue(text.lines().allMatch(l -> l.length() <= 110), text);
  }
}
