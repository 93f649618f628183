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
import io.github.infisicalci.export.ExportEntry;
import io.github.infisicalci.jenkins.config.FormSupport;
import io.github.infisicalci.jenkins.config.InfisicalSettings;
import io.github.infisicalci.jenkins.console.ForgetLiveMasks;
import io.github.infisicalci.jenkins.console.LiveMasks;
import io.github.infisicalci.jenkins.console.MaskingConsoleLogFilter;
import io.github.infisicalci.jenkins.report.InfisicalRunAction;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import jenkins.tasks.SimpleBuildWrapper;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * The "Infisical secrets" Build Environment option of freestyle jobs: fetches secrets on the controller
 * and sets them as environment variables of the build steps only, masked in the console log. Pipeline
 * has its own step ({@code withInfisical}, {@code io.github.infisicalci.jenkins.pipeline.WithInfisicalStep})
 * with the same fields; this wrapper refuses to run there.
 *
 * <p>Two syntaxes, which may be combined: the concise one ({@code credentialsId}, {@code projectId} or
 * {@code projectSlug}, {@code environment}, {@code paths}, {@code keys}, {@code recursive},
 * {@code includeImports}, {@code serverUrl}) and the official jenkinsci/infisical-plugin one
 * ({@code configuration: [...]}, {@code infisicalSecrets: [...]}). The job's values override the folder
 * defaults, which override the global configuration.
 */
public final class InfisicalBuildWrapper extends SimpleBuildWrapper {
  static final String PIPELINE_REFUSAL = "Infisical: the \"Infisical secrets\" build wrapper is for freestyle jobs;"
      + " in Pipeline use the step withInfisical(...) { ... } with the same arguments";

  private String serverUrl;
  private String credentialsId;
  private String projectId;
  private String projectSlug;
  private String environment;
  private String paths;
  private String keys;
  private boolean recursive;
  private boolean includeImports = true;
  private String allowedNames;
  private String authMethod;
  private String identityId;
  private InfisicalConnection configuration;
  private List<InfisicalSecretFolder> infisicalSecrets;
  /**
   * Read-only field of jenkinsci/infisical-plugin's wrapper, whose jobs load as this class
   * (migration.OfficialPlugin): it could hold values of an earlier build. Dropped at load, never written.
   */
  private transient List<String> secretValuesToMask;

  @DataBoundConstructor
  public InfisicalBuildWrapper() {
  }

  /**
   * A job configured with the official wrapper keeps its settings (same field names). Its values to mask
   * are dropped. Without any secret folder the official wrapper fetched nothing; here that would mean every
   * key of {@code /}, so such a job gets one folder without keys, which fails the build with a clear message
   * until keys are chosen.
   */
  private Object readResolve() {
    if (secretValuesToMask != null) {
      secretValuesToMask = null;
      if (infisicalSecrets == null || infisicalSecrets.isEmpty()) {
        infisicalSecrets = new ArrayList<>(List.of(new InfisicalSecretFolder("/", true, List.of())));
      }
    }
    return this;
  }

  // ---- concise form -------------------------------------------------------------------------------

  public String getServerUrl() {
    return serverUrl;
  }

  @DataBoundSetter
  public void setServerUrl(String serverUrl) {
    this.serverUrl = InfisicalSettings.blankToNull(serverUrl);
  }

  public String getCredentialsId() {
    return credentialsId;
  }

  @DataBoundSetter
  public void setCredentialsId(String credentialsId) {
    this.credentialsId = InfisicalSettings.blankToNull(credentialsId);
  }

  public String getProjectId() {
    return projectId;
  }

  @DataBoundSetter
  public void setProjectId(String projectId) {
    this.projectId = InfisicalSettings.blankToNull(projectId);
  }

  public String getProjectSlug() {
    return projectSlug;
  }

  @DataBoundSetter
  public void setProjectSlug(String projectSlug) {
    this.projectSlug = InfisicalSettings.blankToNull(projectSlug);
  }

  public String getEnvironment() {
    return environment;
  }

  @DataBoundSetter
  public void setEnvironment(String environment) {
    this.environment = InfisicalSettings.blankToNull(environment);
  }

  /** Folder paths, one per line or comma-separated; a later path wins. Default {@code /}. */
  public String getPaths() {
    return paths;
  }

