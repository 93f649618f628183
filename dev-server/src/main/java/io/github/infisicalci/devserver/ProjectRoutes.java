package io.github.infisicalci.devserver;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.infisicalci.devserver.Model.Environment;
import io.github.infisicalci.devserver.Model.Folder;
import io.github.infisicalci.devserver.Model.Project;
import io.github.infisicalci.devserver.Model.Scope;
import io.github.infisicalci.devserver.Model.ServiceToken;
import java.util.Map;

/** Projects (v1 and the deprecated workspace routes), folders and service-token details. */
final class ProjectRoutes {
    private final World world;
    private final AuthRoutes auth;
    private final Faults faults;

    ProjectRoutes(World world, AuthRoutes auth, Faults faults) {
        this.world = world;
        this.auth = auth;
        this.faults = faults;
    }

    void register(Router router) {
        router.get("/api/v1/projects/slug/:slug", r -> Response.ok(projectJson(bySlug(r))));
        router.get("/api/v1/projects/:projectId", r -> wrapped("project", byId(r, "projectId")));
        router.get("/api/v1/workspace/:workspaceId", r -> wrapped("workspace", byId(r, "workspaceId")));
        router.get("/api/v2/workspace/:slug", r -> Response.ok(projectJson(bySlug(r))));
        router.get("/api/v2/folders", this::folders);
        router.get("/api/v1/folders", this::folders);
        router.get("/api/v2/service-token", this::serviceToken);
        router.get("/api/status", r -> Response.ok(Json.object().put("date", world.now().toString())
                .put("message", "Ok").put("emailConfigured", false).put("inviteOnlySignup", false)
                .put("redisConfigured", false).put("secretScanningConfigured", false)));
    }

    private Project bySlug(Request request) {
        Principal principal = auth.authenticate(request, false, true);
        return visible(principal, world.projectsBySlug, "slug", request.route().group("slug"));
    }

    private Project byId(Request request, String group) {
        Principal principal = auth.authenticate(request, true, true);
        return visible(principal, world.projectsById, "ID", request.route().group(group));
    }

    /** The project under {@code key} in {@code index} if the caller may see it; 404 when there is none. */
    private Project visible(Principal principal, Map<String, Project> index, String keyName, String key) {
        synchronized (world) {
            Project p = index.get(key);
            if (p == null) {
                throw ApiError.notFound("Project with " + keyName + " '" + key + "' not found");
            }
            principal.checkProject(p);
            return p;
        }
    }

    private Response wrapped(String field, Project project) {
        ObjectNode body = Json.object();
        body.set(field, projectJson(project));
        return Response.ok(body);
    }

    private ObjectNode projectJson(Project p) {
        synchronized (world) {
            ObjectNode json = Json.object()
                    .put("id", p.id)
                    .put("_id", p.id)
                    .put("name", p.name)
                    .put("slug", p.slug)
                    .putNull("description")
                    .put("type", "secret-manager")
                    .put("orgId", p.orgId)
                    .put("autoCapitalization", false)
                    .put("version", 3)
                    .put("createdAt", Model.EPOCH.toString())
                    .put("updatedAt", Model.EPOCH.toString());
            ArrayNode envs = json.putArray("environments");
            for (Environment e : p.environments.values()) {
                envs.addObject().put("name", e.name).put("slug", e.slug).put("id", e.id);
            }
            return json;
        }
    }

    private Response folders(Request request) {
        Principal principal = auth.authenticate(request, true, true);
        String projectId = request.param("projectId", request.param("workspaceId"));
        String environment = request.param("environment");
        String path = Model.normalizePath(request.param("path", request.param("directory", "/")));
        boolean recursive = request.flag("recursive", false);
        if (projectId == null) {
            throw ApiError.validation("projectId", "Required");
        }
        if (environment == null) {
            throw ApiError.validation("environment", "Required");
        }
        synchronized (world) {
            Project p = world.projectsById.get(projectId);
            if (p == null) {
                throw ApiError.notFound("Project with ID '" + projectId + "' not found");
            }
            principal.checkRead(p, environment, path);
            Environment env = p.environments.get(environment);
            Folder parent = env == null ? null : env.folder(path);
            ObjectNode body = Json.object();
            ArrayNode folders = body.putArray("folders");
            if (parent == null) {
                if (faults.emptyListForUnknown()) {
                    return Response.ok(body);
                }
                if (env == null) {
                    throw ApiError.notFound("Environment with slug '" + environment + "' in project with ID '" + projectId + "' not found");
                }
                throw ApiError.secretPathNotFound(environment, path);
            }
            for (Folder f : env.folders.values()) {
                boolean child = !f.path.equals(parent.path) && SecretRoutes.isUnder(f.path, parent.path);
                boolean direct = child && Model.parentPath(f.path).equals(parent.path);
                if (direct || (recursive && child)) {
                    Folder fParent = env.folder(Model.parentPath(f.path));
                    folders.addObject()
                            .put("id", f.id)
                            .put("name", Model.folderName(f.path))
                            .put("parentId", fParent.id)
                            .put("envId", env.id)
                            .put("version", 1)
                            .put("isReserved", false)
                            .put("path", f.path)
                            .put("createdAt", Model.EPOCH.toString())
                            .put("updatedAt", Model.EPOCH.toString());
                }
            }
            return Response.ok(body);
        }
    }

    private Response serviceToken(Request request) {
        Principal principal = auth.authenticate(request, true, false);
        ServiceToken t = ((Principal.ServiceTokenCaller) principal).token();
        Project p = ((Principal.ServiceTokenCaller) principal).project();
        ObjectNode body = Json.object()
                .put("_id", t.id)
                .put("id", t.id)
                .put("name", t.name)
                .put("workspace", p.id)
                .put("projectId", p.id);
        ArrayNode scopes = body.putArray("scopes");
        for (Scope s : t.scopes) {
            scopes.addObject().put("environment", s.environment()).put("secretPath", s.secretPath());
        }
        ArrayNode permissions = body.putArray("permissions");
        t.permissions.forEach(permissions::add);
        if (t.expiresAt == null) {
            body.putNull("expiresAt");
        } else {
            body.put("expiresAt", t.expiresAt.toString());
        }
        body.put("createdAt", Model.EPOCH.toString()).put("updatedAt", Model.EPOCH.toString());
        return Response.ok(body);
    }
}
