package io.github.infisicalci.devserver;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads the seed file format described in {@code dev-server/README.md}; errors name file and field. */
final class SeedJson {
    private static final Set<String> TOP = Set.of("projects", "identities", "serviceTokens", "description");
    private static final Set<String> PROJECT = Set.of("slug", "id", "name", "environments");
    private static final Set<String> ENVIRONMENT = Set.of("slug", "name", "folders");
    private static final Set<String> FOLDER = Set.of("path", "secrets", "imports");
    private static final Set<String> SECRET = Set.of("value", "comment", "tags", "skipMultilineEncoding", "type");
    private static final Set<String> IMPORT = Set.of("environment", "path");
    private static final Set<String> IDENTITY = Set.of("name", "id", "auth", "accessTokenTTL", "accessTokenMaxTTL",
            "accessTokenNumUsesLimit", "projects", "description");
    private static final Set<String> AUTH = Set.of("method", "clientId", "clientSecret", "acceptedTokens", "boundClaims", "lockout",
            "accessKeyId", "secretAccessKey", "arn");
    private static final Set<String> LOCKOUT = Set.of("threshold", "durationSeconds", "counterResetSeconds");
    private static final Set<String> MEMBERSHIP = Set.of("project", "role", "environments");
    private static final Set<String> TOKEN = Set.of("name", "token", "project", "scopes", "permissions", "expiresAt", "description");
    private static final Set<String> SCOPE = Set.of("environment", "secretPath");

    private final String source;

    private SeedJson(String source) {
        this.source = source;
    }

