package io.github.infisicalci.devserver;

import io.github.infisicalci.devserver.Model.Identity;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Issues, checks, renews and revokes machine-identity access tokens (JWT-shaped, random signature). */
final class Tokens {
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final String HEADER = B64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));

    private final SecureRandom random = new SecureRandom();
    private final Map<String, AccessToken> tokens = new ConcurrentHashMap<>();
    private final World world;

    Tokens(World world) {
        this.world = world;
    }

    /** One issued token; mutable lifecycle guarded by its own monitor. */
    static final class AccessToken {
        final String id = UUID.randomUUID().toString();
        final Identity identity;
        final String authMethod;
        final Instant createdAt;
        final long ttl;
        final long maxTtl;
        final long numUsesLimit;
        Instant lastRenewedAt;
        long uses;
        boolean revoked;

        AccessToken(Identity identity, String authMethod, Instant now, long ttl, long maxTtl, long numUsesLimit) {
            this.identity = identity;
            this.authMethod = authMethod;
            this.createdAt = now;
            this.lastRenewedAt = now;
            this.ttl = ttl;
            this.maxTtl = maxTtl;
            this.numUsesLimit = numUsesLimit;
        }

        @Override
        public String toString() {
            return "AccessToken[" + identity.name + ", " + authMethod + "]";
        }
    }

    record Issued(String jwt, AccessToken token) {
        @Override
        public String toString() {
            return "Issued[" + token + "]";
        }
    }

    Issued issue(Identity identity, String authMethod) {
        Instant now = world.now();
        AccessToken token;
        synchronized (world) {
            token = new AccessToken(identity, authMethod, now, identity.accessTokenTtl, identity.accessTokenMaxTtl,
                    identity.accessTokenNumUsesLimit);
        }
        String payload = Json.object()
                .put("identityId", identity.id)
                .put("identityAccessTokenId", token.id)
                .put("authTokenType", "identityAccessToken")
                .put("iat", now.getEpochSecond())
                .toString();
        byte[] signature = new byte[32];
        random.nextBytes(signature);
        String jwt = HEADER + "." + B64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + B64.encodeToString(signature);
        tokens.put(jwt, token);
        return new Issued(jwt, token);
    }

    /** Checks a bearer token for an API call and counts the use. */
    AccessToken authenticate(String jwt) {
        AccessToken token = known(jwt);
        Instant now = world.now();
        synchronized (token) {
            if (token.revoked) {
                throw ApiError.unauthorized("Failed to authorize: the access token has been revoked");
            }
            if (expired(token, now)) {
                throw ApiError.tokenExpired();
            }
            if (token.numUsesLimit > 0 && token.uses >= token.numUsesLimit) {
                throw ApiError.unauthorized("Unable to authorize: access token usage limit reached");
            }
            token.uses++;
        }
        return token;
    }

    /** {@code POST /api/v1/auth/token/renew}. */
    AccessToken renew(String jwt) {
        AccessToken token = known(jwt);
        Instant now = world.now();
        synchronized (token) {
            if (token.revoked) {
                throw ApiError.unauthorized("Failed to renew MI access token: the token has been revoked");
            }
            if (token.ttl > 0 && now.isAfter(token.lastRenewedAt.plusSeconds(token.ttl))) {
                throw ApiError.unauthorized("Failed to renew MI access token due to TTL expiration");
            }
            if (token.numUsesLimit > 0 && token.uses >= token.numUsesLimit) {
                throw ApiError.unauthorized("Unable to renew because access token usage limit reached");
            }
            if (token.maxTtl > 0) {
                Instant max = token.createdAt.plusSeconds(token.maxTtl);
                if (now.isAfter(max)) {
                    throw ApiError.unauthorized("Failed to renew MI access token due to Max TTL expiration");
                }
                if (now.plusSeconds(token.ttl).isAfter(max)) {
                    throw ApiError.unauthorized("Failed to renew MI access token past its Max TTL expiration");
                }
            }
            token.lastRenewedAt = now;
        }
        return token;
    }

    /** {@code POST /api/v1/auth/token/revoke}. */
    void revoke(String jwt) {
        AccessToken token = known(jwt);
        synchronized (token) {
            token.revoked = true;
        }
    }

    /** Revokes every token of every identity (e.g. to simulate a server-side logout). */
    void revokeAll() {
        tokens.values().forEach(t -> {
            synchronized (t) {
                t.revoked = true;
            }
        });
    }

    int activeCount() {
        Instant now = world.now();
        return (int) tokens.values().stream().filter(t -> {
            synchronized (t) {
                return !t.revoked && !expired(t, now);
            }
        }).count();
    }

    private AccessToken known(String jwt) {
        AccessToken token = tokens.get(jwt);
        if (token == null) {
            throw ApiError.tokenInvalid();
        }
        return token;
    }

    private static boolean expired(AccessToken token, Instant now) {
        boolean ttlOver = token.ttl > 0 && now.isAfter(token.lastRenewedAt.plusSeconds(token.ttl));
        boolean maxOver = token.maxTtl > 0 && now.isAfter(token.createdAt.plusSeconds(token.maxTtl));
        return ttlOver || maxOver;
    }
}
