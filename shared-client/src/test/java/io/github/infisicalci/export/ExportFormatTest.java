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
  void dotenvQuotesAndEscapesEveryLineBreakingOrExpandingCharacter() {
    String text = new String(ExportFormat.DOTENV.render(entries()), StandardCharsets.UTF_8);
    assertEquals("A=\"line1\\nline2\\r\\n\\\"quoted\\\" \\$HOME \\`cmd\\` back\\\\slash\\ttab ü€😀\"\nB=\"\"\n", text);
    assertEquals(2, text.split("\n").length);
    assertEquals(TRICKY, unescapeDotenv(text.split("\n")[0]));
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
    assertEquals(true, ExportFormat.parse("yaml").isEmpty());
  }

  /** A strict reader of the documented escapes, so the test fails if rendering changes. */
  private static String unescapeDotenv(String line) {
    String quoted = line.substring(line.indexOf('=') + 1);
    StringBuilder out = new StringBuilder();
    for (int i = 1; i < quoted.length() - 1; i++) {
      char c = quoted.charAt(i);
      if (c != '\\') {
        out.append(c);
        continue;
      }
      char next = quoted.charAt(++i);
      out.append(switch (next) {
        case 'n' -> '\n';
        case 'r' -> '\r';
        case 't' -> '\t';
        case '0' -> '\0';
        default -> next;
      });
    }
    return out.toString();
  }
}
