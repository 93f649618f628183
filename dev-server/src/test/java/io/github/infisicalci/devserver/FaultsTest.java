package io.github.infisicalci.devserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FaultsTest {
    DevServer server;
    Http http;
    String pid;
    String token;

    @BeforeEach
    void start() {
        Seed seed = Seed.builder()
                .project("fault-project", p -> p.secret("dev", "/", "K", "v"))
                .universalAuthIdentity("ci", "f-id", "f-secret", "fault-project")
                .build();
        pid = seed.projectId("fault-project");
        server = DevServer.start(seed);
        http = new Http(server);
        token = http.login("f-id", "f-secret");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Http.Reply list() {
        return http.get("/api/v4/secrets?projectId=" + pid + "&environment=dev&secretPath=/", token);
    }

    @Test
    void statusFaultAppliesTheGivenNumberOfTimesWithHeaders() {
        Faults.Fault fault = server.faults().on("/api/v4/secrets").times(2).header("x-test", "yes").respond(503);
        Http.Reply first = list();
        assertEquals(503, first.status());
        assertEquals("yes", first.header("x-test"));
        assertEquals(503, first.json().get("statusCode").asInt());
        assertEquals("ServiceUnavailable", first.json().get("error").asText());
        assertEquals(503, list().status());
        assertEquals(200, list().status());
        assertEquals(2, fault.hits());
    }

    @Test
    void customBodyMethodAndSkip() {
        server.faults().on("/api/v4/secrets").method("GET").skip(1).times(1).respond(418, "{\"custom\":true}");
        assertEquals(200, list().status());
        Http.Reply r = list();
        assertEquals(418, r.status());
        assertTrue(r.json().get("custom").asBoolean());
        assertEquals(200, list().status());
        server.faults().on("/api/v4/secrets").method("POST").respond(500);
        assertEquals(200, list().status(), "method filter");
    }

    @Test
    void regexRules() {
        server.faults().onRegex("^/api/v4/secrets/[A-Z]+$").respond(502);
        assertEquals(502, http.get("/api/v4/secrets/K?projectId=" + pid + "&environment=dev", token).status());
        assertEquals(200, list().status());
    }

    @Test
    void rateLimitVariants() {
        server.faults().on("/api/v4/secrets").times(1).rateLimit(Duration.ofSeconds(3));
        Http.Reply limited = list();
        assertEquals(429, limited.status());
        assertEquals("3", limited.header("retry-after"));
        assertEquals("0", limited.header("x-ratelimit-remaining"));
        assertEquals("RateLimitError", limited.json().get("error").asText());
        assertTrue(limited.json().get("message").asText().contains("3 seconds"));

        server.faults().on("/api/v4/secrets").times(1).cloudRateLimit(Duration.ofSeconds(2));
        Http.Reply old = list();
        assertEquals(500, old.status());
        assertEquals("2", old.header("retry-after"));
        assertEquals("Something went wrong", old.json().get("message").asText());
        assertEquals(200, list().status());
    }

    @Test
    void delayThenNormalAnswer() {
        server.faults().on("/api/v4/secrets").times(1).delay(Duration.ofMillis(300));
        long t0 = System.nanoTime();
        assertEquals(200, list().status());
        assertTrue(System.nanoTime() - t0 >= 300_000_000L, "answer came after the delay");
    }

    @Test
    void delayedStatusResponseTimesOutAShortClientTimeout() {
        server.faults().on("/api/v4/secrets").times(1).withDelay(Duration.ofSeconds(2)).respond(504);
        HttpRequest r = HttpRequest.newBuilder(URI.create(server.url() + "/api/v4/secrets?projectId=" + pid + "&environment=dev"))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofMillis(200)).build();
        assertThrows(UncheckedIOException.class, () -> Http.send(r));
    }

    @Test
    void droppedConnectionGivesNoResponse() {
        server.faults().on("/api/v1/auth/universal-auth/login").times(1).drop();
        assertThrows(UncheckedIOException.class, () -> http.post("/api/v1/auth/universal-auth/login",
                "{\"clientId\":\"f-id\",\"clientSecret\":\"f-secret\"}"));
        assertEquals(-1, server.calls().logins().get(1).status(), "recorded as dropped");
        assertEquals(200, http.post("/api/v1/auth/universal-auth/login", "{\"clientId\":\"f-id\",\"clientSecret\":\"f-secret\"}").status());
    }

    @Test
    void legacyServerHasNoV4Routes() {
        server.faults().legacyServer(true);
        Http.Reply r = list();
        assertEquals(404, r.status());
        assertEquals("Not Found", r.json().get("error").asText());
        assertTrue(r.json().get("message").asText().startsWith("Route GET:/api/v4/secrets?projectId="));
        assertEquals(404, http.get("/api/v1/projects/slug/fault-project", token).status());
        assertEquals(200, http.get("/api/v3/secrets/raw?workspaceId=" + pid + "&environment=dev", token).status());
        assertEquals(200, http.get("/api/v2/workspace/fault-project", token).status());
        server.faults().clear();
        assertEquals(200, list().status());
    }

    @Test
    void emptyListForUnknownEnvironmentOrFolder() {
        assertEquals(404, http.get("/api/v3/secrets/raw?workspaceId=" + pid + "&environment=qa", token).status());
        server.faults().emptyListForUnknown(true);
        Http.Reply env = http.get("/api/v3/secrets/raw?workspaceId=" + pid + "&environment=qa", token);
        assertEquals(200, env.status());
        assertEquals(0, env.json().get("secrets").size());
        Http.Reply folder = http.get("/api/v4/secrets?projectId=" + pid + "&environment=dev&secretPath=/nope", token);
        assertEquals(200, folder.status());
        assertEquals(0, folder.json().get("secrets").size());
    }

    @Test
    void callsRecordShapeButNeverCredentials() {
        server.calls().clear();
        list();
        http.get("/api/v4/secrets?projectId=" + pid + "&environment=dev", null);
        List<RecordedCall> calls = server.calls().matching("GET", "/api/v4/secrets");
        assertEquals(2, calls.size());
        assertTrue(calls.get(0).authorizationPresent());
        assertFalse(calls.get(1).authorizationPresent());
        assertEquals(200, calls.get(0).status());
        assertEquals(401, calls.get(1).status());
        assertEquals("dev", calls.get(0).query().get("environment"));
        assertFalse(server.calls().toString().contains(token));
        assertFalse(calls.toString().contains(token));
    }

    @Test
    void fiftyConcurrentLoginsAreCountedExactly() throws Exception {
        server.calls().clear();
        ExecutorService pool = Executors.newFixedThreadPool(50);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                results.add(pool.submit(() -> http.login("f-id", "f-secret")));
            }
            for (Future<String> f : results) {
                assertEquals(3, f.get(30, TimeUnit.SECONDS).split("\\.").length);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(50, server.calls().logins().size());
        assertEquals(51, server.activeTokenCount());
    }
}
