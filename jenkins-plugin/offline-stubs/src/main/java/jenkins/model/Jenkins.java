/*
 * OFFLINE STUB: a compile-only declaration, never shipped and never on the -Pjenkins class path.
 * Why it exists: the Jenkins Maven repository is not reachable from every build machine, yet the default
 * build must compile every main source of the Jenkins plugin and run its Jenkins-independent tests.
 * It declares only the members the plugin uses, with the package, name, type parameters, signature,
 * annotations (and retention) and checked exceptions of the real type, as read in
 * jenkinsci/jenkins core (audited at tag jenkins-2.568.1, commit ce61ddbf, the plugin baseline).
 * Note: real extends AbstractCIBase and implements DirectlyModifiableTopLevelItemGroup, an ItemGroup<TopLevelItem>, among others.
 * Bodies only satisfy the compiler: nothing here has behaviour.
 */

package jenkins.model;

import hudson.PluginManager;
import hudson.ProxyConfiguration;
import hudson.model.ItemGroup;
import hudson.model.TopLevelItem;
import hudson.security.AccessControlled;
import hudson.security.Permission;
import hudson.util.XStream2;

public class Jenkins implements AccessControlled, ItemGroup<TopLevelItem> {
    public static final Permission ADMINISTER = null;

    public static final XStream2 XSTREAM2 = null;

    private Jenkins() {
        throw new UnsupportedOperationException();
    }

    public static Jenkins get() throws IllegalStateException {
        throw new UnsupportedOperationException();
    }

    public PluginManager getPluginManager() {
        throw new UnsupportedOperationException();
    }

    public ProxyConfiguration getProxy() {
        throw new UnsupportedOperationException();
    }
}