    static Seed parse(InputStream in, String source) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(in);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("seed " + source + " is not valid JSON (line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + "): " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read seed " + source + ": " + e.getMessage(), e);
        }
        return new SeedJson(source).seed(root);
    }

    private Seed seed(JsonNode root) {
        object(root, "(root)", TOP);
        Seed.Builder b = Seed.builder();
        try {
            int p = 0;
            for (JsonNode project : array(root, "projects", "(root)")) {
                project(b, project, "projects[" + p++ + "]");
            }
            int i = 0;
            for (JsonNode identity : array(root, "identities", "(root)")) {
                identity(b, identity, "identities[" + i++ + "]");
            }
            int t = 0;
            for (JsonNode token : array(root, "serviceTokens", "(root)")) {
                serviceToken(b, token, "serviceTokens[" + t++ + "]");
            }
            return b.build();
        } catch (IllegalArgumentException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("seed ")) {
                throw e;
            }
            throw new IllegalArgumentException("seed " + source + ": " + e.getMessage(), e);
        }
    }

    private void project(Seed.Builder b, JsonNode node, String where) {
        object(node, where, PROJECT);
        String slug = text(node, "slug", where, true);
        try {
            b.project(slug, p -> {
                String id = text(node, "id", where, false);
                if (id != null) {
                    p.id(id);
                }
                String name = text(node, "name", where, false);
                if (name != null) {
                    p.name(name);
                }
                List<JsonNode> envs = array(node, "environments", where);
                for (int e = 0; e < envs.size(); e++) {
                    String ew = where + ".environments[" + e + "]";
                    object(envs.get(e), ew, ENVIRONMENT);
                    p.environment(text(envs.get(e), "slug", ew, true), text(envs.get(e), "name", ew, false));
                }
                for (int e = 0; e < envs.size(); e++) {
                    String ew = where + ".environments[" + e + "]";
                    String env = text(envs.get(e), "slug", ew, true);
                    List<JsonNode> folders = array(envs.get(e), "folders", ew);
                    for (int f = 0; f < folders.size(); f++) {
                        folder(p, env, folders.get(f), ew + ".folders[" + f + "]");
                    }
                }
            });
        } catch (IllegalArgumentException e) {
            throw located(where, e);
        }
    }

    private void folder(Seed.ProjectBuilder p, String env, JsonNode node, String where) {
        object(node, where, FOLDER);
        String path = text(node, "path", where, true);
        try {
            p.folder(env, path);
            JsonNode secrets = node.get("secrets");
            if (secrets != null && !secrets.isNull()) {
                object(secrets, where + ".secrets", null);
                Iterator<Map.Entry<String, JsonNode>> it = secrets.fields();
                while (it.hasNext()) {
                    Map.Entry<String, JsonNode> entry = it.next();
                    String sw = where + ".secrets." + entry.getKey();
                    JsonNode v = entry.getValue();
                    if (v.isTextual()) {
                        p.secret(env, path, entry.getKey(), v.asText());
                    } else if (v.isObject()) {
                        object(v, sw, SECRET);
                        String value = text(v, "value", sw, true);
                        String comment = text(v, "comment", sw, false);
                        List<String> tags = strings(v, "tags", sw);
                        boolean skip = bool(v, "skipMultilineEncoding", sw);
                        String type = text(v, "type", sw, false);
                        if (type != null && !type.equals("shared") && !type.equals("personal")) {
                            throw new IllegalArgumentException(sw + ".type must be \"shared\" or \"personal\"");
                        }
                        boolean personal = "personal".equals(type);
                        p.secret(env, path, entry.getKey(), value, o -> o.comment(comment)
                                .tags(tags.toArray(String[]::new)).skipMultilineEncoding(skip).personal(personal));
                    } else {
                        throw new IllegalArgumentException(sw + " must be a string or an object with \"value\"");
                    }
                }
            }
            List<JsonNode> imports = array(node, "imports", where);
            for (int i = 0; i < imports.size(); i++) {
                String iw = where + ".imports[" + i + "]";
                object(imports.get(i), iw, IMPORT);
                p.secretImport(env, path, text(imports.get(i), "environment", iw, true), text(imports.get(i), "path", iw, true));
            }
        } catch (IllegalArgumentException e) {
            throw located(where, e);
        }
    }

    private void identity(Seed.Builder b, JsonNode node, String where) {
        object(node, where, IDENTITY);
        String name = text(node, "name", where, true);
        try {
            b.identity(name, i -> {
                String id = text(node, "id", where, false);
                if (id != null) {
                    i.id(id);
                }
                List<JsonNode> auths = array(node, "auth", where);
                if (auths.isEmpty()) {
                    throw new IllegalArgumentException(where + ".auth must list at least one auth method");
                }
                for (int a = 0; a < auths.size(); a++) {
                    String aw = where + ".auth[" + a + "]";
                    JsonNode auth = auths.get(a);
                    object(auth, aw, AUTH);
                    String method = text(auth, "method", aw, true);
                    if (method.equals("universal-auth")) {
                        i.universalAuth(text(auth, "clientId", aw, true), text(auth, "clientSecret", aw, true));
                        JsonNode lockout = auth.get("lockout");
                        if (lockout != null && !lockout.isNull()) {
                            String lw = aw + ".lockout";
                            object(lockout, lw, LOCKOUT);
                            i.universalAuthLockout((int) (lockout.has("threshold") ? number(lockout, "threshold", lw) : 3),
                                    java.time.Duration.ofSeconds(lockout.has("durationSeconds") ? number(lockout, "durationSeconds", lw) : 300),
                                    java.time.Duration.ofSeconds(lockout.has("counterResetSeconds") ? number(lockout, "counterResetSeconds", lw) : 30));
                        }
                        continue;
                    }
                    if (method.equals("aws-auth")) {
                        i.awsAuth(text(auth, "accessKeyId", aw, true), text(auth, "secretAccessKey", aw, true),
                                text(auth, "arn", aw, false));
                        continue;
                    }
                    if (!method.equals("oidc-auth") && !method.equals("jwt-auth") && !method.equals("kubernetes-auth")) {
                        throw new IllegalArgumentException(aw + ".method '" + method
                                + "' is not one of universal-auth, oidc-auth, jwt-auth, kubernetes-auth, aws-auth");
                    }
                    String[] tokens = strings(auth, "acceptedTokens", aw).toArray(String[]::new);
                    Map<String, String> claims = claims(auth, aw);
                    if (tokens.length == 0 && claims.isEmpty()) {
                        throw new IllegalArgumentException(aw + " needs acceptedTokens or boundClaims");
                    }
                    switch (method) {
                        case "oidc-auth" -> i.oidcAuth(tokens);
                        case "jwt-auth" -> i.jwtAuth(tokens);
                        default -> i.kubernetesAuth(tokens);
                    }
                    if (!claims.isEmpty()) {
                        i.boundClaims(method, claims);
                    }
                }
                if (node.has("accessTokenTTL")) {
                    i.accessTokenTtl(number(node, "accessTokenTTL", where));
                }
                if (node.has("accessTokenMaxTTL")) {
                    i.accessTokenMaxTtl(number(node, "accessTokenMaxTTL", where));
                }
                if (node.has("accessTokenNumUsesLimit")) {
                    i.accessTokenNumUsesLimit(number(node, "accessTokenNumUsesLimit", where));
                }
                List<JsonNode> projects = array(node, "projects", where);
                for (int m = 0; m < projects.size(); m++) {
                    String mw = where + ".projects[" + m + "]";
                    object(projects.get(m), mw, MEMBERSHIP);
                    i.member(text(projects.get(m), "project", mw, true), text(projects.get(m), "role", mw, true),
                            strings(projects.get(m), "environments", mw).toArray(String[]::new));
                }
            });
        } catch (IllegalArgumentException e) {
            throw located(where, e);
        }
    }

    private void serviceToken(Seed.Builder b, JsonNode node, String where) {
        object(node, where, TOKEN);
        String token = text(node, "token", where, true);
        try {
            b.serviceToken(token, t -> {
                String name = text(node, "name", where, false);
                if (name != null) {
                    t.name(name);
                }
                t.project(text(node, "project", where, true));
                List<JsonNode> scopes = array(node, "scopes", where);
                for (int s = 0; s < scopes.size(); s++) {
                    String sw = where + ".scopes[" + s + "]";
                    object(scopes.get(s), sw, SCOPE);
                    t.scope(text(scopes.get(s), "environment", sw, true), text(scopes.get(s), "secretPath", sw, true));
                }
                if (node.has("permissions")) {
                    t.permissions(strings(node, "permissions", where).toArray(String[]::new));
                }
                String expires = text(node, "expiresAt", where, false);
                if (expires != null) {
                    try {
                        t.expiresAt(Instant.parse(expires));
                    } catch (DateTimeParseException e) {
                        throw new IllegalArgumentException(where + ".expiresAt is not an ISO-8601 instant");
                    }
                }
            });
        } catch (IllegalArgumentException e) {
            throw located(where, e);
        }
    }

    private IllegalArgumentException located(String where, IllegalArgumentException e) {
        String message = e.getMessage() == null ? "invalid" : e.getMessage();
        if (message.startsWith("seed ")) {
            return e;
        }
        return new IllegalArgumentException("seed " + source + ": " + (message.contains(where) ? message : where + ": " + message), e);
    }

    private Map<String, String> claims(JsonNode node, String where) {
        JsonNode v = node.get("boundClaims");
        Map<String, String> claims = new java.util.LinkedHashMap<>();
        if (v == null || v.isNull()) {
            return claims;
        }
        object(v, where + ".boundClaims", null);
        Iterator<Map.Entry<String, JsonNode>> it = v.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isTextual()) {
                throw new IllegalArgumentException(where + ".boundClaims." + e.getKey() + " must be a string");
            }
            claims.put(e.getKey(), e.getValue().asText());
        }
        return claims;
    }

    private void object(JsonNode node, String where, Set<String> allowed) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("seed " + source + ": " + where + " must be a JSON object");
        }
        if (allowed != null) {
            Iterator<String> names = node.fieldNames();
            while (names.hasNext()) {
                String n = names.next();
                if (!allowed.contains(n)) {
                    throw new IllegalArgumentException("seed " + source + ": " + where + " has unknown field \"" + n
                            + "\" (allowed: " + allowed.stream().sorted().toList() + ")");
                }
            }
        }
    }

    private List<JsonNode> array(JsonNode node, String field, String where) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return List.of();
        }
        if (!v.isArray()) {
            throw new IllegalArgumentException("seed " + source + ": " + where + "." + field + " must be an array");
        }
        List<JsonNode> out = new ArrayList<>();
        v.forEach(out::add);
        return out;
    }

    private String text(JsonNode node, String field, String where, boolean required) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw new IllegalArgumentException("seed " + source + ": " + where + "." + field + " is required");
            }
            return null;
        }
        if (!v.isTextual()) {
            throw new IllegalArgumentException("seed " + source + ": " + where + "." + field + " must be a string");
        }
        return v.asText();
    }

    private List<String> strings(JsonNode node, String field, String where) {
        List<String> out = new ArrayList<>();
        for (JsonNode v : array(node, field, where)) {
            if (!v.isTextual()) {
                throw new IllegalArgumentException("seed " + source + ": " + where + "." + field + " must hold strings only");
            }
            out.add(v.asText());
        }
        return out;
    }

    private long number(JsonNode node, String field, String where) {
        JsonNode v = node.get(field);
        if (!v.canConvertToLong() || !v.isIntegralNumber()) {
            throw new IllegalArgumentException("seed " + source + ": " + where + "." + field + " must be a whole number of seconds");
        }
        return v.asLong();
    }

    private boolean bool(JsonNode node, String field, String where) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return false;
        }
        if (!v.isBoolean()) {
            throw new IllegalArgumentException("seed " + source + ": " + where + "." + field + " must be true or false");
        }
        return v.asBoolean();
    }
}
