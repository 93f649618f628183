package io.github.infisicalci.devserver;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.infisicalci.devserver.Model.Identity;
import io.github.infisicalci.devserver.Model.Project;
import io.github.infisicalci.devserver.Model.ServiceToken;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** Logins, renew, revoke and bearer-token authentication. */
final class AuthRoutes {
    private final World world;
    private final Tokens tokens;
    private final Lockouts lockouts = new Lockouts();

    AuthRoutes(World world, Tokens tokens) {
        this.world = world;
        this.tokens = tokens;
    }

    void register(Router router) {
        router.post("/api/v1/auth/universal-auth/login", this::universalLogin);
        router.post("/api/v1/auth/oidc-auth/login", r -> jwtLogin(r, "oidc-auth", i -> i.oidcTokens));
        router.post("/api/v1/auth/jwt-auth/login", r -> jwtLogin(r, "jwt-auth", i -> i.jwtTokens));
        router.post("/api/v1/auth/kubernetes-auth/login", r -> jwtLogin(r, "kubernetes-auth", i -> i.kubernetesTokens));
        router.post("/api/v1/auth/aws-auth/login", this::awsLogin);
        router.post("/api/v1/auth/token/renew", this::renew);
        router.post("/api/v1/auth/token/revoke", this::revoke);
    }

    private Response universalLogin(Request request) {
        ObjectNode body = request.jsonBody();
        String clientId = Json.requiredText(body, "clientId");
        String clientSecret = Json.requiredText(body, "clientSecret");
        Identity identity = world.identityByClientId(clientId);
        if (identity == null) {
            throw ApiError.unauthorized("Invalid credentials");
        }
        lockouts.check(identity, world.now());
        if (!constantTimeEquals(identity.clientSecret, clientSecret)) {
            lockouts.failed(identity, world.now());
            throw ApiError.unauthorized("Invalid credentials");
        }
        lockouts.succeeded(identity);
        return loginResponse(tokens.issue(identity, "universal-auth"));
    }

    private Response jwtLogin(Request request, String method, Function<Identity, Set<String>> accepted) {
        ObjectNode body = request.jsonBody();
        String identityId = Json.requiredText(body, "identityId");
        String jwt = Json.requiredText(body, "jwt");
        Identity identity;
        Set<String> acceptedTokens;
        Map<String, String> claims;
        synchronized (world) {
            identity = world.identitiesById.get(identityId);
            acceptedTokens = identity == null ? Set.of() : Set.copyOf(accepted.apply(identity));
            claims = identity == null ? Map.of() : identity.boundClaims.getOrDefault(method, Map.of());
        }
        if (identity == null || (acceptedTokens.isEmpty() && claims.isEmpty())) {
            throw ApiError.notFound("Identity " + method + " with identity ID '" + identityId + "' not found");
        }
        boolean ok = acceptedTokens.stream().anyMatch(t -> constantTimeEquals(t, jwt));
        if (!ok && !claims.isEmpty()) {
            ok = JwtClaims.matches(jwt, claims, world.now());
        }
        if (!ok) {
            throw ApiError.unauthorized("Access denied: " + method + " token is not accepted for this identity");
        }
        return loginResponse(tokens.issue(identity, method));
    }

    /**
     * AWS IAM auth: the real server replays the signed GetCallerIdentity request to STS; here the SigV4
     * signature is checked against the identity's test credentials ({@link AwsSigV4}) and nothing leaves.
     */
    private Response awsLogin(Request request) {
        ObjectNode body = request.jsonBody();
        String identityId = Json.requiredText(body, "identityId");
        String method = body.hasNonNull("iamHttpRequestMethod") ? body.get("iamHttpRequestMethod").asText() : "POST";
        byte[] stsBody = base64(Json.requiredText(body, "iamRequestBody"), "iamRequestBody");
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        try {
            Json.MAPPER.readTree(base64(Json.requiredText(body, "iamRequestHeaders"), "iamRequestHeaders"))
                    .fields().forEachRemaining(e -> headers.put(e.getKey(), e.getValue().asText()));
        } catch (java.io.IOException | RuntimeException e) {
            throw ApiError.badRequest("iamRequestHeaders is not base64 of a JSON object");
        }
        Identity identity;
        Model.AwsKey key;
        synchronized (world) {
            identity = world.identitiesById.get(identityId);
            key = identity == null ? null : identity.awsKey;
        }
        if (key == null) {
            throw ApiError.notFound("AWS auth method not found for identity, did you configure AWS auth?");
        }
        String keyId = AwsSigV4.accessKeyId(headers);
        if (keyId == null) {
            throw ApiError.badRequest("Invalid AWS region");
        }
        if (!keyId.equals(key.accessKeyId())) {
            throw ApiError.unauthorized("AWS STS rejected the request: InvalidClientTokenId (the security token "
                    + "included in the request is invalid)");
        }
        AwsSigV4.verify(method, headers, stsBody, key.secretAccessKey(), world.now());
        if (!new String(stsBody, StandardCharsets.UTF_8).equals("Action=GetCallerIdentity&Version=2011-06-15")) {
            throw ApiError.unauthorized("AWS STS rejected the request: the replayed request is not GetCallerIdentity");
        }
        return loginResponse(tokens.issue(identity, "aws-auth"));
    }

