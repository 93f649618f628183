package io.github.infisicalci.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.infisicalci.client.secrets.Project;
import io.github.infisicalci.client.secrets.ProjectRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Projects by id or slug (each looked up once per client) and folder existence checks, with the
 * fallbacks to the older routes of self-hosted servers.
 */
final class ProjectLookup {
  private final Api api;
  private final Map<ProjectRef, Project> cache = new ConcurrentHashMap<>();
  private final Object lock = new Object();

  ProjectLookup(Api api) {
    this.api = api;
  }

  Project get(ProjectRef ref, SecretValue token) {
    Project known = cache.get(ref);
    if (known != null) {
      return known;
    }
    synchronized (lock) {
      known = cache.get(ref);
      if (known != null) {
        return known;
      }
      Project p = ref.isSlug() ? lookup(ref.value(), "/api/v1/projects/slug", "/api/v2/workspace", token)
          : lookup(ref.value(), "/api/v1/projects", "/api/v1/workspace", token);
      cache.put(ref, p);
      cache.putIfAbsent(ProjectRef.id(p.id()), p);
      if (p.slug() != null && !p.slug().isBlank()) {
        cache.putIfAbsent(ProjectRef.slug(p.slug()), p);
      }
      return p;
    }
  }

  /** The project under {@code route}/{@code key}, or under {@code legacyRoute}/{@code key} on older servers. */
  private Project lookup(String key, String route, String legacyRoute, SecretValue token) {
    RequestContext ctx = new RequestContext(key, null, null, null);
    try {
      return parse(api.send(lookupCall(route, key, token, ctx)));
    } catch (RouteNotFoundException e) {
      return parse(api.send(lookupCall(legacyRoute, key, token, ctx)));
    }
  }

  private static ApiCall lookupCall(String route, String key, SecretValue token, RequestContext ctx) {
    return ApiCall.get(route).segment(key).bearer(token)
        .what("look up project '" + key + "'").context(ctx).notFound(NotFoundException.Kind.PROJECT).build();
  }

  static Project parse(JsonNode answer) {
    JsonNode p = answer;
    if (p.has("project") && p.get("project").isObject()) {
      p = p.get("project");
    } else if (p.has("workspace") && p.get("workspace").isObject()) {
      p = p.get("workspace");
    }
    List<Project.Environment> envs = new ArrayList<>();
    for (JsonNode e : p.path("environments")) {
      envs.add(new Project.Environment(e.path("slug").asText(null), e.path("name").asText(null), id(e)));
    }
    String id = id(p);
    if (id == null) {
      throw new InfisicalException("The server's project answer holds no project id", RequestContext.none());
    }
    return new Project(id, p.path("slug").asText(null), p.path("name").asText(null), envs);
  }

  /**
   * Whether folder {@code path} exists, from the listing of its parent folder; {@code false} also when
   * the parent does not exist.
   */
  Boolean folderExists(SecretValue token, String projectId, String environment, String path, RequestContext ctx) {
    int cut = path.lastIndexOf('/');
    String parent = cut <= 0 ? "/" : path.substring(0, cut);
    String name = path.substring(cut + 1);
    JsonNode answer;
    try {
      try {
        answer = api.send(ApiCall.get("/api/v2/folders").bearer(token).query("projectId", projectId)
            .query("environment", environment).query("path", parent)
            .what("list folders").context(ctx.withPath(parent)).notFound(NotFoundException.Kind.FOLDER).build());
      } catch (RouteNotFoundException e) {
        answer = api.send(ApiCall.get("/api/v1/folders").bearer(token).query("workspaceId", projectId)
            .query("environment", environment).query("path", parent)
            .what("list folders").context(ctx.withPath(parent)).notFound(NotFoundException.Kind.FOLDER).build());
      }
    } catch (RouteNotFoundException e) {
      return null;
    } catch (NotFoundException e) {
      return false;
    }
    for (JsonNode f : answer.path("folders")) {
      if (name.equals(f.path("name").asText(null))) {
        return true;
      }
    }
    return false;
  }

  private static String id(JsonNode n) {
    String id = n.path("id").asText(null);
    return id != null ? id : n.path("_id").asText(null);
  }
}
