package io.github.infisicalci.devserver;

import static io.github.infisicalci.devserver.CoreApiTest.keys;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class BoundClaimsAndPersonalTest {
    static DevServer server;
    static Http http;
    static Seed seed;

    @BeforeAll
    static void start() {
        seed = Seed.builder()
                .project("claims-project", p -> p
                        .secret("dev", "/", "K", "shared-k")
                        .secret("dev", "/", "K", "personal-k", o -> o.personal(true))
                        .secret("dev", "/", "REF", "${K}")
                        .secret("dev", "/src", "ONLY_PERSONAL", "p", o -> o.personal(true))
                        .secret("dev", "/src", "S", "s")
                        .secretImport("dev", "/", "dev", "/src"))
                .identity("gh", i -> i.oidcBoundClaims(Map.of("aud", "acme", "sub", "repo:acme/*:ref:refs/heads/main"))
                        .member("claims-project", "viewer"))
                .identity("k8s", i -> i.kubernetesBoundClaims(Map.of("sub", "system:serviceaccount:ci:builder"))
                        .member("claims-project", "viewer"))
                .universalAuthIdentity("ua", "c-id", "c-secret", "claims-project")
                .build();
        server = DevServer.start(seed);
        http = new Http(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static String jwt(String payloadJson) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(payloadJson.getBytes(StandardCharsets.UTF_8)) + ".c2ln";
    }

    int login(String method, String identity, String token) {
        return http.post("/api/v1/auth/" + method + "/login",
                "{\"identityId\":\"" + seed.identityId(identity) + "\",\"jwt\":\"" + token + "\"}").status();
    }

    @Test
    void oidcBoundClaimsWithWildcardsArraysAndExpiry() {
        long future = server.now().getEpochSecond() + 300;
        assertEquals(200, login("oidc-auth", "gh", jwt("{\"aud\":\"acme\",\"sub\":\"repo:acme/shop:ref:refs/heads/main\",\"exp\":" + future + "}")));
        assertEquals(200, login("oidc-auth", "gh", jwt("{\"aud\":[\"other\",\"acme\"],\"sub\":\"repo:acme/x:ref:refs/heads/main\"}")));
        assertEquals(401, login("oidc-auth", "gh", jwt("{\"aud\":\"evil\",\"sub\":\"repo:acme/shop:ref:refs/heads/main\"}")), "wrong audience");
        assertEquals(401, login("oidc-auth", "gh", jwt("{\"aud\":\"acme\",\"sub\":\"repo:acme/shop:ref:refs/heads/dev\"}")), "wrong subject");
        assertEquals(401, login("oidc-auth", "gh", jwt("{\"aud\":\"acme\"}")), "missing claim");
        assertEquals(401, login("oidc-auth", "gh", "not-a-jwt"));
        String soon = jwt("{\"aud\":\"acme\",\"sub\":\"repo:acme/shop:ref:refs/heads/main\",\"exp\":" + (server.now().getEpochSecond() + 60) + "}");
        assertEquals(200, login("oidc-auth", "gh", soon));
        server.advanceClock(Duration.ofSeconds(61));
        assertEquals(401, login("oidc-auth", "gh", soon), "expired JWT");
        assertEquals(404, login("jwt-auth", "gh", soon), "no JWT auth on this identity");
    }

    @Test
    void kubernetesBoundSubject() {
        assertEquals(200, login("kubernetes-auth", "k8s", jwt("{\"sub\":\"system:serviceaccount:ci:builder\"}")));
        assertEquals(401, login("kubernetes-auth", "k8s", jwt("{\"sub\":\"system:serviceaccount:ci:other\"}")));
    }

    @Test
    void personalSecretsAreListedNextToSharedButNeverImportedOrReferenced() {
        String token = http.login("c-id", "c-secret");
        String pid = seed.projectId("claims-project");
        Http.Reply r = http.get("/api/v4/secrets?projectId=" + pid + "&environment=dev&secretPath=/&include_imports=true&expandSecretReferences=true", token);
        List<String> typed = new ArrayList<>();
        for (JsonNode s : r.json().get("secrets")) {
            typed.add(s.get("secretKey").asText() + ":" + s.get("type").asText() + "=" + s.get("secretValue").asText());
        }
        assertEquals(List.of("K:shared=shared-k", "REF:shared=shared-k", "K:personal=personal-k"), typed);
        assertEquals(List.of("S"), keys(r.json().get("imports").get(0).get("secrets")), "only shared secrets are imported");
        Http.Reply personal = http.get("/api/v4/secrets/K?projectId=" + pid + "&environment=dev&secretPath=/&type=personal", token);
        assertEquals("personal-k", personal.json().get("secret").get("secretValue").asText());
        assertEquals(422, http.get("/api/v4/secrets/K?projectId=" + pid + "&environment=dev&type=other", token).status());
    }

    @Test
    void seedJsonReadsBoundClaimsAndPersonalType() {
        Seed parsed = Seed.fromJson(new java.io.ByteArrayInputStream(("{\"projects\":[{\"slug\":\"p\",\"environments\":[{\"slug\":\"dev\",\"folders\":[{\"path\":\"/\","
                + "\"secrets\":{\"K\":{\"value\":\"v\",\"type\":\"personal\"}}}]}]}],"
                + "\"identities\":[{\"name\":\"gh\",\"auth\":[{\"method\":\"oidc-auth\",\"boundClaims\":{\"aud\":\"a\"}}],"
                + "\"projects\":[{\"project\":\"p\",\"role\":\"viewer\"}]}]}").getBytes(StandardCharsets.UTF_8)), "t.json");
        try (DevServer s = DevServer.start(parsed)) {
            Http h = new Http(s);
            Http.Reply ok = h.post("/api/v1/auth/oidc-auth/login", "{\"identityId\":\"" + parsed.identityId("gh") + "\",\"jwt\":\"" + jwt("{\"aud\":\"a\"}") + "\"}");
            assertEquals(200, ok.status(), ok.text());
            Http.Reply list = h.get("/api/v4/secrets?projectId=" + parsed.projectId("p") + "&environment=dev", ok.json().get("accessToken").asText());
            assertEquals("personal", list.json().get("secrets").get(0).get("type").asText());
        }
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Seed.fromJson(new java.io.ByteArrayInputStream("{\"identities\":[{\"name\":\"gh\",\"auth\":[{\"method\":\"oidc-auth\"}]}]}"
                        .getBytes(StandardCharsets.UTF_8)), "t.json"));
        assertTrue(e.getMessage().contains("identities[0].auth[0] needs acceptedTokens or boundClaims"), e.getMessage());
        assertFalse(e.getMessage().isEmpty());
    }
}
