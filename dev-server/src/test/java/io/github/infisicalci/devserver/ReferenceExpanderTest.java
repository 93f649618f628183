package io.github.infisicalci.devserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReferenceExpanderTest {
    private final Map<String, String> values = new HashMap<>();
    private final ReferenceExpander expander = new ReferenceExpander(new ReferenceExpander.Lookup() {
        @Override
        public String value(String environment, String path, String key) {
            return values.get(environment + ":" + path + ":" + key);
        }

        @Override
        public void checkReadable(String environment, String path, String key, String referencedBy) {
            if (environment.equals("secret-env")) {
                throw ApiError.of(403, "ForbiddenError", "no read on " + environment);
            }
        }
    });

    private void put(String env, String path, String key, String value) {
        values.put(env + ":" + path + ":" + key, value);
    }

    private String expand(String value) {
        return expander.expand(value, "dev", "/app", "SELF", false);
    }

    @Test
    void localReferenceUsesTheSecretsOwnFolder() {
        put("dev", "/app", "HOST", "db");
        put("dev", "/", "HOST", "wrong-folder");
        assertEquals("postgres://db:5432", expand("postgres://${HOST}:5432"));
    }

    @Test
    void crossEnvironmentAndFolderReferences() {
        put("prod", "/a/b", "KEY", "deep");
        put("prod", "/", "ROOT", "root");
        assertEquals("deep|root", expand("${prod.a.b.KEY}|${prod.ROOT}"));
    }

    @Test
    void nestedReferencesResolveInTheReferencedSecretsContext() {
        put("dev", "/app", "URL", "${staging.db.HOST}:${PORT}");
        put("dev", "/app", "PORT", "5432");
        put("staging", "/db", "HOST", "h-${PORT}");
        put("staging", "/db", "PORT", "staging-port");
        // like the real server: one result string; the references of a value are replaced (everywhere in the
        // result) before the values they pulled in are expanded, so ${PORT} of dev:/app wins here
        assertEquals("h-5432:5432", expand("${URL}"));
        assertEquals("h-staging-port", expand("${staging.db.HOST}"), "alone, staging's ${PORT} resolves in staging:/db");
    }

    @Test
    void missingTargetsStayLiteral() {
        put("dev", "/app", "EMPTY", "");
        assertEquals("${NOPE}-${qa.X}-${EMPTY}-${dev.missing.folder.K}", expand("${NOPE}-${qa.X}-${EMPTY}-${dev.missing.folder.K}"));
        assertEquals("$ {A} ${with space}", expand("$ {A} ${with space}"));
    }

    @Test
    void cyclesStop() {
        put("dev", "/app", "A", "${B}");
        put("dev", "/app", "B", "${A}");
        assertEquals("${B}", expander.expand("${B}", "dev", "/app", "A", false));
        put("dev", "/app", "SELF", "x${SELF}");
        assertEquals("x${SELF}", expand("${SELF}"));
    }

    @Test
    void depthIsLimitedToTen() {
        for (int i = 0; i < 15; i++) {
            put("dev", "/app", "K" + i, "${K" + (i + 1) + "}");
        }
        put("dev", "/app", "K15", "end");
        String result = expand("${K0}");
        assertEquals("${K11}", result, "references are followed to depth 10, then expansion stops");
        put("dev", "/app", "K5", "end");
        assertEquals("end", expand("${K0}"));
    }

    @Test
    void multiLineValuesAreQuotedWhenSkipMultilineEncoding() {
        put("dev", "/app", "PEM", "line1\nline2");
        assertEquals("\"line1\\nline2\"", expander.expand("${PEM}", "dev", "/app", "X", true));
        assertEquals("line1\nline2", expander.expand("${PEM}", "dev", "/app", "X", false));
        assertEquals("plain\nvalue", expander.expand("plain\nvalue", "dev", "/app", "X", true), "no references: untouched");
    }

    @Test
    void unreadableTargetIsForbidden() {
        ApiError e = assertThrows(ApiError.class, () -> expand("${secret-env.KEY}"));
        assertEquals(403, e.status);
    }
}
