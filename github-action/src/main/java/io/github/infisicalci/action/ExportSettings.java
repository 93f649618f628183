package io.github.infisicalci.action;

import static io.github.infisicalci.action.InputProblems.present;
import static io.github.infisicalci.action.InputProblems.printable;

import io.github.infisicalci.export.EnvNamePolicy;
import io.github.infisicalci.export.ExportException;
import io.github.infisicalci.export.ExportFormat;
import io.github.infisicalci.export.ExportPlanner;
import io.github.infisicalci.export.KeySelection;
import io.github.infisicalci.export.NamePolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Which keys to export under which names ({@code secrets}, prefix, suffix, protected names) and where to. */
record ExportSettings(
    ExportPlanner planner,
    ExportType exportType,
    Path outputFile,
    ExportFormat fileFormat,
    boolean clean,
    boolean exportToken) {

  private static final Pattern PREFIX = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern SUFFIX = Pattern.compile("[A-Za-z0-9_]*");

  static ExportSettings parse(Inputs in, Map<String, String> env, Path workspace, InputProblems p) {
    boolean clean = p.bool(in, "clean");
    boolean failOnMissing = p.bool(in, "fail-on-missing");
    boolean exportToken = p.bool(in, "export-token");
    EnvNamePolicy policy = NamePolicy.GITHUB_ACTIONS.allowing(
        Arrays.asList(in.get("allow-protected-names").split("[,\\s]+")));

    ExportType exportType = ExportType.parse(in.get("export-type")).orElse(null);
    if (exportType == null) {
      p.add("export-type", "'" + printable(in.get("export-type")) + "' is not supported; use env, file, outputs or none");
    }
    ExportFormat format = ExportFormat.parse(in.get("file-format")).orElse(null);
    if (format == null) {
      p.add("file-format", "'" + printable(in.get("file-format")) + "' is not supported; use dotenv, shell or json");
    }
    // names are checked for the file format only when a file is written
    ExportPlanner planner = new ExportPlanner(selection(in, p), prefix(in, p), suffix(in, p), policy, failOnMissing,
        exportType == ExportType.FILE ? format : null);
    Path outputFile = null;
    if (exportType == ExportType.FILE) {
      outputFile = resolveOutputFile(in.get("file-output-path"), env, workspace, p);
    }
    if (exportType == ExportType.ENV && !present(env, "GITHUB_ENV")) {
      p.add("export-type", "'env' needs GITHUB_ENV, which the runner did not set");
    }
    if ((exportType == ExportType.OUTPUTS || exportToken) && !present(env, "GITHUB_OUTPUT")) {
      p.add(exportToken ? "export-token" : "export-type", "needs GITHUB_OUTPUT, which the runner did not set");
    }
    return new ExportSettings(planner, exportType, outputFile, format, clean, exportToken);
  }

  private static KeySelection selection(Inputs in, InputProblems p) {
    try {
      List<KeySelection.Rule> rules = new ArrayList<>(KeySelection.parse(in.get("secrets")).rules());
      for (String name : in.get("secret-name").split("[,\\r\\n]+")) {
        if (!name.isBlank()) {
          rules.addAll(KeySelection.parse(name.trim()).rules());
        }
      }
      return KeySelection.of(rules);
    } catch (ExportException e) {
      String input = in.isSet("secrets") ? "secrets" : "secret-name";
      e.problems().forEach(problem -> p.add(input, problem));
      return KeySelection.all();
    }
  }

  private static String prefix(Inputs in, InputProblems p) {
    String prefix = in.get("env-prefix");
    if (!prefix.isEmpty() && !PREFIX.matcher(prefix).matches()) {
      p.add("env-prefix", "'" + printable(prefix) + "' must start with a letter or '_' and contain only letters, digits and '_'");
    }
    return prefix;
  }

  private static String suffix(Inputs in, InputProblems p) {
    String suffix = in.get("env-suffix");
    if (!SUFFIX.matcher(suffix).matches()) {
      p.add("env-suffix", "'" + printable(suffix) + "' may contain only letters, digits and '_'");
    }
    return suffix;
  }

  private static Path resolveOutputFile(String input, Map<String, String> env, Path workspace, InputProblems p) {
    if (!present(env, "GITHUB_WORKSPACE")) {
      p.add("file-output-path", "needs GITHUB_WORKSPACE, which the runner did not set");
      return null;
    }
    String relative = input.replaceFirst("^/+", "");
    if (relative.isEmpty() || relative.indexOf('\0') >= 0) {
      p.add("file-output-path", "must name a file inside the workspace, e.g. /.env");
      return null;
    }
    Path target = workspace.resolve(relative).normalize();
    if (!target.startsWith(workspace) || target.equals(workspace)) {
      p.add("file-output-path", "'" + printable(input) + "' points outside the workspace");
      return null;
    }
    try {
      if (Files.isSymbolicLink(target)) {
        p.add("file-output-path", "'" + printable(input) + "' is a symbolic link; refusing to write through it");
        return null;
      }
      if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
        p.add("file-output-path", "'" + printable(input) + "' is a directory");
        return null;
      }
      Path realWorkspace = workspace.toRealPath();
      Path existing = target.getParent();
      while (existing != null && !Files.exists(existing)) {
        existing = existing.getParent();
      }
      if (existing == null || !existing.toRealPath().startsWith(realWorkspace)) {
        p.add("file-output-path", "'" + printable(input) + "' resolves outside the workspace (through a link)");
        return null;
      }
    } catch (IOException e) {
      p.add("file-output-path", "cannot check '" + printable(input) + "': " + e.getClass().getSimpleName());
      return null;
    }
    return target;
  }
}
