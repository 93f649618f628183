package io.github.infisicalci.jenkins.binding;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.Launcher;
import hudson.console.ConsoleLogFilter;
import hudson.model.AbstractBuild;
import hudson.model.AbstractProject;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.tasks.BuildWrapperDescriptor;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.github.infisicalci.client.ClientConfig;
import io.github.infisicalci.client.InfisicalClient;
import io.github.infisicalci.client.InfisicalException;
import io.github.infisicalci.client.SecretValue;
import io.github.infisicalci.client.auth.AuthMethod;
import io.github.infisicalci.client.secrets.ProjectRef;
import io.github.infisicalci.export.EnvNamePolicy;
import io.github.infisicalci.export.ExportEntry;
import io.github.infisicalci.export.ExportException;
import io.github.infisicalci.export.KeySelection;
import io.github.infisicalci.jenkins.auth.CachingAuthMethod;
import io.github.infisicalci.jenkins.auth.TokenCache;
import io.github.infisicalci.jenkins.auth.TokenCacheKey;
import io.github.infisicalci.jenkins.config.ClientConfigFactory;
import io.github.infisicalci.jenkins.config.FormSupport;
import io.github.infisicalci.jenkins.config.InfisicalSettings;
import io.github.infisicalci.jenkins.config.JenkinsProxy;
import io.github.infisicalci.jenkins.config.SettingsLayers;
import io.github.infisicalci.jenkins.config.SettingsValidation;
import io.github.infisicalci.jenkins.console.ForgetLiveMasks;
import io.github.infisicalci.jenkins.console.LiveMasks;
import io.github.infisicalci.jenkins.console.MaskingConsoleLogFilter;
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
import java.util.Set;
import jenkins.tasks.SimpleBuildWrapper;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * {@code withInfisical(...) { ... }} in Pipeline and the "Infisical secrets" Build Environment option of
 * freestyle jobs: fetches secrets on the controller and sets them as environment variables of the
 * block only, masked in the console log.
 *
 * <p>Two syntaxes, which may be combined: the concise one ({@code credentialsId}, {@code projectId} or
 * {@code projectSlug}, {@code environment}, {@code paths}, {@code keys}, {@code recursive},
 * {@code includeImports}, {@code serverUrl}) and the official jenkinsci/infisical-plugin one
 * ({@code configuration: [...]}, {@code infisicalSecrets: [...]}). Step values override the folder
 * defaults, which override the global configuration.
 */
public final class InfisicalBuildWrapper extends SimpleBuildWrapper {
  private static final String LOG_PREFIX = "[Infisical] ";

  private String serverUrl;
  private String credentialsId;
  private String projectId;
  private String projectSlug;
  private String environment;
  private String paths;
  private String keys;
  private boolean recursive;
  private boolean includeImports = true;
  private InfisicalConnection configuration;
  private List<InfisicalSecretFolder> infisicalSecrets;

  /** Secrets of the last setUp, for {@link #createLoggerDecorator} in Pipeline; never persisted. */
  private transient MaskingPlan pipelineMasks;

  @DataBoundConstructor
  public InfisicalBuildWrapper() {
  }

  // ---- concise form -------------------------------------------------------------------------------

  public String getServerUrl() {
    return serverUrl;
  }

  @DataBoundSetter
  public void setServerUrl(String serverUrl) {
    this.serverUrl = blankToNull(serverUrl);
  }

  public String getCredentialsId() {
    return credentialsId;
  }

  @DataBoundSetter
  public void setCredentialsId(String credentialsId) {
    this.credentialsId = blankToNull(credentialsId);
  }

  public String getProjectId() {
    return projectId;
  }

  @DataBoundSetter
  public void setProjectId(String projectId) {
    this.projectId = blankToNull(projectId);
  }

  public String getProjectSlug() {
    return projectSlug;
  }

  @DataBoundSetter
  public void setProjectSlug(String projectSlug) {
    this.projectSlug = blankToNull(projectSlug);
  }

  public String getEnvironment() {
    return environment;
  }

  @DataBoundSetter
  public void setEnvironment(String environment) {
    this.environment = blankToNull(environment);
  }

  /** Folder paths, one per line or comma-separated; a later path wins. Default {@code /}. */
  public String getPaths() {
    return paths;
  }

