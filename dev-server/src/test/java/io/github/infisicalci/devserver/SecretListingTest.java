package io.github.infisicalci.devserver;

import static io.github.infisicalci.devserver.CoreApiTest.keys;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SecretListingTest {
    static DevServer server;
    static Http http;
    static String pid;
    static String token;
    static String devOnlyToken;

    @BeforeAll
    static void start() {
        Seed seed = Seed.builder()
                .project("list-project", p -> p
                        .secret("dev", "/", "A", "local-a")
                        .secret("dev", "/", "REF", "${A}-${dev.shared.S1}")
                        .secret("dev", "/app", "APP_KEY", "app", o -> o.tags("backend"))
                        .secret("dev", "/app", "UI_KEY", "ui", o -> o.tags("frontend"))
                        .secret("dev", "/app/deep", "DEEP", "deep")
                        .secret("dev", "/shared", "S1", "first-import")
                        .secret("dev", "/shared", "DUP", "from-first")
                        .secret("dev", "/shared", "A", "imported-a")
                        .secret("dev", "/shared", "IMPORTED_REF", "${S1}+${DUP}")
                        .secret("dev", "/nested", "N1", "nested-value")
                        .secret("dev", "/nested", "DUP", "from-nested")
                        .secret("staging", "/", "DUP", "from-second")
                        .secret("staging", "/", "ST", "staging-only")
                        .secretImport("dev", "/", "dev", "/shared")
                        .secretImport("dev", "/", "staging", "/")
                        .secretImport("dev", "/shared", "dev", "/nested")
                        .secretImport("dev", "/nested", "dev", "/shared"))
                .identity("ci", i -> i.universalAuth("list-id", "list-secret").member("list-project", "viewer"))
                .identity("dev-only", i -> i.universalAuth("dev-only-id", "dev-only-secret").member("list-project", "member", "dev"))
                .build();
        pid = seed.projectId("list-project");
        server = DevServer.start(seed);
        http = new Http(server);
        token = http.login("list-id", "list-secret");
        devOnlyToken = http.login("dev-only-id", "dev-only-secret");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static Http.Reply v4(String query) {
        return http.get("/api/v4/secrets?projectId=" + pid + "&" + query, token);
    }

    @Test
    void importsAreOrderedByPositionFlattenedAndCycleFree() {
        Http.Reply r = v4("environment=dev&secretPath=/&include_imports=true&includeImports=true&expandSecretReferences=false");
        assertEquals(200, r.status(), r.text());
        JsonNode imports = r.json().get("imports");
        assertEquals(2, imports.size(), r.text());
        assertEquals("/shared", imports.get(0).get("secretPath").asText());
        assertEquals("dev", imports.get(0).get("environment").asText());
        // own secrets first, then the nested import's (/nested imports /shared back: cycle dropped)
        assertEquals(List.of("S1", "DUP", "A", "IMPORTED_REF", "N1", "DUP"), keys(imports.get(0).get("secrets")));
        assertEquals("staging", imports.get(1).get("environment").asText());
        assertEquals(List.of("DUP", "ST"), keys(imports.get(1).get("secrets")));
        assertEquals("", imports.get(0).get("secrets").get(0).get("workspace").asText());
        assertNull(imports.get(0).get("secrets").get(0).get("createdAt"));
    }

    @Test
    void mergeByServerRulesGivesLocalThenLaterImportPrecedence() {
        Http.Reply r = v4("environment=dev&secretPath=/&include_imports=true&expandSecretReferences=true");
        Map<String, String> merged = new LinkedHashMap<>();
        JsonNode imports = r.json().get("imports");
        for (int i = imports.size() - 1; i >= 0; i--) {
            for (JsonNode s : imports.get(i).get("secrets")) {
                merged.putIfAbsent(s.get("secretKey").asText(), s.get("secretValue").asText());
            }
        }
        for (JsonNode s : r.json().get("secrets")) {
            merged.put(s.get("secretKey").asText(), s.get("secretValue").asText());
        }
        assertEquals("local-a", merged.get("A"), "local beats imported");
        assertEquals("from-second", merged.get("DUP"), "the later import beats the earlier one");
        assertEquals("nested-value", merged.get("N1"));
        // with expansion on, each import entry is de-duplicated keeping the first occurrence
        assertEquals(List.of("S1", "DUP", "A", "IMPORTED_REF", "N1"), keys(imports.get(0).get("secrets")));
    }

    @Test
    void importsAreExpandedInTheirSourceContextAndLocalReferencesInTheirs() {
        Http.Reply r = v4("environment=dev&secretPath=/&include_imports=true&expandSecretReferences=true");
        JsonNode imported = r.json().get("imports").get(0).get("secrets");
        assertEquals("first-import+from-first", find(imported, "IMPORTED_REF").get("secretValue").asText());
        assertEquals("local-a-first-import", find(r.json().get("secrets"), "REF").get("secretValue").asText());
        Http.Reply raw = v4("environment=dev&secretPath=/&expandSecretReferences=false");
        assertEquals("${A}-${dev.shared.S1}", find(raw.json().get("secrets"), "REF").get("secretValue").asText());
    }

    @Test
    void includeImportsFalseOmitsImportsAndEitherSpellingTurnsThemOn() {
        assertNull(v4("environment=dev&secretPath=/&include_imports=false&includeImports=false").json().get("imports"));
        assertEquals(2, v4("environment=dev&secretPath=/&includeImports=true").json().get("imports").size());
        assertEquals(2, v4("environment=dev&secretPath=/&include_imports=true").json().get("imports").size());
    }

    @Test
    void recursiveKeepsSecretPath() {
        Http.Reply r = v4("environment=dev&secretPath=/app&recursive=true");
        assertEquals(200, r.status(), r.text());
        Map<String, String> pathByKey = new LinkedHashMap<>();
        r.json().get("secrets").forEach(s -> pathByKey.put(s.get("secretKey").asText(), s.get("secretPath").asText()));
        assertEquals(Map.of("APP_KEY", "/app", "UI_KEY", "/app", "DEEP", "/app/deep"), pathByKey);
        assertEquals(List.of("APP_KEY", "UI_KEY"), keys(v4("environment=dev&secretPath=/app&recursive=false").json().get("secrets")));
    }

    @Test
    void tagSlugsFilter() {
        assertEquals(List.of("APP_KEY"), keys(v4("environment=dev&secretPath=/app&tagSlugs=backend").json().get("secrets")));
        assertEquals(List.of("APP_KEY", "UI_KEY"), keys(v4("environment=dev&secretPath=/app&tagSlugs=backend,frontend").json().get("secrets")));
        JsonNode tag = v4("environment=dev&secretPath=/app&tagSlugs=backend").json().get("secrets").get(0).get("tags").get(0);
        assertEquals("backend", tag.get("slug").asText());
    }

    @Test
    void viewSecretValueFalseHidesValues() {
        JsonNode s = v4("environment=dev&secretPath=/app&viewSecretValue=false").json().get("secrets").get(0);
        assertEquals("<hidden-by-infisical>", s.get("secretValue").asText());
        assertTrue(s.get("secretValueHidden").asBoolean());
        assertFalse(v4("environment=dev&secretPath=/app").json().get("secrets").get(0).get("secretValueHidden").asBoolean());
    }

    @Test
    void v3RawAcceptsWorkspaceIdOrSlug() {
        Http.Reply byId = http.get("/api/v3/secrets/raw?workspaceId=" + pid + "&environment=dev&secretPath=/app", token);
        Http.Reply bySlug = http.get("/api/v3/secrets/raw?workspaceSlug=list-project&environment=dev&secretPath=/app", token);
        assertEquals(200, byId.status(), byId.text());
        assertEquals(keys(byId.json().get("secrets")), keys(bySlug.json().get("secrets")));
        Http.Reply neither = http.get("/api/v3/secrets/raw?environment=dev", token);
        assertEquals(400, neither.status());
        assertTrue(neither.json().get("message").asText().contains("workspaceSlug or workspaceId"));
    }

    @Test
    void errorsNameWhatIsWrong() {
        Http.Reply folder = v4("environment=dev&secretPath=/nope");
        assertEquals(404, folder.status());
        assertEquals("SecretPathNotFound", folder.json().get("error").asText());
        assertTrue(folder.json().get("message").asText().contains("/nope"));
        Http.Reply env = v4("environment=qa&secretPath=/");
        assertEquals(404, env.status());
        assertTrue(env.json().get("message").asText().contains("'qa'"), env.text());
        Http.Reply project = http.get("/api/v4/secrets?projectId=missing&environment=dev", token);
        assertEquals(404, project.status());
        assertTrue(project.json().get("message").asText().contains("missing"));
        Http.Reply denied = http.get("/api/v4/secrets?projectId=" + pid + "&environment=staging&secretPath=/", devOnlyToken);
        assertEquals(403, denied.status());
        assertEquals("PermissionDenied", denied.json().get("error").asText());
        assertEquals(200, http.get("/api/v4/secrets?projectId=" + pid + "&environment=dev&secretPath=/", devOnlyToken).status());
        Http.Reply badFlag = v4("environment=dev&recursive=yes");
        assertEquals(422, badFlag.status());
        assertTrue(badFlag.text().contains("recursive"));
    }

    @Test
    void importsTheCallerCannotReadAreLeftOut() {
        Http.Reply r = http.get("/api/v4/secrets?projectId=" + pid + "&environment=dev&secretPath=/&include_imports=true", devOnlyToken);
        assertEquals(1, r.json().get("imports").size(), "the staging import is not readable");
    }

    @Test
    void getByNameV4AndV3IncludingImports() {
        Http.Reply local = http.get("/api/v4/secrets/A?projectId=" + pid + "&environment=dev&secretPath=/", token);
        assertEquals("local-a", local.json().get("secret").get("secretValue").asText());
        Http.Reply imported = http.get("/api/v4/secrets/DUP?projectId=" + pid + "&environment=dev&secretPath=/&include_imports=true", token);
        assertEquals("from-second", imported.json().get("secret").get("secretValue").asText(), "searched from the last import");
        assertEquals("staging", imported.json().get("secret").get("environment").asText());
        Http.Reply expanded = http.get("/api/v3/secrets/raw/REF?workspaceId=" + pid + "&environment=dev&secretPath=/&expandSecretReferences=true", token);
        assertEquals("local-a-first-import", expanded.json().get("secret").get("secretValue").asText());
        Http.Reply missing = http.get("/api/v4/secrets/NOPE?projectId=" + pid + "&environment=dev&secretPath=/", token);
        assertEquals(404, missing.status());
        assertEquals("Secret with name 'NOPE' not found", missing.json().get("message").asText());
        Http.Reply noImports = http.get("/api/v4/secrets/ST?projectId=" + pid + "&environment=dev&secretPath=/&include_imports=false", token);
        assertEquals(404, noImports.status());
    }

    @Test
    void runtimeChangesAreVisible() {
        server.putSecret("list-project", "dev", "/runtime", "NEW", "v1");
        assertEquals("v1", find(v4("environment=dev&secretPath=/runtime").json().get("secrets"), "NEW").get("secretValue").asText());
        server.putSecret(pid, "dev", "/runtime", "NEW", "v2");
        JsonNode changed = find(v4("environment=dev&secretPath=/runtime").json().get("secrets"), "NEW");
        assertEquals("v2", changed.get("secretValue").asText());
        assertEquals(2, changed.get("version").asInt());
        assertTrue(server.deleteSecret("list-project", "dev", "/runtime", "NEW"));
        assertEquals(0, v4("environment=dev&secretPath=/runtime").json().get("secrets").size());
    }

    static JsonNode find(JsonNode secrets, String key) {
        for (JsonNode s : secrets) {
            if (s.get("secretKey").asText().equals(key)) {
                return s;
            }
        }
        throw new AssertionError("no " + key + " in " + secrets);
    }
}