  @DataBoundSetter
  public void setPaths(String paths) {
    this.paths = InfisicalSettings.blankToNull(paths);
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
    this.keys = InfisicalSettings.blankToNull(keys);
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

  /** Protected variable names this block may export ({@code NAME}, {@code PREFIX*}, {@code *}); see the help. */
  public String getAllowedNames() {
    return allowedNames;
  }

  @DataBoundSetter
  public void setAllowedNames(String allowedNames) {
    this.allowedNames = InfisicalSettings.blankToNull(allowedNames);
  }

  /**
   * How to log in: empty (with the credentials), {@code oidc} or {@code jwt} (the token of a Secret text
   * credential, e.g. a per-build ID token, with {@code identityId}), {@code kubernetes} (the service-account
   * token of the pod that runs the block, with {@code identityId}).
   */
  public String getAuthMethod() {
    return authMethod;
  }

  @DataBoundSetter
  public void setAuthMethod(String authMethod) {
    this.authMethod = InfisicalSettings.blankToNull(authMethod);
  }

  /** The Infisical machine identity id, for OIDC, JWT and Kubernetes auth. */
  public String getIdentityId() {
    return identityId;
  }

  @DataBoundSetter
  public void setIdentityId(String identityId) {
    this.identityId = InfisicalSettings.blankToNull(identityId);
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

  /** The block's options, as bound (its settings layer and fetch groups: {@link BlockOptions}). */
  public BlockOptions options() {
    return new BlockOptions(InfisicalSettings.connection(serverUrl, credentialsId, projectId, projectSlug, environment),
        paths, keys, recursive, includeImports, BlockOptions.officialSettings(configuration),
        BlockOptions.officialFolders(infisicalSecrets), new LoginOptions(authMethod, identityId), allowedNames);
  }

  // ---- Jenkins glue -----------------------------------------------------------------------------

  /** Secrets are fetched on the controller. */
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
    if (!(build instanceof AbstractBuild)) {
      // Through CoreWrapperStep the block's variables would be saved in plain text with the Pipeline program
      // and not reported as sensitive: Pipeline has its own step.
      throw new AbortException(PIPELINE_REFUSAL);
    }
    BlockLoader.Injection injection = BlockLoader.load(options(), build, workspace, listener, initialEnvironment);
    for (ExportEntry e : injection.entries()) {
      context.env(e.name(), e.value().reveal());
    }
    LiveMasks.put(build.getExternalizableId(), injection.masker());
    context.setDisposer(new ForgetLiveMasks(build.getExternalizableId()));
  }

  /** Masks from the start of the build, with the secrets registered once the block has fetched them. */
  @Override
  public ConsoleLogFilter createLoggerDecorator(Run<?, ?> build) {
    return build instanceof AbstractBuild ? MaskingConsoleLogFilter.late(build.getExternalizableId()) : null;
  }

  /** The injected names are sensitive build variables. */
  @Override
  @SuppressWarnings("rawtypes")
  public void makeSensitiveBuildVariables(AbstractBuild build, Set<String> sensitiveVariables) {
    InfisicalRunAction action = build.getAction(InfisicalRunAction.class);
    if (action != null) {
      sensitiveVariables.addAll(action.getAllNames());
    }
  }

  /**
   * Descriptor. Deliberately without a {@code @Symbol}: in Pipeline {@code withInfisical} is the step
   * {@code io.github.infisicalci.jenkins.pipeline.WithInfisicalStep}, and this wrapper is freestyle only.
   */
  @Extension
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
      return FormSupport.credentials(item, serverUrl, credentialsId);
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
      return BlockForms.checkKeys(item, value);
    }

    /** Path syntax (no outbound call). */
    @POST
    public FormValidation doCheckPaths(@AncestorInPath Item item, @QueryParameter String value) {
      return BlockForms.checkPaths(item, value);
    }

    /** Logs in and looks the project and environment up, with the job's enclosing defaults (Item/CONFIGURE). */
    @POST
    public FormValidation doTestConnection(@AncestorInPath Item item, @QueryParameter String serverUrl,
        @QueryParameter String credentialsId, @QueryParameter String projectId, @QueryParameter String projectSlug,
        @QueryParameter String environment) {
      return FormSupport.testConnection(item, serverUrl, credentialsId, projectId, projectSlug, environment);
    }
  }
}
