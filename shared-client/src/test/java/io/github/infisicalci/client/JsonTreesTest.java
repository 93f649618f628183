package io.github.infisicalci.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** JsonTrees gives the trees and bytes an ObjectMapper gives, without one. */
class JsonTreesTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  void readsTheSameTreesAsAnObjectMapper() throws IOException {
    List<String> samples = List.of(
        "{\"secrets\":[{\"secretKey\":\"A\",\"secretValue\":\"x\\ny\",\"version\":3,\"tags\":[]}],\"imports\":[]}",
        "[1, -2, 2147483648, 9223372036854775808, 1.5, -0.0, 1e400, true, false, null, \"\\u00e9\\ud83d\\ude00\"]",
        "{\"a\":1,\"a\":{\"b\":[[],{}]}}",
        "  \"text\"  ",
        "42",
        "{\"nested\":{\"deeper\":{\"deepest\":[null,{\"k\":\"v\"}]}}} trailing text",
        "{}",
        "[]");
    for (String s : samples) {
      JsonNode expected = MAPPER.readTree(s);
      JsonNode actual = JsonTrees.read(s);
      assertEquals(expected, actual, s);
      assertEquals(expected.toString(), actual.toString(), s);
      assertEquals(expected.getNodeType(), actual.getNodeType(), s);
    }
    assertTrue(JsonTrees.read("").isMissingNode());
    assertTrue(JsonTrees.read("   ").isMissingNode());
  }

  @Test
  void refusesWhatIsNotJson() {
    for (String s : List.of("{", "[1,", "{\"a\"}", "{\"a\":}", "<html>", "{'a':1}", "[1 2]", "{\"a\":1,}")) {
      assertThrows(IOException.class, () -> MAPPER.readTree(s), s);
      assertThrows(IOException.class, () -> JsonTrees.read(s), s);
    }
  }

  @Test
  void writesTheBytesAnObjectMapperWrites() throws IOException {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("clientId", "id \"quoted\" \u00e9");
    fields.put("clientSecret", SecretValue.of("s3cr\\et\n"));
    fields.put("skipped", null);
    fields.put("flag", true);
    fields.put("number", 7);
    ObjectNode node = MAPPER.createObjectNode();
    node.put("clientId", "id \"quoted\" \u00e9");
    node.put("clientSecret", "s3cr\\et\n");
    node.put("flag", true);
    node.put("number", "7");
    assertArrayEquals(MAPPER.writeValueAsBytes(node), JsonTrees.writeObject(fields));
  }
}
