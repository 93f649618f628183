package io.github.infisicalci.devserver;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Pattern;

/** Checks a JWT's payload claims against bound values (no signature check: this is a test server). */
final class JwtClaims {
    private JwtClaims() {
    }

    static boolean matches(String jwt, Map<String, String> bound, Instant now) {
        String[] parts = jwt.split("\\.");
        if (parts.length != 3) {
            return false;
        }
        JsonNode payload;
        try {
            payload = Json.MAPPER.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
        if (payload == null || !payload.isObject()) {
            return false;
        }
        JsonNode exp = payload.get("exp");
        if (exp != null && exp.isNumber() && now.getEpochSecond() >= exp.asLong()) {
            return false;
        }
        JsonNode nbf = payload.get("nbf");
        if (nbf != null && nbf.isNumber() && now.getEpochSecond() < nbf.asLong()) {
            return false;
        }
        for (Map.Entry<String, String> claim : bound.entrySet()) {
            if (!claimMatches(payload.get(claim.getKey()), claim.getValue())) {
                return false;
            }
        }
        return true;
    }

    private static boolean claimMatches(JsonNode value, String pattern) {
        if (value == null || value.isNull()) {
            return false;
        }
        if (value.isArray()) {
            for (JsonNode element : value) {
                if (claimMatches(element, pattern)) {
                    return true;
                }
            }
            return false;
        }
        if (!value.isValueNode()) {
            return false;
        }
        String regex = java.util.Arrays.stream(pattern.split("\\*", -1)).map(Pattern::quote)
                .collect(java.util.stream.Collectors.joining(".*"));
        return Pattern.matches(regex, value.asText());
    }
}
