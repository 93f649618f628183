/*
 * OFFLINE STUB: a compile-only declaration, never shipped and never on the -Pjenkins class path.
 * Why it exists: the Jenkins Maven repository is not reachable from every build machine, yet the default
 * build must compile every main source of the Jenkins plugin and run its Jenkins-independent tests.
 * It declares only the members the plugin uses, with the package, name, type parameters, signature,
 * annotations (and retention) and checked exceptions of the real type, as read in
 * jenkinsci/credentials-plugin.
 * Bodies only satisfy the compiler: nothing here has behaviour.
 */

package com.cloudbees.plugins.credentials.impl;

import com.cloudbees.plugins.credentials.BaseCredentials;
import com.cloudbees.plugins.credentials.CredentialsDescriptor;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.common.StandardCredentials;

public abstract class BaseStandardCredentials extends BaseCredentials implements StandardCredentials {
    public BaseStandardCredentials(CredentialsScope scope, String id, String description) {
        super(scope);
        throw new UnsupportedOperationException();
    }

    @Override
    public String getDescription() {
        throw new UnsupportedOperationException();
    }

    @Override
    public String getId() {
        throw new UnsupportedOperationException();
    }

    protected abstract static class BaseStandardCredentialsDescriptor extends CredentialsDescriptor {
        protected BaseStandardCredentialsDescriptor() {
            throw new UnsupportedOperationException();
        }
    }
}
