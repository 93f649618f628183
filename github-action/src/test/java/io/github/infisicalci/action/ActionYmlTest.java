package io.github.infisicalci.action;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** action.yml declares exactly the inputs the entrypoint reads, with the same defaults. */
class ActionYmlTest {
  private static final Path ROOT = root();

  private static Path root() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.exists(dir.resolve("action.yml"))) {
      dir = dir.getParent();
    }
    return dir == null ? Path.of("..") : dir;
  }

  static Map<String, String> declaredInputs() throws Exception {
    Map<String, String> inputs = new LinkedHashMap<>();
    boolean inInputs = false;
    String current = null;
    for (String line : Files.readAllLines(ROOT.resolve("action.yml"))) {
      if (!line.startsWith(" ") && !line.isBlank() && !line.startsWith("#")) {
        inInputs = line.equals("inputs:");
        continue;
      }
      if (!inInputs) {
        continue;
      }
      Matcher name = Pattern.compile("^  ([a-z][a-z-]*):$").matcher(line);
      Matcher def = Pattern.compile("^    default: (.*)$").matcher(line);
      if (name.matches()) {
        current = name.group(1);
        inputs.put(current, "");
      } else if (def.matches() && current != null) {
        inputs.put(current, def.group(1).replaceAll("^\"|\"$", ""));
      }
    }
    return inputs;
  }

  @Test
  void inputsAndDefaultsMatchTheEntrypoint() throws Exception {
    Map<String, String> declared = declaredInputs();
    assertEquals(new java.util.TreeSet<>(Inputs.DEFAULTS.keySet()), new java.util.TreeSet<>(declared.keySet()));
    declared.forEach((name, value) -> assertEquals(Inputs.DEFAULTS.get(name), value, "default of " + name));
  }

  @Test
  void everyOfficialInputKeepsItsOfficialDefault() throws Exception {
    Map<String, String> declared = declaredInputs();
    assertEquals("universal", declared.get("method"));
    assertEquals("https://app.infisical.com", declared.get("domain"));
    assertEquals("env", declared.get("export-type"));
    assertEquals("/.env", declared.get("file-output-path"));
    assertEquals("/", declared.get("secret-path"));
    assertEquals("true", declared.get("include-imports"));
    assertEquals("false", declared.get("recursive"));
    for (String official : List.of("client-id", "client-secret", "identity-id", "oidc-audience", "project-slug",
        "env-slug", "extra-headers", "secret-name", "env-prefix", "env-suffix", "clean")) {
      assertTrue(declared.containsKey(official), official);
    }
  }

  @Test
  void postStageRunsTheEntrypointCommandWithPost() throws Exception {
    List<String> yml = Files.readAllLines(ROOT.resolve("action.yml"));
    assertTrue(yml.contains("  post-entrypoint: /app/post"), "post-entrypoint is the image's /app/post");
    assertTrue(yml.stream().noneMatch(l -> l.startsWith("  entrypoint:") || l.equals("  args:")),
        "the main stage uses the image's ENTRYPOINT, with no args (the runner passes args to both stages)");
    List<String> entrypoint = imageEntrypoint();
    // /app/post's #! line: the kernel runs env with everything after "#!/usr/bin/env " as ONE argument,
    // which -S splits; so the line is the ENTRYPOINT with -S after env and `post` at the end.
    String shebang = "#!" + entrypoint.get(0) + " -S " + String.join(" ", entrypoint.subList(1, entrypoint.size())) + " post";
    List<String> dockerfile = Files.readAllLines(ROOT.resolve("Dockerfile"));
    assertTrue(dockerfile.stream().anyMatch(l -> l.contains("'" + shebang + "'") && l.contains("printf")),
        "/app/post must run the ENTRYPOINT command with 'post': " + shebang);
    // Linux before 5.1 reads only the first 127 characters of a #! line (self-hosted runners on older kernels).
    assertTrue(shebang.length() <= 127, "the #! line of /app/post is " + shebang.length() + " characters");
  }

  /**
   * An earlier step's JAVA_TOOL_OPTIONS, JDK_JAVA_OPTIONS or _JAVA_OPTIONS (the runner passes the job's
   * environment into the container) must not reach the JVM: the ENTRYPOINT, and so /app/post, start java
   * through env -u for each of them. (Proven end to end on container-sim by
   * benchmarks/startup/container-proof.sh, step 5.)
   */
  @Test
  void theJvmStartsWithoutJavaOptionVariables() throws Exception {
    List<String> entrypoint = imageEntrypoint();
    assertEquals("/usr/bin/env", entrypoint.get(0));
    int java = entrypoint.indexOf("/opt/java/openjdk/bin/java");
    assertTrue(java > 0, "env starts java: " + entrypoint);
    List<String> envArgs = entrypoint.subList(1, java);
    for (String name : List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS")) {
      int at = envArgs.indexOf(name);
      assertTrue(at > 0 && envArgs.get(at - 1).equals("-u"), "env -u " + name + " in " + entrypoint);
    }
    assertTrue(envArgs.stream().allMatch(a -> a.equals("-u") || a.matches("[A-Z_]+")),
        "env only unsets variables (no -i: the runner's INPUT_ names must pass): " + envArgs);
  }

  /** The Dockerfile's last ENTRYPOINT, exec form, as a list. */
  private static List<String> imageEntrypoint() throws Exception {
    String line = Files.readAllLines(ROOT.resolve("Dockerfile")).stream().filter(l -> l.startsWith("ENTRYPOINT ["))
        .reduce((a, b) -> b).orElseThrow();
    return List.of(line.substring("ENTRYPOINT [".length(), line.length() - 1).replace("\"", "").split(", "));
  }
}