  @DataBoundSetter
  public void setPaths(String paths) {
    this.paths = blankToNull(paths);
  }

  /**
   * Key selection, one rule per line: {@code KEY}, {@code KEY=ENV_NAME}, {@code KEY?} (optional),
   * {@code KEY?=ENV_NAME}. Empty: every key under its own name.
   */
  public String getKeys() {
    return keys;
  }

  @DataBoundSetter
  public void setKeys(String keys) {
    this.keys = blankToNull(keys);
  }

  public boolean isRecursive() {
    return recursive;
  }

  @DataBoundSetter
  public void setRecursive(boolean recursive) {
    this.recursive = recursive;
  }

  public boolean isIncludeImports() {
    return includeImports;
  }

  @DataBoundSetter
  public void setIncludeImports(boolean includeImports) {
    this.includeImports = includeImports;
  }

  // ---- official plugin form ---------------------------------------------------------------------

  public InfisicalConnection getConfiguration() {
    return configuration;
  }

  @DataBoundSetter
  public void setConfiguration(InfisicalConnection configuration) {
    this.configuration = configuration;
  }

  public List<InfisicalSecretFolder> getInfisicalSecrets() {
    return infisicalSecrets == null ? null : List.copyOf(infisicalSecrets);
  }

  @DataBoundSetter
  public void setInfisicalSecrets(List<InfisicalSecretFolder> infisicalSecrets) {
    this.infisicalSecrets = infisicalSecrets == null || infisicalSecrets.isEmpty() ? null
        : new ArrayList<>(infisicalSecrets);
  }

  // ---- plan (no Jenkins types; unit-tested) -----------------------------------------------------

  /** The step's own settings layer: the official {@code configuration}, then the concise fields on top. */
  public InfisicalSettings stepSettings() {
    InfisicalSettings concise = InfisicalSettings.builder().serverUrl(serverUrl).credentialsId(credentialsId)
        .projectId(projectId).projectSlug(projectSlug).environment(environment).build();
    InfisicalSettings official = configuration == null ? InfisicalSettings.EMPTY : configuration.toSettings();
    return official.overriddenBy(concise);
  }

  /**
   * What to fetch: one group per official {@code infisicalSecrets} entry (entries without keys are
   * skipped), plus the concise group when {@code paths} or {@code keys} is set or nothing else is.
   *
   * @throws BlockException when {@code keys} or a path is malformed
   */
  public List<FetchGroup> fetchGroups() {
    List<FetchGroup> groups = new ArrayList<>();
    if (infisicalSecrets != null) {
      for (InfisicalSecretFolder f : infisicalSecrets) {
        FetchGroup g = f.toFetchGroup();
        if (!g.selection().selectsAll()) {
          groups.add(g);
        }
      }
    }
    if (paths != null || keys != null || infisicalSecrets == null) {
      KeySelection selection;
      try {
        selection = KeySelection.parse(keys);
      } catch (ExportException e) {
        throw new BlockException("keys: " + e.getMessage());
      }
      groups.add(new FetchGroup(splitPaths(paths), recursive, includeImports, selection));
    }
    if (groups.isEmpty()) {
      throw new BlockException("infisicalSecrets lists no secretValues (infisicalKey) to read");
    }
    return groups;
  }

  static List<String> splitPaths(String text) {
    List<String> out = new ArrayList<>();
    if (text != null) {
      for (String p : text.split("[\\n,]")) {
        if (!p.isBlank()) {
          out.add(p.trim());
        }
      }
    }
    return out;
  }

  // ---- Jenkins glue -----------------------------------------------------------------------------

  /** Secrets are fetched on the controller: a Pipeline block may also run outside {@code node}. */
  @Override
  public boolean requiresWorkspace() {
    return false;
  }

  @Override
  public void setUp(Context context, Run<?, ?> build, FilePath workspace, Launcher launcher, TaskListener listener,
      EnvVars initialEnvironment) throws IOException, InterruptedException {
    setUpBlock(context, build, workspace, listener, initialEnvironment);
  }

  @Override
  public void setUp(Context context, Run<?, ?> build, TaskListener listener, EnvVars initialEnvironment)
      throws IOException, InterruptedException {
    setUpBlock(context, build, null, listener, initialEnvironment);
  }

