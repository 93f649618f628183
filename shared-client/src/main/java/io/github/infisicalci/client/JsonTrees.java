package io.github.infisicalci.client;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;

/**
 * JSON text to Jackson trees and back through jackson-core's streaming parser and generator, without an
 * {@code ObjectMapper}: the same trees as {@code new ObjectMapper().readTree(text)} (same node types, last
 * duplicate key wins, text after the first value ignored, the parser's default limits), at a fraction of
 * the start-up cost. An {@code ObjectMapper}'s defaults set up a {@code SimpleDateFormat}, which loads
 * the JDK's locale data: about 40 ms of CPU in a short-lived process (benchmarks/startup).
 */
public final class JsonTrees {
  private static final JsonFactory FACTORY = new JsonFactory();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private JsonTrees() {
  }

  /**
   * The tree of the first JSON value in {@code text}; {@link MissingNode} when there is none.
   *
   * @throws IOException when the text is not JSON (the message never holds more than a short excerpt
   *     of it, as Jackson's own errors)
   */
  public static JsonNode read(String text) throws IOException {
    try (JsonParser p = FACTORY.createParser(text)) {
      JsonToken first = p.nextToken();
      return first == null ? MissingNode.getInstance() : value(p, first);
    }
  }

  /** A JSON object of {@code fields} in their order: {@link SecretValue}s revealed, Booleans as such, other values as text, nulls left out. */
  static byte[] writeObject(Map<String, Object> fields) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.writeStartObject();
      for (Map.Entry<String, Object> e : fields.entrySet()) {
        Object v = e.getValue();
        if (v instanceof SecretValue s) {
          g.writeStringField(e.getKey(), s.reveal());
        } else if (v instanceof Boolean b) {
          g.writeBooleanField(e.getKey(), b);
        } else if (v != null) {
          g.writeStringField(e.getKey(), v.toString());
        }
      }
      g.writeEndObject();
    }
    return out.toByteArray();
  }

  /** The value that starts at {@code t} (depth is bounded by the parser's nesting limit). */
  private static JsonNode value(JsonParser p, JsonToken t) throws IOException {
    if (t == null) {
      throw new JsonParseException(p, "unexpected end of input");
    }
    switch (t) {
      case START_OBJECT: {
        ObjectNode o = NODES.objectNode();
        for (JsonToken f = p.nextToken(); f != JsonToken.END_OBJECT; f = p.nextToken()) {
          if (f != JsonToken.FIELD_NAME) {
            throw new JsonParseException(p, "expected a field name");
          }
          String name = p.currentName();
          o.replace(name, value(p, p.nextToken()));
        }
        return o;
      }
      case START_ARRAY: {
        ArrayNode a = NODES.arrayNode();
        for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
          a.add(value(p, e));
        }
        return a;
      }
      case VALUE_STRING:
        return NODES.textNode(p.getText());
      case VALUE_NUMBER_INT:
        switch (p.getNumberType()) {
          case INT:
            return NODES.numberNode(p.getIntValue());
          case LONG:
            return NODES.numberNode(p.getLongValue());
          default:
            return NODES.numberNode(p.getBigIntegerValue());
        }
      case VALUE_NUMBER_FLOAT:
        return NODES.numberNode(p.getDoubleValue());
      case VALUE_TRUE:
        return NODES.booleanNode(true);
      case VALUE_FALSE:
        return NODES.booleanNode(false);
      case VALUE_NULL:
        return NODES.nullNode();
      default:
        throw new JsonParseException(p, "unexpected token " + t);
    }
  }
}
