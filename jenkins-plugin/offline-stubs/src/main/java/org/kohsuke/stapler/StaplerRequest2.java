/*
 * OFFLINE STUB: a compile-only declaration, never shipped and never on the -Pjenkins class path.
 * Why it exists: the Jenkins Maven repository is not reachable from every build machine, yet the default
 * build must compile every main source of the Jenkins plugin and run its Jenkins-independent tests.
 * It declares only the members the plugin uses, with the package, name, type parameters, signature,
 * annotations (and retention) and checked exceptions of the real type, as read in
 * jenkinsci/stapler core (audited at commit 915606dc, the 2088.v915606dc8e86 that Jenkins 2.568.1 uses).
 * Note: real also extends jakarta.servlet.http.HttpServletRequest.
 * Bodies only satisfy the compiler: nothing here has behaviour.
 */

package org.kohsuke.stapler;

import net.sf.json.JSONObject;

public interface StaplerRequest2 {
    void bindJSON(Object bean, JSONObject src);
}
