package io.github.infisicalci.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Picks the Infisical environment for a git branch, the way {@code .infisical.json} describes it:
 * {@code gitBranchToEnvironmentMapping} (branch → environment slug) and {@code defaultEnvironment}.
 *
 * <p>Order: an exact branch match; then glob patterns ({@code *} any run of characters including
 * {@code /}, {@code ?} one character) where the pattern with the most literal characters wins and
 * ties go to the one written first; then {@code defaultEnvironment}. The full branch name is used
 * ({@code feature/x}, not {@code x}). Patterns are matched in linear time in the branch length, without
 * backtracking (a pull request controls both the file and the branch name).
 */
public final class BranchEnvironmentMapping {
  /** How an environment was chosen. */
  public enum MatchKind { EXACT, GLOB, DEFAULT }

  /**
   * The chosen environment and the rule that chose it.
   *
   * @param rule the branch or pattern that matched, or {@code defaultEnvironment}
   */
  public record Match(String environment, MatchKind kind, String rule) {
    /** One line for a log: which rule mapped which branch. */
    public String describe(String branch) {
      return switch (kind) {
        case EXACT -> "branch '" + branch + "' mapped to environment '" + environment + "' (exact match)";
        case GLOB -> "branch '" + branch + "' mapped to environment '" + environment
            + "' (pattern '" + rule + "')";
        case DEFAULT -> "branch '" + (branch == null ? "" : branch) + "' has no mapping; using defaultEnvironment '"
            + environment + "'";
      };
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, String> mapping;
  private final String defaultEnvironment;

  private BranchEnvironmentMapping(Map<String, String> mapping, String defaultEnvironment) {
    this.mapping = mapping;
    this.defaultEnvironment = defaultEnvironment;
  }

  /** A mapping (iteration order = written order) and an optional default (null or blank: none). */
  public static BranchEnvironmentMapping of(Map<String, String> mapping, String defaultEnvironment) {
    return new BranchEnvironmentMapping(new LinkedHashMap<>(mapping),
        defaultEnvironment == null || defaultEnvironment.isBlank() ? null : defaultEnvironment.trim());
  }

  /**
   * Reads {@code file} (an {@code .infisical.json}).
   *
   * @return empty when the file does not exist
   * @throws ExportException naming the file and the field when it is not valid
   */
  public static Optional<BranchEnvironmentMapping> read(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new ExportException(List.of("cannot read " + file + ": " + e.getClass().getSimpleName()));
    }
    return Optional.of(parse(text, file.toString()));
  }

  /** Parses the JSON text of an {@code .infisical.json}; {@code source} names it in errors. */
  public static BranchEnvironmentMapping parse(String text, String source) {
    JsonNode root;
    try {
      root = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new ExportException(List.of(source + " is not valid JSON (line "
          + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")"));
    }
    if (root == null || !root.isObject()) {
      throw new ExportException(List.of(source + " must hold a JSON object"));
    }
    List<String> problems = new ArrayList<>();
    String defaultEnvironment = null;
    JsonNode def = root.get("defaultEnvironment");
    if (def != null && !def.isNull()) {
      if (def.isTextual()) {
        defaultEnvironment = def.asText();
      } else {
        problems.add(source + ": defaultEnvironment must be a string");
      }
    }
    Map<String, String> mapping = new LinkedHashMap<>();
    JsonNode map = root.get("gitBranchToEnvironmentMapping");
    if (map != null && !map.isNull()) {
      if (!map.isObject()) {
        problems.add(source + ": gitBranchToEnvironmentMapping must be an object of branch to environment");
      } else {
        for (Iterator<Map.Entry<String, JsonNode>> it = map.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> field = it.next();
          if (field.getValue().isTextual() && !field.getValue().asText().isBlank()) {
            mapping.put(field.getKey(), field.getValue().asText().trim());
          } else {
            problems.add(source + ": gitBranchToEnvironmentMapping['" + field.getKey()
                + "'] must be a non-empty environment slug");
          }
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new ExportException(problems);
    }
    return of(mapping, defaultEnvironment);
  }

  /** The environment for {@code branch} (null or empty: only the default applies). */
  public Optional<Match> resolve(String branch) {
    if (branch != null && !branch.isEmpty()) {
      String exact = mapping.get(branch);
      if (exact != null) {
        return Optional.of(new Match(exact, MatchKind.EXACT, branch));
      }
      String bestPattern = null;
      int bestScore = -1;
      for (Map.Entry<String, String> rule : mapping.entrySet()) {
        String pattern = rule.getKey();
        if (isGlob(pattern) && globMatches(pattern, branch)) {
          int score = literalCount(pattern);
          if (score > bestScore) {
            bestScore = score;
            bestPattern = pattern;
          }
        }
      }
      if (bestPattern != null) {
        return Optional.of(new Match(mapping.get(bestPattern), MatchKind.GLOB, bestPattern));
      }
    }
    return Optional.ofNullable(defaultEnvironment)
        .map(env -> new Match(env, MatchKind.DEFAULT, "defaultEnvironment"));
  }

  /** The {@code defaultEnvironment}, when set. */
  public Optional<String> defaultEnvironment() {
    return Optional.ofNullable(defaultEnvironment);
  }

  private static boolean isGlob(String pattern) {
    return Glob.isGlob(pattern, true);
  }

  private static int literalCount(String pattern) {
    int count = 0;
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c != '*' && c != '?') {
        count++;
      }
    }
    return count;
  }

  static boolean globMatches(String pattern, String text) {
    return new Glob(pattern, true).matches(text);
  }
}
