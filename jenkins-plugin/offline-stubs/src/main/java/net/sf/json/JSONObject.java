/*
 * OFFLINE STUB: a compile-only declaration, never shipped and never on the -Pjenkins class path.
 * Why it exists: the Jenkins Maven repository is not reachable from every build machine, yet the default
 * build must compile every main source of the Jenkins plugin and run its Jenkins-independent tests.
 * It declares only the members the plugin uses, with the package, name, type parameters, signature,
 * annotations (and retention) and checked exceptions of the real type, as read in
 * jenkinsci/json-lib (audited at tag json-lib-2.4-jenkins-15, commit 591a711, the version Jenkins 2.568.1 uses).
 * Note: real also extends AbstractJSON and implements JSON, Map<String, Object>, Comparable.
 * Bodies only satisfy the compiler: nothing here has behaviour.
 */

package net.sf.json;

public final class JSONObject {
    public JSONObject() {
        throw new UnsupportedOperationException();
    }
}
