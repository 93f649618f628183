/*
 * OFFLINE STUB: a compile-only declaration, never shipped and never on the -Pjenkins class path.
 * Why it exists: the Jenkins Maven repository is not reachable from every build machine, yet the default
 * build must compile every main source of the Jenkins plugin and run its Jenkins-independent tests.
 * It declares only the members the plugin uses, with the package, name, type parameters, signature,
 * annotations (and retention) and checked exceptions of the real type, as read in
 * jenkinsci/cloudbees-folder-plugin (audited at commit b72f4d5c of 2026-04-17; bom-2.568.x manages 6.1106.v3a_d9a_6d2465e).
 * Note: real also implements ModifiableViewGroup and others.
 * Its only constructor is declared as in the real type (no implicit public one that the real type lacks).
 * Bodies only satisfy the compiler: nothing here has behaviour.
 */

package com.cloudbees.hudson.plugins.folder;

import hudson.model.AbstractItem;
import hudson.model.ItemGroup;
import hudson.model.TopLevelItem;
import hudson.util.DescribableList;

public abstract class AbstractFolder<I extends TopLevelItem> extends AbstractItem implements TopLevelItem, ItemGroup<I> {
    @SuppressWarnings("rawtypes")
    protected AbstractFolder(ItemGroup parent, String name) {
        super(parent, name);
        throw new UnsupportedOperationException();
    }

    public DescribableList<AbstractFolderProperty<?>, AbstractFolderPropertyDescriptor> getProperties() {
        throw new UnsupportedOperationException();
    }
}
