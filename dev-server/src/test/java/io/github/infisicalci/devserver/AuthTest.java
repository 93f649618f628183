package io.github.infisicalci.devserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AuthTest {
    static final String OIDC_JWT = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJyZXBvOm8vcjpyZWY6cmVmcy9oZWFkcy9tYWluIn0.c2ln";
    static final String K8S_TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJzeXN0ZW06c2VydmljZWFjY291bnQ6Y2k6YnVpbGQifQ.azhz";

    DevServer server;
    Http http;
    Seed seed;
    String projectId;

    @BeforeEach
    void start() {
        seed = Seed.builder()
                .project("auth-project", p -> p.secret("dev", "/", "K", "v"))
                .identity("ua", i -> i.universalAuth("ua-id", "ua-secret").accessTokenTtl(60).accessTokenMaxTtl(150)
                        .member("auth-project", "viewer"))
                .identity("forever", i -> i.universalAuth("forever-id", "forever-secret").accessTokenTtl(0).accessTokenMaxTtl(0)
                        .member("auth-project", "viewer"))
                .identity("oidc", i -> i.oidcAuth(OIDC_JWT).member("auth-project", "viewer"))
                .identity("jwt", i -> i.jwtAuth(OIDC_JWT).member("auth-project", "viewer"))
                .identity("k8s", i -> i.kubernetesAuth(K8S_TOKEN).member("auth-project", "viewer"))
                .identity("lockable", i -> i.universalAuth("lock-id", "lock-secret")
                        .universalAuthLockout(3, Duration.ofSeconds(300), Duration.ofSeconds(30)).member("auth-project", "viewer"))
                .identity("limited", i -> i.universalAuth("limited-id", "limited-secret").accessTokenNumUsesLimit(2)
                        .member("auth-project", "viewer"))
                .build();
        projectId = seed.projectId("auth-project");
        server = DevServer.start(seed);
        http = new Http(server);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Http.Reply list(String token) {
        return http.get("/api/v4/secrets?projectId=" + projectId + "&environment=dev&secretPath=/", token);
    }

    private static void assertError(Http.Reply r, int status, String error, String messagePart) {
        assertEquals(status, r.status(), r.text());
        assertEquals(status, r.json().get("statusCode").asInt(), r.text());
        assertEquals(error, r.json().get("error").asText(), r.text());
        assertTrue(r.json().get("message").toString().contains(messagePart), r.text());
        assertNotNull(r.json().get("reqId"), r.text());
    }

    @Test
    void wrongClientSecretIs401InvalidCredentialsWithoutEchoingIt() {
        Http.Reply r = http.post("/api/v1/auth/universal-auth/login", "{\"clientId\":\"ua-id\",\"clientSecret\":\"guess-me\"}");
        assertError(r, 401, "UnauthorizedError", "Invalid credentials");
        assertFalse(r.text().contains("guess-me"));
        assertError(http.post("/api/v1/auth/universal-auth/login", "{\"clientId\":\"nobody\",\"clientSecret\":\"x\"}"),
                401, "UnauthorizedError", "Invalid credentials");
    }

    @Test
    void missingLoginFieldIs422NamingTheField() {
        Http.Reply r = http.post("/api/v1/auth/universal-auth/login", "{\"clientId\":\"ua-id\"}");
        assertEquals(422, r.status(), r.text());
        assertEquals("ValidationFailure", r.json().get("error").asText());
        assertEquals("clientSecret", r.json().get("message").get(0).get("path").get(0).asText());
        assertEquals(400, http.post("/api/v1/auth/universal-auth/login", "not json").status());
    }

    @Test
    void oidcJwtAndKubernetesLoginsAcceptOnlyConfiguredTokens() {
        for (String[] c : new String[][] {{"oidc-auth", "oidc", OIDC_JWT}, {"jwt-auth", "jwt", OIDC_JWT}, {"kubernetes-auth", "k8s", K8S_TOKEN}}) {
            String body = "{\"identityId\":\"" + seed.identityId(c[1]) + "\",\"jwt\":\"" + c[2] + "\"}";
            Http.Reply ok = http.post("/api/v1/auth/" + c[0] + "/login", body);
            assertEquals(200, ok.status(), c[0] + " " + ok.text());
            assertEquals(200, list(ok.json().get("accessToken").asText()).status());

            Http.Reply refused = http.post("/api/v1/auth/" + c[0] + "/login",
                    "{\"identityId\":\"" + seed.identityId(c[1]) + "\",\"jwt\":\"a.b.c\"}");
            assertEquals(401, refused.status(), c[0] + " " + refused.text());
        }
        assertEquals(404, http.post("/api/v1/auth/oidc-auth/login", "{\"identityId\":\"" + seed.identityId("ua") + "\",\"jwt\":\"" + OIDC_JWT + "\"}").status(),
                "an identity without OIDC auth");
    }

    @Test
    void missingGarbageAndExpiredTokensHaveTheRealShapes() {
        assertError(list(null), 401, "UnauthorizedError", "Token missing");
        assertError(list("not-a-token"), 403, "TokenError", "re-authenticate");
        assertError(list("aaa.bbb.ccc"), 403, "TokenError", "re-authenticate");

        String token = http.login("ua-id", "ua-secret");
        assertEquals(200, list(token).status());
        server.advanceClock(Duration.ofSeconds(61));
        assertError(list(token), 403, "TokenError", "expired");
    }

    @Test
    void renewExtendsTtlUntilMaxTtl() {
        String token = http.login("ua-id", "ua-secret");
        server.advanceClock(Duration.ofSeconds(50));
        Http.Reply renewed = http.post("/api/v1/auth/token/renew", "{\"accessToken\":\"" + token + "\"}");
        assertEquals(200, renewed.status(), renewed.text());
        assertEquals(token, renewed.json().get("accessToken").asText());
        assertEquals(60, renewed.json().get("expiresIn").asLong());
        assertEquals(150, renewed.json().get("accessTokenMaxTTL").asLong());
        server.advanceClock(Duration.ofSeconds(50));
        assertEquals(200, list(token).status(), "renewal moved the expiry (100s after login, 50s after renewal)");

        Http.Reply pastMax = http.post("/api/v1/auth/token/renew", "{\"accessToken\":\"" + token + "\"}");
        assertError(pastMax, 401, "UnauthorizedError", "Max TTL");

        server.advanceClock(Duration.ofSeconds(15));
        assertError(list(token), 403, "TokenError", "expired");
        assertError(http.post("/api/v1/auth/token/renew", "{\"accessToken\":\"" + token + "\"}"), 401, "UnauthorizedError", "TTL");
    }

    @Test
    void zeroTtlNeverExpires() {
        Http.Reply r = http.post("/api/v1/auth/universal-auth/login", "{\"clientId\":\"forever-id\",\"clientSecret\":\"forever-secret\"}");
        assertEquals(0, r.json().get("expiresIn").asLong());
        assertEquals(0, r.json().get("accessTokenMaxTTL").asLong());
        server.advanceClock(Duration.ofDays(3650));
        assertEquals(200, list(r.json().get("accessToken").asText()).status());
    }

    @Test
    void revokeMakesTheToken401() {
        String token = http.login("ua-id", "ua-secret");
        Http.Reply revoked = http.post("/api/v1/auth/token/revoke", "{\"accessToken\":\"" + token + "\"}");
        assertEquals(200, revoked.status());
        assertEquals("Successfully revoked access token", revoked.json().get("message").asText());
        assertError(list(token), 401, "UnauthorizedError", "revoked");
        assertEquals(1, server.calls().count("POST", "/api/v1/auth/token/revoke"));
    }

    @Test
    void ttlCanChangeAtRuntimeForNewLogins() {
        server.setAccessTokenTtl("ua", 5, 10);
        Http.Reply r = http.post("/api/v1/auth/universal-auth/login", "{\"clientId\":\"ua-id\",\"clientSecret\":\"ua-secret\"}");
        assertEquals(5, r.json().get("expiresIn").asLong());
        assertEquals(10, r.json().get("accessTokenMaxTTL").asLong());
        server.advanceClock(Duration.ofSeconds(6));
        assertEquals(403, list(r.json().get("accessToken").asText()).status());
    }

    @Test
    void serviceTokensCannotBeRenewedAndApiKeysAreRefused() {
        Http.Reply renew = http.post("/api/v1/auth/token/renew", "{\"accessToken\":\"st.a.b\"}");
        assertError(renew, 400, "BadRequest", "identity access tokens");
        java.net.http.HttpRequest withKey = java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.url()
                + "/api/v4/secrets?projectId=" + projectId + "&environment=dev")).header("X-API-Key", "legacy-key").build();
        assertError(Http.send(withKey), 400, "BadRequest", "API key authentication is not supported");
    }

    @Test
    void lockoutAfterRepeatedFailuresWhenEnabled() {
        String wrong = "{\"clientId\":\"lock-id\",\"clientSecret\":\"nope\"}";
        String right = "{\"clientId\":\"lock-id\",\"clientSecret\":\"lock-secret\"}";
        for (int i = 0; i < 3; i++) {
            assertError(http.post("/api/v1/auth/universal-auth/login", wrong), 401, "UnauthorizedError", "Invalid credentials");
        }
        assertError(http.post("/api/v1/auth/universal-auth/login", right), 401, "UnauthorizedError", "temporarily locked");
        server.advanceClock(Duration.ofSeconds(301));
        assertEquals(200, http.post("/api/v1/auth/universal-auth/login", right).status());
        for (int i = 0; i < 5; i++) {
            assertEquals(401, http.post("/api/v1/auth/universal-auth/login", "{\"clientId\":\"ua-id\",\"clientSecret\":\"x\"}").status());
        }
        assertEquals(200, http.post("/api/v1/auth/universal-auth/login", "{\"clientId\":\"ua-id\",\"clientSecret\":\"ua-secret\"}").status(),
                "lockout is off unless turned on");
    }

    @Test
    void useLimitIsEnforced() {
        String token = http.login("limited-id", "limited-secret");
        assertEquals(200, list(token).status());
        assertEquals(200, list(token).status());
        assertError(list(token), 401, "UnauthorizedError", "usage limit");
    }

    @Test
    void revokeAllTokensInvalidatesEveryToken() {
        String a = http.login("ua-id", "ua-secret");
        String b = http.login("forever-id", "forever-secret");
        assertEquals(2, server.activeTokenCount());
        server.revokeAllTokens();
        assertEquals(401, list(a).status());
        assertEquals(401, list(b).status());
        assertEquals(0, server.activeTokenCount());
    }
}
