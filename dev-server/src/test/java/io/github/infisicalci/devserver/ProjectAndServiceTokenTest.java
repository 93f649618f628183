package io.github.infisicalci.devserver;

import static io.github.infisicalci.devserver.CoreApiTest.keys;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ProjectAndServiceTokenTest {
    static final String ST = "st.tok1.00112233445566778899aabbccddeeff";
    static final String ST_WITH_KEY = ST + ".e2ekeyhex";
    static final String ST_GLOB = "st.tok2.ffeeddccbbaa99887766554433221100";
    static final String ST_EXPIRED = "st.tok3.aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    static DevServer server;
    static Http http;
    static String pid;
    static String token;

    @BeforeAll
    static void start() {
        Seed seed = Seed.builder()
                .project("proj-one", p -> p.name("Project One")
                        .environment("dev", "Development").environment("prod", "Production")
                        .secret("dev", "/", "ROOT", "r")
                        .secret("dev", "/api", "API", "a")
                        .secret("dev", "/api/v2", "API2", "a2")
                        .secret("prod", "/", "PROD", "p"))
                .project("other-project", p -> p.secret("dev", "/", "OTHER", "o"))
                .universalAuthIdentity("ci", "p-id", "p-secret", "proj-one")
                .serviceToken(ST, t -> t.name("single").project("proj-one").scope("dev", "/api"))
                .serviceToken(ST_GLOB, t -> t.name("glob").project("proj-one").scope("dev", "/**"))
                .serviceToken(ST_EXPIRED, t -> t.name("old").project("proj-one").scope("dev", "/")
                        .expiresAt(Instant.parse("2020-01-01T00:00:00Z")))
                .build();
        pid = seed.projectId("proj-one");
        server = DevServer.start(seed);
        http = new Http(server);
        token = http.login("p-id", "p-secret");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static void assertProject(JsonNode p) {
        assertEquals(pid, p.get("id").asText());
        assertEquals("proj-one", p.get("slug").asText());
        assertEquals("Project One", p.get("name").asText());
        List<String> envs = new ArrayList<>();
        p.get("environments").forEach(e -> envs.add(e.get("slug").asText() + "=" + e.get("name").asText()));
        assertEquals(List.of("dev=Development", "prod=Production"), envs);
        assertFalse(p.get("environments").get(0).get("id").asText().isEmpty());
    }

    @Test
    void projectBySlugIdAndDeprecatedWorkspaceRoutes() {
        Http.Reply bySlug = http.get("/api/v1/projects/slug/proj-one", token);
        assertEquals(200, bySlug.status(), bySlug.text());
        assertProject(bySlug.json());
        assertProject(http.get("/api/v1/projects/" + pid, token).json().get("project"));
        assertProject(http.get("/api/v1/workspace/" + pid, token).json().get("workspace"));
        assertProject(http.get("/api/v2/workspace/proj-one", token).json());
        assertEquals(404, http.get("/api/v1/projects/slug/nope", token).status());
        Http.Reply notMember = http.get("/api/v1/projects/slug/other-project", token);
        assertEquals(403, notMember.status());
        assertEquals("PermissionDenied", notMember.json().get("error").asText());
    }

    @Test
    void foldersV1AndV2() {
        Http.Reply v2 = http.get("/api/v2/folders?projectId=" + pid + "&environment=dev&path=/", token);
        assertEquals(200, v2.status(), v2.text());
        assertEquals(1, v2.json().get("folders").size());
        assertEquals("api", v2.json().get("folders").get(0).get("name").asText());
        Http.Reply rec = http.get("/api/v2/folders?projectId=" + pid + "&environment=dev&path=/&recursive=true", token);
        assertEquals(2, rec.json().get("folders").size());
        Http.Reply v1 = http.get("/api/v1/folders?workspaceId=" + pid + "&environment=dev&path=/api", token);
        assertEquals("v2", v1.json().get("folders").get(0).get("name").asText());
        assertEquals(404, http.get("/api/v2/folders?projectId=" + pid + "&environment=dev&path=/missing", token).status());
        assertEquals(422, http.get("/api/v2/folders?projectId=" + pid, token).status());
    }

    @Test
    void serviceTokenDetailsAndSoleScopeReplacesTheRequest() {
        Http.Reply info = http.get("/api/v2/service-token", ST_WITH_KEY);
        assertEquals(200, info.status(), info.text());
        assertEquals(pid, info.json().get("workspace").asText());
        assertEquals("dev", info.json().get("scopes").get(0).get("environment").asText());
        assertEquals("/api", info.json().get("scopes").get(0).get("secretPath").asText());
        assertFalse(info.text().contains("00112233445566778899aabbccddeeff"), "the token secret is never echoed");

        Http.Reply scoped = http.get("/api/v3/secrets/raw?environment=prod&secretPath=/", ST);
        assertEquals(List.of("API"), keys(scoped.json().get("secrets")), "env/path replaced by the token's single scope");
        assertEquals(List.of("API"), keys(http.get("/api/v4/secrets", ST).json().get("secrets")));
    }

    @Test
    void globScopedServiceTokenChecksEachRequest() {
        Http.Reply api2 = http.get("/api/v4/secrets?environment=dev&secretPath=/api/v2", ST_GLOB);
        assertEquals(List.of("API2"), keys(api2.json().get("secrets")));
        Http.Reply prod = http.get("/api/v4/secrets?environment=prod&secretPath=/", ST_GLOB);
        assertEquals(403, prod.status());
        assertEquals("PermissionDenied", prod.json().get("error").asText());
        Http.Reply otherProject = http.get("/api/v4/secrets?projectId=" + server.seed().projectId("other-project") + "&environment=dev", ST_GLOB);
        assertEquals(403, otherProject.status());
    }

    @Test
    void serviceTokenErrors() {
        assertEquals(401, http.get("/api/v2/service-token", "st.tok1.wrongsecret").status());
        assertEquals(404, http.get("/api/v2/service-token", "st.unknown.secret").status());
        Http.Reply expired = http.get("/api/v2/service-token", ST_EXPIRED);
        assertEquals(403, expired.status());
        assertTrue(expired.json().get("message").asText().contains("expired"));
        Http.Reply identityOnService = http.get("/api/v2/service-token", token);
        assertEquals(403, identityOnService.status());
        assertEquals(403, http.get("/api/v1/projects/slug/proj-one", ST).status(), "slug route takes identities only");
        assertEquals(200, http.get("/api/v1/projects/" + pid, ST).status(), "project by id takes service tokens");
    }

    @Test
    void unknownRoutesGetTheFrameworkNotFound() {
        Http.Reply r = http.get("/api/v9/nothing?x=1", token);
        assertEquals(404, r.status());
        assertEquals("Route GET:/api/v9/nothing?x=1 not found", r.json().get("message").asText());
        assertEquals("Not Found", r.json().get("error").asText());
        assertNull(r.json().get("reqId"));
    }

    @Test
    void malformedEscapesStillGetAnAnswer() {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET /api/v4/secrets?projectId=%zz&environment=dev HTTP/1.1\r\nHost: x\r\n"
                    + "Authorization: Bearer " + token + "\r\nConnection: close\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(answer.startsWith("HTTP/1.1 400"), answer);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void trailingSlashIsIgnoredAndStatusAnswers() {
        assertEquals(200, http.get("/api/v1/projects/slug/proj-one/", token).status());
        assertEquals("Ok", http.get("/api/status", null).json().get("message").asText());
    }
}
