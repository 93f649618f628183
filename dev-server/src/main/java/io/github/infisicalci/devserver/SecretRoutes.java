package io.github.infisicalci.devserver;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.infisicalci.devserver.Model.Environment;
import io.github.infisicalci.devserver.Model.Folder;
import io.github.infisicalci.devserver.Model.ImportRef;
import io.github.infisicalci.devserver.Model.Project;
import io.github.infisicalci.devserver.Model.Scope;
import io.github.infisicalci.devserver.Model.SecretEntry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code GET /api/v4/secrets[/:name]} and {@code GET /api/v3/secrets/raw[/:name]}. */
final class SecretRoutes {
    static final String HIDDEN = "<hidden-by-infisical>";
    static final int MAX_IMPORT_DEPTH = 10;
    static final int MAX_RECURSION_DEPTH = 20;

    private final World world;
    private final AuthRoutes auth;
    private final Faults faults;

    SecretRoutes(World world, AuthRoutes auth, Faults faults) {
        this.world = world;
        this.auth = auth;
        this.faults = faults;
    }

    void register(Router router) {
        router.get("/api/v4/secrets", r -> list(r, false));
        router.get("/api/v4/secrets/:secretName", r -> getByName(r, false));
        router.get("/api/v3/secrets/raw", r -> list(r, true));
        router.get("/api/v3/secrets/raw/:secretName", r -> getByName(r, true));
    }

    /** What a listing or lookup is about, after service-token scoping. */
    private record Target(Project project, String environment, String path) {
    }

    /** A secret together with the folder it lives in (its expansion context). */
    private record Located(SecretEntry secret, String environment, String path) {
    }

    private Target target(Request request, Principal principal, boolean v3) {
        if (principal instanceof Principal.ServiceTokenCaller st && st.soleScope() != null) {
            Scope scope = st.soleScope();
            return new Target(st.project(), scope.environment(), Model.normalizePath(scope.secretPath()));
        }
        String environment = request.param("environment");
        String path = Model.normalizePath(request.param("secretPath", "/"));
        Project project;
        if (v3) {
            String id = request.param("workspaceId");
            String slug = request.param("workspaceSlug");
            if (id == null && slug == null) {
                if (principal instanceof Principal.ServiceTokenCaller st) {
                    project = st.project();
                } else {
                    throw ApiError.badRequest("You must provide workspaceSlug or workspaceId");
                }
            } else {
                project = id != null ? projectById(id) : projectBySlug(slug);
            }
        } else {
            String id = request.param("projectId", request.param("workspaceId"));
            if (id == null && principal instanceof Principal.ServiceTokenCaller st) {
                project = st.project();
            } else if (id == null) {
                throw ApiError.badRequest("Missing project id or environment");
            } else {
                project = projectById(id);
            }
        }
        if (environment == null) {
            throw ApiError.badRequest("Missing project id or environment");
        }
        return new Target(project, environment, path);
    }

    private Project projectById(String id) {
        Project p = world.projectsById.get(id);
        if (p == null) {
            throw ApiError.notFound("Project with ID '" + id + "' not found");
        }
        return p;
    }

    private Project projectBySlug(String slug) {
        Project p = world.projectsBySlug.get(slug);
        if (p == null) {
            throw ApiError.notFound("Project with slug '" + slug + "' not found");
        }
        return p;
    }

    /**
     * v3 reads only {@code include_imports} (so a client that sends only {@code includeImports} gets no imports,
     * as on a real server); v4 takes {@code includeImports} (newer servers) or else {@code include_imports}.
     */
    private static boolean includeImports(Request request, boolean v3, boolean fallback) {
        if (!v3 && request.query().containsKey("includeImports")) {
            return request.flag("includeImports", fallback);
        }
        return request.flag("include_imports", fallback);
    }

