package io.github.infisicalci.action;

import io.github.infisicalci.mask.Masker;
import java.io.FileOutputStream;
import java.io.FileDescriptor;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Container entrypoint of the GitHub Action.
 *
 * <ul>
 *   <li>no argument: the main step (inputs from {@code INPUT_*} variables, as the runner passes them);</li>
 *   <li>{@code post}: the post step (removes the exported file); action.yml's post-entrypoint
 *       {@code /app/post} passes it;</li>
 *   <li>{@code --help}: what the jar is, its arguments, and how to run it by hand;</li>
 *   <li>{@code --self-check}: exercises the normal code paths offline and exits 0 (image build, AOT
 *       training).</li>
 * </ul>
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    int code = run(args, System.getenv(), out);
    out.flush();
    System.exit(code);
  }

  /**
   * Runs the action with {@code env} as its environment, printing to {@code out}; returns the exit code.
   * Never throws: an unexpected failure becomes an {@code ::error::} line without a stack trace.
   */
  public static int run(String[] args, Map<String, String> env, PrintStream out) {
    Log log = new Log(out, Masker.builder().build());
    try {
      if (args.length > 0 && (args[0].equals("--help") || args[0].equals("-h"))) {
        out.print(Help.text());
        out.flush();
        return 0;
      }
      if (args.length > 0 && args[0].equals("--self-check")) {
        boolean verbose = args.length > 1 && args[1].equals("--verbose");
        return new SelfCheck(log, verbose ? out : null).run();
      }
      if (args.length > 0 && args[0].equals("post")) {
        return new PostStep(env, log).run();
      }
      if (args.length > 0 && !args[0].isBlank()) {
        log.error("Infisical: unknown argument '" + InputProblems.printable(args[0])
            + "' (expected none, 'post', '--self-check' or '--help')");
        return 2;
      }
      return new MainStep(env, log).run();
    } catch (RuntimeException | Error e) {
      log.endAllGroups();
      log.error("Infisical: unexpected failure (" + e.getClass().getName() + "); nothing was exported");
      return 1;
    }
  }
}
