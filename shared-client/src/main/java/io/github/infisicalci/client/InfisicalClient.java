package io.github.infisicalci.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.infisicalci.client.auth.AccessGrant;
import io.github.infisicalci.client.auth.AuthMethod;
import io.github.infisicalci.client.auth.ServiceTokenScope;
import io.github.infisicalci.client.secrets.Project;
import io.github.infisicalci.client.secrets.ProjectRef;
import io.github.infisicalci.client.secrets.Secret;
import io.github.infisicalci.client.secrets.SecretsRequest;
import io.github.infisicalci.client.secrets.SecretsResult;
import io.github.infisicalci.text.Printable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import java.util.function.Function;
import okhttp3.OkHttpClient;

/**
 * Client of the Infisical HTTP API: logs in with an {@link AuthMethod}, keeps the token fresh, lists and
 * merges secrets. Thread-safe; concurrent callers share one login. Close it when done.
 *
 * <p>Listing uses {@code GET /api/v4/secrets}; when the server has no such route (older self-hosted
 * servers) it falls back to {@code GET /api/v3/secrets/raw} and remembers that for its lifetime.
 */
public final class InfisicalClient implements AutoCloseable {
  private static final AtomicInteger THREADS = new AtomicInteger();

  private final ClientConfig config;
  private final OkHttpClient http;
  private final Api api;
  private final TokenManager tokens;
  private final ProjectLookup projects;
  private final RouteVersion routes;
  private final FolderDiagnosis diagnosis;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final ExecutorService pathPool;

  private InfisicalClient(ClientConfig config, AuthMethod auth, Timing timing) {
    this.config = config;
    this.http = HttpStack.build(config);
    this.api = new Api(http, config, timing, new Redactor(sentWithEveryRequest(config)));
    this.tokens = new TokenManager(auth, api, timing);
    this.projects = new ProjectLookup(api);
    this.routes = new RouteVersion(api);
    this.diagnosis = new FolderDiagnosis(api, projects, this::authorized);
    this.pathPool = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "infisical-client-" + THREADS.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }

  /** Extra header values and proxy credentials: a server or proxy echoing them must not show them. */
  private static List<SecretValue> sentWithEveryRequest(ClientConfig config) {
    List<SecretValue> out = new ArrayList<>(config.headers().values());
    config.proxy().filter(p -> p.password() != null).ifPresent(p -> {
      out.add(p.password());
      out.add(SecretValue.of(okhttp3.Credentials.basic(p.username(), p.password().reveal())));
    });
    return out;
  }

  /** A client for {@code config} that logs in with {@code auth} when first needed. */
  public static InfisicalClient create(ClientConfig config, AuthMethod auth) {
    return create(config, auth, Timing.real());
  }

  static InfisicalClient create(ClientConfig config, AuthMethod auth, Timing timing) {
    if (config == null) {
      throw new InvalidConfigurationException("config", "config must be set");
    }
    if (auth == null) {
      throw new InvalidConfigurationException("auth", "auth method must be set");
    }
    return new InfisicalClient(config, auth, timing);
  }

  /** The configuration this client was built with. */
  public ClientConfig config() {
    return config;
  }

