package io.github.infisicalci.jenkins.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.infisicalci.export.KeySelection;
import io.github.infisicalci.jenkins.PluginSources;
import io.github.infisicalci.jenkins.binding.BlockException;
import io.github.infisicalci.jenkins.binding.FetchGroup;
import io.github.infisicalci.jenkins.binding.InfisicalBuildWrapper;
import io.github.infisicalci.jenkins.binding.InfisicalConnection;
import io.github.infisicalci.jenkins.binding.InfisicalSecretFolder;
import io.github.infisicalci.jenkins.binding.InfisicalSecretKey;
import io.github.infisicalci.jenkins.config.InfisicalSettings;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jenkinsci.Symbol;
import org.junit.jupiter.api.Test;
import org.kohsuke.stapler.DataBoundSetter;

/** The Pipeline step's data binding (as a Jenkinsfile sets it) and its claim on the name {@code withInfisical}. */
class WithInfisicalStepTest {
  private static final Path RESOURCES =
      PluginSources.resources().resolve("io/github/infisicalci/jenkins/pipeline/WithInfisicalStep");

  private static InfisicalSecretKey key(String name, boolean required) {
    InfisicalSecretKey k = new InfisicalSecretKey(name);
    k.setIsRequired(required);
    return k;
  }

  /** The README example of jenkinsci/infisical-plugin. */
  @Test
  void officialPluginJenkinsfileBindsToSettingsAndOneGroupPerFolder() {
    InfisicalConnection conf = new InfisicalConnection();
    conf.setInfisicalCredentialId("YOUR_CREDENTIAL_ID");
    conf.setInfisicalEnvironmentSlug("PROJECT_ENV_SLUG");
    conf.setInfisicalProjectSlug("PROJECT_SLUG");
    conf.setInfisicalUrl("https://app.infisical.com");
    WithInfisicalStep step = new WithInfisicalStep();
    step.setConfiguration(conf);
    step.setInfisicalSecrets(List.of(new InfisicalSecretFolder("/", true, List.of(key("DATABASE_URL", true),
        key("API_URL", true), key("THIS_KEY_MIGHT_NOT_EXIST", false)))));

    InfisicalSettings s = step.options().settings();
    assertEquals("YOUR_CREDENTIAL_ID", s.credentialsId());
    assertEquals("PROJECT_ENV_SLUG", s.environment());
    assertEquals("PROJECT_SLUG", s.projectSlug());
    assertEquals("https://app.infisical.com", s.serverUrl());
    List<FetchGroup> groups = step.options().fetchGroups();
    assertEquals(1, groups.size(), "only the official folder, no concise group");
    assertEquals(List.of("/"), groups.get(0).paths());
    assertTrue(groups.get(0).includeImports());
    assertEquals(List.of(new KeySelection.Rule("DATABASE_URL", null, true), new KeySelection.Rule("API_URL", null, true),
        new KeySelection.Rule("THIS_KEY_MIGHT_NOT_EXIST", null, false)), groups.get(0).selection().rules());
  }

  @Test
  void conciseFieldsAreTrimmedAndOverrideTheOfficialConfiguration() {
    InfisicalConnection conf = new InfisicalConnection();
    conf.setInfisicalCredentialId("old");
    conf.setInfisicalProjectSlug("old-project");
    WithInfisicalStep step = new WithInfisicalStep();
    step.setConfiguration(conf);
    step.setCredentialsId("  new ");
    step.setProjectId("id-1");
    step.setEnvironment("   ");
    step.setPaths("/\n/db, /stripe");
    step.setKeys("DB_PASSWORD=PGPASSWORD\nSENTRY_DSN?");
    step.setRecursive(true);
    step.setIncludeImports(false);

    InfisicalSettings s = step.options().settings();
    assertEquals("new", s.credentialsId());
    assertEquals("id-1", s.projectId());
    assertNull(s.projectSlug(), "projectId replaces the official project slug");
    assertNull(step.getEnvironment(), "blank is absent");
    FetchGroup g = step.options().fetchGroups().get(0);
    assertEquals(List.of("/", "/db", "/stripe"), g.paths());
    assertTrue(g.recursive());
    assertFalse(g.includeImports());
    assertEquals(List.of(new KeySelection.Rule("DB_PASSWORD", "PGPASSWORD", true),
        new KeySelection.Rule("SENTRY_DSN", null, false)), g.selection().rules());
  }

  @Test
  void emptyStepReadsEveryKeyOfTheRootWithImports() {
    WithInfisicalStep step = new WithInfisicalStep();
    assertEquals(InfisicalSettings.EMPTY, step.options().settings());
    FetchGroup g = step.options().fetchGroups().get(0);
    assertEquals(List.of("/"), g.paths());
    assertTrue(g.selection().selectsAll());
    assertTrue(g.includeImports());
    assertFalse(g.recursive());
  }

  @Test
  void malformedKeysFailBeforeAnyRequest() {
    WithInfisicalStep step = new WithInfisicalStep();
    step.setKeys("GOOD\n=NAME");
    BlockException e = assertThrows(BlockException.class, () -> step.options().fetchGroups());
    assertTrue(e.getMessage().startsWith("keys:"), e.getMessage());
  }