    private Response list(Request request, boolean v3) {
        Principal principal = auth.authenticate(request, true, true);
        boolean recursive = request.flag("recursive", false);
        boolean imports = includeImports(request, v3, false);
        boolean expand = request.flag("expandSecretReferences", false);
        boolean view = request.flag("viewSecretValue", true);
        Set<String> tags = tagSlugs(request.param("tagSlugs"));
        synchronized (world) {
            Target t = target(request, principal, v3);
            Environment env = t.project().environments.get(t.environment());
            principal.checkRead(t.project(), t.environment(), t.path());
            if (env == null) {
                if (faults.emptyListForUnknown()) {
                    return emptyListing(imports);
                }
                throw ApiError.notFound("Environment with slug '" + t.environment() + "' in project with ID '"
                        + t.project().id + "' not found");
            }
            Folder folder = env.folder(t.path());
            if (folder == null) {
                if (faults.emptyListForUnknown()) {
                    return emptyListing(imports);
                }
                throw ApiError.secretPathNotFound(t.environment(), t.path());
            }
            List<Folder> folders = new ArrayList<>();
            folders.add(folder);
            if (recursive) {
                int baseDepth = depth(folder.path);
                for (Folder f : env.folders.values()) {
                    if (f != folder && isUnder(f.path, folder.path) && depth(f.path) - baseDepth <= MAX_RECURSION_DEPTH
                            && readable(principal, t.project(), t.environment(), f.path)) {
                        folders.add(f);
                    }
                }
            }
            ReferenceExpander expander = expander(principal, t.project());
            ObjectNode body = Json.object();
            ArrayNode secrets = body.putArray("secrets");
            for (Folder f : folders) {
                for (Map<String, SecretEntry> kind : List.of(f.secrets, f.personal)) {
                    for (SecretEntry s : kind.values()) {
                        if (tags.isEmpty() || s.tags.stream().anyMatch(tags::contains)) {
                            secrets.add(secretJson(t.project(), new Located(s, t.environment(), f.path), view, expand, expander, false));
                        }
                    }
                }
            }
            if (faults.reverseListings()) {
                List<com.fasterxml.jackson.databind.JsonNode> rows = new ArrayList<>();
                secrets.forEach(rows::add);
                java.util.Collections.reverse(rows);
                secrets.removeAll();
                secrets.addAll(rows);
            }
            if (imports) {
                ArrayNode importArray = body.putArray("imports");
                for (Folder f : folders) {
                    for (ImportRef ref : f.imports) {
                        importBlock(principal, t.project(), t.environment(), f, ref, view, expand, expander, importArray);
                    }
                }
            }
            return Response.ok(body);
        }
    }

    private static Response emptyListing(boolean imports) {
        ObjectNode body = Json.object();
        body.putArray("secrets");
        if (imports) {
            body.putArray("imports");
        }
        return Response.ok(body);
    }

    private void importBlock(Principal principal, Project project, String environment, Folder importer, ImportRef ref,
            boolean view, boolean expand, ReferenceExpander expander, ArrayNode out) {
        Environment sourceEnv = project.environments.get(ref.environment());
        Folder source = sourceEnv == null ? null : sourceEnv.folder(ref.path());
        if (source == null || !readable(principal, project, ref.environment(), source.path)) {
            return;
        }
        Set<String> visited = new HashSet<>();
        visited.add(environment + ":" + importer.path);
        visited.add(ref.environment() + ":" + source.path);
        List<Located> collected = new ArrayList<>();
        collect(project, ref.environment(), source, 1, visited, collected);
        ObjectNode block = out.addObject()
                .put("secretPath", source.path)
                .put("environment", ref.environment())
                .put("folderId", source.id);
        ArrayNode secrets = block.putArray("secrets");
        Set<String> seen = new HashSet<>();
        for (Located located : collected) {
            if (expand && !seen.add(located.secret().key)) {
                continue;
            }
            secrets.add(secretJson(project, located, view, expand, expander, true));
        }
    }

    /** A folder's own secrets, then (flattened, in position order) those of its nested imports. */
    private void collect(Project project, String environment, Folder folder, int depth, Set<String> visited, List<Located> out) {
        for (SecretEntry s : folder.secrets.values()) {
            out.add(new Located(s, environment, folder.path));
        }
        if (depth >= MAX_IMPORT_DEPTH) {
            return;
        }
        for (ImportRef nested : folder.imports) {
            Environment env = project.environments.get(nested.environment());
            Folder source = env == null ? null : env.folder(nested.path());
            if (source != null && visited.add(nested.environment() + ":" + source.path)) {
                collect(project, nested.environment(), source, depth + 1, visited, out);
            }
        }
    }

