package io.github.infisicalci.devserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class MainTest {
    private static final Path DEMO = Path.of("demo-seed.json");

    @Test
    void startsOnAFreeLoopbackPortAndPrintsClientIdButNotSecret() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DevServer server = Main.start(new String[] {"--seed", DEMO.toString(), "--port", "0"}, new PrintStream(bytes, true, StandardCharsets.UTF_8))) {
            String out = bytes.toString(StandardCharsets.UTF_8);
            assertTrue(out.contains("listening on " + server.url()), out);
            assertTrue(server.url().startsWith("http://127.0.0.1:"));
            assertTrue(out.contains("demo-client-id"), out);
            assertFalse(out.contains("demo-client-secret"), out);
            assertEquals(200, new Http(server).get("/api/status", null).status());
            new Http(server).login("demo-client-id", "demo-client-secret");
        }
    }

    @Test
    void logsEachRequestWithoutSecretsUnlessQuiet() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DevServer server = Main.start(new String[] {"--port", "0"}, new PrintStream(bytes, true, StandardCharsets.UTF_8))) {
            Http http = new Http(server);
            String token = http.login("demo-client-id", "demo-client-secret");
            http.get("/api/v4/secrets?projectId=" + server.seed().projectId("demo-project")
                    + "&environment=dev&secretPath=/database", token);
            String out = bytes.toString(StandardCharsets.UTF_8);
            assertTrue(out.contains("POST /api/v1/auth/universal-auth/login -> 200"), out);
            assertTrue(out.contains("GET /api/v4/secrets?environment&projectId&secretPath -> 200"), out);
            assertFalse(out.contains("demo-client-secret") || out.contains(token) || out.contains("/database"), out);
        }
        ByteArrayOutputStream quiet = new ByteArrayOutputStream();
        try (DevServer server = Main.start(new String[] {"--port", "0", "--quiet"}, new PrintStream(quiet, true, StandardCharsets.UTF_8))) {
            new Http(server).login("demo-client-id", "demo-client-secret");
            assertFalse(quiet.toString(StandardCharsets.UTF_8).contains("/login -> 200"));
        }
    }

    @Test
    void printCredentialsShowsTheSecret() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DevServer server = Main.start(new String[] {"--port", "0", "--print-credentials"}, new PrintStream(bytes, true, StandardCharsets.UTF_8))) {
            assertTrue(server.port() > 0);
            assertTrue(bytes.toString(StandardCharsets.UTF_8).contains("demo-client-secret"));
        }
    }

    @Test
    void badArgumentsAreUsageErrors() {
        PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        assertTrue(assertThrows(Main.UsageException.class, () -> Main.start(new String[] {"--port", "http"}, out)).getMessage().contains("--port"));
        assertTrue(assertThrows(Main.UsageException.class, () -> Main.start(new String[] {"--seed"}, out)).getMessage().contains("--seed needs a value"));
        assertTrue(assertThrows(Main.UsageException.class, () -> Main.start(new String[] {"--seed", "missing.json"}, out)).getMessage().contains("no such file"));
        assertTrue(assertThrows(Main.UsageException.class, () -> Main.start(new String[] {"--frobnicate"}, out)).getMessage().contains("--frobnicate"));
        assertNull(Main.start(new String[] {"--help"}, out));
    }

    @Test
    void runsAsAProcessUntilKilled() throws Exception {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(List.of(javaBin, "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "--seed", DEMO.toString(), "--port", "0")).redirectErrorStream(true).start();
        // A blocked read of the child's output ignores interrupts (so @Timeout cannot end it): a watchdog
        // kills the child instead, which ends its output, and the assertions below then fail with what was seen.
        CompletableFuture.delayedExecutor(120, TimeUnit.SECONDS).execute(process::destroyForcibly);
        try {
            BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String first = reader.readLine();
            Matcher m = Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+)").matcher(String.valueOf(first));
            assertTrue(m.find(), "first line: " + first);
            Http.Reply status = Http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(m.group(1) + "/api/status")).build());
            assertEquals(200, status.status());
            assertTrue(process.isAlive());
            StringBuilder seen = new StringBuilder();
            for (String line = reader.readLine(); line != null && !line.equals("GET /api/status -> 200"); line = reader.readLine()) {
                seen.append(line).append('\n'); // the request is logged once it has been answered
            }
            process.toHandle().destroy(); // SIGTERM without closing our end of its output
            String rest = String.join("\n", reader.lines().toList());
            assertTrue(process.waitFor(10, TimeUnit.SECONDS));
            assertTrue(rest.contains("Infisical dev server stopped (1 requests served)"), seen + rest);
        } finally {
            process.destroy();
            assertTrue(process.waitFor(10, TimeUnit.SECONDS));
        }
    }
}
