package io.github.infisicalci.devserver;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** A JSON answer. */
record Response(int status, JsonNode body, Map<String, String> headers) {
    static Response ok(JsonNode body) {
        return new Response(200, body, Map.of());
    }

    /** Never the body: it may hold secret values or tokens. */
    @Override
    public String toString() {
        return "Response[" + status + "]";
    }
}
