package io.github.infisicalci.devserver;

import io.github.infisicalci.devserver.Model.Environment;
import io.github.infisicalci.devserver.Model.Identity;
import io.github.infisicalci.devserver.Model.Project;
import io.github.infisicalci.devserver.Model.ServiceToken;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The server's mutable state: projects, identities, service tokens and the virtual clock. Secret data is
 * read and written under the monitor of this object.
 */
final class World {
    final Map<String, Project> projectsById = new LinkedHashMap<>();
    final Map<String, Project> projectsBySlug = new LinkedHashMap<>();
    final Map<String, Identity> identitiesById = new LinkedHashMap<>();
    final Map<String, Identity> identitiesByName = new LinkedHashMap<>();
    final Map<String, ServiceToken> serviceTokensById = new LinkedHashMap<>();
    private final AtomicReference<Duration> clockOffset = new AtomicReference<>(Duration.ZERO);

    World(Seed seed) {
        for (Project p : seed.copyProjects()) {
            projectsById.put(p.id, p);
            projectsBySlug.put(p.slug, p);
        }
        for (Identity i : seed.copyIdentities()) {
            identitiesById.put(i.id, i);
            identitiesByName.put(i.name, i);
        }
        for (ServiceToken t : seed.serviceTokens()) {
            serviceTokensById.put(t.id, t);
        }
    }

    Instant now() {
        return Instant.now().plus(clockOffset.get());
    }

    void advanceClock(Duration by) {
        clockOffset.updateAndGet(d -> d.plus(by));
    }

    /** A project by id or slug (service tokens and memberships may name either). */
    synchronized Project projectByRef(String ref) {
        Project p = projectsById.get(ref);
        return p != null ? p : projectsBySlug.get(ref);
    }

    synchronized Identity identityByClientId(String clientId) {
        return identitiesById.values().stream().filter(i -> clientId.equals(i.clientId)).findFirst().orElse(null);
    }

    synchronized Identity identity(String nameOrId) {
        Identity i = identitiesById.get(nameOrId);
        if (i == null) {
            i = identitiesByName.get(nameOrId);
        }
        if (i == null) {
            throw new IllegalArgumentException("no identity with name or id '" + nameOrId + "'");
        }
        return i;
    }

    synchronized Environment environment(String projectRef, String environment) {
        Project p = projectByRef(projectRef);
        if (p == null) {
            throw new IllegalArgumentException("no project with id or slug '" + projectRef + "'");
        }
        Environment e = p.environments.get(environment);
        if (e == null) {
            throw new IllegalArgumentException("project '" + p.slug + "' has no environment '" + environment + "'");
        }
        return e;
    }
}
