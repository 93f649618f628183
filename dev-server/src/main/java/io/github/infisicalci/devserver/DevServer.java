package io.github.infisicalci.devserver;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.github.infisicalci.devserver.Model.Environment;
import io.github.infisicalci.devserver.Model.Folder;
import io.github.infisicalci.devserver.Model.Identity;
import io.github.infisicalci.devserver.Model.SecretEntry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;

/**
 * An in-memory server speaking the subset of the Infisical HTTP API that this bundle uses, for tests and
 * demos. Start one per test class (or per test) on a free loopback port:
 *
 * <pre>{@code
 * try (DevServer server = DevServer.start(Seed.demo())) {
 *     String baseUrl = server.url();          // http://127.0.0.1:<port>
 *     server.faults().on("/api/v4/secrets").times(1).respond(503);
 *     ...
 *     assertEquals(1, server.calls().logins().size());
 * }
 * }</pre>
 *
 * Thread-safe. Request bodies and Authorization values are never recorded or printed.
 */
public final class DevServer implements AutoCloseable {
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final HttpServer http;
    private final ExecutorService executor;
    private final World world;
    private final Tokens tokens;
    private final Faults faults = new Faults();
    private final Calls calls = new Calls();
    private final Router router = new Router();
    private final Seed seed;

    private DevServer(Seed seed, String host, int port, SSLContext tls) throws IOException {
        this.seed = seed;
        this.world = new World(seed);
        this.tokens = new Tokens(world);
        AuthRoutes auth = new AuthRoutes(world, tokens);
        auth.register(router);
        new SecretRoutes(world, auth, faults).register(router);
        new ProjectRoutes(world, auth, faults).register(router);
        ThreadFactory threads = r -> {
            Thread t = new Thread(r, "infisical-dev-server-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        this.executor = Executors.newCachedThreadPool(threads);
        if (tls == null) {
            this.http = HttpServer.create(new InetSocketAddress(host, port), 256);
        } else {
            HttpsServer https = HttpsServer.create(new InetSocketAddress(host, port), 256);
            https.setHttpsConfigurator(new HttpsConfigurator(tls));
            this.http = https;
        }
        http.createContext("/", this::handle);
        http.setExecutor(executor);
        http.start();
    }

    /** Starts a server for this seed on 127.0.0.1 and a free port. */
    public static DevServer start(Seed seed) {
        return start(seed, "127.0.0.1", 0);
    }

    /** Starts a server on this host and port (0 = a free port). */
    public static DevServer start(Seed seed, String host, int port) {
        return start(seed, host, port, null);
    }

    /**
     * Starts an HTTPS server on 127.0.0.1 and a free port, presenting the key and certificate of
     * {@code sslContext} (e.g. one signed by a private test CA), for TLS tests against the real routes.
     */
    public static DevServer startHttps(Seed seed, SSLContext sslContext) {
        return start(seed, "127.0.0.1", 0, Objects.requireNonNull(sslContext, "sslContext"));
    }

    private static DevServer start(Seed seed, String host, int port, SSLContext tls) {
        Objects.requireNonNull(seed, "seed");
        try {
            return new DevServer(seed, host, port, tls);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
        }
    }

    /** Base URL without {@code /api} and without trailing slash, e.g. {@code http://127.0.0.1:43123} (https for TLS). */
    public String url() {
        InetSocketAddress address = http.getAddress();
        String host = address.getAddress().getHostAddress();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return (http instanceof HttpsServer ? "https://" : "http://") + host + ":" + address.getPort();
    }

    public int port() {
        return http.getAddress().getPort();
    }

    /** The seed the server started from (the live state may have changed since). */
    public Seed seed() {
        return seed;
    }

    /** Fault injection and compatibility modes. */
    public Faults faults() {
        return faults;
    }

    /** Recorded requests. */
    public Calls calls() {
        return calls;
    }

    /** Moves the server's clock forward (token expiry, renewal windows) without waiting. */
    public void advanceClock(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("the clock only moves forward");
        }
        world.advanceClock(by);
    }

    /** The server's current time (wall clock plus {@link #advanceClock} offsets). */
    public Instant now() {
        return world.now();
    }

    /** Adds or changes a shared secret at runtime (the folder and its parents are created as needed). */
    public void putSecret(String project, String environment, String path, String key, String value) {
        Seed.checkKey(key);
        String p = Seed.checkPath(path);
        Objects.requireNonNull(value, "value");
        synchronized (world) {
            Environment env = world.environment(project, environment);
            Folder folder = env.ensureFolder(p);
            SecretEntry existing = folder.secrets.get(key);
            if (existing == null) {
                SecretEntry s = new SecretEntry(UUID.randomUUID().toString(), key, value);
                s.createdAt = world.now();
                s.updatedAt = s.createdAt;
                folder.secrets.put(key, s);
            } else {
                existing.value = value;
                existing.version++;
                existing.updatedAt = world.now();
            }
        }
    }

    /** Removes a secret at runtime; returns whether it existed. */
    public boolean deleteSecret(String project, String environment, String path, String key) {
        synchronized (world) {
            Folder folder = world.environment(project, environment).folder(path);
            return folder != null && folder.secrets.remove(key) != null;
        }
    }

    /** Creates an (empty) folder at runtime. */
    public void addFolder(String project, String environment, String path) {
        String p = Seed.checkPath(path);
        synchronized (world) {
            world.environment(project, environment).ensureFolder(p);
        }
    }

    /** Appends an import to a folder at runtime (last position). */
    public void addImport(String project, String environment, String path, String fromEnvironment, String fromPath) {
        String p = Seed.checkPath(path);
        String from = Seed.checkPath(fromPath);
        synchronized (world) {
            world.environment(project, fromEnvironment);
            world.environment(project, environment).ensureFolder(p).imports.add(new Model.ImportRef(fromEnvironment, from));
        }
    }

    /** Changes the TTLs (seconds; 0 = none) that new logins of this identity (name or id) receive. */
    public void setAccessTokenTtl(String identity, long ttlSeconds, long maxTtlSeconds) {
        if (ttlSeconds < 0 || maxTtlSeconds < 0) {
            throw new IllegalArgumentException("TTLs must not be negative");
        }
        synchronized (world) {
            Identity i = world.identity(identity);
            i.accessTokenTtl = ttlSeconds;
            i.accessTokenMaxTtl = maxTtlSeconds;
        }
    }

    /** Revokes every access token issued so far (calls with them then fail with 401). */
    public void revokeAllTokens() {
        tokens.revokeAll();
    }

    /** Number of issued tokens that are neither revoked nor expired. */
    public int activeTokenCount() {
        return tokens.activeCount();
    }

    /** Stops listening and drops open connections. */
    @Override
    public void close() {
        http.stop(0);
        executor.shutdownNow();
    }

    @Override
    public String toString() {
        return "DevServer[" + url() + "]";
    }

    private void handle(HttpExchange exchange) {
        Instant at = world.now();
        String method = exchange.getRequestMethod().toUpperCase(java.util.Locale.ROOT);
        String rawPath = exchange.getRequestURI().getRawPath();
        String rawQuery = exchange.getRequestURI().getRawQuery();
        String path = routePath(rawPath);
        Map<String, String> query = parseQuery(rawQuery);
        boolean authPresent = exchange.getRequestHeaders().containsKey("Authorization");
        boolean recorded = false;
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Request request = new Request(method, path, rawPath + (rawQuery == null ? "" : "?" + rawQuery), query,
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().containsKey("X-API-Key"), body, null);
            Faults.Fault fault = faults.claim(method, path);
            Map<String, String> extraHeaders = Map.of();
            Response response = null;
            if (fault != null) {
                sleep(fault.delay);
                if (fault.kind == Faults.Kind.DROP) {
                    calls.record(new RecordedCall(method, path, query, authPresent, -1, at));
                    recorded = true;
                    return; // closing the exchange without headers closes the connection
                }
                if (fault.kind == Faults.Kind.RESPOND) {
                    response = injected(fault);
                    extraHeaders = fault.headers;
                }
            }
            if (response == null) {
                response = route(request);
            }
            // recorded before the answer leaves, so a client that got its answer always sees its call
            calls.record(new RecordedCall(method, path, query, authPresent, response.status(), at));
            recorded = true;
            send(exchange, response, extraHeaders);
        } catch (IOException | RuntimeException e) {
            // connection problems: nothing to answer
        } finally {
            if (!recorded) {
                calls.record(new RecordedCall(method, path, query, authPresent, -1, at));
            }
        }
    }

