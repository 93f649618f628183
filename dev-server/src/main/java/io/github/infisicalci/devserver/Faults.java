package io.github.infisicalci.devserver;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Injected failures and compatibility modes of a {@link DevServer}; thread-safe, effective immediately.
 *
 * <pre>{@code
 * server.faults().on("/api/v4/secrets").times(2).respond(503);
 * server.faults().on("/api/v1/auth/universal-auth/login").times(1).rateLimit(Duration.ofSeconds(1));
 * server.faults().onRegex("^/api/v4/secrets/[^/]+$").method("GET").drop();
 * server.faults().legacyServer(true);   // no /api/v4 routes: clients must fall back to v3
 * }</pre>
 *
 * A rule applies to as many matching requests as {@link FaultBuilder#times(int)} says (default: every one),
 * after skipping {@link FaultBuilder#skip(int)} matches; the first rule (in order of creation) that still
 * applies wins.
 */
public final class Faults {
    private final List<Fault> rules = new CopyOnWriteArrayList<>();
    private volatile boolean legacyServer;
    private volatile boolean emptyListForUnknown;
    private volatile boolean reverseListings;

    Faults() {
    }

    /** A rule for requests whose path (without query) starts with {@code pathPrefix}. */
    public FaultBuilder on(String pathPrefix) {
        Objects.requireNonNull(pathPrefix, "pathPrefix");
        return new FaultBuilder(p -> p.startsWith(pathPrefix), "prefix " + pathPrefix);
    }

    /** A rule for requests whose path (without query) contains a match of {@code regex}. */
    public FaultBuilder onRegex(String regex) {
        Pattern pattern = Pattern.compile(regex);
        return new FaultBuilder(p -> pattern.matcher(p).find(), "regex " + regex);
    }

    /**
     * Behave like an older self-hosted server: {@code /api/v4/...} and {@code /api/v1/projects/slug/...} answer
     * the framework's route-not-found 404.
     */
    public Faults legacyServer(boolean enabled) {
        this.legacyServer = enabled;
        return this;
    }

    /** Answer an unknown environment or folder in a secrets listing with 200 and an empty list. */
    public Faults emptyListForUnknown(boolean enabled) {
        this.emptyListForUnknown = enabled;
        return this;
    }

    /**
     * List the rows of a secrets listing in reverse order (deepest folders first in a recursive listing, each
     * folder's secrets reversed), as a real server may: clients must not depend on the order.
     */
    public Faults reverseListings(boolean enabled) {
        this.reverseListings = enabled;
        return this;
    }

    /** Removes every rule and switches every mode off. */
    public void clear() {
        rules.clear();
        legacyServer = false;
        emptyListForUnknown = false;
        reverseListings = false;
    }

    boolean reverseListings() {
        return reverseListings;
    }

    boolean legacyServer() {
        return legacyServer;
    }

    boolean emptyListForUnknown() {
        return emptyListForUnknown;
    }

    /** Claims the first rule that applies to this request, if any. */
    Fault claim(String method, String path) {
        for (Fault rule : rules) {
            if (rule.claim(method, path)) {
                return rule;
            }
        }
        return null;
    }

    enum Kind { RESPOND, DELAY, DROP }

    /** Describes one rule before it is registered by a terminal method. */
    public final class FaultBuilder {
        private final Predicate<String> pathMatcher;
        private final String description;
        private String method;
        private int times = Integer.MAX_VALUE;
        private int skip;
        private Duration delay = Duration.ZERO;
        private final Map<String, String> headers = new LinkedHashMap<>();

        private FaultBuilder(Predicate<String> pathMatcher, String description) {
            this.pathMatcher = pathMatcher;
            this.description = description;
        }

        /** Only requests with this HTTP method. */
        public FaultBuilder method(String httpMethod) {
            this.method = httpMethod.toUpperCase(java.util.Locale.ROOT);
            return this;
        }

        /** Apply to this many matching requests (default: all). */
        public FaultBuilder times(int count) {
            if (count < 1) {
                throw new IllegalArgumentException("times must be at least 1");
            }
            this.times = count;
            return this;
        }

        /** Let this many matching requests through before the rule applies. */
        public FaultBuilder skip(int count) {
            if (count < 0) {
                throw new IllegalArgumentException("skip must not be negative");
            }
            this.skip = count;
            return this;
        }

        /** Wait this long before answering (with {@link #respond} or, for {@link #delay}, normally). */
        public FaultBuilder withDelay(Duration wait) {
            this.delay = Objects.requireNonNull(wait, "delay");
            return this;
        }

        /** Adds a response header to an injected response. */
        public FaultBuilder header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        /** Answer with this status and a body in the server's error shape. */
        public Fault respond(int status) {
            return respond(status, null);
        }

        /** Answer with this status and this raw body (JSON text; {@code null} = the server's error shape). */
        public Fault respond(int status, String body) {
            if (status < 100 || status > 599) {
                throw new IllegalArgumentException("status " + status + " is not an HTTP status");
            }
            return register(Kind.RESPOND, status, body);
        }

        /** Wait, then answer normally. */
        public Fault delay(Duration wait) {
            this.delay = Objects.requireNonNull(wait, "delay");
            return register(Kind.DELAY, 0, null);
        }

        /** Close the connection without any response. */
        public Fault drop() {
            return register(Kind.DROP, 0, null);
        }

        /** Infisical Cloud's rate limit: 429 RateLimitError with {@code retry-after} and {@code x-ratelimit-*}. */
        public Fault rateLimit(Duration retryAfter) {
            long s = Math.max(0, retryAfter.toSeconds());
            rateLimitHeaders(s);
            return register(Kind.RESPOND, 429, Json.object().put("statusCode", 429).put("error", "RateLimitError")
                    .put("message", "Rate limit exceeded. Please try again in " + s + " seconds").toString());
        }

        /** An older server's rate limit: 500 "Something went wrong" that still sends {@code retry-after}. */
        public Fault cloudRateLimit(Duration retryAfter) {
            rateLimitHeaders(Math.max(0, retryAfter.toSeconds()));
            return register(Kind.RESPOND, 500, null);
        }

        private void rateLimitHeaders(long seconds) {
            headers.put("x-ratelimit-limit", "60");
            headers.put("x-ratelimit-remaining", "0");
            headers.put("x-ratelimit-reset", Long.toString(seconds));
            headers.put("retry-after", Long.toString(seconds));
        }

        private Fault register(Kind kind, int status, String body) {
            Fault fault = new Fault(this, kind, status, body);
            rules.add(fault);
            return fault;
        }
    }

    /** A registered rule. */
    public static final class Fault {
        private final Predicate<String> pathMatcher;
        private final String description;
        private final String method;
        private final int skip;
        private final int times;
        final Kind kind;
        final int status;
        final String body;
        final Duration delay;
        final Map<String, String> headers;
        private int seen;
        private int hits;
        private boolean cancelled;

        private Fault(FaultBuilder b, Kind kind, int status, String body) {
            this.pathMatcher = b.pathMatcher;
            this.description = b.description;
            this.method = b.method;
            this.skip = b.skip;
            this.times = b.times;
            this.kind = kind;
            this.status = status;
            this.body = body;
            this.delay = b.delay;
            this.headers = Map.copyOf(b.headers);
        }

        private synchronized boolean claim(String requestMethod, String path) {
            if (cancelled || hits >= times || (method != null && !method.equals(requestMethod)) || !pathMatcher.test(path)) {
                return false;
            }
            seen++;
            if (seen <= skip) {
                return false;
            }
            hits++;
            return true;
        }

        /** How many requests this rule has applied to. */
        public synchronized int hits() {
            return hits;
        }

        /** Stops the rule. */
        public synchronized void cancel() {
            cancelled = true;
        }

        @Override
        public String toString() {
            return "Fault[" + kind + " " + (method == null ? "*" : method) + " " + description
                    + (kind == Kind.RESPOND ? " -> " + status : "") + ", hits=" + hits() + "]";
        }
    }
}
