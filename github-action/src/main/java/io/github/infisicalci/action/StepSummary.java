package io.github.infisicalci.action;

import io.github.infisicalci.client.secrets.Collision;
import java.util.List;

/**
 * The Markdown written to {@code GITHUB_STEP_SUMMARY}: a table of exported names with their source
 * environment and path, whether they are masked, and any collisions. Never values.
 */
final class StepSummary {
  /** One exported name. */
  record Row(String name, String key, String environment, String path, boolean masked, String note) {}

  private StepSummary() {}

  static String render(String title, String project, String environment, String exportTo, List<Row> rows,
      List<Collision> collisions, List<String> notes) {
    StringBuilder md = new StringBuilder();
    md.append("### ").append(cell(title)).append("\n\n");
    md.append("Project `").append(code(project)).append("`, environment `").append(code(environment))
        .append("`, ").append(rows.size()).append(rows.size() == 1 ? " secret" : " secrets")
        .append(" exported to ").append(exportTo).append(".\n\n");
    if (!rows.isEmpty()) {
      md.append("| Name | Key | Environment | Path | Masked | Note |\n");
      md.append("| --- | --- | --- | --- | --- | --- |\n");
      for (Row row : rows) {
        md.append("| `").append(code(row.name())).append("` | `").append(code(row.key())).append("` | ")
            .append(cell(row.environment())).append(" | ").append(cell(row.path())).append(" | ")
            .append(row.masked() ? "yes" : "no").append(" | ").append(cell(row.note())).append(" |\n");
      }
      md.append('\n');
    }
    if (!collisions.isEmpty()) {
      md.append("**Collisions** (a later path overrides an earlier one):\n\n");
      for (Collision c : collisions) {
        md.append("- `").append(code(c.key())).append("`: from ").append(cell(c.winningPath()))
            .append(", overriding ").append(cell(String.join(", ", c.losingPaths()))).append('\n');
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

  private static String cell(String text) {
    if (text == null) {
      return "";
    }
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;")
        .replaceAll("[\\r\\n]+", " ");
  }

  private static String code(String text) {
    return text == null ? "" : text.replace("`", "'").replaceAll("[\\r\\n|]+", " ");
  }
}
