package io.github.infisicalci.devserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CoreApiTest {
    static DevServer server;
    static Http http;
    static String projectId;

    @BeforeAll
    static void start() {
        Seed seed = Seed.builder()
                .project("core-project", p -> p
                        .secret("dev", "/", "ROOT_KEY", "root-value")
                        .secret("dev", "/stripe", "STRIPE_KEY", "sk_core")
                        .folder("dev", "/empty/nested"))
                .universalAuthIdentity("ci", "core-client", "core-secret", "core-project")
                .build();
        projectId = seed.projectId("core-project");
        server = DevServer.start(seed);
        http = new Http(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void urlIsLoopbackWithPort() {
        assertTrue(server.url().matches("http://127\\.0\\.0\\.1:\\d+"), server.url());
    }

    @Test
    void universalAuthLoginReturnsJwtShapedTokenAndTtls() {
        Http.Reply r = http.post("/api/v1/auth/universal-auth/login", "{\"clientId\":\"core-client\",\"clientSecret\":\"core-secret\"}");
        assertEquals(200, r.status(), r.text());
        String token = r.json().get("accessToken").asText();
        assertEquals(3, token.split("\\.").length);
        assertTrue(token.matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+"), token);
        assertEquals(2592000, r.json().get("expiresIn").asLong());
        assertEquals(2592000, r.json().get("accessTokenMaxTTL").asLong());
        assertEquals("Bearer", r.json().get("tokenType").asText());
        assertFalse(token.equals(http.login("core-client", "core-secret")), "tokens are random per login");
    }

    @Test
    void listsRootAndFolderSecretsV4() {
        String token = http.login("core-client", "core-secret");
        Http.Reply root = http.get("/api/v4/secrets?projectId=" + projectId + "&environment=dev&secretPath=/", token);
        assertEquals(200, root.status(), root.text());
        assertEquals(List.of("ROOT_KEY"), keys(root.json().get("secrets")));
        JsonNode s = root.json().get("secrets").get(0);
        assertEquals("root-value", s.get("secretValue").asText());
        assertEquals("/", s.get("secretPath").asText());
        assertEquals(projectId, s.get("workspace").asText());
        assertEquals("shared", s.get("type").asText());

        Http.Reply stripe = http.get("/api/v4/secrets?projectId=" + projectId + "&environment=dev&secretPath=/stripe/", token);
        assertEquals(200, stripe.status(), stripe.text());
        assertEquals(List.of("STRIPE_KEY"), keys(stripe.json().get("secrets")));
        assertEquals("/stripe", stripe.json().get("secrets").get(0).get("secretPath").asText());
    }

    static List<String> keys(JsonNode secrets) {
        List<String> keys = new ArrayList<>();
        secrets.forEach(n -> keys.add(n.get("secretKey").asText()));
        return keys;
    }
}
