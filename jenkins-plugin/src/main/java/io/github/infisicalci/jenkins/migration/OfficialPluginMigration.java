package io.github.infisicalci.jenkins.migration;

import hudson.PluginWrapper;
import hudson.init.InitMilestone;
import hudson.init.Initializer;
import hudson.model.Items;
import hudson.model.User;
import hudson.util.XStream2;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.model.Jenkins;

/**
 * At start-up, before any credentials or job is loaded: when the official plugin is not active, registers the
 * read-only compatibility aliases of {@link OfficialPlugin#ALIASES} on every XStream that stores them
 * ({@code credentials.xml}: {@code Jenkins.XSTREAM2}; jobs and folders (folder credentials):
 * {@code Items.XSTREAM2}; users' credentials: {@code User.XSTREAM}). When it is active, nothing is aliased
 * (its own classes read its data) and a warning explains the migration.
 */
public final class OfficialPluginMigration {
  private static final Logger LOGGER = Logger.getLogger(OfficialPluginMigration.class.getName());

  private OfficialPluginMigration() {
  }

  /** Registers the aliases, or logs why not. */
  @Initializer(after = InitMilestone.PLUGINS_PREPARED, before = InitMilestone.PLUGINS_STARTED)
  public static void registerAliases() {
    Optional<PluginWrapper> official = activeOfficialPlugin();
    if (official.isPresent()) {
      LOGGER.log(Level.WARNING, OfficialPlugin.coexistenceMessage(official.get().getVersion()));
      return;
    }
    for (XStream2 xstream : List.of(Jenkins.XSTREAM2, Items.XSTREAM2, User.XSTREAM)) {
      OfficialPlugin.ALIASES.forEach(xstream::addCompatibilityAlias);
    }
  }

  /** The official plugin when it is installed and active. */
  static Optional<PluginWrapper> activeOfficialPlugin() {
    PluginWrapper p = Jenkins.get().getPluginManager().getPlugin(OfficialPlugin.SHORT_NAME);
    return Optional.ofNullable(p).filter(PluginWrapper::isActive);
  }
}