  /** Same fields (names and types) as the freestyle wrapper, and the same block for the same values. */
  @Test
  void bindsExactlyLikeTheFreestyleWrapper() throws Exception {
    assertEquals(setters(InfisicalBuildWrapper.class), setters(WithInfisicalStep.class));

    WithInfisicalStep step = new WithInfisicalStep();
    InfisicalBuildWrapper wrapper = new InfisicalBuildWrapper();
    for (Object o : List.of(step, wrapper)) {
      InfisicalConnection conf = new InfisicalConnection();
      conf.setInfisicalUrl("https://infisical.example.com");
      conf.setInfisicalEnvironmentSlug("dev");
      o.getClass().getMethod("setConfiguration", InfisicalConnection.class).invoke(o, conf);
      o.getClass().getMethod("setInfisicalSecrets", List.class).invoke(o,
          List.of(new InfisicalSecretFolder("stripe", false, List.of(key("STRIPE_KEY", true)))));
      o.getClass().getMethod("setCredentialsId", String.class).invoke(o, "cred");
      o.getClass().getMethod("setProjectSlug", String.class).invoke(o, "shop");
      o.getClass().getMethod("setPaths", String.class).invoke(o, "/a,/b");
      o.getClass().getMethod("setKeys", String.class).invoke(o, "X=Y");
      o.getClass().getMethod("setRecursive", boolean.class).invoke(o, true);
    }
    assertEquals(wrapper.options().settings(), step.options().settings());
    assertEquals(describe(wrapper.options().fetchGroups()), describe(step.options().fetchGroups()));
    assertEquals(2, step.options().fetchGroups().size());
  }

  /** In Pipeline, {@code withInfisical} must resolve to the step: the wrapper claims no symbol. */
  @Test
  void onlyTheStepClaimsWithInfisical() {
    assertEquals("withInfisical", WithInfisicalStep.DescriptorImpl.FUNCTION_NAME);
    assertNull(InfisicalBuildWrapper.DescriptorImpl.class.getAnnotation(Symbol.class),
        "a wrapper symbol would make `wrap` snippets say withInfisical(...) for a different step");
    Symbol folder = InfisicalSecretFolder.DescriptorImpl.class.getAnnotation(Symbol.class);
    assertEquals(List.of("infisicalSecret"), folder == null ? List.of() : List.of(folder.value()),
        "the official README writes infisicalSecret(path: ..., secretValues: [...])");
  }

  /**
   * The freestyle wrapper has the step's fields, so the same form and field help. Each class keeps its own
   * copy on purpose: Jenkins finds a field's help next to the class ({@code Descriptor#doHelp}, and the
   * Pipeline Syntax reference through structs' {@code DescribableModel#getHelp}, which reads
   * {@code help-<field>.html} of the class and its superclasses, and the two share none). Only the overall
   * {@code help.html} differs (freestyle wording).
   */
  @Test
  void theWrapperHasTheStepsFormAndFieldHelpVerbatim() throws IOException {
    Path wrapper = RESOURCES.resolve("../../binding/InfisicalBuildWrapper").normalize();
    List<String> differing = new ArrayList<>();
    TreeSet<String> stepFiles = new TreeSet<>();
    try (var files = Files.list(RESOURCES)) {
      files.map(p -> p.getFileName().toString()).forEach(stepFiles::add);
    }
    TreeSet<String> wrapperFiles = new TreeSet<>();
    try (var files = Files.list(wrapper)) {
      files.map(p -> p.getFileName().toString()).forEach(wrapperFiles::add);
    }
    assertEquals(stepFiles, wrapperFiles);
    for (String name : stepFiles) {
      if (!name.equals("help.html") && Files.mismatch(RESOURCES.resolve(name), wrapper.resolve(name)) != -1) {
        differing.add(name);
      }
    }
    assertEquals(List.of(), differing, "the wrapper's copy differs from the step's");
    assertFalse(Files.readString(wrapper.resolve("help.html")).equals(Files.readString(RESOURCES.resolve("help.html"))));
  }

  /** Every field of the step's form has its help, and every data-bound property has a field. */
  @Test
  void formFieldsMatchTheBindingAndHaveHelp() throws IOException {
    String jelly = Files.readString(RESOURCES.resolve("config.jelly"));
    Matcher m = Pattern.compile("field=\"(\\w+)\"").matcher(jelly);
    TreeSet<String> fields = new TreeSet<>();
    while (m.find()) {
      fields.add(m.group(1));
    }
    assertEquals(setters(WithInfisicalStep.class).keySet(), fields);
    List<String> missingHelp = new ArrayList<>();
    for (String f : fields) {
      if (!Files.isRegularFile(RESOURCES.resolve("help-" + f + ".html"))) {
        missingHelp.add(f);
      }
    }
    assertTrue(missingHelp.isEmpty(), "fields without help: " + missingHelp);
    assertTrue(Files.readString(RESOURCES.resolve("help.html")).contains("withInfisical"));
  }

  private static Map<String, String> setters(Class<?> type) {
    Map<String, String> out = new TreeMap<>();
    for (Method method : type.getMethods()) {
      if (method.isAnnotationPresent(DataBoundSetter.class)) {
        String name = method.getName().substring(3);
        out.put(Character.toLowerCase(name.charAt(0)) + name.substring(1),
            method.getGenericParameterTypes()[0].getTypeName());
      }
    }
    return out;
  }

  private static List<String> describe(List<FetchGroup> groups) {
    return groups.stream().map(g -> g.paths() + " " + g.recursive() + " " + g.includeImports() + " "
        + g.selection().rules()).toList();
  }
}
