package io.github.infisicalci.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.infisicalci.text.Printable;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EnvNamePolicyTest {
  private static final EnvNamePolicy GITHUB = NamePolicy.GITHUB_ACTIONS.strict();
  private static final EnvNamePolicy JENKINS = NamePolicy.JENKINS.strict();

  @ParameterizedTest
  @ValueSource(strings = {"A", "_x", "DB_PASSWORD", "a1_B2"})
  void shellIdentifiers(String name) {
    assertTrue(EnvNames.isShellIdentifier(name));
    assertTrue(EnvNames.syntaxProblem(name).isEmpty());
  }

  @Test
  void explainsEachKindOfNonIdentifier() {
    assertEquals("is empty", EnvNames.syntaxProblem("").orElseThrow());
    assertEquals("contains '='", EnvNames.syntaxProblem("A=B").orElseThrow());
    assertEquals("contains a line break", EnvNames.syntaxProblem("A\nB").orElseThrow());
    assertEquals("contains a NUL character", EnvNames.syntaxProblem("A\0B").orElseThrow());
    assertTrue(EnvNames.syntaxProblem("1A").isPresent());
    assertTrue(EnvNames.syntaxProblem("A-B").isPresent());
    assertTrue(EnvNames.syntaxProblem("ÄPFEL").isPresent());
  }

  /** Issue 10: names the runner accepts are exported; the ones it refuses or reinterprets never. */
  @ParameterizedTest
  @ValueSource(strings = {"my-key", "stripe.key", "a:b", "ÄPFEL", "1A", "x/y", "A<B", "a@b"})
  void namesTheCarrierAcceptsAreUsableWithAShellNote(String name) {
    assertEquals(Optional.empty(), GITHUB.problem(name, null), name);
    assertEquals(Optional.empty(), JENKINS.problem(name, null), name);
    String note = GITHUB.note(name, null).orElseThrow();
    // shown by the shared rule: a non-ASCII letter as its code point (ÄPFEL as <U+00C4>PFEL), so a look-alike
    // such as a Cyrillic 'Р' in "РATH" can never pass for PATH in the note
    assertTrue(note.contains("not usable as $" + Printable.quote(name) + " in shells"), note);
    assertTrue(GITHUB.note(name, ExportFormat.JSON).isEmpty());
    assertTrue(GITHUB.note("DB_PASSWORD", null).isEmpty());
  }

  @Test
  void namesTheRunnerRefusesOrReinterpretsAreUnusableEvenWhenAllowed() {
    EnvNamePolicy all = NamePolicy.GITHUB_ACTIONS.allowing(List.of("*"));
    for (String name : List.of("", "A=B", "A\nB", "A\rB", "A\0B", "A<<EOF", "node_options", "NODE_OPTIONS", "A B",
        "A\u00a0B", "A\u200bB", "A\u2028B", "A\tB")) {
      NameProblem problem = all.problem(name, null).orElseThrow(() -> new AssertionError(name));
      assertEquals(NameProblem.Kind.UNUSABLE, problem.kind(), name);
      assertFalse(problem.describe().contains("\n") || problem.describe().contains("\r")
          || problem.describe().contains("\u2028"), problem.describe());
    }
    assertTrue(all.problem("NODE_OPTIONS", null).orElseThrow().describe().contains("runner refuses"));
    // Jenkins has no heredoc records and no runner block list
    assertEquals(Optional.empty(), NamePolicy.JENKINS.allowing(List.of("*")).problem("NODE_OPTIONS", null));
    assertEquals(Optional.empty(), JENKINS.problem("A<<B", null));
    // Jenkins' EnvVars reads PATH+X as "prepend to PATH": never a name there, even when allowed
    NameProblem plus = NamePolicy.JENKINS.allowing(List.of("*")).problem("PATH+EVIL", null).orElseThrow();
    assertEquals(NameProblem.Kind.UNUSABLE, plus.kind());
    assertTrue(plus.describe().contains("prepend"), plus.describe());
    assertEquals(Optional.empty(), GITHUB.problem("A+B", null));
  }

  @ParameterizedTest
  @ValueSource(strings = {"PATH", "LD_PRELOAD", "LD_LIBRARY_PATH", "LD_AUDIT", "DYLD_INSERT_LIBRARIES", "BASH_ENV",
      "ENV", "SHELLOPTS", "PS4", "PROMPT_COMMAND", "BASHOPTS", "IFS", "CDPATH", "BASH_FUNC_ls%%", "GIT_CONFIG_COUNT",
      "GIT_CONFIG_KEY_0", "GIT_CONFIG_VALUE_0", "GIT_SSH_COMMAND", "GIT_ASKPASS", "GIT_EXEC_PATH", "PERL5OPT",
      "PERL5LIB", "PYTHONSTARTUP", "PYTHONPATH", "PYTHONHOME", "RUBYOPT", "NODE_PATH", "npm_config_script_shell",
      "NPM_CONFIG_USERCONFIG", "Npm_Config_Node_Options", "GCONV_PATH", "MAVEN_OPTS", "GRADLE_OPTS", "JDK_JAVA_OPTIONS",
      "_JAVA_OPTIONS", "JAVA_TOOL_OPTIONS", "DOCKER_HOST", "DOCKER_CONFIG", "KUBECONFIG", "HOME", "TMPDIR", "CLASSPATH",
      "SSH_ASKPASS", "DOTNET_STARTUP_HOOKS", "GOFLAGS", "RUSTC_WRAPPER", "OPENSSL_CONF"})
  void commonFamiliesAreProtectedInBothPolicies(String name) {
    for (EnvNamePolicy policy : List.of(GITHUB, JENKINS)) {
      NameProblem problem = policy.problem(name, null).orElseThrow(() -> new AssertionError(name));
      assertEquals(NameProblem.Kind.PROTECTED, problem.kind(), name);
      assertTrue(problem.describe().contains("'" + name + "' is protected"), problem.describe());
    }
    assertTrue(GITHUB.problem(name, null).orElseThrow().describe().endsWith("add " + name + " to allow-protected-names"));
    assertTrue(JENKINS.problem(name, null).orElseThrow().describe().endsWith("add " + name + " to allowedNames"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"GITHUB_TOKEN", "GITHUB_ENV", "github_path", "RUNNER_TEMP", "ACTIONS_RUNTIME_TOKEN",
      "ACTIONS_ALLOW_UNSECURE_COMMANDS", "INPUT_TOKEN", "STATE_infisical_file"})
  void runnerFamiliesAreProtectedOnGitHubOnly(String name) {
    assertEquals(NameProblem.Kind.PROTECTED, GITHUB.problem(name, null).orElseThrow().kind());
    assertEquals(Optional.empty(), JENKINS.problem(name, null), name);
  }

  @Test
  void caseFollowsTheConsumer() {
    // GitHub: protected names match in any case (Windows runners through the portable entry)
    assertEquals(NameProblem.Kind.PROTECTED, GITHUB.problem("path", null).orElseThrow().kind());
    assertEquals(NameProblem.Kind.PROTECTED, GITHUB.problem("git_dir", null).orElseThrow().kind());
    // npm reads its configuration in any case
    assertTrue(GITHUB.problem("npm_CONFIG_x", null).isPresent());
    // Jenkins' EnvVars ignores case: 'path' would replace PATH
    assertEquals(NameProblem.Kind.PROTECTED, JENKINS.problem("path", null).orElseThrow().kind());
    assertEquals(NameProblem.Kind.PROTECTED, JENKINS.problem("Ld_Preload", null).orElseThrow().kind());
  }

  @Test
  void ordinaryNamesAreNotProtected() {
    for (String name : List.of("PATHWAY", "MY_GITHUB_TOKEN", "ENVIRONMENT", "NODE_AUTH_TOKEN", "NODE_ENV", "HOMEPAGE",
        "DATABASE_URL", "STRIPE_KEY", "GITHUBTOKEN", "MY_PATH", "PIP_INDEX_URL", "HTTPS_PROXY", "CARGO_REGISTRY_TOKEN",
        "YARN_NPM_AUTH_TOKEN", "ORG_GRADLE_PROJECT_signingKey")) {
      assertEquals(Optional.empty(), GITHUB.problem(name, null), name);
      assertEquals(Optional.empty(), JENKINS.problem(name, null), name);
    }
  }

  @Test
  void everyFamilyHasAReasonAndNoFamilyIsListedTwice() {
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (ProtectedNames.Family family : NamePolicy.GITHUB_ACTIONS.families()) {
      assertTrue(family.reason().length() > 15, family.label());
      assertTrue(seen.add(family.label().toUpperCase()), "listed twice: " + family.label());
    }
    assertTrue(NamePolicy.JENKINS.families().stream().noneMatch(f -> f.text().startsWith("GITHUB")));
  }

  @Test
  void protectedNamesPassOnlyWhenAllowedByNameOrPrefix() {
    EnvNamePolicy some = NamePolicy.GITHUB_ACTIONS.allowing(List.of("path", " GITHUB_TOKEN ", "DOCKER_*", ""));
    assertEquals(List.of(), some.problems(List.of("PATH", "GITHUB_TOKEN", "DOCKER_PASSWORD", "docker_x")));
    assertEquals(1, some.problems(List.of("LD_PRELOAD")).size());
    assertEquals(List.of(), NamePolicy.GITHUB_ACTIONS.allowing(List.of("*")).problems(List.of("LD_PRELOAD", "GITHUB_X")));
    assertEquals(List.of(), NamePolicy.GITHUB_ACTIONS.allowing(List.of("true")).problems(List.of("BASH_ENV")));
    assertEquals("allowProtected", NamePolicy.JENKINS.withAllowOption("allowProtected").strict()
        .problem("PATH", null).orElseThrow().allowOption());
  }

  @Test
  void reportsDuplicatesAndCaseCollisionsWhereTheConsumerIgnoresCase() {
    List<String> problems = JENKINS.problems(List.of("Token", "TOKEN", "A", "A", "B=C", "PATH", "OK"));
    assertEquals(4, problems.size(), problems.toString());
    assertTrue(problems.get(0).contains("'Token' and 'TOKEN' differ only by case"));
    assertTrue(problems.get(1).contains("'A' would be exported twice"));
    assertTrue(problems.get(2).contains("'B=C' contains '='"));
    assertTrue(problems.get(3).contains("'PATH' is protected"));
    // the Linux runner keeps Token and TOKEN apart
    assertEquals(List.of(), GITHUB.problems(List.of("Token", "TOKEN")));
    ExportException e = assertThrows(ExportException.class, () -> GITHUB.check(List.of("x y", "LD_PRELOAD")));
    assertEquals(2, e.problems().size());
  }

  @Test
  void printsControlAndInvisibleCharactersEscaped() {
    String described = GITHUB.problem("A\nB", null).orElseThrow().describe();
    assertTrue(described.contains("'A<U+000A>B'"), described);
    assertEquals("A<U+00A0><U+200B><U+2028><U+0085>B", Printable.quote("A\u00a0\u200b\u2028\u0085B"));
  }
  /** Review finding: on Windows runners (portable entry) `Path` is `PATH`; the GitHub policy compares in any case. */
  @ParameterizedTest
  @ValueSource(strings = {"Path", "path", "java_tool_options", "git_ssh_command", "pythonstartup", "Bash_Env",
      "ld_preload", "github_token"})
  void caseVariantsOfProtectedNamesAreProtectedOnGitHub(String name) {
    NameProblem problem = GITHUB.problem(name, null).orElseThrow(() -> new AssertionError(name));
    assertEquals(NameProblem.Kind.PROTECTED, problem.kind(), name);
  }

  /** Review finding: build tools that run a command named in these variables. */
  @ParameterizedTest
  @ValueSource(strings = {"RUSTFLAGS", "CARGO_ENCODED_RUSTFLAGS", "RUSTDOCFLAGS", "CFLAGS", "CXXFLAGS", "CPPFLAGS",
      "LDFLAGS", "CARGO_REGISTRIES_MY_CREDENTIAL_PROVIDER", "CARGO_REGISTRY_GLOBAL_CREDENTIAL_PROVIDERS",
      "CARGO_REGISTRY_CREDENTIAL_PROVIDER", "AWS_CONFIG_FILE", "GOROOT", "MANPAGER"})
  void compilerFlagsAndCommandNamingVariablesAreProtected(String name) {
    assertEquals(NameProblem.Kind.PROTECTED, GITHUB.problem(name, null).orElseThrow().kind(), name);
    assertEquals(NameProblem.Kind.PROTECTED, JENKINS.problem(name, null).orElseThrow().kind(), name);
  }
}