    private Response route(Request request) {
        String reqId = "req-" + UUID.randomUUID().toString().replace("-", "").substring(0, 14);
        try {
            if (faults.legacyServer() && (request.path().startsWith("/api/v4/") || request.path().equals("/api/v4")
                    || request.path().startsWith("/api/v1/projects/slug/"))) {
                return Router.routeNotFound(request);
            }
            return router.dispatch(request);
        } catch (Router.RouteNotFound e) {
            return Router.routeNotFound(request);
        } catch (ApiError e) {
            return new Response(e.status, e.body(reqId), Map.of());
        } catch (RuntimeException e) {
            return new Response(500, ApiError.of(500, "InternalServerError", "Something went wrong").body(reqId), Map.of());
        }
    }

    private static Response injected(Faults.Fault fault) {
        if (fault.body != null) {
            try {
                return new Response(fault.status, Json.MAPPER.readTree(fault.body), Map.of());
            } catch (IOException e) {
                return new Response(fault.status, Json.MAPPER.getNodeFactory().textNode(fault.body), Map.of());
            }
        }
        String reqId = "req-" + UUID.randomUUID().toString().replace("-", "").substring(0, 14);
        return new Response(fault.status, ApiError.of(fault.status, errorName(fault.status), faultMessage(fault.status)).body(reqId), Map.of());
    }

