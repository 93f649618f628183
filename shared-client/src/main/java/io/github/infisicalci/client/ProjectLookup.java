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
      Project p = ref.isSlug() ? bySlug(ref.value(), token) : byId(ref.value(), token);
      cache.put(ref, p);
      cache.putIfAbsent(ProjectRef.id(p.id()), p);
      if (p.slug() != null && !p.slug().isBlank()) {
        cache.putIfAbsent(ProjectRef.slug(p.slug()), p);
      }
      return p;
    }
  }

  private Project bySlug(String slug, SecretValue token) {
    RequestContext ctx = new RequestContext(slug, null, null, null);
    try {
      return parse(api.send(ApiCall.get("/api/v1/projects/slug").segment(slug).bearer(token)
          .what("look up project '" + slug + "'").context(ctx).notFound(NotFoundException.Kind.PROJECT).build()));
    } catch (RouteNotFoundException e) {
      return parse(api.send(ApiCall.get("/api/v2/workspace").segment(slug).bearer(token)
          .what("look up project '" + slug + "'").context(ctx).notFound(NotFoundException.Kind.PROJECT).build()));
    }
  }

  private Project byId(String id, SecretValue token) {
    RequestContext ctx = new RequestContext(id, null, null, null);
    try {
      return parse(api.send(ApiCall.get("/api/v1/projects").segment(id).bearer(token)
          .what("look up project '" + id + "'").context(ctx).notFound(NotFoundException.Kind.PROJECT).build()));
    } catch (RouteNotFoundException e) {
      return parse(api.send(ApiCall.get("/api/v1/workspace").segment(id).bearer(token)
          .what("look up project '" + id + "'").context(ctx).notFound(NotFoundException.Kind.PROJECT).build()));
    }
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
      envs.add(new Project.Environment(text(e, "slug"), text(e, "name"), id(e)));
    }
    String id = id(p);
    if (id == null) {
      throw new InfisicalException("The server's project answer holds no project id", RequestContext.none());
    }
    return new Project(id, text(p, "slug"), text(p, "name"), envs);
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
      if (name.equals(text(f, "name"))) {
        return true;
      }
    }
    return false;
  }

  private static String id(JsonNode n) {
    String id = text(n, "id");
    return id != null ? id : text(n, "_id");
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }
}
