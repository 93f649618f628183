package io.github.infisicalci.jenkins.binding;

import hudson.model.Item;
import hudson.util.FormValidation;
import io.github.infisicalci.jenkins.config.FormSupport;

/**
 * The form checks only a {@code withInfisical} block has (keys, paths), shared by the descriptors of the
 * freestyle wrapper and the Pipeline step; the connection fields use {@link FormSupport}. Each checks the
 * user's permission on the item first (a user without Item/CONFIGURE learns nothing).
 */
public final class BlockForms {
  private BlockForms() {
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
}