  private void setUpBlock(Context context, Run<?, ?> build, FilePath workspace, TaskListener listener,
      EnvVars initialEnvironment) throws IOException, InterruptedException {
    PrintStream log = listener.getLogger();
    MaskingPlan credentialMask = null;
    try {
      List<InfisicalSettings> layers = new ArrayList<>(SettingsLayers.of(build.getParent()));
      layers.add(stepSettings());
      InfisicalSettings settings = InfisicalSettings.merge(layers);
      List<String> problems = SettingsValidation.problems(settings);
      if (!problems.isEmpty()) {
        throw new BlockException(String.join("; ", problems));
      }
      List<FetchGroup> groups = fetchGroups();
      String json = null;
      if (settings.environment() == null && workspace != null) {
        FilePath file = workspace.child(EnvironmentSelector.CONFIG_FILE);
        if (file.exists()) {
          json = file.readToString();
        }
      }
      EnvironmentSelector.Choice env = EnvironmentSelector.choose(settings.environment(), initialEnvironment, json);
      log.println(LOG_PREFIX + env.explanation());
      if (settings.credentialsId() == null) {
        throw new BlockException("No Infisical credentials: set 'credentialsId' (or configuration.infisicalCredentialId)"
            + " on the step, the folder or the global configuration");
      }
      String url = FormSupport.serverUrlOf(settings);
      CredentialMaterial cred = InfisicalCredentials.forRun(settings.credentialsId(), build, url);
      credentialMask = MaskingPlan.of(Map.of("credentials", cred.secret()));
      ProjectRef project = settings.projectId() != null ? ProjectRef.id(settings.projectId())
          : settings.projectSlug() != null ? ProjectRef.slug(settings.projectSlug()) : null;
      if (project == null && cred.canLogIn()) {
        throw new BlockException("No Infisical project: set 'projectId' or 'projectSlug' (or"
            + " configuration.infisicalProjectSlug) on the step, the folder or the global configuration");
      }
      String projectLabel = project == null ? "(service token's project)" : project.value();
      ClientConfig config = ClientConfigFactory.create(settings, JenkinsProxy.current(),
          line -> log.println(LOG_PREFIX + line));
      AuthMethod auth = cred.canLogIn()
          ? new CachingAuthMethod(TokenCache.shared(),
              new TokenCacheKey(config.baseUrl(), cred.credentialsId(), cred.fingerprint()), cred.authMethod())
          : cred.authMethod();
      SecretsLoader.Loaded loaded;
      try (InfisicalClient client = InfisicalClient.create(config, auth)) {
        loaded = new SecretsLoader(client::fetchSecrets, EnvNamePolicy.strict())
            .load(project, projectLabel, env.environment(), groups);
      }
      apply(context, build, loaded, projectLabel, env.environment(), log);
    } catch (BlockException | InfisicalException | IllegalArgumentException e) {
      // IllegalArgumentException covers ExportException and InvalidConfigurationException.
      String message = credentialMask == null ? e.getMessage() : credentialMask.scrub(e.getMessage());
      throw new AbortException("Infisical: " + message);
    }
  }

  private void apply(Context context, Run<?, ?> build, SecretsLoader.Loaded loaded, String project,
      String environment, PrintStream log) {
    boolean freestyle = build instanceof AbstractBuild;
    Map<String, SecretValue> byName = new LinkedHashMap<>();
    for (ExportEntry e : loaded.entries()) {
      String value = e.value().reveal();
      context.env(e.name(), freestyle ? value : EnvValues.forPipeline(value));
      byName.put(e.name(), e.value());
    }
    MaskingPlan plan = MaskingPlan.of(byName);
    Masker masker = plan.masker();
    if (freestyle) {
      LiveMasks.put(build.getExternalizableId(), masker);
      context.setDisposer(new ForgetLiveMasks(build.getExternalizableId()));
    } else {
      pipelineMasks = plan;
    }
    InfisicalRunAction action = build.getAction(InfisicalRunAction.class);
    if (action == null) {
      action = new InfisicalRunAction();
      build.addAction(action);
    }
    for (SecretsLoader.GroupReport g : loaded.groups()) {
      action.add(new InjectedBlock(project, environment, g.paths(), g.names()));
    }
    for (String note : loaded.notes()) {
      log.println(LOG_PREFIX + note);
    }
    if (!masker.skippedNames().isEmpty()) {
      log.println(LOG_PREFIX + "Too short to mask in the log: " + String.join(", ", masker.skippedNames()));
    }
    log.println(LOG_PREFIX + "Injected " + loaded.entries().size() + " variable(s) from project " + project
        + ", environment " + environment + ": " + String.join(", ", loaded.names()));
  }

