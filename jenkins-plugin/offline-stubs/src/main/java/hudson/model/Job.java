/*
 * OFFLINE STUB: a compile-only declaration, never shipped and never on the -Pjenkins class path.
 * Why it exists: the Jenkins Maven repository is not reachable from every build machine, yet the default
 * build must compile every main source of the Jenkins plugin and run its Jenkins-independent tests.
 * It declares only the members the plugin uses, with the package, name, type parameters, signature,
 * annotations (and retention) and checked exceptions of the real type, as read in
 * jenkinsci/jenkins core (audited at tag jenkins-2.568.1, commit ce61ddbf, the plugin baseline).
 * Its only constructor is declared as in the real type (no implicit public one that the real type lacks).
 * Bodies only satisfy the compiler: nothing here has behaviour.
 */

package hudson.model;

public abstract class Job<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>> extends AbstractItem {
    @SuppressWarnings("rawtypes")
    protected Job(ItemGroup parent, String name) {
        super(parent, name);
        throw new UnsupportedOperationException();
    }
}
