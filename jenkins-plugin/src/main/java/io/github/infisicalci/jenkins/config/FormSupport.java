package io.github.infisicalci.jenkins.config;

import hudson.AbortException;
import hudson.model.Item;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.github.infisicalci.client.ClientConfig;
import io.github.infisicalci.client.InfisicalException;
import io.github.infisicalci.client.secrets.ProjectRef;
import io.github.infisicalci.jenkins.credentials.CredentialMaterial;
import io.github.infisicalci.jenkins.credentials.InfisicalCredentials;
import io.github.infisicalci.jenkins.console.MaskingPlan;
import java.util.List;
import java.util.Map;
import jenkins.model.Jenkins;

/**
 * Form-method bodies shared by the global configuration, the folder property, the freestyle wrapper and
 * the Pipeline step (the block-only checks are in {@code io.github.infisicalci.jenkins.binding.BlockForms}).
 * Every method first checks that the user may configure the context (Item/CONFIGURE on {@code item},
 * or Jenkins/ADMINISTER for the global context); a user who may not learns nothing and causes no
 * outbound call.
 */
public final class FormSupport {
  private FormSupport() {
  }

  /** Whether the current user may configure {@code item} (the global configuration when {@code null}). */
  public static boolean canConfigure(Item item) {
    return item == null ? Jenkins.get().hasPermission(Jenkins.ADMINISTER) : item.hasPermission(Item.CONFIGURE);
  }

  /** Credentials the user may use on {@code item}, for the form's server URL or the enclosing default. */
  public static ListBoxModel credentials(Item item, String serverUrl, String credentialsId) {
    return InfisicalCredentials.listBox(item, SettingsLayers.effectiveServerUrl(item, serverUrl), credentialsId);
  }

  /** Server URL syntax (no outbound call). */
  public static FormValidation checkServerUrl(Item item, String value) {
    if (!canConfigure(item) || value == null || value.isBlank()) {
      return FormValidation.ok();
    }
    return SettingsValidation.serverUrlProblem(value).map(FormValidation::error).orElseGet(FormValidation::ok);
  }

  /** Slug or id syntax (no outbound call). */
  public static FormValidation checkName(Item item, String field, String value) {
    if (!canConfigure(item) || value == null || value.isBlank()) {
      return FormValidation.ok();
    }
    return SettingsValidation.nameProblem(field, value).map(FormValidation::error).orElseGet(FormValidation::ok);
  }

  /**
   * Logs in and looks the project and environment up, with the form's values over the defaults that
   * enclose {@code item} (Item/CONFIGURE).
   */
  public static FormValidation testConnection(Item item, String serverUrl, String credentialsId, String projectId,
      String projectSlug, String environment) {
    InfisicalSettings form = InfisicalSettings.connection(serverUrl, credentialsId, projectId, projectSlug, environment);
    return testConnection(item, SettingsLayers.enclosing(item).overriddenBy(form));
  }

  /**
   * Logs in with the chosen credentials and looks the project (and environment) up.
   *
   * @param settings the values on the form, over the defaults of the enclosing contexts
   */
  public static FormValidation testConnection(Item item, InfisicalSettings settings) {
    if (item == null) {
      Jenkins.get().checkPermission(Jenkins.ADMINISTER);
    } else {
      item.checkPermission(Item.CONFIGURE);
    }
    if (settings.credentialsId() == null) {
      return FormValidation.error("Choose credentials first");
    }
    List<String> problems = SettingsValidation.problems(settings);
    if (!problems.isEmpty()) {
      return FormValidation.error(String.join("; ", problems));
    }
    CredentialMaterial cred;
    try {
      cred = InfisicalCredentials.inContext(settings.credentialsId(), item, serverUrlOf(settings));
    } catch (AbortException e) {
      return FormValidation.error(e.getMessage());
    }
    MaskingPlan scrub = MaskingPlan.of(Map.of("credentials", cred.secret()));
    try {
      ClientConfig config = ClientConfigFactory.create(settings, JenkinsProxy.current(), null);
      ProjectRef project = settings.projectRef();
      ConnectionCheck.Result r = ConnectionCheck.run(config, cred.authMethod(), project, settings.environment());
      return r.ok() ? FormValidation.ok(scrub.scrub(r.message())) : FormValidation.error(scrub.scrub(r.message()));
    } catch (InfisicalException | IllegalArgumentException e) {
      return FormValidation.error(scrub.scrub(e.getMessage()));
    }
  }

  /** The URL a settings layer talks to (the client default when unset). */
  public static String serverUrlOf(InfisicalSettings settings) {
    return settings.serverUrl() != null ? settings.serverUrl() : ClientConfig.DEFAULT_BASE_URL;
  }
}
