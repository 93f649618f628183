package io.github.infisicalci.devserver;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.regex.Matcher;

/** One parsed HTTP request (the Authorization value is kept only here, never recorded or printed). */
record Request(String method, String path, String rawPathAndQuery, Map<String, String> query, String authorization,
        boolean apiKeyPresent, byte[] body, Matcher route) {

    Request withRoute(Matcher matcher) {
        return new Request(method, path, rawPathAndQuery, query, authorization, apiKeyPresent, body, matcher);
    }

    String param(String name) {
        String v = query.get(name);
        return v == null || v.isEmpty() ? null : v;
    }

    String param(String name, String fallback) {
        String v = param(name);
        return v == null ? fallback : v;
    }

    /** A {@code "true"}/{@code "false"} query flag; anything else is a 422 naming the parameter. */
    boolean flag(String name, boolean fallback) {
        String v = query.get(name);
        if (v == null || v.isEmpty()) {
            return fallback;
        }
        if (v.equals("true")) {
            return true;
        }
        if (v.equals("false")) {
            return false;
        }
        throw ApiError.validation(name, "Invalid enum value. Expected 'true' | 'false', received '" + v + "'");
    }

    ObjectNode jsonBody() {
        return Json.requestBody(body);
    }

    @Override
    public String toString() {
        return "Request[" + method + " " + path + "]";
    }
}
