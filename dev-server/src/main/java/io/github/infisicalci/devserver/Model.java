package io.github.infisicalci.devserver;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/** The in-memory data model shared by {@link Seed} and the running server (mutable, package-private). */
final class Model {
    private Model() {
    }

    static final Instant EPOCH = Instant.parse("2024-01-01T00:00:00Z");

    static String stableId(String... parts) {
        return UUID.nameUUIDFromBytes(String.join("\u0000", parts).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** Normalises a secret path: leading slash, no trailing slash, no empty segments. */
    static String normalizePath(String path) {
        if (path == null || path.isBlank()) {
            return "/";
        }
        StringBuilder out = new StringBuilder();
        for (String segment : path.trim().split("/")) {
            if (!segment.isEmpty()) {
                out.append('/').append(segment);
            }
        }
        return out.length() == 0 ? "/" : out.toString();
    }

    static String parentPath(String path) {
        int i = path.lastIndexOf('/');
        return i <= 0 ? "/" : path.substring(0, i);
    }

    static String folderName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    static final class SecretEntry {
        final String id;
        final String key;
        boolean personal;
        String value;
        String comment = "";
        List<String> tags = List.of();
        boolean skipMultilineEncoding;
        int version = 1;
        Instant createdAt = EPOCH;
        Instant updatedAt = EPOCH;

        SecretEntry(String id, String key, String value) {
            this.id = id;
            this.key = key;
            this.value = value;
        }

        SecretEntry copy() {
            SecretEntry c = new SecretEntry(id, key, value);
            c.personal = personal;
            c.comment = comment;
            c.tags = tags;
            c.skipMultilineEncoding = skipMultilineEncoding;
            c.version = version;
            c.createdAt = createdAt;
            c.updatedAt = updatedAt;
            return c;
        }

        @Override
        public String toString() {
            return "SecretEntry[" + key + "]";
        }
    }

    record ImportRef(String environment, String path) {
    }

    static final class Folder {
        final String id;
        final String path;
        final Map<String, SecretEntry> secrets = new LinkedHashMap<>();
        /** Personal overrides (what a user token would also see); never imported, never referenced. */
        final Map<String, SecretEntry> personal = new LinkedHashMap<>();
        final List<ImportRef> imports = new ArrayList<>();

        Folder(String id, String path) {
            this.id = id;
            this.path = path;
        }

        Folder copy() {
            Folder c = new Folder(id, path);
            secrets.forEach((k, v) -> c.secrets.put(k, v.copy()));
            personal.forEach((k, v) -> c.personal.put(k, v.copy()));
            c.imports.addAll(imports);
            return c;
        }
    }

    static final class Environment {
        final String id;
        final String slug;
        final String name;
        final TreeMap<String, Folder> folders = new TreeMap<>();

        Environment(String projectId, String slug, String name) {
            this.id = stableId("env", projectId, slug);
            this.slug = slug;
            this.name = name;
            folders.put("/", new Folder(stableId("folder", id, "/"), "/"));
        }

        Folder folder(String path) {
            return folders.get(normalizePath(path));
        }

        Folder ensureFolder(String path) {
            String p = normalizePath(path);
            Folder existing = folders.get(p);
            if (existing != null) {
                return existing;
            }
            ensureFolder(parentPath(p));
            Folder created = new Folder(stableId("folder", id, p), p);
            folders.put(p, created);
            return created;
        }

        Environment copy(String projectId) {
            Environment c = new Environment(projectId, slug, name);
            folders.forEach((k, v) -> c.folders.put(k, v.copy()));
            return c;
        }
    }

    static final class Project {
        final String id;
        final String slug;
        final String name;
        final String orgId;
        final Map<String, Environment> environments = new LinkedHashMap<>();

        Project(String id, String slug, String name, String orgId) {
            this.id = id;
            this.slug = slug;
            this.name = name;
            this.orgId = orgId;
        }

        Project copy() {
            Project c = new Project(id, slug, name, orgId);
            environments.forEach((k, v) -> c.environments.put(k, v.copy(id)));
            return c;
        }
    }

    record Membership(String project, String role, Set<String> environments) {
        Membership {
            environments = Set.copyOf(environments);
        }

        boolean allows(String environment) {
            return !"no-access".equals(role) && (environments.isEmpty() || environments.contains(environment));
        }
    }

    static final class Identity {
        final String id;
        final String name;
        String clientId;
        String clientSecret;
        final Set<String> oidcTokens = new LinkedHashSet<>();
        final Set<String> jwtTokens = new LinkedHashSet<>();
        final Set<String> kubernetesTokens = new LinkedHashSet<>();
        /** AWS IAM auth: the test credentials whose SigV4 signature is accepted (null = no AWS auth). */
        AwsKey awsKey;
        /** Per login method ({@code oidc-auth}, ...): claims a presented JWT must carry ({@code *} = wildcard). */
        final Map<String, Map<String, String>> boundClaims = new LinkedHashMap<>();
        /** Universal-auth lockout (0 threshold = off): failures within counterReset lock the method for duration. */
        int lockoutThreshold;
        long lockoutDurationSeconds = 300;
        long lockoutCounterResetSeconds = 30;
        long accessTokenTtl = 2_592_000;
        long accessTokenMaxTtl = 2_592_000;
        long accessTokenNumUsesLimit;
        final List<Membership> memberships = new ArrayList<>();

        Identity(String id, String name) {
            this.id = id;
            this.name = name;
        }

        Identity copy() {
            Identity c = new Identity(id, name);
            c.clientId = clientId;
            c.clientSecret = clientSecret;
            c.oidcTokens.addAll(oidcTokens);
            c.jwtTokens.addAll(jwtTokens);
            c.kubernetesTokens.addAll(kubernetesTokens);
            c.awsKey = awsKey;
            c.boundClaims.putAll(boundClaims);
            c.lockoutThreshold = lockoutThreshold;
            c.lockoutDurationSeconds = lockoutDurationSeconds;
            c.lockoutCounterResetSeconds = lockoutCounterResetSeconds;
            c.accessTokenTtl = accessTokenTtl;
            c.accessTokenMaxTtl = accessTokenMaxTtl;
            c.accessTokenNumUsesLimit = accessTokenNumUsesLimit;
            c.memberships.addAll(memberships);
            return c;
        }

        @Override
        public String toString() {
            return "Identity[" + name + ", id=" + id + "]";
        }
    }

    record Scope(String environment, String secretPath) {
    }

    /** Test AWS credentials of an identity with AWS IAM auth, and the principal STS would report. */
    record AwsKey(String accessKeyId, String secretAccessKey, String arn) {
        @Override
        public String toString() {
            return "AwsKey[" + accessKeyId + ", " + arn + "]";
        }
    }

    static final class ServiceToken {
        final String id;
        final String secret;
        final String name;
        final String project;
        final List<Scope> scopes;
        final List<String> permissions;
        final Instant expiresAt;

        ServiceToken(String id, String secret, String name, String project, List<Scope> scopes,
                List<String> permissions, Instant expiresAt) {
            this.id = id;
            this.secret = secret;
            this.name = name;
            this.project = project;
            this.scopes = List.copyOf(scopes);
            this.permissions = List.copyOf(permissions);
            this.expiresAt = expiresAt;
        }

        @Override
        public String toString() {
            return "ServiceToken[" + name + ", id=" + id + "]";
        }
    }
}