  /**
   * Fetches every path of the request concurrently and merges them: within a folder as the server and
   * CLI do (local beats imported, later import beats earlier, personal beats shared), across paths a
   * later path wins and each clash is reported as a {@link io.github.infisicalci.client.secrets.Collision}.
   * An empty listing is checked: an unknown environment or folder throws {@link NotFoundException}.
   */
  public SecretsResult fetchSecrets(SecretsRequest asked) {
    ensureOpen();
    Objects.requireNonNull(asked, "request");
    SecretsRequest request = effective(asked);
    Target target = target(request.project());
    List<String> paths = request.paths();
    List<SecretMerger.Folder> perPath = new ArrayList<>();
    AtomicReference<String> listedProjectId = new AtomicReference<>();
    if (paths.size() == 1) {
      perPath.add(listFolder(target, request, paths.get(0), listedProjectId));
    } else {
      List<CompletableFuture<SecretMerger.Folder>> futures = new ArrayList<>();
      try {
        for (String path : paths) {
          futures.add(CompletableFuture.supplyAsync(() -> listFolder(target, request, path, listedProjectId),
              pathPool));
        }
      } catch (RejectedExecutionException e) {
        throw closedMeanwhile(e);
      }
      for (CompletableFuture<SecretMerger.Folder> f : futures) {
        try {
          perPath.add(f.get());
        } catch (InterruptedException e) {
          futures.forEach(other -> other.cancel(true));
          Thread.currentThread().interrupt();
          throw new InfisicalConnectionException("Interrupted while fetching secrets of environment '"
              + request.environment() + "' (paths " + paths + ")", new RequestContext(target.label(),
              request.environment(), null, null), ServerError.NONE, null);
        } catch (ExecutionException e) {
          futures.forEach(other -> other.cancel(true));
          if (closed.get()) {
            throw closedMeanwhile(e.getCause());
          }
          if (e.getCause() instanceof RuntimeException re) {
            throw re;
          }
          if (e.getCause() instanceof Error err) {
            throw err;
          }
          throw new IllegalStateException(e.getCause());
        }
      }
    }
    SecretMerger.Merged merged = SecretMerger.mergePaths(paths, perPath);
    String projectId = target.id() != null ? target.id() : listedProjectId.get();
    if (projectId == null) {
      projectId = project(target.ref()).id(); // listed by slug and no local secret named the project
    }
    for (var c : merged.collisions()) {
      api.log("Secret " + c.key() + " is defined under " + String.join(", ", c.losingPaths()) + " and "
          + c.winningPath() + "; the value from " + c.winningPath() + " is used");
    }
    return new SecretsResult(projectId, request.environment(), merged.secrets(), merged.collisions());
  }

  /** One secret by name (imports included, references expanded). */
  public Secret getSecret(ProjectRef project, String environment, String path, String key) {
    ensureOpen();
    SecretsRequest checked = effective(SecretsRequest.builder().project(project).environment(environment)
        .path(path == null ? "/" : path).build());
    if (key == null || key.isBlank() || !key.trim().chars().allMatch(c -> c > 0x20 && c < 0x7f && c != '/')
        || key.trim().equals(".") || key.trim().equals("..")) {
      throw new InvalidConfigurationException("key", "key '" + Printable.quote(key)
          + "' is not a valid secret name");
    }
    String name = key.trim();
    Target target = target(checked.project());
    String folder = checked.paths().get(0);
    RequestContext ctx = new RequestContext(target.label(), checked.environment(), folder, name);
    JsonNode answer;
    try {
      answer = authorized(token -> getRaw(token, target, checked, folder, name, ctx));
    } catch (RouteNotFoundException e) {
      throw e;
    } catch (NotFoundException e) {
      diagnosis.explain(target.ref(), target.label(), checked.environment(), folder, e);
      throw e;
    } catch (PermissionDeniedException | AuthenticationException e) {
      throw target.token() == null ? e : ServiceTokens.explain(e, target.token());
    }
    JsonNode s = answer.path("secret");
    if (!s.hasNonNull("secretKey")) {
      throw new InfisicalException("The server's answer for secret '" + name + "' holds no secret", ctx);
    }
    Listing.Raw raw = Listing.raw(s);
    String env = raw.environment() == null ? checked.environment() : raw.environment();
    String from = raw.secretPath() == null ? folder : raw.secretPath();
    Secret.Origin origin = raw.personal() ? Secret.Origin.PERSONAL
        : (!env.equals(checked.environment()) || !trimSlash(from).equals(trimSlash(folder))) ? Secret.Origin.IMPORTED
        : Secret.Origin.LOCAL;
    return new Secret(raw.key(), raw.value(), env, from, origin);
  }

  /** The project with its environments (cached per client). */
  public Project project(ProjectRef project) {
    ensureOpen();
    if (project == null) {
      throw new InvalidConfigurationException("project", "project must be set");
    }
    return authorized(token -> projects.get(project, token));
  }

  /** The current access token, logging in first if needed (to mask it or hand it to a build). */
  public SecretValue accessToken() {
    ensureOpen();
    return tokens.current().accessToken();
  }