    private static String errorName(int status) {
        return switch (status) {
            case 400 -> "BadRequest";
            case 401 -> "UnauthorizedError";
            case 403 -> "PermissionDenied";
            case 404 -> "NotFound";
            case 410 -> "Gone";
            case 422 -> "ValidationFailure";
            case 429 -> "RateLimitError";
            case 502 -> "BadGateway";
            case 503 -> "ServiceUnavailable";
            case 504 -> "GatewayTimeout";
            default -> status >= 500 ? "InternalServerError" : "Error";
        };
    }

    private static String faultMessage(int status) {
        return status == 500 ? "Something went wrong" : "Injected fault (HTTP " + status + ")";
    }

    private static void send(HttpExchange exchange, Response response, Map<String, String> extraHeaders) throws IOException {
        byte[] bytes = response.body() == null ? new byte[0]
                : response.body().isTextual() ? response.body().asText().getBytes(StandardCharsets.UTF_8) : Json.bytes(response.body());
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        response.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        extraHeaders.forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        exchange.sendResponseHeaders(response.status(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
    }

    private static void sleep(Duration delay) {
        if (delay.isZero()) {
            return;
        }
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Decoded path with the trailing slash ignored (as the real server does). */
    static String routePath(String rawPath) {
        String path = rawPath == null || rawPath.isEmpty() ? "/" : decode(rawPath.replace("+", "%2B"));
        while (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return path;
    }

    /** Percent-decoding that keeps malformed input as it is (the route then simply does not match). */
    private static String decode(String raw) {
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return raw;
        }
    }

    static Map<String, String> parseQuery(String rawQuery) {
        Map<String, String> query = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return query;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            query.put(name, value);
        }
        return query;
    }
}
