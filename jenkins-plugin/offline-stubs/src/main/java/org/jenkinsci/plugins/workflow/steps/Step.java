/*
 * OFFLINE STUB: a compile-only declaration, never shipped and never on the -Pjenkins class path.
 * Why it exists: the Jenkins Maven repository is not reachable from every build machine, yet the default
 * build must compile every main source of the Jenkins plugin and run its Jenkins-independent tests.
 * It declares only the members the plugin uses, with the package, name, type parameters, signature,
 * annotations (and retention) and checked exceptions of the real type, as read in
 * jenkinsci/workflow-step-api-plugin (audited at commit 0773c3c of 2025-11-17; bom-2.568.x manages 724.v538c2362b_dfb_).
 * Nullness annotations (@NonNull, @CheckForNull) are left out, as in the other stubs.
 * Note: real also implements ExtensionPoint.
 * Bodies only satisfy the compiler: nothing here has behaviour.
 */

package org.jenkinsci.plugins.workflow.steps;

import hudson.model.AbstractDescribableImpl;

@SuppressWarnings("deprecation")
public abstract class Step extends AbstractDescribableImpl<Step> {
    public abstract StepExecution start(StepContext context) throws Exception;
}