  /** Revokes the current token via {@code /api/v1/auth/token/revoke} (tokens from logins only). */
  public void revoke() {
    ensureOpen();
    tokens.revoke();
  }

  /** Releases threads and connections. Does not revoke the token. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      pathPool.shutdownNow();
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
  }

  int logins() {
    return tokens.logins();
  }

  boolean usesV3() {
    return routes.usesV3();
  }

  /** close() stopped the path threads of a fetch in progress. */
  private static IllegalStateException closedMeanwhile(Throwable cause) {
    return new IllegalStateException("InfisicalClient was closed while fetching secrets", cause);
  }

  private void ensureOpen() {
    if (closed.get()) {
      throw new IllegalStateException("InfisicalClient is closed");
    }
  }

  /**
   * The project of a call: {@code id} for API calls (null for a slug: the v3 listing takes the slug itself,
   * saving a lookup), {@code label} (as the user named it) for messages, and the service token's scopes when
   * the token is one (for its failure wording).
   */
  private record Target(String id, String label, ProjectRef ref, ServiceTokenScope token) {
  }

  /**
   * The request with a service token's environment and path filled in (see {@link ServiceTokens}); without
   * a service token the environment must be given.
   */
  private SecretsRequest effective(SecretsRequest r) {
    if (!tokens.auth().isServiceToken()) {
      if (r.environment() == null) {
        throw new InvalidConfigurationException("environment", "environment must be set (an environment slug such as 'dev')");
      }
      return r;
    }
    ServiceTokenScope scope = tokens.current().serviceToken().orElseThrow();
    ServiceTokens.Effective e = ServiceTokens.effective(scope, r.environment(), r.paths());
    return new SecretsRequest(r.project(), e.environment(), e.paths(), r.recursive(), r.includeImports(),
        r.expandReferences(), r.tagSlugs());
  }

  private Target target(ProjectRef ref) {
    Optional<ServiceTokenScope> token = tokens.auth().isServiceToken() ? tokens.current().serviceToken() : Optional.empty();
    if (token.isPresent()) {
      return serviceTokenTarget(ref, token.get());
    }
    if (ref == null) {
      throw new InvalidConfigurationException("project", "project must be set (only a service token implies its project)");
    }
    return ref.isSlug() ? new Target(null, ref.value(), ref, null) : new Target(ref.value(), ref.value(), ref, null);
  }

  /**
   * A service token reads its own project: a given id must be that project's; a given slug is checked
   * against the project the token names (when the server tells), never looked up in an organisation.
   */
  private Target serviceTokenTarget(ProjectRef ref, ServiceTokenScope token) {
    String id = token.projectId();
    ProjectRef own = ProjectRef.id(id);
    if (ref == null) {
      return new Target(id, id, own, token);
    }
    if (!ref.isSlug()) {
      if (!ref.value().equals(id)) {
        throw new InvalidConfigurationException("project", "the service token belongs to project " + id
            + ", not " + ref.value());
      }
      return new Target(id, id, own, token);
    }
    Project p;
    try {
      p = project(own);
    } catch (InfisicalException e) {
      api.log("Cannot check that the service token's project " + id + " is '" + ref.value() + "' ("
          + e.getClass().getSimpleName() + "); using the token's project");
      return new Target(id, ref.value(), own, token);
    }
    if (p.slug() != null && !p.slug().isBlank() && !p.slug().equals(ref.value())) {
      throw new InvalidConfigurationException("project", "the service token belongs to project '" + p.slug()
          + "' (" + id + "), not '" + ref.value() + "'");
    }
    return new Target(id, ref.value(), own, token);
  }

  /** The target with its project id, looked up (once per client) when it was named by slug. */
  private Target resolved(Target target) {
    if (target.id() != null) {
      return target;
    }
    return new Target(project(target.ref()).id(), target.label(), target.ref(), target.token());
  }

  /** Runs {@code call} with the current token; on a rejected token logs in again once and retries. */
  private <T> T authorized(Function<SecretValue, T> call) {
    AccessGrant grant = tokens.current();
    try {
      return call.apply(grant.accessToken());
    } catch (AuthenticationException e) {
      if (!Failures.isTokenRejection(e) || !tokens.auth().canLogIn()) {
        throw e;
      }
      api.log("Access token rejected (HTTP " + e.status().orElse(0) + "); logging in again once");
      tokens.rejected(grant);
      return call.apply(tokens.current().accessToken());
    }
  }

