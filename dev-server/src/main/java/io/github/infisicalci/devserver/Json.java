package io.github.infisicalci.devserver;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** The one Jackson mapper of the server. */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render JSON", e);
        }
    }

    /** Parses a request body; anything that is not a JSON object is a 400. */
    static ObjectNode requestBody(byte[] body) {
        if (body.length == 0) {
            throw ApiError.badRequest("Body cannot be empty when content-type is set to 'application/json'");
        }
        try {
            JsonNode node = MAPPER.readTree(new String(body, StandardCharsets.UTF_8));
            if (node instanceof ObjectNode object) {
                return object;
            }
        } catch (IOException e) {
            // fall through: never echo the body, it may hold credentials
        }
        throw ApiError.badRequest("Request body is not a valid JSON object");
    }

    /** A required non-empty string field of a request body (422 naming the field otherwise). */
    static String requiredText(ObjectNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            throw ApiError.validation(field, "Required");
        }
        if (!node.isTextual()) {
            throw ApiError.validation(field, "Expected string");
        }
        if (node.asText().isEmpty()) {
            throw ApiError.validation(field, "String must contain at least 1 character(s)");
        }
        return node.asText();
    }
}
