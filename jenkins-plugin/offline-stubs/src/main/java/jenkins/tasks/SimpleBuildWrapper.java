/*
 * OFFLINE STUB: a compile-only declaration, never shipped and never on the -Pjenkins class path.
 * Why it exists: the Jenkins Maven repository is not reachable from every build machine, yet the default
 * build must compile every main source of the Jenkins plugin and run its Jenkins-independent tests.
 * It declares only the members the plugin uses, with the package, name, type parameters, signature,
 * annotations (and retention) and checked exceptions of the real type, as read in
 * jenkinsci/jenkins core (audited at tag jenkins-2.568.1, commit ce61ddbf, the plugin baseline).
 * Note: real also has final setUp(AbstractBuild, ...), preCheckout, decorateLogger(AbstractBuild, ...) and
 * getProjectActions, not declared here (their parameter types are not stubbed): a plugin must not declare them.
 * Bodies only satisfy the compiler: nothing here has behaviour.
 */

package jenkins.tasks;

import hudson.EnvVars;
import hudson.FilePath;
import hudson.Launcher;
import hudson.console.ConsoleLogFilter;
import hudson.model.AbstractBuild;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.tasks.BuildWrapper;
import java.io.IOException;
import java.io.Serializable;
import java.util.Map;
import java.util.Set;

@SuppressWarnings("rawtypes")
public abstract class SimpleBuildWrapper extends BuildWrapper {
    public boolean requiresWorkspace() {
        throw new UnsupportedOperationException();
    }

    public void setUp(Context context, Run<?, ?> build, FilePath workspace, Launcher launcher, TaskListener listener,
            EnvVars initialEnvironment) throws IOException, InterruptedException {
        throw new UnsupportedOperationException();
    }

    public void setUp(Context context, Run<?, ?> build, TaskListener listener, EnvVars initialEnvironment)
            throws IOException, InterruptedException {
        throw new UnsupportedOperationException();
    }

    public ConsoleLogFilter createLoggerDecorator(Run<?, ?> build) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void makeSensitiveBuildVariables(AbstractBuild build, Set<String> sensitiveVariables) {
        throw new UnsupportedOperationException();
    }

    public static final class Context {
        @Deprecated
        public Context() {
            throw new UnsupportedOperationException();
        }

        public void env(String key, String value) {
            throw new UnsupportedOperationException();
        }

        public Map<String, String> getEnv() {
            throw new UnsupportedOperationException();
        }

        public void setDisposer(Disposer disposer) {
            throw new UnsupportedOperationException();
        }
    }

    public abstract static class Disposer implements Serializable {
        public final boolean requiresWorkspace() {
            throw new UnsupportedOperationException();
        }

        public void tearDown(Run<?, ?> build, FilePath workspace, Launcher launcher, TaskListener listener)
                throws IOException, InterruptedException {
            throw new UnsupportedOperationException();
        }

        public void tearDown(Run<?, ?> build, TaskListener listener) throws IOException, InterruptedException {
            throw new UnsupportedOperationException();
        }
    }
}
