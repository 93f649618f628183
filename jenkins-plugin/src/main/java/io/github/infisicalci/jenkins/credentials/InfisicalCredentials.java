package io.github.infisicalci.jenkins.credentials;

import com.cloudbees.plugins.credentials.CredentialsMatcher;
import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import com.cloudbees.plugins.credentials.domains.DomainRequirement;
import com.cloudbees.plugins.credentials.domains.URIRequirementBuilder;
import hudson.AbortException;
import hudson.model.Item;
import hudson.model.Queue;
import hudson.model.Run;
import hudson.model.queue.Tasks;
import hudson.security.ACL;
import hudson.util.ListBoxModel;
import hudson.util.Secret;
import io.github.infisicalci.client.SecretValue;
import io.github.infisicalci.jenkins.migration.OfficialPlugin;
import java.util.List;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.springframework.security.core.Authentication;

/**
 * Finds the credentials a block or a form names, and lists those a user may pick. Accepted kinds:
 * {@link InfisicalUniversalAuthCredentials} and Secret text ({@link StringCredentials}) holding a
 * machine-identity access token or a legacy {@code st.} service token.
 */
public final class InfisicalCredentials {
  private static final CredentialsMatcher ACCEPTED = CredentialsMatchers.anyOf(
      CredentialsMatchers.instanceOf(InfisicalUniversalAuthCredentials.class),
      CredentialsMatchers.instanceOf(StringCredentials.class));

  private InfisicalCredentials() {
  }

  /**
   * Looks {@code id} up in the run's context (so folder and user-scoped credentials resolve as for any
   * other build step) and records its use on the run.
   *
   * @throws AbortException when it does not exist for this run or is of another kind
   */
  public static CredentialMaterial forRun(String id, Run<?, ?> run, String serverUrl) throws AbortException {
    StandardCredentials c = CredentialsProvider.findCredentialById(id, StandardCredentials.class, run,
        requirements(serverUrl));
    if (c == null) {
      throw new AbortException("Infisical credentials '" + id + "' were not found, or this build may not use them");
    }
    CredentialsProvider.track(run, c);
    return material(c);
  }

  /**
   * Looks {@code id} up as the forms do: in {@code item}'s context (the global context when {@code null}).
   * The caller has checked Item/CONFIGURE (or Jenkins/ADMINISTER).
   */
  public static CredentialMaterial inContext(String id, Item item, String serverUrl) throws AbortException {
    StandardCredentials c = item == null
        ? CredentialsProvider.findCredentialByIdInItemGroup(id, StandardCredentials.class, Jenkins.get(), ACL.SYSTEM2,
            requirements(serverUrl))
        : CredentialsProvider.findCredentialByIdInItem(id, StandardCredentials.class, item, authenticationOf(item),
            requirements(serverUrl));
    if (c == null) {
      throw new AbortException("Infisical credentials '" + id + "' were not found in this context");
    }
    return material(c);
  }

  /**
   * The dropdown of accepted credentials for {@code item} (global context when {@code null}). A user who
   * may not configure the item (or administer Jenkins, for the global context) sees only the current value.
   */
  public static ListBoxModel listBox(Item item, String serverUrl, String current) {
    StandardListBoxModel result = new StandardListBoxModel();
    if (item == null) {
      if (!Jenkins.get().hasPermission(Jenkins.ADMINISTER)) {
        return result.includeCurrentValue(current);
      }
      return result.includeEmptyValue()
          .includeMatchingAs(ACL.SYSTEM2, Jenkins.get(), StandardCredentials.class, requirements(serverUrl), ACCEPTED)
          .includeCurrentValue(current);
    }
    if (!item.hasPermission(Item.EXTENDED_READ) && !item.hasPermission(CredentialsProvider.USE_ITEM)) {
      return result.includeCurrentValue(current);
    }
    return result.includeEmptyValue()
        .includeMatchingAs(authenticationOf(item), item, StandardCredentials.class, requirements(serverUrl), ACCEPTED)
        .includeCurrentValue(current);
  }

  static CredentialMaterial material(StandardCredentials c) throws AbortException {
    if (c instanceof InfisicalUniversalAuthCredentials ua) {
      return CredentialMaterial.universalAuth(ua.getId(), ua.getClientId(), reveal(ua.getClientSecret()));
    }
    if (c instanceof StringCredentials s) {
      return CredentialMaterial.token(s.getId(), reveal(s.getSecret()));
    }
    if (c.getClass().getName().equals(OfficialPlugin.CREDENTIAL_CLASS)) {
      throw new AbortException("Credentials '" + c.getId() + "' belong to the official Infisical plugin, which is"
          + " installed next to this one: uninstall it and restart Jenkins to migrate them (Manage Jenkins explains)");
    }
    throw new AbortException("Credentials '" + c.getId() + "' are neither Infisical Universal Auth nor Secret text");
  }

  private static SecretValue reveal(Secret s) {
    return SecretValue.of(s == null ? "" : s.getPlainText());
  }

  private static Authentication authenticationOf(Item item) {
    return item instanceof Queue.Task task ? Tasks.getAuthenticationOf2(task) : ACL.SYSTEM2;
  }

  private static List<DomainRequirement> requirements(String serverUrl) {
    return URIRequirementBuilder.fromUri(serverUrl).build();
  }
}
