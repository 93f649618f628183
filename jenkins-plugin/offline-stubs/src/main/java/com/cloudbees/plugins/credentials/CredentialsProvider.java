/*
 * OFFLINE STUB: a compile-only declaration, never shipped and never on the -Pjenkins class path.
 * Why it exists: the Jenkins Maven repository is not reachable from every build machine, yet the default
 * build must compile every main source of the Jenkins plugin and run its Jenkins-independent tests.
 * It declares only the members the plugin uses, with the package, name, type parameters, signature,
 * annotations (and retention) and checked exceptions of the real type, as read in
 * jenkinsci/credentials-plugin.
 * Note: real also implements ExtensionPoint, IconSpec.
 * Bodies only satisfy the compiler: nothing here has behaviour.
 */

package com.cloudbees.plugins.credentials;

import com.cloudbees.plugins.credentials.common.IdCredentials;
import com.cloudbees.plugins.credentials.domains.DomainRequirement;
import hudson.model.Describable;
import hudson.model.Descriptor;
import hudson.model.Item;
import hudson.model.ItemGroup;
import hudson.model.Run;
import hudson.security.Permission;
import java.util.List;
import org.springframework.security.core.Authentication;

public abstract class CredentialsProvider extends Descriptor<CredentialsProvider> implements Describable<CredentialsProvider> {
    public static final Permission USE_ITEM = null;

    public static <C extends IdCredentials> C findCredentialById(String id, Class<C> type, Run<?, ?> run,
            List<DomainRequirement> domainRequirements) {
        throw new UnsupportedOperationException();
    }

    public static <C extends IdCredentials> C findCredentialByIdInItem(String id, Class<C> type, Item item,
            Authentication authentication, List<DomainRequirement> domainRequirements) {
        throw new UnsupportedOperationException();
    }

    public static <C extends IdCredentials> C findCredentialByIdInItemGroup(String id, Class<C> type,
            ItemGroup<?> itemGroup, Authentication authentication, List<DomainRequirement> domainRequirements) {
        throw new UnsupportedOperationException();
    }

    @SuppressWarnings("rawtypes")
    public static <C extends Credentials> C track(Run build, C credentials) {
        throw new UnsupportedOperationException();
    }
}
