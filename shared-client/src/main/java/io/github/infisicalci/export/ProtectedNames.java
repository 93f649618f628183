package io.github.infisicalci.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The reviewed list of environment-variable names that change how later build steps run code, as
 * families (an exact name or a prefix), each with the reason it is listed. {@link NamePolicy} builds
 * the GitHub Actions and Jenkins policies from these lists; nothing else in the project lists names.
 *
 * <p>Review rules: a family is listed when a tool that CI steps commonly run reads it to choose what
 * code to load or run (a program, a library, a start-up script, a configuration file that names
 * commands), or to redirect where the runner itself reads and writes. A family is compared in any case
 * when the tool that reads it does so ({@code npm_config_*}) or when the consumer's environment is
 * case-insensitive (Windows, Jenkins' own {@code EnvVars}: see {@link NamePolicy#caseInsensitive()}).
 *
 * <p>Considered and not listed (documented in docs/github-action.md): proxy variables and CA bundles
 * ({@code HTTPS_PROXY}, {@code NODE_EXTRA_CA_CERTS}, {@code SSL_CERT_FILE}) and package-index URLs
 * ({@code PIP_INDEX_URL}): they redirect traffic rather than run code, and are often real secrets.
 */
public final class ProtectedNames {
  /** An exact name or a prefix. */
  public enum Kind { EXACT, PREFIX }

  /**
   * One family of protected names.
   *
   * @param text the name ({@link Kind#EXACT}) or the prefix ({@link Kind#PREFIX}), as the tool spells it
   * @param anyCase whether the tool reading it ignores case
   * @param reason why it is protected: one clause, shown to the user
   */
  public record Family(String text, Kind kind, boolean anyCase, String reason) {
    public Family {
      Objects.requireNonNull(text, "text");
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(reason, "reason");
    }

    /** Whether {@code name} belongs to this family ({@code forceAnyCase}: compare in any case anyway). */
    public boolean matches(String name, boolean forceAnyCase) {
      boolean ignoreCase = anyCase || forceAnyCase;
      if (kind == Kind.EXACT) {
        return ignoreCase ? text.equalsIgnoreCase(name) : text.equals(name);
      }
      return name.length() >= text.length() && name.regionMatches(ignoreCase, 0, text, 0, text.length());
    }

    /** {@code PATH} or {@code GIT_*}. */
    public String label() {
      return kind == Kind.EXACT ? text : text + "*";
    }
  }

  private ProtectedNames() {}

  private static Family exact(String name, String reason) {
    return new Family(name, Kind.EXACT, false, reason);
  }

  private static Family prefix(String prefix, String reason) {
    return new Family(prefix, Kind.PREFIX, false, reason);
  }

  private static Family anyCase(Family family) {
    return new Family(family.text(), family.kind(), true, family.reason());
  }

  /** The same families, each matched in any case. */
  static List<Family> inAnyCase(List<Family> families) {
    return families.stream().map(ProtectedNames::anyCase).toList();
  }

  /** Names that change how any later build step runs code, on any CI system. */
  public static final List<Family> COMMON = List.of(
      // processes and the dynamic loader
      exact("PATH", "it decides which program runs for every command name"),
      prefix("LD_", "the dynamic loader reads LD_* (LD_PRELOAD, LD_LIBRARY_PATH, LD_AUDIT, …) to load code into every program"),
      prefix("DYLD_", "the macOS dynamic loader reads DYLD_* to load code into every program"),
      exact("GCONV_PATH", "glibc loads character-conversion modules (code) from it"),
      exact("OPENSSL_CONF", "OpenSSL reads it at start-up and can load engines and providers (code) named there"),
      exact("OPENSSL_ENGINES", "OpenSSL loads engines (code) from it"),
      exact("SSLKEYLOGFILE", "TLS libraries write the session keys of later steps' connections to it"),
      // shells
      exact("BASH_ENV", "bash runs the file it names before every non-interactive script"),
      exact("ENV", "sh and bash in POSIX mode run the file it names at start-up"),
      prefix("BASH_FUNC_", "bash imports BASH_FUNC_* variables as shell functions that replace commands"),
      exact("SHELLOPTS", "bash applies its options (xtrace makes every later script evaluate PS4)"),
      exact("BASHOPTS", "bash applies its shopt options to every later script"),
      exact("PS4", "bash evaluates it (command substitution included) for every traced command"),
      exact("PROMPT_COMMAND", "bash runs it as a command before each prompt"),
      exact("IFS", "it changes how every later shell script splits words"),
      exact("CDPATH", "it changes which folder `cd` in later scripts enters"),
      exact("ZDOTDIR", "zsh runs its start-up files from that folder"),
      exact("SHELL", "tools start $SHELL to run commands"),
      // home, temporary and configuration folders
      exact("HOME", "tools read their configuration (.gitconfig, .npmrc, .bashrc, .m2, .docker, …) from it, and such files name commands"),
      exact("XDG_CONFIG_HOME", "git and other tools read configuration that names commands from it"),
      exact("TMPDIR", "later steps create temporary files and scripts there"),
      exact("TMP", "later steps (and Windows tools) create temporary files and scripts there"),
      exact("TEMP", "later steps (and Windows tools) create temporary files and scripts there"),
      // editors, pagers and askpass programs
      exact("EDITOR", "git and other tools run it as a command"),
      exact("VISUAL", "git and other tools run it as a command"),
      exact("PAGER", "git, man and other tools run it as a command"),
      exact("BROWSER", "tools run it as a command"),
      exact("LESSOPEN", "less runs it as an input preprocessor command"),
      exact("LESSCLOSE", "less runs it as a command"),
      exact("SSH_ASKPASS", "ssh runs it as a program to ask for passwords"),
      exact("SSH_ASKPASS_REQUIRE", "it makes ssh run SSH_ASKPASS"),
      exact("SUDO_ASKPASS", "sudo runs it as a program"),
      // git: the whole prefix, because git reads dozens of GIT_* variables and adds more over time; many
      // name commands or configuration (GIT_SSH_COMMAND, GIT_ASKPASS, GIT_EDITOR, GIT_PAGER,
      // GIT_EXTERNAL_DIFF, GIT_PROXY_COMMAND, GIT_EXEC_PATH, GIT_TEMPLATE_DIR, GIT_CONFIG_GLOBAL,
      // GIT_CONFIG_PARAMETERS, GIT_CONFIG_COUNT/KEY_n/VALUE_n with core.fsmonitor or core.hooksPath, GIT_DIR)
      prefix("GIT_", "git reads GIT_* variables that name commands, hooks and configuration (GIT_SSH_COMMAND, "
          + "GIT_ASKPASS, GIT_CONFIG_COUNT/KEY_n/VALUE_n, GIT_EXEC_PATH, …); the whole prefix is protected "
          + "because git adds such variables over time"),
      // language runtimes and build tools
      exact("NODE_OPTIONS", "node applies it to every process (--require loads code)"),
      exact("NODE_PATH", "node loads modules from it"),
      anyCase(prefix("npm_config_", "npm and pnpm read npm_config_* in any case as configuration "
          + "(script-shell, node-options, userconfig, registry, …)")),
      exact("YARN_YARN_PATH", "Yarn runs the JavaScript file it names instead of itself"),
      exact("YARN_RC_FILENAME", "Yarn reads its configuration (which names code) from that file"),
      prefix("PYTHON", "CPython reads PYTHON* variables as interpreter configuration; several load code "
          + "(PYTHONPATH, PYTHONHOME, PYTHONSTARTUP, PYTHONUSERBASE, PYTHONBREAKPOINT, PYTHONWARNINGS)"),
      prefix("PERL5", "perl reads PERL5OPT (-M loads modules), PERL5LIB and PERL5DB"),
      exact("PERLLIB", "perl loads modules from it"),
      exact("RUBYOPT", "ruby applies it to every process (-r loads code)"),
      exact("RUBYLIB", "ruby loads code from it"),
      exact("GEM_HOME", "RubyGems loads gems (code) from it"),
      exact("GEM_PATH", "RubyGems loads gems (code) from it"),
      exact("BUNDLE_GEMFILE", "Bundler evaluates the Gemfile (Ruby code) it names"),
      exact("PHPRC", "php reads its ini file (auto_prepend_file runs code) from it"),
      exact("PHP_INI_SCAN_DIR", "php reads extra ini files (auto_prepend_file runs code) from it"),
      exact("LUA_INIT", "lua runs it as code at start-up"),
      exact("LUA_PATH", "lua loads modules from it"),
      exact("LUA_CPATH", "lua loads native modules from it"),
      exact("JAVA_TOOL_OPTIONS", "every JVM applies it (-javaagent loads code)"),
      exact("JDK_JAVA_OPTIONS", "the java launcher applies it (-javaagent loads code)"),
      exact("_JAVA_OPTIONS", "every JVM applies it (-javaagent loads code)"),
      exact("JAVA_OPTS", "launcher scripts (Gradle wrapper, Tomcat, …) pass it to the JVM (-javaagent loads code)"),
      exact("JAVA_HOME", "build tools run the JVM found there"),
      exact("CLASSPATH", "java loads classes from it"),
      exact("MAVEN_OPTS", "mvn passes it to the JVM (-javaagent loads code)"),
      exact("MAVEN_ARGS", "mvn adds it to every command line (settings, extensions)"),
      exact("GRADLE_OPTS", "gradle passes it to the JVM (-javaagent loads code)"),
      exact("GRADLE_USER_HOME", "gradle runs init scripts from it"),
      exact("ANT_OPTS", "ant passes it to the JVM (-javaagent loads code)"),
      exact("SBT_OPTS", "sbt passes it to the JVM (-javaagent loads code)"),
      exact("DOTNET_STARTUP_HOOKS", ".NET loads the assemblies it names into every process"),
      exact("DOTNET_ADDITIONAL_DEPS", ".NET loads additional dependencies (code) from it"),
      prefix("CORECLR_PROFILER", ".NET loads the profiler library (code) it names"),
      prefix("COR_PROFILER", ".NET Framework loads the profiler library (code) it names"),
      anyCase(exact("PSModulePath", "PowerShell auto-loads modules (code) from it")),
      exact("GOFLAGS", "go applies it to every command (-toolexec runs a program)"),
      exact("GOENV", "go reads its configuration from that file"),
      exact("GOTOOLCHAIN", "go switches to (and may download) the toolchain it names"),
      exact("RUSTC", "cargo runs it as the compiler"),
      exact("RUSTC_WRAPPER", "cargo runs it around every compiler call"),
      exact("RUSTC_WORKSPACE_WRAPPER", "cargo runs it around every compiler call"),
      exact("RUSTDOC", "cargo runs it as rustdoc"),
      exact("CARGO_HOME", "cargo reads configuration (runners, wrappers) from it"),
      prefix("CARGO_BUILD_", "cargo reads build commands (rustc, wrappers) from CARGO_BUILD_*"),
      prefix("CARGO_TARGET_", "cargo reads target runners and linkers (commands) from CARGO_TARGET_*"),
      exact("CC", "make, cgo, node-gyp and Python builds run it as the C compiler"),
      exact("CXX", "make, cgo, node-gyp and Python builds run it as the C++ compiler"),
      exact("MAKEFLAGS", "make applies it (variables such as SHELL) to every build"),
      exact("CFLAGS", "compilers obey it (-wrapper, -fplugin=, -B run or load code) in make, cgo and Python builds"),
      exact("CXXFLAGS", "compilers obey it (-wrapper, -fplugin=, -B run or load code) in make and native builds"),
      exact("CPPFLAGS", "compilers obey it (-wrapper, -fplugin=, -B run or load code) in make and native builds"),
      exact("LDFLAGS", "the linker driver obeys it (-B, -fuse-ld=, plugins run or load code)"),
      exact("RUSTFLAGS", "rustc obeys it on every cargo build (-C linker= runs a program)"),
      exact("CARGO_ENCODED_RUSTFLAGS", "rustc obeys it on every cargo build (-C linker= runs a program)"),
      exact("RUSTDOCFLAGS", "rustdoc obeys it (-C linker= runs a program)"),
      exact("CARGO_REGISTRY_CREDENTIAL_PROVIDER", "cargo runs the credential provider (a command) it names"),
      exact("CARGO_REGISTRY_GLOBAL_CREDENTIAL_PROVIDERS", "cargo runs the credential providers (commands) it names"),
      prefix("CARGO_REGISTRIES_", "cargo reads each named registry's index (where dependencies come from) and "
          + "credential provider (a command) from CARGO_REGISTRIES_<NAME>_*"),
      exact("GOROOT", "go runs the toolchain found there"),
      exact("AWS_CONFIG_FILE", "the AWS CLI and SDKs run the credential_process command that file names"),
      exact("MANPAGER", "man runs it as the pager"),
      // containers and clusters
      prefix("DOCKER_", "the Docker CLI reads DOCKER_* (DOCKER_HOST chooses the daemon that builds and runs "
          + "everything, DOCKER_CONFIG chooses the credential helpers it runs); the whole prefix is "
          + "protected, so keys such as DOCKER_PASSWORD need allowing"),
      exact("KUBECONFIG", "kubectl and Helm read the cluster and exec credential plugins (commands) from it"),
      // Windows agents
      anyCase(exact("ComSpec", "Windows tools run the command interpreter it names")),
      anyCase(exact("PATHEXT", "Windows uses it to decide which files are programs")));

  /** Names the GitHub Actions runner and its toolkit read: they redirect the runner itself. */
  public static final List<Family> GITHUB_RUNNER = List.of(
      anyCase(prefix("GITHUB_", "the runner and actions read GITHUB_* (GITHUB_ENV, GITHUB_PATH, GITHUB_OUTPUT, "
          + "GITHUB_TOKEN, …) to decide what later steps receive")),
      anyCase(prefix("RUNNER_", "the runner and actions read RUNNER_* (RUNNER_TEMP, RUNNER_TOOL_CACHE, …)")),
      anyCase(prefix("ACTIONS_", "the runner reads ACTIONS_* (ACTIONS_ALLOW_UNSECURE_COMMANDS re-enables "
          + "set-env, ACTIONS_RUNTIME_TOKEN, ACTIONS_STEP_DEBUG)")),
      anyCase(prefix("INPUT_", "actions read their inputs from INPUT_*; an exported INPUT_X becomes the "
          + "input of every later action that leaves it unset")),
      anyCase(prefix("STATE_", "actions' post steps read their saved state from STATE_*")));

  /** The first family of {@code families} that {@code name} belongs to. */
  static Optional<Family> find(List<Family> families, String name, boolean forceAnyCase) {
    for (Family family : families) {
      if (family.matches(name, forceAnyCase)) {
        return Optional.of(family);
      }
    }
    return Optional.empty();
  }

  static List<Family> concat(List<Family> a, List<Family> b) {
    List<Family> all = new ArrayList<>(a);
    all.addAll(b);
    return List.copyOf(all);
  }
}
