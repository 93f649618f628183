package io.github.infisicalci.devserver;

import io.github.infisicalci.devserver.Model.Identity;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** Universal-auth lockout bookkeeping per identity (only for identities that turned it on). */
final class Lockouts {
    private static final class State {
        int failures;
        Instant firstFailure;
        Instant lockedUntil;
    }

    private final Map<String, State> states = new HashMap<>();

    synchronized void check(Identity identity, Instant now) {
        State s = states.get(identity.id);
        if (s != null && s.lockedUntil != null && now.isBefore(s.lockedUntil)) {
            throw ApiError.unauthorized("This identity auth method is temporarily locked, please try again later");
        }
    }

    synchronized void failed(Identity identity, Instant now) {
        if (identity.lockoutThreshold <= 0) {
            return;
        }
        State s = states.computeIfAbsent(identity.id, k -> new State());
        if (s.firstFailure == null || now.isAfter(s.firstFailure.plusSeconds(identity.lockoutCounterResetSeconds))) {
            s.failures = 0;
            s.firstFailure = now;
        }
        s.failures++;
        if (s.failures >= identity.lockoutThreshold) {
            s.lockedUntil = now.plusSeconds(identity.lockoutDurationSeconds);
            s.failures = 0;
            s.firstFailure = null;
        }
    }

    synchronized void succeeded(Identity identity) {
        states.remove(identity.id);
    }
}
