/*
 * OFFLINE STUB: a compile-only declaration, never shipped and never on the -Pjenkins class path.
 * Why it exists: the Jenkins Maven repository is not reachable from every build machine, yet the default
 * build must compile every main source of the Jenkins plugin and run its Jenkins-independent tests.
 * It declares only the members the plugin uses, with the package, name, type parameters, signature,
 * annotations (and retention) and checked exceptions of the real type, as read in
 * spring-projects/spring-security core (audited at tag 7.1.0, commit 8078781a: the spring-security-bom 7.1.0
 * that Jenkins core 2.568.1 imports).
 * Bodies only satisfy the compiler: nothing here has behaviour.
 */

package org.springframework.security.core;

import java.io.Serializable;
import java.security.Principal;

public interface Authentication extends Principal, Serializable {
}
