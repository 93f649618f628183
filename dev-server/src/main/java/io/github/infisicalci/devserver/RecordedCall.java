package io.github.infisicalci.devserver;

import java.time.Instant;
import java.util.Map;

/**
 * One request the server received. Holds no credentials: only whether an {@code Authorization} header was
 * present, never its value, and never a request body.
 *
 * @param method HTTP method
 * @param path decoded path without query, e.g. {@code /api/v4/secrets}
 * @param query decoded query parameters (last value wins)
 * @param authorizationPresent whether the request carried an {@code Authorization} header
 * @param status HTTP status answered, or -1 when the connection was dropped by a fault
 * @param at server time (including the virtual clock offset) when the request arrived
 */
public record RecordedCall(String method, String path, Map<String, String> query, boolean authorizationPresent,
        int status, Instant at) {
    public RecordedCall {
        query = Map.copyOf(query);
    }

    /**
     * One log line: method, path, the query's parameter names (never their values) and the status, e.g.
     * {@code GET /api/v4/secrets?projectId&environment&secretPath -> 200}.
     */
    public String logLine() {
        String names = query.keySet().stream().sorted().reduce((a, b) -> a + "&" + b).map(q -> "?" + q).orElse("");
        return method + " " + path + names + " -> " + (status < 0 ? "dropped" : Integer.toString(status));
    }
}
