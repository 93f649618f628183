package io.github.infisicalci.action;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a step's output the way the runner does (facts from actions/runner and dotnet/runtime, no code
 * copied): a line ends at LF, CR or CR LF ({@code StreamReader.ReadLine}); {@code ActionCommand.TryParseV2}
 * trims the line with {@code string.TrimStart()}, i.e. every character .NET's {@code char.IsWhiteSpace}
 * accepts, and reads {@code ::name ...::data}; the legacy {@code TryParse} finds {@code ##[name ...]data}
 * anywhere in the line. Every name is treated as registered (stricter than the runner).
 */
final class RunnerCommands {
  /**
   * .NET's {@code char.IsWhiteSpace}: U+0009..U+000D, U+0020, U+0085, U+00A0 (its Latin-1 table), and
   * every other character of Unicode categories Zs, Zl and Zp.
   */
  static final List<Character> DOTNET_WHITESPACE = List.of(
      '\u0009', '\n', '\u000B', '\u000C', '\r', '\u0020', '\u0085', '\u00A0', '\u1680',
      '\u2000', '\u2001', '\u2002', '\u2003', '\u2004', '\u2005', '\u2006', '\u2007', '\u2008', '\u2009', '\u200A',
      '\u2028', '\u2029', '\u202F', '\u205F', '\u3000');

  /** One command the runner would run. */
  record Command(String name, String data) {}

  private RunnerCommands() {}

  static boolean dotnetWhiteSpace(char c) {
    return DOTNET_WHITESPACE.contains(c);
  }

  static List<String> lines(String output) {
    return List.of(output.split("\r\n|\r|\n", -1));
  }

  static List<Command> parse(String output) {
    List<Command> commands = new ArrayList<>();
    for (String line : lines(output)) {
      int start = 0;
      while (start < line.length() && dotnetWhiteSpace(line.charAt(start))) {
        start++;
      }
      String trimmed = line.substring(start);
      if (trimmed.startsWith("::")) {
        int end = trimmed.indexOf("::", 2);
        if (end >= 0) {
          String info = trimmed.substring(2, end).trim();
          int space = info.indexOf(' ');
          commands.add(new Command(space < 0 ? info : info.substring(0, space), trimmed.substring(end + 2)));
          continue;
        }
      }
      int legacy = line.indexOf("##[");
      if (legacy >= 0) {
        int close = line.indexOf(']', legacy);
        if (close >= 0) {
          String info = line.substring(legacy + 3, close);
          int space = info.indexOf(' ');
          commands.add(new Command(space < 0 ? info : info.substring(0, space), line.substring(close + 1)));
        }
      }
    }
    return commands;
  }

  static List<String> names(String output) {
    return parse(output).stream().map(Command::name).toList();
  }
}
