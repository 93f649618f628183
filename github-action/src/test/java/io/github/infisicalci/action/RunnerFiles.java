package io.github.infisicalci.action;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a file-command file (GITHUB_ENV, GITHUB_OUTPUT, GITHUB_STATE) by the rules the Linux runner
 * applies: per non-empty line, {@code NAME=VALUE} or {@code NAME<<DELIM}, whichever of {@code =} and
 * {@code <<} comes first; a heredoc value runs until the line that equals the delimiter exactly, without
 * the line feed before it; a missing delimiter or a delimiter without its line feed is an error.
 * Written independently of the action's writer so that a test fails if the writer is wrong.
 */
final class RunnerFiles {
  private RunnerFiles() {}

  /** Every record in file order (a name may repeat; the last one wins for the runner). */
  static List<Map.Entry<String, String>> records(Path file) throws IOException {
    String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    List<Map.Entry<String, String>> out = new ArrayList<>();
    int[] index = {0};
    String line;
    while ((line = readLine(text, index, null)) != null) {
      if (line.isEmpty()) {
        continue;
      }
      int eq = line.indexOf('=');
      int heredoc = line.indexOf("<<");
      if (eq >= 0 && (heredoc < 0 || eq < heredoc)) {
        out.add(Map.entry(line.substring(0, eq), line.substring(eq + 1)));
      } else if (heredoc >= 0) {
        String name = line.substring(0, heredoc);
        String delimiter = line.substring(heredoc + 2);
        if (name.isEmpty() || delimiter.isEmpty()) {
          throw new IllegalStateException("Invalid format '" + line + "'");
        }
        int start = index[0];
        int end = index[0];
        boolean[] newline = new boolean[1];
        String valueLine = readLine(text, index, newline);
        while (!delimiter.equals(valueLine)) {
          if (valueLine == null) {
            throw new IllegalStateException("Matching delimiter not found '" + delimiter + "'");
          }
          if (!newline[0]) {
            throw new IllegalStateException("EOF marker missing new line");
          }
          end = index[0] - 1;
          valueLine = readLine(text, index, newline);
        }
        out.add(Map.entry(name, end > start ? text.substring(start, end) : ""));
      } else {
        throw new IllegalStateException("Invalid format '" + line + "'");
      }
    }
    return out;
  }

  /** The records as a map, last record of a name winning (what the runner applies). */
  static Map<String, String> map(Path file) throws IOException {
    Map<String, String> map = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : records(file)) {
      map.put(e.getKey(), e.getValue());
    }
    return map;
  }

  private static String readLine(String text, int[] index, boolean[] newline) {
    if (index[0] >= text.length()) {
      if (newline != null) {
        newline[0] = false;
      }
      return null;
    }
    int start = index[0];
    int lf = text.indexOf('\n', start);
    if (lf < 0) {
      index[0] = text.length();
      if (newline != null) {
        newline[0] = false;
      }
      return text.substring(start);
    }
    index[0] = lf + 1;
    if (newline != null) {
      newline[0] = true;
    }
    return text.substring(start, lf);
  }
}
