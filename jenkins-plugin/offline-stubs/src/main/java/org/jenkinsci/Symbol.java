/*
 * OFFLINE STUB: a compile-only declaration, never shipped and never on the -Pjenkins class path.
 * Why it exists: the Jenkins Maven repository is not reachable from every build machine, yet the default
 * build must compile every main source of the Jenkins plugin and run its Jenkins-independent tests.
 * It declares only the members the plugin uses, with the package, name, type parameters, signature,
 * annotations (and retention) and checked exceptions of the real type, as read in
 * jenkinsci/lib-symbol-annotation (org.jenkins-ci:symbol-annotation 1.26, managed by Jenkins core 2.568.1; audited
 * at commit 8a5658c5). It moved there from jenkinsci/structs-plugin; structs only depends on it now.
 * Note: real also carries @Indexed.
 * Bodies only satisfy the compiler: nothing here has behaviour.
 */

package org.jenkinsci;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

@Documented
@Retention(RUNTIME)
@Target({TYPE})
public @interface Symbol {
    String[] value();
}