  @Override
  public ConsoleLogFilter createLoggerDecorator(Run<?, ?> build) {
    if (build instanceof AbstractBuild) {
      return MaskingConsoleLogFilter.late(build.getExternalizableId());
    }
    MaskingPlan plan = pipelineMasks;
    pipelineMasks = null;
    return plan == null || plan.isEmpty() ? null : MaskingConsoleLogFilter.shipping(plan);
  }

  /** Freestyle: the injected names are sensitive build variables. */
  @Override
  @SuppressWarnings("rawtypes")
  public void makeSensitiveBuildVariables(AbstractBuild build, Set<String> sensitiveVariables) {
    InfisicalRunAction action = build.getAction(InfisicalRunAction.class);
    if (action != null) {
      sensitiveVariables.addAll(action.getAllNames());
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  /** Descriptor: Pipeline symbols {@code withInfisical} and (official plugin) {@code infisical}. */
  @Extension
  @Symbol({"withInfisical", "infisical"})
  public static final class DescriptorImpl extends BuildWrapperDescriptor {
    public DescriptorImpl() {
      super(InfisicalBuildWrapper.class);
    }

    @Override
    public boolean isApplicable(AbstractProject<?, ?> item) {
      return true;
    }

    @Override
    public String getDisplayName() {
      return "Infisical secrets";
    }

    /** Credentials the user may use on this job. */
    @POST
    public ListBoxModel doFillCredentialsIdItems(@AncestorInPath Item item, @QueryParameter String serverUrl,
        @QueryParameter String credentialsId) {
      return InfisicalCredentials.listBox(item, SettingsLayers.effectiveServerUrl(item, serverUrl), credentialsId);
    }

    @POST
    public FormValidation doCheckServerUrl(@AncestorInPath Item item, @QueryParameter String value) {
      return FormSupport.checkServerUrl(item, value);
    }

    @POST
    public FormValidation doCheckProjectId(@AncestorInPath Item item, @QueryParameter String value) {
      return FormSupport.checkName(item, "projectId", value);
    }

    @POST
    public FormValidation doCheckProjectSlug(@AncestorInPath Item item, @QueryParameter String value) {
      return FormSupport.checkName(item, "projectSlug", value);
    }

    @POST
    public FormValidation doCheckEnvironment(@AncestorInPath Item item, @QueryParameter String value) {
      return FormSupport.checkName(item, "environment", value);
    }

    /** Key selection syntax and variable names (no outbound call). */
    @POST
    public FormValidation doCheckKeys(@AncestorInPath Item item, @QueryParameter String value) {
      if (!FormSupport.canConfigure(item)) {
        return FormValidation.ok();
      }
      return KeyRules.problem(value).map(FormValidation::error).orElseGet(FormValidation::ok);
    }

    /** Path syntax (no outbound call). */
    @POST
    public FormValidation doCheckPaths(@AncestorInPath Item item, @QueryParameter String value) {
      if (!FormSupport.canConfigure(item)) {
        return FormValidation.ok();
      }
      return KeyRules.pathProblem(value).map(FormValidation::error).orElseGet(FormValidation::ok);
    }

    /** Logs in and looks the project and environment up, with the job's enclosing defaults (Item/CONFIGURE). */
    @POST
    public FormValidation doTestConnection(@AncestorInPath Item item, @QueryParameter String serverUrl,
        @QueryParameter String credentialsId, @QueryParameter String projectId, @QueryParameter String projectSlug,
        @QueryParameter String environment) {
      InfisicalSettings form = InfisicalSettings.builder().serverUrl(serverUrl).credentialsId(credentialsId)
          .projectId(projectId).projectSlug(projectSlug).environment(environment).build();
      return FormSupport.testConnection(item, SettingsLayers.enclosing(item).overriddenBy(form));
    }
  }
}
