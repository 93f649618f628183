package io.github.infisicalci.devserver;

import io.github.infisicalci.devserver.Model.Environment;
import io.github.infisicalci.devserver.Model.Folder;
import io.github.infisicalci.devserver.Model.Identity;
import io.github.infisicalci.devserver.Model.ImportRef;
import io.github.infisicalci.devserver.Model.Membership;
import io.github.infisicalci.devserver.Model.Project;
import io.github.infisicalci.devserver.Model.Scope;
import io.github.infisicalci.devserver.Model.SecretEntry;
import io.github.infisicalci.devserver.Model.ServiceToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The initial content of a {@link DevServer}: projects (environments, folders, secrets, imports), machine
 * identities and legacy service tokens. Immutable once built; the server works on its own copy.
 *
 * <pre>{@code
 * Seed seed = Seed.builder()
 *     .project("demo-project", p -> p
 *         .secret("dev", "/", "DB_USER", "app")
 *         .secret("dev", "/database", "URL", "postgres://${dev.DB_USER}@db")
 *         .secretImport("dev", "/", "dev", "/shared"))
 *     .identity("ci", i -> i
 *         .universalAuth("ci-client-id", "ci-client-secret")
 *         .member("demo-project", "viewer"))
 *     .build();
 * }</pre>
 */
