package io.github.infisicalci.jenkins.pipeline;

import hudson.Extension;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.github.infisicalci.jenkins.binding.BlockForms;
import io.github.infisicalci.jenkins.binding.BlockOptions;
import io.github.infisicalci.jenkins.binding.InfisicalConnection;
import io.github.infisicalci.jenkins.binding.InfisicalSecretFolder;
import io.github.infisicalci.jenkins.binding.LoginOptions;
import io.github.infisicalci.jenkins.config.FormSupport;
import io.github.infisicalci.jenkins.config.InfisicalSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * {@code withInfisical(...) { ... }} in Pipeline (scripted and Declarative): fetches secrets on the
 * controller and sets them as environment variables of the block only, reported as sensitive (Pipeline
 * warns when Groovy interpolates one) and masked in the console log, also on agents.
 *
 * <p>Two syntaxes, which may be combined: the concise one ({@code credentialsId}, {@code projectId} or
 * {@code projectSlug}, {@code environment}, {@code paths}, {@code keys}, {@code recursive},
 * {@code includeImports}, {@code serverUrl}) and the official jenkinsci/infisical-plugin one
 * ({@code configuration: [...]}, {@code infisicalSecrets: [...]}), so a Jenkinsfile written for that plugin
 * runs unchanged. Step values override the folder defaults, which override the global configuration.
 */
public final class WithInfisicalStep extends Step {
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

  @DataBoundConstructor
  public WithInfisicalStep() {
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

  /** The block's options, as bound (no Jenkins types; unit-tested). */
  public BlockOptions options() {
    return new BlockOptions(InfisicalSettings.connection(serverUrl, credentialsId, projectId, projectSlug, environment),
        paths, keys, recursive, includeImports, BlockOptions.officialSettings(configuration),
        BlockOptions.officialFolders(infisicalSecrets), new LoginOptions(authMethod, identityId), allowedNames);
  }

  @Override
  public StepExecution start(StepContext context) {
    return new WithInfisicalExecution(options(), context);
  }

  /** Descriptor: the Pipeline function {@code withInfisical}, which takes a block. */
  @Extension
  public static final class DescriptorImpl extends StepDescriptor {
    /** The Pipeline function name, the same as the official plugin's. */
    public static final String FUNCTION_NAME = "withInfisical";

    @Override
    public String getFunctionName() {
      return FUNCTION_NAME;
    }

    @Override
    public String getDisplayName() {
      return "Inject secrets from Infisical";
    }

    @Override
    public boolean takesImplicitBlockArgument() {
      return true;
    }

    /** The run (credentials lookup, defaults, run action) and its log; a workspace is optional. */
    @Override
    public Set<? extends Class<?>> getRequiredContext() {
      return Set.of(Run.class, TaskListener.class);
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
