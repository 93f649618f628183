package io.github.infisicalci.jenkins.binding;

import hudson.AbortException;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.github.infisicalci.client.ClientConfig;
import io.github.infisicalci.client.InfisicalClient;
import io.github.infisicalci.client.InfisicalException;
import io.github.infisicalci.client.SecretValue;
import io.github.infisicalci.client.auth.AuthMethod;
import io.github.infisicalci.client.secrets.ProjectRef;
import io.github.infisicalci.export.ExportEntry;
import io.github.infisicalci.jenkins.auth.CachingAuthMethod;
import io.github.infisicalci.jenkins.auth.TokenCache;
import io.github.infisicalci.jenkins.auth.TokenCacheKey;
import io.github.infisicalci.jenkins.config.ClientConfigFactory;
import io.github.infisicalci.jenkins.config.FormSupport;
import io.github.infisicalci.jenkins.config.InfisicalSettings;
import io.github.infisicalci.jenkins.config.JenkinsProxy;
import io.github.infisicalci.jenkins.config.SettingsLayers;
import io.github.infisicalci.jenkins.config.SettingsValidation;
import io.github.infisicalci.jenkins.console.MaskingPlan;
import io.github.infisicalci.jenkins.credentials.CredentialMaterial;
import io.github.infisicalci.jenkins.credentials.InfisicalCredentials;
import io.github.infisicalci.jenkins.report.InfisicalRunAction;
import io.github.infisicalci.jenkins.report.InjectedBlock;
import io.github.infisicalci.mask.Masker;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the controller side of one {@code withInfisical} block, for the freestyle wrapper and the Pipeline
 * step alike: merges the settings layers, chooses the environment, looks the credentials up for the run,
 * fetches (through the shared token cache), records the block in {@link InfisicalRunAction} and logs what
 * was injected (names only). How the variables reach the block is the caller's business.
 */
public final class BlockLoader {
  /** Prefix of every line this plugin writes to the build log. */
  public static final String LOG_PREFIX = "[Infisical] ";
  private static final Object RUN_ACTION_LOCK = new Object();

  /**
   * The variables of a block and how to mask them.
   *
   * @param entries variables in order (names unique)
   * @param plan the masking plan of the values
   * @param masker the masker of {@code plan}, built on the controller
   */
  public record Injection(List<ExportEntry> entries, MaskingPlan plan, Masker masker) {
    /** Variable name → value, in order. */
    public Map<String, SecretValue> byName() {
      return BlockLoader.byName(entries);
    }

    /** The variable names, in order. */
    public List<String> names() {
      return entries.stream().map(ExportEntry::name).toList();
    }
  }

  private BlockLoader() {
  }