public final class Seed {
    static final String ORG_ID = Model.stableId("org", "dev-server");
    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_.-]+");
    private static final Pattern FOLDER_SEGMENT = Pattern.compile("[A-Za-z0-9_-]+");
    private static final Set<String> ROLES = Set.of("admin", "member", "viewer", "no-access");

    private final List<Project> projects;
    private final List<Identity> identities;
    private final List<ServiceToken> serviceTokens;

    private Seed(List<Project> projects, List<Identity> identities, List<ServiceToken> serviceTokens) {
        this.projects = projects;
        this.identities = identities;
        this.serviceTokens = serviceTokens;
    }

    /** Starts an empty seed. */
    public static Builder builder() {
        return new Builder();
    }

    /** Reads a seed file (format: see {@code dev-server/README.md}); errors name the offending field. */
    public static Seed fromJson(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return SeedJson.parse(in, file.toString());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read seed file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads a seed from a stream; {@code source} names it in error messages. */
    public static Seed fromJson(InputStream in, String source) {
        return SeedJson.parse(in, source);
    }

    /** The demo seed shipped as {@code dev-server/demo-seed.json} (project {@code demo-project}). */
    public static Seed demo() {
        try (InputStream in = Seed.class.getResourceAsStream("demo-seed.json")) {
            if (in == null) {
                throw new IllegalStateException("demo-seed.json is missing from the dev-server jar");
            }
            return SeedJson.parse(in, "classpath:demo-seed.json");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Project ids by slug, for tests that address projects by id. */
    public Map<String, String> projectIds() {
        Map<String, String> ids = new LinkedHashMap<>();
        projects.forEach(p -> ids.put(p.slug, p.id));
        return ids;
    }

    /** The id of the project with this slug. */
    public String projectId(String slug) {
        String id = projectIds().get(slug);
        if (id == null) {
            throw new IllegalArgumentException("no project with slug '" + slug + "' in the seed");
        }
        return id;
    }

    /** The id of the identity with this name (for OIDC/JWT/Kubernetes logins). */
    public String identityId(String name) {
        return identities.stream().filter(i -> i.name.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no identity named '" + name + "' in the seed")).id;
    }

    /** Universal-auth client ids by identity name (never the client secrets). */
    public Map<String, String> universalAuthClientIds() {
        Map<String, String> ids = new LinkedHashMap<>();
        identities.stream().filter(i -> i.clientId != null).forEach(i -> ids.put(i.name, i.clientId));
        return ids;
    }

    List<Project> copyProjects() {
        return projects.stream().map(Project::copy).toList();
    }

    List<Identity> copyIdentities() {
        return identities.stream().map(Identity::copy).toList();
    }

    List<ServiceToken> serviceTokens() {
        return serviceTokens;
    }

    List<Identity> identities() {
        return identities;
    }

    @Override
    public String toString() {
        return "Seed[projects=" + projectIds().keySet() + ", identities="
                + identities.stream().map(i -> i.name).toList() + ", serviceTokens=" + serviceTokens.size() + "]";
    }

    static void checkSlug(String what, String slug) {
        if (slug == null || !SLUG.matcher(slug).matches()) {
            throw new IllegalArgumentException(what + " '" + slug
                    + "' is not a valid slug (lower-case letters, digits, '-' and '_', at most 64 characters)");
        }
    }

    static void checkKey(String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("secret key '" + key
                    + "' is not valid (letters, digits, '_', '-' and '.' only)");
        }
    }

    static String checkPath(String path) {
        String normalized = Model.normalizePath(path);
        for (String segment : normalized.substring(1).split("/")) {
            if (!segment.isEmpty() && !FOLDER_SEGMENT.matcher(segment).matches()) {
                throw new IllegalArgumentException("secret path '" + path
                        + "' is not valid (folder names use letters, digits, '-' and '_' only)");
            }
        }
        return normalized;
    }

    static void checkRole(String role) {
        if (!ROLES.contains(role)) {
            throw new IllegalArgumentException("role '" + role + "' is not one of " + ROLES);
        }
    }

    /** Builds a {@link Seed}. */
    public static final class Builder {
        private final Map<String, ProjectBuilder> projects = new LinkedHashMap<>();
        private final Map<String, IdentityBuilder> identities = new LinkedHashMap<>();
        private final List<ServiceTokenBuilder> serviceTokens = new ArrayList<>();

        private Builder() {
        }

        /** Adds (or extends) the project with this slug; default environments are dev, staging and prod. */
        public Builder project(String slug, Consumer<ProjectBuilder> spec) {
            checkSlug("project slug", slug);
            spec.accept(projects.computeIfAbsent(slug, ProjectBuilder::new));
            return this;
        }

        /** Adds (or extends) the machine identity with this name. */
        public Builder identity(String name, Consumer<IdentityBuilder> spec) {
            Objects.requireNonNull(name, "identity name");
            spec.accept(identities.computeIfAbsent(name, IdentityBuilder::new));
            return this;
        }

        /** Shortcut: a universal-auth identity that is {@code viewer} of the given projects. */
        public Builder universalAuthIdentity(String name, String clientId, String clientSecret, String... projectSlugs) {
            return identity(name, i -> {
                i.universalAuth(clientId, clientSecret);
                for (String p : projectSlugs) {
                    i.member(p, "viewer");
                }
            });
        }

        /** Adds a legacy service token {@code st.<id>.<secret>[.<key>]} for a project. */
        public Builder serviceToken(String token, Consumer<ServiceTokenBuilder> spec) {
            ServiceTokenBuilder b = new ServiceTokenBuilder(token);
            spec.accept(b);
            serviceTokens.add(b);
            return this;
        }

        /** Validates references between the parts and freezes the seed. */
        public Seed build() {
            List<Project> builtProjects = projects.values().stream().map(ProjectBuilder::build).toList();
            Map<String, Project> byRef = new LinkedHashMap<>();
            for (Project p : builtProjects) {
                byRef.put(p.slug, p);
                if (byRef.put(p.id, p) != null && !p.id.equals(p.slug)) {
                    throw new IllegalArgumentException("project id '" + p.id + "' is used twice");
                }
            }
            List<Identity> builtIdentities = new ArrayList<>();
            Set<String> clientIds = new LinkedHashSet<>();
            for (IdentityBuilder ib : identities.values()) {
                Identity identity = ib.build();
                if (identity.clientId != null && !clientIds.add(identity.clientId)) {
                    throw new IllegalArgumentException("universal-auth clientId of identity '" + identity.name
                            + "' is already used by another identity");
                }
                for (Membership m : identity.memberships) {
                    Project p = byRef.get(m.project());
                    if (p == null) {
                        throw new IllegalArgumentException("identity '" + identity.name + "' is a member of unknown project '"
                                + m.project() + "'");
                    }
                    for (String env : m.environments()) {
                        if (!p.environments.containsKey(env)) {
                            throw new IllegalArgumentException("identity '" + identity.name + "' membership names unknown environment '"
                                    + env + "' of project '" + p.slug + "'");
                        }
                    }
                }
                builtIdentities.add(identity);
            }
            List<ServiceToken> tokens = new ArrayList<>();
            for (ServiceTokenBuilder tb : serviceTokens) {
                ServiceToken t = tb.build();
                if (!byRef.containsKey(t.project)) {
                    throw new IllegalArgumentException("service token '" + t.name + "' names unknown project '" + t.project + "'");
                }
                tokens.add(t);
            }
            return new Seed(List.copyOf(builtProjects), List.copyOf(builtIdentities), List.copyOf(tokens));
        }
    }

    /** Options of one seeded secret. */
    public static final class SecretOptions {
        private String comment = "";
        private List<String> tags = List.of();
        private boolean skipMultilineEncoding;
        private boolean personal;

        private SecretOptions() {
        }

        /**
         * Makes this a personal override (type {@code personal}) instead of a shared secret: listed next to the
         * shared one with the same key, never imported and never used to resolve references. Real servers
         * return these only to user logins; here every caller sees them, so clients can test their merge.
         */
        public SecretOptions personal(boolean personal) {
            this.personal = personal;
            return this;
        }

        public SecretOptions comment(String comment) {
            this.comment = comment == null ? "" : comment;
            return this;
        }

        public SecretOptions tags(String... tagSlugs) {
            for (String t : tagSlugs) {
                checkSlug("tag", t);
            }
            this.tags = List.of(tagSlugs);
            return this;
        }

        public SecretOptions skipMultilineEncoding(boolean skip) {
            this.skipMultilineEncoding = skip;
            return this;
        }
    }

    /** Builds one project. */
    public static final class ProjectBuilder {
        private final String slug;
        private String id;
        private String name;
        private final Map<String, String> environments = new LinkedHashMap<>();
        private boolean customEnvironments;
        private final List<Consumer<Project>> content = new ArrayList<>();

        private ProjectBuilder(String slug) {
            this.slug = slug;
            environments.put("dev", "Development");
            environments.put("staging", "Staging");
            environments.put("prod", "Production");
        }

        /** Fixes the project id (default: a stable UUID derived from the slug). */
        public ProjectBuilder id(String id) {
            if (id == null || id.isBlank()) {
                throw new IllegalArgumentException("project id of '" + slug + "' must not be blank");
            }
            this.id = id;
            return this;
        }

        public ProjectBuilder name(String name) {
            this.name = name;
            return this;
        }

        /** Declares an environment; the first call replaces the default dev/staging/prod list. */
        public ProjectBuilder environment(String envSlug, String envName) {
            checkSlug("environment slug", envSlug);
            if (!customEnvironments) {
                environments.clear();
                customEnvironments = true;
            }
            environments.put(envSlug, envName == null ? envSlug : envName);
            return this;
        }

        /** Declares environments by slug (names equal slugs), replacing the default list. */
        public ProjectBuilder environments(String... envSlugs) {
            for (String e : envSlugs) {
                environment(e, e);
            }
            return this;
        }

        /** Declares an (empty) folder and its parents. */
        public ProjectBuilder folder(String environment, String path) {
            String p = checkPath(path);
            content.add(project -> env(project, environment).ensureFolder(p));
            return this;
        }

        /** Adds a shared secret (its folder is created as needed). */
        public ProjectBuilder secret(String environment, String path, String key, String value) {
            return secret(environment, path, key, value, o -> {
            });
        }

        /** Adds a shared secret with comment, tags or multi-line options. */
        public ProjectBuilder secret(String environment, String path, String key, String value,
                Consumer<SecretOptions> options) {
            checkKey(key);
            String p = checkPath(path);
            Objects.requireNonNull(value, "value of secret " + key);
            SecretOptions o = new SecretOptions();
            options.accept(o);
            content.add(project -> {
                Folder folder = env(project, environment).ensureFolder(p);
                Map<String, SecretEntry> target = o.personal ? folder.personal : folder.secrets;
                if (target.containsKey(key)) {
                    throw new IllegalArgumentException((o.personal ? "personal " : "") + "secret '" + key
                            + "' is seeded twice in project '" + slug + "', environment '" + environment + "', path '" + p + "'");
                }
                SecretEntry s = new SecretEntry(Model.stableId(o.personal ? "personal" : "secret", project.id, environment, p, key), key, value);
                s.personal = o.personal;
                s.comment = o.comment;
                s.tags = o.tags;
                s.skipMultilineEncoding = o.skipMultilineEncoding;
                target.put(key, s);
            });
            return this;
        }

        /**
         * Adds a secret import: folder {@code environment}:{@code path} imports the secrets of
         * {@code fromEnvironment}:{@code fromPath}. Imports keep the order in which they are added (position).
         */
        public ProjectBuilder secretImport(String environment, String path, String fromEnvironment, String fromPath) {
            String p = checkPath(path);
            String from = checkPath(fromPath);
            content.add(project -> {
                env(project, fromEnvironment);
                env(project, environment).ensureFolder(p).imports.add(new ImportRef(fromEnvironment, from));
            });
            return this;
        }

        private Environment env(Project project, String environment) {
            Environment e = project.environments.get(environment);
            if (e == null) {
                throw new IllegalArgumentException("environment '" + environment + "' is not declared in project '"
                        + slug + "' (declared: " + project.environments.keySet() + ")");
            }
            return e;
        }

        private Project build() {
            String projectId = id != null ? id : Model.stableId("project", slug);
            Project project = new Project(projectId, slug, name != null ? name : slug, ORG_ID);
            environments.forEach((envSlug, envName) -> project.environments.put(envSlug, new Environment(projectId, envSlug, envName)));
            content.forEach(c -> c.accept(project));
            return project;
        }
    }

    /** Builds one machine identity. */
    public static final class IdentityBuilder {
        private final String name;
        private String id;
        private String clientId;
        private String clientSecret;
        private final Set<String> oidc = new LinkedHashSet<>();
        private final Set<String> jwt = new LinkedHashSet<>();
        private final Set<String> kubernetes = new LinkedHashSet<>();
        private Model.AwsKey awsKey;
        private final Map<String, Map<String, String>> boundClaims = new LinkedHashMap<>();
        private long ttl = 2_592_000;
        private long maxTtl = 2_592_000;
        private long numUsesLimit;
        private int lockoutThreshold;
        private long lockoutDuration = 300;
        private long lockoutCounterReset = 30;
        private final List<Membership> memberships = new ArrayList<>();

        private IdentityBuilder(String name) {
            this.name = name;
        }

        /** Fixes the identity id (default: a stable UUID derived from the name). */
        public IdentityBuilder id(String id) {
            this.id = id;
            return this;
        }

        /** Attaches universal auth with these credentials. */
        public IdentityBuilder universalAuth(String clientId, String clientSecret) {
            if (clientId == null || clientId.isBlank() || clientSecret == null || clientSecret.isEmpty()) {
                throw new IllegalArgumentException("universal auth of identity '" + name + "' needs a clientId and a clientSecret");
            }
            this.clientId = clientId;
            this.clientSecret = clientSecret;
            return this;
        }

        /** Attaches OIDC auth; these exact JWT strings are accepted at login. */
        public IdentityBuilder oidcAuth(String... acceptedJwts) {
            oidc.addAll(Arrays.asList(acceptedJwts));
            return this;
        }

        /** Attaches JWT auth; these exact JWT strings are accepted at login. */
        public IdentityBuilder jwtAuth(String... acceptedJwts) {
            jwt.addAll(Arrays.asList(acceptedJwts));
            return this;
        }

        /** Attaches Kubernetes auth; these exact service-account tokens are accepted at login. */
        public IdentityBuilder kubernetesAuth(String... acceptedServiceAccountTokens) {
            kubernetes.addAll(Arrays.asList(acceptedServiceAccountTokens));
            return this;
        }

        /**
         * Attaches AWS IAM auth: a login whose STS GetCallerIdentity request is SigV4-signed with these test
         * credentials (checked here; nothing is sent to AWS) is accepted; {@code arn} is the caller STS would name.
         */
        public IdentityBuilder awsAuth(String accessKeyId, String secretAccessKey, String arn) {
            if (accessKeyId == null || accessKeyId.isBlank() || secretAccessKey == null || secretAccessKey.isEmpty()) {
                throw new IllegalArgumentException("aws auth of identity '" + name + "' needs an accessKeyId and a secretAccessKey");
            }
            this.awsKey = new Model.AwsKey(accessKeyId, secretAccessKey, arn == null ? "arn:aws:iam::123456789012:user/dev" : arn);
            return this;
        }

        /**
         * Attaches OIDC auth that accepts any JWT (signature not checked) whose payload carries these claims;
         * values may use {@code *} as a wildcard, an array claim (such as {@code aud}) matches if any element
         * does, and a JWT whose {@code exp} lies in the past (server clock) is refused.
         */
        public IdentityBuilder oidcBoundClaims(Map<String, String> claims) {
            return boundClaims("oidc-auth", claims);
        }

        /** Like {@link #oidcBoundClaims} for JWT auth. */
        public IdentityBuilder jwtBoundClaims(Map<String, String> claims) {
            return boundClaims("jwt-auth", claims);
        }

        /** Like {@link #oidcBoundClaims} for Kubernetes auth (e.g. {@code sub = system:serviceaccount:ns:name}). */
        public IdentityBuilder kubernetesBoundClaims(Map<String, String> claims) {
            return boundClaims("kubernetes-auth", claims);
        }

        IdentityBuilder boundClaims(String method, Map<String, String> claims) {
            if (claims == null || claims.isEmpty()) {
                throw new IllegalArgumentException(method + " of identity '" + name + "' needs at least one bound claim");
            }
            boundClaims.put(method, Map.copyOf(claims));
            return this;
        }

        /**
         * Turns on universal-auth lockout (off by default here; the real server's default is 3 failures within
         * 30 s lock the method for 300 s): while locked, even the right secret gets 401.
         */
        public IdentityBuilder universalAuthLockout(int threshold, Duration lockout, Duration counterReset) {
            if (threshold < 1 || lockout.isNegative() || counterReset.isNegative()) {
                throw new IllegalArgumentException("lockout of identity '" + name + "': threshold must be at least 1, durations not negative");
            }
            this.lockoutThreshold = threshold;
            this.lockoutDuration = lockout.toSeconds();
            this.lockoutCounterReset = counterReset.toSeconds();
            return this;
        }

        /** Access-token TTL in seconds (0 = never expires). */
        public IdentityBuilder accessTokenTtl(long seconds) {
            this.ttl = seconds;
            return this;
        }

        public IdentityBuilder accessTokenTtl(Duration ttl) {
            return accessTokenTtl(ttl.toSeconds());
        }

        /** Access-token maximum TTL in seconds (0 = no maximum). */
        public IdentityBuilder accessTokenMaxTtl(long seconds) {
            this.maxTtl = seconds;
            return this;
        }

        public IdentityBuilder accessTokenMaxTtl(Duration maxTtl) {
            return accessTokenMaxTtl(maxTtl.toSeconds());
        }

        /** Number of API calls one token may make (0 = unlimited). */
        public IdentityBuilder accessTokenNumUsesLimit(long limit) {
            this.numUsesLimit = limit;
            return this;
        }

        /**
         * Makes the identity a member of a project (slug or id) with a role (admin, member, viewer, no-access),
         * optionally limited to some environments.
         */
        public IdentityBuilder member(String project, String role, String... environments) {
            checkRole(role);
            memberships.add(new Membership(project, role, Set.of(environments)));
            return this;
        }

        private Identity build() {
            if (ttl < 0 || maxTtl < 0 || numUsesLimit < 0) {
                throw new IllegalArgumentException("identity '" + name + "': TTLs and use limit must not be negative");
            }
            if (maxTtl > 0 && (ttl == 0 || ttl > maxTtl)) {
                throw new IllegalArgumentException("identity '" + name + "': accessTokenTTL (" + ttl
                        + ") must not exceed accessTokenMaxTTL (" + maxTtl + ")");
            }
            if (clientId == null && oidc.isEmpty() && jwt.isEmpty() && kubernetes.isEmpty() && boundClaims.isEmpty()
                    && awsKey == null) {
                throw new IllegalArgumentException("identity '" + name + "' has no auth method");
            }
            Identity identity = new Identity(id != null ? id : Model.stableId("identity", name), name);
            identity.clientId = clientId;
            identity.clientSecret = clientSecret;
            identity.oidcTokens.addAll(oidc);
            identity.jwtTokens.addAll(jwt);
            identity.kubernetesTokens.addAll(kubernetes);
            identity.awsKey = awsKey;
            identity.boundClaims.putAll(boundClaims);
            identity.lockoutThreshold = lockoutThreshold;
            identity.lockoutDurationSeconds = lockoutDuration;
            identity.lockoutCounterResetSeconds = lockoutCounterReset;
            identity.accessTokenTtl = ttl;
            identity.accessTokenMaxTtl = maxTtl;
            identity.accessTokenNumUsesLimit = numUsesLimit;
            identity.memberships.addAll(memberships);
            return identity;
        }
    }

    /** Builds one legacy service token. */
    public static final class ServiceTokenBuilder {
        private final String token;
        private String name = "service-token";
        private String project;
        private final List<Scope> scopes = new ArrayList<>();
        private final List<String> permissions = new ArrayList<>(List.of("read"));
        private Instant expiresAt;

        private ServiceTokenBuilder(String token) {
            this.token = token;
        }

        public ServiceTokenBuilder name(String name) {
            this.name = name;
            return this;
        }

        /** The project (slug or id) the token belongs to. */
        public ServiceTokenBuilder project(String project) {
            this.project = project;
            return this;
        }

        /** Adds a scope; {@code secretPath} may be a glob such as {@code /**}. */
        public ServiceTokenBuilder scope(String environment, String secretPath) {
            scopes.add(new Scope(environment, secretPath));
            return this;
        }

        public ServiceTokenBuilder permissions(String... permissions) {
            this.permissions.clear();
            this.permissions.addAll(List.of(permissions));
            return this;
        }

        public ServiceTokenBuilder expiresAt(Instant expiresAt) {
            this.expiresAt = expiresAt;
            return this;
        }

        private ServiceToken build() {
            String[] parts = token == null ? new String[0] : token.split("\\.");
            if (parts.length < 3 || parts.length > 4 || !"st".equals(parts[0]) || parts[1].isEmpty() || parts[2].isEmpty()) {
                throw new IllegalArgumentException("service token '" + name + "' must look like st.<id>.<secret>[.<key>]");
            }
            if (project == null) {
                throw new IllegalArgumentException("service token '" + name + "' needs a project");
            }
            if (scopes.isEmpty()) {
                throw new IllegalArgumentException("service token '" + name + "' needs at least one scope");
            }
            return new ServiceToken(parts[1], parts[2], name, project, scopes, permissions, expiresAt);
        }
    }
}
