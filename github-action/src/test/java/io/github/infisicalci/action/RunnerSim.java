package io.github.infisicalci.action;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the runner gives a container action: a workspace, empty file-command files and an environment
 * with {@code INPUT_*} variables named as the runner names them (hyphens kept).
 */
final class RunnerSim {
  final Path root;
  final Path workspace;
  final Path githubEnv;
  final Path githubOutput;
  final Path githubState;
  final Path stepSummary;
  final Map<String, String> env = new HashMap<>();

  RunnerSim(Path root) throws IOException {
    this.root = root;
    this.workspace = Files.createDirectories(root.resolve("workspace"));
    Path commands = Files.createDirectories(root.resolve("file_commands"));
    this.githubEnv = Files.createFile(commands.resolve("set_env"));
    this.githubOutput = Files.createFile(commands.resolve("set_output"));
    this.githubState = Files.createFile(commands.resolve("save_state"));
    this.stepSummary = Files.createFile(commands.resolve("step_summary"));
    env.put("GITHUB_WORKSPACE", workspace.toString());
    env.put("GITHUB_ENV", githubEnv.toString());
    env.put("GITHUB_OUTPUT", githubOutput.toString());
    env.put("GITHUB_STATE", githubState.toString());
    env.put("GITHUB_STEP_SUMMARY", stepSummary.toString());
    env.put("GITHUB_REF_NAME", "main");
    env.put("GITHUB_ACTIONS", "true");
    env.put("HOME", Files.createDirectories(root.resolve("home")).toString());
    env.put("GITHUB_RUN_ID", "1001");
    env.put("GITHUB_RUN_ATTEMPT", "1");
    env.put("GITHUB_JOB", "build");
    env.put("GITHUB_ACTION", "__infisical");
  }

  /** Sets an input the way the runner does ({@code client-id} → {@code INPUT_CLIENT-ID}). */
  RunnerSim input(String name, String value) {
    env.put("INPUT_" + name.replace(' ', '_').toUpperCase(java.util.Locale.ROOT), value);
    return this;
  }

  /** The result of one run: exit code and everything printed. */
  record Run(int exitCode, String stdout) {
    List<String> lines() {
      return stdout.lines().toList();
    }

    List<String> errors() {
      return lines().stream().filter(l -> l.startsWith("::error::")).toList();
    }

    /** Everything printed except the add-mask commands (which must carry values). */
    String visible() {
      StringBuilder out = new StringBuilder();
      for (String line : lines()) {
        if (!line.startsWith("::add-mask::")) {
          out.append(line).append('\n');
        }
      }
      return out.toString();
    }

    List<String> masks() {
      return lines().stream().filter(l -> l.startsWith("::add-mask::"))
          .map(l -> l.substring("::add-mask::".length())).toList();
    }
  }

  Run run(String... args) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    int code = Main.run(args, Map.copyOf(env), out);
    return new Run(code, bytes.toString(StandardCharsets.UTF_8));
  }

  Map<String, String> exportedEnv() throws IOException {
    return RunnerFiles.map(githubEnv);
  }

  Map<String, String> outputs() throws IOException {
    return RunnerFiles.map(githubOutput);
  }

  Map<String, String> state() throws IOException {
    return RunnerFiles.map(githubState);
  }

  String summary() throws IOException {
    return Files.readString(stepSummary);
  }
}