  /**
   * Fetches the block's secrets.
   *
   * @param options what the block asks for
   * @param build the run (its job's folders give the defaults; credentials are looked up for it)
   * @param workspace where {@code .infisical.json} may be, or {@code null} outside a workspace
   * @param listener the build log
   * @param buildEnv the build's environment ({@code BRANCH_NAME}, {@code GIT_BRANCH})
   * @throws AbortException with one message naming what was wrong (never a secret value)
   */
  public static Injection load(BlockOptions options, Run<?, ?> build, FilePath workspace, TaskListener listener,
      Map<String, String> buildEnv) throws IOException, InterruptedException {
    PrintStream log = listener.getLogger();
    MaskingPlan credentialMask = null;
    try {
      List<InfisicalSettings> layers = new ArrayList<>(SettingsLayers.of(build.getParent()));
      layers.add(options.settings());
      InfisicalSettings settings = InfisicalSettings.merge(layers);
      List<String> problems = SettingsValidation.problems(settings);
      if (!problems.isEmpty()) {
        throw new BlockException(String.join("; ", problems));
      }
      List<FetchGroup> groups = options.fetchGroups();
      String json = null;
      if (settings.environment() == null && workspace != null) {
        FilePath file = workspace.child(EnvironmentSelector.CONFIG_FILE);
        if (file.exists()) {
          json = file.readToString();
        }
      }
      EnvironmentSelector.Choice env = EnvironmentSelector.choose(settings.environment(), buildEnv, json);
      log.println(LOG_PREFIX + env.explanation());
      LoginMethod method = options.login().method();
      String url = FormSupport.serverUrlOf(settings);
      CredentialMaterial cred = null;
      if (method.needsCredentials()) {
        if (settings.credentialsId() == null) {
          throw new BlockException(method == LoginMethod.CREDENTIALS
              ? "No Infisical credentials: set 'credentialsId' (or configuration.infisicalCredentialId)"
                  + " on the step, the folder or the global configuration"
              : "authMethod '" + method.inputName() + "' needs 'credentialsId': the Secret text credential that"
                  + " holds the token");
        }
        cred = InfisicalCredentials.forRun(settings.credentialsId(), build, url);
        credentialMask = MaskingPlan.of(Map.of("credentials", cred.secret()));
      }
      boolean credentialsLogIn = cred != null && cred.canLogIn(); // not a given token
      ProjectRef project = settings.projectRef();
      if (project == null && (method != LoginMethod.CREDENTIALS || credentialsLogIn)) {
        throw new BlockException("No Infisical project: set 'projectId' or 'projectSlug' (or"
            + " configuration.infisicalProjectSlug) on the step, the folder or the global configuration");
      }
      String projectLabel = project == null ? "(service token's project)" : project.value();
      ClientConfig config = ClientConfigFactory.create(settings, JenkinsProxy.current(),
          line -> log.println(LOG_PREFIX + line));
      AuthMethod login = BlockLogin.of(options.login(), cred,
          method == LoginMethod.KUBERNETES && workspace != null ? BlockLogin.agentToken(workspace) : null, buildEnv);
      AuthMethod auth = login;
      if (method == LoginMethod.CREDENTIALS && credentialsLogIn) {
        auth = new CachingAuthMethod(TokenCache.shared(),
            new TokenCacheKey(config.baseUrl(), cred.credentialsId(), cred.fingerprint()), login);
      }
      if (method != LoginMethod.CREDENTIALS) {
        log.println(LOG_PREFIX + "Logging in with " + login.description());
      }
      SecretsLoader.Loaded loaded;
      try (InfisicalClient client = InfisicalClient.create(config, auth)) {
        loaded = new SecretsLoader(client::fetchSecrets,
            SecretsLoader.policy(options.allowedNames(SettingsLayers.allowedNames(build.getParent()))))
            .load(project, projectLabel, env.environment(), groups);
      }
      return record(build, loaded, projectLabel, env.environment(), log);
    } catch (BlockException | InfisicalException | IllegalArgumentException e) {
      // IllegalArgumentException covers ExportException and InvalidConfigurationException.
      String message = credentialMask == null ? e.getMessage() : credentialMask.scrub(e.getMessage());
      throw new AbortException("Infisical: " + message);
    }
  }

  private static Map<String, SecretValue> byName(List<ExportEntry> entries) {
    Map<String, SecretValue> m = new LinkedHashMap<>();
    for (ExportEntry e : entries) {
      m.put(e.name(), e.value());
    }
    return m;
  }

  private static Injection record(Run<?, ?> build, SecretsLoader.Loaded loaded, String project, String environment,
      PrintStream log) {
    MaskingPlan plan = MaskingPlan.of(byName(loaded.entries()));
    Masker masker = plan.masker();
    InfisicalRunAction action;
    synchronized (RUN_ACTION_LOCK) { // parallel Pipeline branches may record blocks of one run at once
      action = build.getAction(InfisicalRunAction.class);
      if (action == null) {
        action = new InfisicalRunAction();
        build.addAction(action);
      }
    }
    for (SecretsLoader.GroupReport g : loaded.groups()) {
      action.add(new InjectedBlock(project, environment, g.paths(), g.names(), g.warnings()));
      for (String warning : g.warnings()) {
        log.println(LOG_PREFIX + "WARNING: " + warning);
      }
    }
    for (String note : loaded.notes()) {
      log.println(LOG_PREFIX + note);
    }
    if (!masker.skippedNames().isEmpty()) {
      log.println(LOG_PREFIX + "Too short or blank to mask in the log: " + String.join(", ", masker.skippedNames()));
    }
    if (!masker.partlyMaskedNames().isEmpty()) {
      log.println(LOG_PREFIX + "Lines without secret content (blank, punctuation or too short) are not masked"
          + " on their own in: " + String.join(", ", masker.partlyMaskedNames()));
    }
    log.println(LOG_PREFIX + "Injected " + loaded.entries().size() + " variable(s) from project " + project
        + ", environment " + environment + ": " + String.join(", ", loaded.names()));
    return new Injection(loaded.entries(), plan, masker);
  }
}
