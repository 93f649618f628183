package io.github.infisicalci.action;

import io.github.infisicalci.client.secrets.Collision;
import java.util.List;

/**
 * The Markdown written to {@code GITHUB_STEP_SUMMARY}: a table of exported names with their source
 * environment and path, whether they are masked, and any collisions. Never values.
 *
 * <p>Names, keys, environments and paths (text from the server, the inputs or the workspace) go in code
 * spans; in any other text every character that could start a link, an image, an autolink, HTML or a
 * table cell is backslash-escaped. Either way nothing from that text is live.
 */
final class StepSummary {
  /** One exported name. */
  record Row(String name, String key, String environment, String path, boolean masked, String note) {}

  private StepSummary() {}

  static String render(String title, String project, String environment, String exportTo, List<Row> rows,
      List<Collision> collisions, List<String> notes) {
    StringBuilder md = new StringBuilder();
    md.append("### ").append(cell(title)).append("\n\n");
    md.append("Project ").append(span(project)).append(", environment ").append(span(environment))
        .append(", ").append(rows.size()).append(rows.size() == 1 ? " secret" : " secrets")
        .append(" exported to ").append(cell(exportTo)).append(".\n\n");
    if (!rows.isEmpty()) {
      md.append("| Name | Key | Environment | Path | Masked | Note |\n");
      md.append("| --- | --- | --- | --- | --- | --- |\n");
      for (Row row : rows) {
        md.append("| `").append(code(row.name())).append("` | `").append(code(row.key())).append("` | ")
            .append(span(row.environment())).append(" | ").append(span(row.path())).append(" | ")
            .append(row.masked() ? "yes" : "no").append(" | ").append(cell(row.note())).append(" |\n");
      }
      md.append('\n');
    }
    if (!collisions.isEmpty()) {
      md.append("**Collisions** (a later path overrides an earlier one):\n\n");
      for (Collision c : collisions) {
        md.append("- `").append(code(c.key())).append("`: from ").append(span(c.winningPath()))
            .append(", overriding ");
        for (int i = 0; i < c.losingPaths().size(); i++) {
          md.append(i == 0 ? "" : ", ").append(span(c.losingPaths().get(i)));
        }
        md.append('\n');
      }
      md.append('\n');
    }
    for (String note : notes) {
      md.append("- ").append(cell(note)).append('\n');
    }
    if (!notes.isEmpty()) {
      md.append('\n');
    }
    return md.toString();
  }

  /**
   * The characters escaped outside code spans: what starts a link, an image, HTML, an entity, a table
   * cell, a code span or emphasis, and what an autolink needs ({@code :} of a scheme, {@code .} of a
   * {@code www.} or domain, {@code @} of an e-mail address). Names such as {@code GITHUB_TOKEN} or
   * {@code allow-protected-names} stay as they are.
   */
  private static final String LIVE = "[]()!<>&|\\`*:.@#";

  /** Text with every character of {@link #LIVE} backslash-escaped, on one line. */
  static String cell(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    Log.visible(text.replaceAll("[\\r\\n]+", " "), false).codePoints().forEach(cp -> {
      if (cp < 0x80 && LIVE.indexOf(cp) >= 0) {
        out.append('\\');
      }
      out.appendCodePoint(cp);
    });
    return out.toString();
  }

  /** Text as a code span (nothing in it is live); empty text as an escaped placeholder. */
  static String span(String text) {
    String c = code(text);
    return c.isBlank() ? "\\-" : "`" + c + "`";
  }

  private static String code(String text) {
    return text == null ? "" : Log.visible(text.replace("`", "'").replaceAll("[\\r\\n|]+", " "), false);
  }
}
