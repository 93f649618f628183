package io.github.infisicalci.jenkins.migration;

import hudson.Extension;
import hudson.PluginWrapper;
import hudson.model.AdministrativeMonitor;

/** Shown under Manage Jenkins while the official Infisical plugin is installed and active next to this one. */
@Extension
public final class OfficialPluginMonitor extends AdministrativeMonitor {
  @Override
  public boolean isActivated() {
    return OfficialPluginMigration.activeOfficialPlugin().isPresent();
  }

  @Override
  public String getDisplayName() {
    return "Infisical: the official Infisical plugin is installed too";
  }

  /** The explanation (plain text; the view escapes it). */
  public String getMessage() {
    return OfficialPlugin.coexistenceMessage(
        OfficialPluginMigration.activeOfficialPlugin().map(PluginWrapper::getVersion).orElse(null));
  }
}
