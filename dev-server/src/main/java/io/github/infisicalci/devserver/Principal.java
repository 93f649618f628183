package io.github.infisicalci.devserver;

import io.github.infisicalci.devserver.Model.Identity;
import io.github.infisicalci.devserver.Model.Membership;
import io.github.infisicalci.devserver.Model.Project;
import io.github.infisicalci.devserver.Model.Scope;
import io.github.infisicalci.devserver.Model.ServiceToken;
import java.util.regex.Pattern;

/** Who is calling: a machine identity (via an access token) or a legacy service token. */
sealed interface Principal {

    /** Throws 403 PermissionDenied unless the caller may read secrets in this folder. */
    void checkRead(Project project, String environment, String path);

    /** Throws 403 unless the caller may see this project at all. */
    void checkProject(Project project);

    record IdentityCaller(Identity identity) implements Principal {
        @Override
        public void checkRead(Project project, String environment, String path) {
            Membership m = membership(project);
            if (!m.allows(environment)) {
                throw ApiError.permissionDenied("You are not allowed to read on secrets", "read", "secrets");
            }
        }

        @Override
        public void checkProject(Project project) {
            membership(project);
        }

        private Membership membership(Project project) {
            for (Membership m : identity.memberships) {
                if ((m.project().equals(project.id) || m.project().equals(project.slug)) && !"no-access".equals(m.role())) {
                    return m;
                }
            }
            throw ApiError.permissionDenied("You are not allowed to access this project", "read", "project");
        }
    }

    record ServiceTokenCaller(ServiceToken token, Project project) implements Principal {
        @Override
        public void checkRead(Project target, String environment, String path) {
            checkProject(target);
            if (!token.permissions.contains("read")) {
                throw ApiError.permissionDenied("You are not allowed to read on secrets", "read", "secrets");
            }
            for (Scope scope : token.scopes) {
                if (scope.environment().equals(environment) && globMatches(scope.secretPath(), path)) {
                    return;
                }
            }
            throw ApiError.permissionDenied("You are not allowed to read on secrets", "read", "secrets");
        }

        @Override
        public void checkProject(Project target) {
            if (!target.id.equals(project.id)) {
                throw ApiError.permissionDenied("You are not allowed to access this project", "read", "project");
            }
        }

        /** The single scope whose environment and path replace the request's, when there is exactly one and no glob. */
        Scope soleScope() {
            if (token.scopes.size() == 1 && !token.scopes.get(0).secretPath().contains("*")) {
                return token.scopes.get(0);
            }
            return null;
        }

        static boolean globMatches(String glob, String path) {
            String normalizedGlob = glob.contains("*") ? glob : Model.normalizePath(glob);
            StringBuilder regex = new StringBuilder();
            for (int i = 0; i < normalizedGlob.length(); i++) {
                char c = normalizedGlob.charAt(i);
                if (c == '*') {
                    if (i + 1 < normalizedGlob.length() && normalizedGlob.charAt(i + 1) == '*') {
                        regex.append(".*");
                        i++;
                    } else {
                        regex.append("[^/]*");
                    }
                } else {
                    regex.append(Pattern.quote(String.valueOf(c)));
                }
            }
            String p = Model.normalizePath(path);
            return Pattern.matches(regex.toString(), p) || Pattern.matches(regex.toString(), p + "/");
        }
    }
}