  private SecretMerger.Folder listFolder(Target target, SecretsRequest request, String path,
      AtomicReference<String> listedProjectId) {
    RequestContext ctx = new RequestContext(target.label(), request.environment(), path, null);
    Listing listing;
    try {
      listing = authorized(token -> listRaw(token, target, request, path, ctx));
    } catch (RouteNotFoundException e) {
      throw e;
    } catch (NotFoundException e) {
      diagnosis.explain(target.ref(), target.label(), request.environment(), path, e);
      throw e;
    } catch (PermissionDeniedException | AuthenticationException e) {
      throw target.token() == null ? e : ServiceTokens.explain(e, target.token());
    }
    if (listing.isEmpty()) {
      diagnosis.explain(target.ref(), target.label(), request.environment(), path, null);
    }
    if (listing.projectId() != null) {
      listedProjectId.compareAndSet(null, listing.projectId());
    }
    return SecretMerger.mergeFolder(listing, request.environment(), path);
  }

  private Listing listRaw(SecretValue token, Target target, SecretsRequest r, String path, RequestContext ctx) {
    return sendVersioned(target, (v3, t) -> {
      ApiCall.Builder call = secretsCall(v3, token, t, r, path, null)
          .query("expandSecretReferences", r.expandReferences())
          .query("recursive", r.recursive())
          .query("include_imports", r.includeImports())
          .query("includeImports", r.includeImports());
      if (!v3) {
        call.query("includePersonalOverrides", true);
      }
      return call.tags(r).what("list secrets").context(ctx).notFound(NotFoundException.Kind.FOLDER).build();
    }, answer -> Listing.parse(answer, ctx), ctx);
  }

  private JsonNode getRaw(SecretValue token, Target target, SecretsRequest r, String path, String name,
      RequestContext ctx) {
    return sendVersioned(target, (v3, t) -> secretsCall(v3, token, t, r, path, name)
        .query("expandSecretReferences", true)
        .query("include_imports", true)
        .query("includeImports", true)
        .what("read secret '" + name + "'").context(ctx).notFound(NotFoundException.Kind.SECRET).build(),
        Function.identity(), ctx);
  }

  /**
   * The secrets route of one API version with the parameters every secrets call carries: the folder
   * listing, or with {@code name} the one shared secret of that name.
   */
  private static ApiCall.Builder secretsCall(boolean v3, SecretValue token, Target target, SecretsRequest r,
      String path, String name) {
    ApiCall.Builder call = ApiCall.get(v3 ? "/api/v3/secrets/raw" : "/api/v4/secrets").bearer(token)
        .query(!v3 ? "projectId" : target.id() == null ? "workspaceSlug" : "workspaceId",
            target.id() == null ? target.label() : target.id())
        .query("environment", r.environment())
        .query("secretPath", path);
    if (name != null) {
      call.segment(name).query("type", "shared");
    }
    return call.query("viewSecretValue", true);
  }

  /**
   * Sends a secrets call: by project id, v4 or (on servers without it, decided once per client) v3; by
   * project slug, v3 with {@code workspaceSlug} (the v4 route takes no slug), and only if that route is
   * gone, the project id looked up and the id form sent.
   */
  private <T> T sendVersioned(Target target, BiFunction<Boolean, Target, ApiCall> call,
      Function<JsonNode, T> parse, RequestContext ctx) {
    Target byId = target;
    if (target.id() == null) {
      try {
        return parse.apply(api.send(call.apply(true, target)));
      } catch (RouteNotFoundException e) {
        api.log("The server has no /api/v3/secrets/raw; looking up project '" + target.label() + "' by slug");
      }
      byId = resolved(target);
    }
    Target t = byId;
    return routes.send(v3 -> call.apply(v3, t), parse, ctx);
  }

  private static String trimSlash(String p) {
    String s = p;
    while (s.length() > 1 && s.endsWith("/")) {
      s = s.substring(0, s.length() - 1);
    }
    return s;
  }

}
