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
    List<String> dockerfile = Files.readAllLines(ROOT.resolve("Dockerfile"));
    String entrypoint = dockerfile.stream().filter(l -> l.startsWith("ENTRYPOINT ["))
        .reduce((a, b) -> b).orElseThrow();
    String command = String.join(" ", entrypoint.substring("ENTRYPOINT [".length(), entrypoint.length() - 1)
        .replace("\"", "").split(", "));
    assertTrue(dockerfile.stream().anyMatch(l -> l.contains("'exec " + command + " post \"$@\"'")),
        "/app/post must exec the ENTRYPOINT command with 'post': " + command);
  }
}
