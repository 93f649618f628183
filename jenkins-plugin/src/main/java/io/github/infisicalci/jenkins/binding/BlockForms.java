package io.github.infisicalci.jenkins.binding;

import hudson.model.Item;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.github.infisicalci.jenkins.config.FormSupport;
import io.github.infisicalci.jenkins.config.InfisicalSettings;
import io.github.infisicalci.jenkins.config.SettingsLayers;
import io.github.infisicalci.jenkins.credentials.InfisicalCredentials;

/**
 * The form methods of a {@code withInfisical} block, shared by the descriptors of the freestyle wrapper
 * and the Pipeline step. Each checks the user's permission on the item before doing anything (a user
 * without Item/CONFIGURE learns nothing and causes no outbound call).
 */
public final class BlockForms {
  private BlockForms() {
  }

  /** Credentials the user may use on this item. */
  public static ListBoxModel credentials(Item item, String serverUrl, String credentialsId) {
    return InfisicalCredentials.listBox(item, SettingsLayers.effectiveServerUrl(item, serverUrl), credentialsId);
  }

  public static FormValidation checkServerUrl(Item item, String value) {
    return FormSupport.checkServerUrl(item, value);
  }

  /** A project id, project slug or environment slug ({@code field} names it in the message). */
  public static FormValidation checkName(Item item, String field, String value) {
    return FormSupport.checkName(item, field, value);
  }

  /** Key selection syntax and variable names (no outbound call). */
  public static FormValidation checkKeys(Item item, String value) {
    if (!FormSupport.canConfigure(item)) {
      return FormValidation.ok();
    }
    return KeyRules.problem(value).map(FormValidation::error).orElseGet(FormValidation::ok);
  }

  /** Path syntax (no outbound call). */
  public static FormValidation checkPaths(Item item, String value) {
    if (!FormSupport.canConfigure(item)) {
      return FormValidation.ok();
    }
    return KeyRules.pathProblem(value).map(FormValidation::error).orElseGet(FormValidation::ok);
  }

  /** Logs in and looks the project and environment up, with the item's enclosing defaults (Item/CONFIGURE). */
  public static FormValidation testConnection(Item item, String serverUrl, String credentialsId, String projectId,
      String projectSlug, String environment) {
    InfisicalSettings form = InfisicalSettings.builder().serverUrl(serverUrl).credentialsId(credentialsId)
        .projectId(projectId).projectSlug(projectSlug).environment(environment).build();
    return FormSupport.testConnection(item, SettingsLayers.enclosing(item).overriddenBy(form));
  }
}