    private static byte[] base64(String text, String field) {
        try {
            return java.util.Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest(field + " is not valid base64");
        }
    }

    private Response renew(Request request) {
        String jwt = identityToken(Json.requiredText(request.jsonBody(), "accessToken"), "renewed");
        Tokens.AccessToken token = tokens.renew(jwt);
        return Response.ok(tokenBody(jwt, token));
    }

    private Response revoke(Request request) {
        String jwt = identityToken(Json.requiredText(request.jsonBody(), "accessToken"), "revoked");
        tokens.revoke(jwt);
        return Response.ok(Json.object().put("message", "Successfully revoked access token"));
    }

    private static String identityToken(String token, String verb) {
        if (token.startsWith("st.")) {
            throw ApiError.badRequest("Only identity access tokens can be " + verb + " here");
        }
        return token;
    }

    private static Response loginResponse(Tokens.Issued issued) {
        return Response.ok(tokenBody(issued.jwt(), issued.token()));
    }

    private static ObjectNode tokenBody(String jwt, Tokens.AccessToken token) {
        return Json.object()
                .put("accessToken", jwt)
                .put("expiresIn", token.ttl)
                .put("accessTokenMaxTTL", token.maxTtl)
                .put("tokenType", "Bearer");
    }

    /**
     * Authenticates the bearer token of an API call.
     *
     * @param allowServiceToken whether the route accepts legacy service tokens
     * @param identityAllowed whether the route accepts identity tokens
     */
    Principal authenticate(Request request, boolean allowServiceToken, boolean identityAllowed) {
        if (request.apiKeyPresent()) {
            throw ApiError.badRequest("API key authentication is not supported anymore. Please use machine identities instead.");
        }
        String header = request.authorization();
        if (header == null || header.isBlank()) {
            throw ApiError.unauthorized("Token missing");
        }
        String token = header.length() > 7 ? header.substring(7).trim() : "";
        if (token.isEmpty()) {
            throw ApiError.unauthorized("Token missing");
        }
        if (token.startsWith("st.")) {
            if (!allowServiceToken) {
                throw ApiError.forbidden("Forbidden access to " + request.path());
            }
            return serviceToken(token);
        }
        Tokens.AccessToken accessToken = tokens.authenticate(token);
        if (!identityAllowed) {
            throw ApiError.forbidden("Forbidden access to " + request.path());
        }
        return new Principal.IdentityCaller(accessToken.identity);
    }

    private Principal serviceToken(String token) {
        String[] parts = token.split("\\.", 4);
        if (parts.length < 3) {
            throw ApiError.unauthorized("Invalid service token");
        }
        ServiceToken st;
        synchronized (world) {
            st = world.serviceTokensById.get(parts[1]);
        }
        if (st == null) {
            throw ApiError.notFound("Service token with ID '" + parts[1] + "' not found");
        }
        if (st.expiresAt != null && world.now().isAfter(st.expiresAt)) {
            throw ApiError.forbidden("Service token has expired");
        }
        if (!constantTimeEquals(st.secret, parts[2])) {
            throw ApiError.unauthorized("Invalid service token");
        }
        Project project = world.projectByRef(st.project);
        return new Principal.ServiceTokenCaller(st, project);
    }

    static boolean constantTimeEquals(String expected, String given) {
        if (expected == null || given == null) {
            return false;
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }
}
