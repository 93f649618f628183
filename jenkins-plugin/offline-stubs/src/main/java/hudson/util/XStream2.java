/*
 * OFFLINE STUB: a compile-only declaration, never shipped and never on the -Pjenkins class path.
 * Why it exists: the Jenkins Maven repository is not reachable from every build machine, yet the default
 * build must compile every main source of the Jenkins plugin and run its Jenkins-independent tests.
 * It declares only the members the plugin uses, with the package, name, type parameters, signature,
 * annotations (and retention) and checked exceptions of the real type, as read in
 * jenkinsci/jenkins core (audited at tag jenkins-2.568.1, commit ce61ddbf, the plugin baseline).
 * Note: real extends com.thoughtworks.xstream.XStream (not needed to register aliases).
 * Bodies only satisfy the compiler: nothing here has behaviour.
 */

package hudson.util;

public class XStream2 {
    private XStream2() {
        throw new UnsupportedOperationException();
    }

    public void addCompatibilityAlias(String oldClassName, Class newClass) {
        throw new UnsupportedOperationException();
    }
}