    private Response getByName(Request request, boolean v3) {
        Principal principal = auth.authenticate(request, true, true);
        String name = request.route().group("secretName");
        boolean imports = includeImports(request, v3, true);
        boolean expand = request.flag("expandSecretReferences", false);
        boolean view = request.flag("viewSecretValue", true);
        String type = request.param("type", "shared");
        if (!type.equals("shared") && !type.equals("personal")) {
            throw ApiError.validation("type", "Invalid enum value. Expected 'shared' | 'personal', received '" + type + "'");
        }
        synchronized (world) {
            Target t = target(request, principal, v3);
            principal.checkRead(t.project(), t.environment(), t.path());
            Environment env = t.project().environments.get(t.environment());
            if (env == null) {
                throw ApiError.notFound("Environment with slug '" + t.environment() + "' in project with ID '"
                        + t.project().id + "' not found");
            }
            Folder folder = env.folder(t.path());
            if (folder == null) {
                throw ApiError.secretPathNotFound(t.environment(), t.path());
            }
            ReferenceExpander expander = expander(principal, t.project());
            Located found = null;
            boolean imported = false;
            if (type.equals("personal") && folder.personal.containsKey(name)) {
                found = new Located(folder.personal.get(name), t.environment(), folder.path);
            } else if (type.equals("shared") && folder.secrets.containsKey(name)) {
                found = new Located(folder.secrets.get(name), t.environment(), folder.path);
            } else if (type.equals("shared") && imports) {
                for (int i = folder.imports.size() - 1; i >= 0 && found == null; i--) {
                    ImportRef ref = folder.imports.get(i);
                    Environment sourceEnv = t.project().environments.get(ref.environment());
                    Folder source = sourceEnv == null ? null : sourceEnv.folder(ref.path());
                    if (source == null || !readable(principal, t.project(), ref.environment(), source.path)) {
                        continue;
                    }
                    List<Located> collected = new ArrayList<>();
                    Set<String> visited = new HashSet<>(Set.of(t.environment() + ":" + folder.path, ref.environment() + ":" + source.path));
                    collect(t.project(), ref.environment(), source, 1, visited, collected);
                    found = collected.stream().filter(l -> l.secret().key.equals(name)).findFirst().orElse(null);
                }
                imported = found != null;
            }
            if (found == null) {
                throw ApiError.notFound("Secret with name '" + name + "' not found");
            }
            ObjectNode secret = secretJson(t.project(), found, view, expand, expander, imported);
            ObjectNode body = Json.object();
            body.set("secret", secret);
            return Response.ok(body);
        }
    }

    private ReferenceExpander expander(Principal principal, Project project) {
        return new ReferenceExpander(new ReferenceExpander.Lookup() {
            @Override
            public String value(String environment, String path, String key) {
                Environment env = project.environments.get(environment);
                Folder folder = env == null ? null : env.folder(path);
                SecretEntry s = folder == null ? null : folder.secrets.get(key);
                return s == null ? null : s.value;
            }

            @Override
            public void checkReadable(String environment, String path, String key, String referencedBy) {
                if (!readable(principal, project, environment, path)) {
                    throw ApiError.of(403, "ForbiddenError", "You do not have permission to read secret '" + key
                            + "' in environment '" + environment + "' at path '" + path + "', which is referenced by secret "
                            + referencedBy + ".");
                }
            }
        });
    }

    private static boolean readable(Principal principal, Project project, String environment, String path) {
        try {
            principal.checkRead(project, environment, path);
            return true;
        } catch (ApiError e) {
            return false;
        }
    }

    private static ObjectNode secretJson(Project project, Located located, boolean view, boolean expand,
            ReferenceExpander expander, boolean imported) {
        SecretEntry s = located.secret();
        String value;
        if (!view) {
            value = HIDDEN;
        } else if (expand) {
            value = expander.expand(s.value, located.environment(), located.path(), s.key, s.skipMultilineEncoding);
        } else {
            value = s.value;
        }
        ObjectNode json = Json.object()
                .put("id", s.id)
                .put("_id", s.id)
                .put("workspace", imported ? "" : project.id)
                .put("environment", located.environment())
                .put("version", s.version)
                .put("type", s.personal ? "personal" : "shared")
                .put("secretKey", s.key)
                .put("secretValue", value)
                .put("secretComment", s.comment)
                .putNull("secretReminderNote")
                .putNull("secretReminderRepeatDays")
                .put("skipMultilineEncoding", s.skipMultilineEncoding);
        if (!imported) {
            json.put("createdAt", s.createdAt.toString()).put("updatedAt", s.updatedAt.toString());
        }
        json.put("isRotatedSecret", false)
                .putNull("rotationId")
                .put("secretPath", located.path())
                .put("secretValueHidden", !view);
        json.putArray("secretMetadata");
        ArrayNode tags = json.putArray("tags");
        for (String tag : s.tags) {
            tags.addObject().put("id", Model.stableId("tag", project.id, tag)).put("slug", tag).put("color", "#3b82f6").put("name", tag);
        }
        return json;
    }

    private static Set<String> tagSlugs(String raw) {
        if (raw == null) {
            return Set.of();
        }
        Set<String> tags = new LinkedHashSet<>();
        Arrays.stream(raw.split(",")).map(String::trim).filter(t -> !t.isEmpty()).forEach(tags::add);
        return tags;
    }

    static boolean isUnder(String path, String parent) {
        return parent.equals("/") ? path.startsWith("/") : path.startsWith(parent + "/");
    }

    static int depth(String path) {
        return path.equals("/") ? 0 : path.split("/").length - 1;
    }
}
