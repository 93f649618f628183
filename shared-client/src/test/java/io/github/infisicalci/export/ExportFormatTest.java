package io.github.infisicalci.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.infisicalci.client.SecretValue;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExportFormatTest {
  private static final String TRICKY = "line1\nline2\r\n\"quoted\" $HOME `cmd` back\\slash\ttab ü€😀";

  private static List<ExportEntry> entries() {
    return List.of(new ExportEntry("A", "a", SecretValue.of(TRICKY)), new ExportEntry("B", "b", SecretValue.of("")));
  }

  @Test
  void jsonRoundTrips() throws Exception {
    byte[] bytes = ExportFormat.JSON.render(entries());
    @SuppressWarnings("unchecked")
    Map<String, String> back = new ObjectMapper().readValue(bytes, Map.class);
    assertEquals(Map.of("A", TRICKY, "B", ""), back);
    assertEquals('\n', (char) bytes[bytes.length - 1]);
  }

  @Test
  void parsesFormatNames() {
    assertEquals(ExportFormat.DOTENV, ExportFormat.parse(" DotEnv ").orElseThrow());
    assertEquals(ExportFormat.JSON, ExportFormat.parse("json").orElseThrow());
    assertEquals(ExportFormat.SHELL, ExportFormat.parse("Shell").orElseThrow());
    assertEquals("shell", ExportFormat.SHELL.inputValue());
    assertEquals(true, ExportFormat.parse("yaml").isEmpty());
  }
}
