package io.github.infisicalci.mask;

import java.io.File;

/** For the tests that run a real tool (bash, python3, node) when it is installed. */
final class RealTools {
  private RealTools() {}

  /** Whether an executable named {@code tool} is in a folder of {@code PATH}. */
  static boolean onPath(String tool) {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String dir : path.split(File.pathSeparator)) {
      if (new File(dir, tool).canExecute()) {
        return true;
      }
    }
    return false;
  }
}
