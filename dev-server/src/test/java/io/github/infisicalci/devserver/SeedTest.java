package io.github.infisicalci.devserver;

import static io.github.infisicalci.devserver.CoreApiTest.keys;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeedTest {

    private static Seed parse(String json) {
        return Seed.fromJson(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test.json");
    }

    private static String error(String json) {
        return assertThrows(IllegalArgumentException.class, () -> parse(json)).getMessage();
    }

    @Test
    void demoSeedServesTheDocumentedProject() {
        Seed demo = Seed.demo();
        assertEquals("6f1a3c2e-0d4b-4c55-9a61-2b7f0e8d9c10", demo.projectId("demo-project"));
        assertEquals("demo-client-id", demo.universalAuthClientIds().get("demo-ci"));
        assertFalse(demo.toString().contains("demo-client-secret"));
        try (DevServer server = DevServer.start(demo)) {
            Http http = new Http(server);
            String token = http.login("demo-client-id", "demo-client-secret");
            Http.Reply root = http.get("/api/v4/secrets?projectId=" + demo.projectId("demo-project")
                    + "&environment=dev&secretPath=/&expandSecretReferences=true&include_imports=true", token);
            assertEquals(200, root.status(), root.text());
            JsonNode url = SecretListingTest.find(root.json().get("secrets"), "DATABASE_URL");
            assertEquals("postgres://demo_user:demo-db-password-dev-4f9a@db.dev.internal:5432/demo", url.get("secretValue").asText());
            assertTrue(SecretListingTest.find(root.json().get("secrets"), "TLS_PRIVATE_KEY").get("secretValue").asText().contains("\n"));
            assertEquals("/shared", root.json().get("imports").get(0).get("secretPath").asText());
            Http.Reply stripe = http.get("/api/v4/secrets?projectId=" + demo.projectId("demo-project")
                    + "&environment=dev&secretPath=/stripe", token);
            assertEquals(List.of("STRIPE_SECRET_KEY", "STRIPE_WEBHOOK_SECRET"), keys(stripe.json().get("secrets")));
            Http.Reply legacy = http.get("/api/v2/service-token", "st.demo-token-id.0123456789abcdef0123456789abcdef");
            assertEquals(200, legacy.status());
        }
    }

    @Test
    void fromPathReadsAFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("seed.json");
        Files.writeString(file, "{\"projects\":[{\"slug\":\"p1\",\"environments\":[{\"slug\":\"dev\",\"folders\":["
                + "{\"path\":\"/a\",\"secrets\":{\"K\":{\"value\":\"v\",\"comment\":\"c\",\"tags\":[\"t1\"],\"skipMultilineEncoding\":true}}}]}]}],"
                + "\"identities\":[{\"name\":\"i\",\"auth\":[{\"method\":\"kubernetes-auth\",\"acceptedTokens\":[\"sa\"]}],"
                + "\"accessTokenTTL\":0,\"accessTokenMaxTTL\":0,\"projects\":[{\"project\":\"p1\",\"role\":\"admin\",\"environments\":[\"dev\"]}]}]}");
        Seed seed = Seed.fromJson(file);
        assertEquals(List.of("p1"), List.copyOf(seed.projectIds().keySet()));
        assertTrue(seed.identityId("i").length() > 10);
    }

    @Test
    void errorsNameFileAndField() {
        assertTrue(error("{").contains("test.json is not valid JSON"));
        assertTrue(error("{\"projects\":[{\"slug\":\"p\",\"colour\":1}]}").contains("projects[0] has unknown field \"colour\""));
        assertTrue(error("{\"projects\":[{\"name\":\"x\"}]}").contains("projects[0].slug is required"));
        assertTrue(error("{\"projects\":[{\"slug\":\"Bad Slug\"}]}").contains("'Bad Slug' is not a valid slug"));
        String badSecret = error("{\"projects\":[{\"slug\":\"p\",\"environments\":[{\"slug\":\"dev\",\"folders\":[{\"path\":\"/\",\"secrets\":{\"K\":42}}]}]}]}");
        assertTrue(badSecret.contains("projects[0].environments[0].folders[0].secrets.K must be a string"), badSecret);
        String badEnvImport = error("{\"projects\":[{\"slug\":\"p\",\"environments\":[{\"slug\":\"dev\",\"folders\":[{\"path\":\"/\",\"imports\":[{\"environment\":\"qa\",\"path\":\"/\"}]}]}]}]}");
        assertTrue(badEnvImport.contains("environment 'qa' is not declared"), badEnvImport);
        String badMethod = error("{\"identities\":[{\"name\":\"i\",\"auth\":[{\"method\":\"gcp-auth\"}]}]}");
        assertTrue(badMethod.contains("identities[0].auth[0].method 'gcp-auth'"), badMethod);
        String awsWithoutKey = error("{\"identities\":[{\"name\":\"i\",\"auth\":[{\"method\":\"aws-auth\"}]}]}");
        assertTrue(awsWithoutKey.contains("identities[0].auth[0].accessKeyId is required"), awsWithoutKey);
        String unknownProject = error("{\"identities\":[{\"name\":\"i\",\"auth\":[{\"method\":\"universal-auth\",\"clientId\":\"c\",\"clientSecret\":\"s3cr3t\"}],"
                + "\"projects\":[{\"project\":\"ghost\",\"role\":\"viewer\"}]}]}");
        assertTrue(unknownProject.contains("unknown project 'ghost'"), unknownProject);
        assertFalse(unknownProject.contains("s3cr3t"), "never a secret in an error");
        String badTtl = error("{\"identities\":[{\"name\":\"i\",\"auth\":[{\"method\":\"universal-auth\",\"clientId\":\"c\",\"clientSecret\":\"s\"}],"
                + "\"accessTokenTTL\":100,\"accessTokenMaxTTL\":10}]}");
        assertTrue(badTtl.contains("must not exceed accessTokenMaxTTL"), badTtl);
        String badToken = error("{\"projects\":[{\"slug\":\"p\"}],\"serviceTokens\":[{\"token\":\"nope\",\"project\":\"p\",\"scopes\":[{\"environment\":\"dev\",\"secretPath\":\"/\"}]}]}");
        assertTrue(badToken.contains("st.<id>.<secret>"), badToken);
        assertTrue(error("{\"projects\":[{\"slug\":\"p\",\"environments\":[{\"slug\":\"dev\",\"folders\":[{\"path\":\"/bad name\"}]}]}]}")
                .contains("secret path '/bad name' is not valid"));
    }

    @Test
    void builderValidatesAtTheEdge() {
        assertThrows(IllegalArgumentException.class, () -> Seed.builder().project("p", p -> p.secret("qa", "/", "K", "v")).build());
        assertThrows(IllegalArgumentException.class, () -> Seed.builder().project("p", p -> p.secret("dev", "/", "bad key", "v")));
        assertThrows(IllegalArgumentException.class, () -> Seed.builder().project("p", p -> p.secret("dev", "/", "K", "v").secret("dev", "/", "K", "w")).build());
        assertThrows(IllegalArgumentException.class, () -> Seed.builder().identity("i", i -> i.member("p", "owner")));
        assertThrows(IllegalArgumentException.class, () -> Seed.builder().identity("i", i -> i.member("p", "viewer")).build(), "no auth method");
        assertThrows(IllegalArgumentException.class, () -> Seed.builder()
                .universalAuthIdentity("a", "same", "s1").universalAuthIdentity("b", "same", "s2").build());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Seed.builder().project("p", p -> { })
                .universalAuthIdentity("a", "id", "topsecret", "p").build().projectId("nope"));
        assertFalse(e.getMessage().contains("topsecret"));
    }
}
