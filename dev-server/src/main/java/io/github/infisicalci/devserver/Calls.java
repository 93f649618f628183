package io.github.infisicalci.devserver;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/** The requests a {@link DevServer} has received, in arrival order; thread-safe. */
public final class Calls {
    private final List<RecordedCall> calls = new CopyOnWriteArrayList<>();
    private volatile java.util.function.Consumer<RecordedCall> listener = c -> { };

    Calls() {
    }

    void record(RecordedCall call) {
        calls.add(call);
        listener.accept(call);
    }

    /** Tells {@code listener} about every call as it completes (e.g. to log it); replaces any earlier one. */
    public void onCall(java.util.function.Consumer<RecordedCall> listener) {
        this.listener = listener == null ? c -> { } : listener;
    }

    /** Every recorded call. */
    public List<RecordedCall> all() {
        return List.copyOf(calls);
    }

    /** Calls with this method whose path starts with {@code pathPrefix}. */
    public List<RecordedCall> matching(String method, String pathPrefix) {
        return filter(c -> c.method().equalsIgnoreCase(method) && c.path().startsWith(pathPrefix));
    }

    /** Number of calls with this method whose path starts with {@code pathPrefix}. */
    public int count(String method, String pathPrefix) {
        return matching(method, pathPrefix).size();
    }

    /** Calls to any login route ({@code POST /api/v1/auth/<method>/login}). */
    public List<RecordedCall> logins() {
        return filter(c -> c.method().equals("POST") && c.path().startsWith("/api/v1/auth/") && c.path().endsWith("/login"));
    }

    public List<RecordedCall> filter(Predicate<RecordedCall> predicate) {
        return calls.stream().filter(predicate).toList();
    }

    public void clear() {
        calls.clear();
    }

    @Override
    public String toString() {
        return "Calls" + calls.stream().map(c -> c.method() + " " + c.path() + " -> " + c.status()).toList();
    }
}
