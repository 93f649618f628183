package io.github.infisicalci.offlinestubs;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the offline stubs honest: every file explains why it exists, and no method or constructor body
 * does anything but throw (a stub with behaviour would let offline tests pass against fake Jenkins logic).
 */
class StubDisciplineTest {
  private static final Path SOURCES = Path.of("src/main/java");
  /** A body: an opening brace after a ')' (optionally a throws clause) up to its closing brace. */
  private static final Pattern BODY = Pattern.compile("\\)\\s*(?:throws [\\w.,\\s]+)?\\{([^{}]*)\\}");

  private static List<Path> stubs() throws IOException {
    try (Stream<Path> s = Files.walk(SOURCES)) {
      return s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
  }

  @Test
  void everyStubCarriesTheHeader() throws IOException {
    List<Path> all = stubs();
    assertTrue(all.size() > 40, "stubs found: " + all.size());
    List<String> missing = new ArrayList<>();
    for (Path p : all) {
      String text = Files.readString(p);
      if (!text.startsWith("/*\n * OFFLINE STUB:") || !text.contains("Why it exists")) {
        missing.add(p.toString());
      }
    }
    assertTrue(missing.isEmpty(), "without header: " + missing);
  }

  @Test
  void bodiesOnlyThrow() throws IOException {
    List<String> offenders = new ArrayList<>();
    int bodies = 0;
    for (Path p : stubs()) {
      Matcher m = BODY.matcher(Files.readString(p));
      while (m.find()) {
        bodies++;
        String body = m.group(1).replaceAll("super\\([\\w, ]*\\);", "").trim();
        if (!body.equals("throw new UnsupportedOperationException();")) {
          offenders.add(p.getFileName() + ": {" + body + "}");
        }
      }
    }
    assertTrue(bodies > 60, "bodies found: " + bodies);
    assertTrue(offenders.isEmpty(), "bodies with behaviour: " + offenders);
  }

  @Test
  void constantsAreNeverRealValues() throws IOException {
    List<String> offenders = new ArrayList<>();
    Pattern constant = Pattern.compile("static final [\\w.<>]+ \\w+ = (.*);|^\\s+Permission \\w+ = (.*);",
        Pattern.MULTILINE);
    for (Path p : stubs()) {
      Matcher m = constant.matcher(Files.readString(p));
      while (m.find()) {
        String value = m.group(1) != null ? m.group(1) : m.group(2);
        if (!value.equals("null")) {
          offenders.add(p.getFileName() + ": " + value);
        }
      }
    }
    assertTrue(offenders.isEmpty(), "constants with values: " + offenders);
  }
}
