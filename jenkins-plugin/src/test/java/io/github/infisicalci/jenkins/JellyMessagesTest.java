package io.github.infisicalci.jenkins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The {@code ${%...}} texts of every Jelly view render as written. Stapler reads {@code ${%key(a,b)}} as a
 * message key followed by arguments, so {@code ${%Connect timeout (seconds)}} would show "Connect timeout ";
 * such titles live in the view's {@code .properties} under a CamelCase key. Plain file reading: runs in the
 * offline build and under {@code -Pjenkins}.
 */
class JellyMessagesTest {
  /** {@code ${%...}} up to its closing brace (the texts hold no braces). */
  private static final Pattern MESSAGE = Pattern.compile("\\$\\{%([^}]*)}");
  /** A key rather than text: CamelCase with no space, e.g. {@code ConnectTimeoutTitle}. */
  private static final Pattern KEY = Pattern.compile("[A-Z][a-z]+(?:[A-Z][a-z]*)+");

  @Test
  void noMessageTextHoldsParentheses() throws IOException {
    List<Path> views = files(".jelly");
    assertTrue(views.size() >= 9, "views found: " + views);
    List<String> offenders = new ArrayList<>();
    for (Path view : views) {
      Matcher m = MESSAGE.matcher(Files.readString(view, StandardCharsets.UTF_8));
      while (m.find()) {
        if (m.group(1).indexOf('(') >= 0 || m.group(1).indexOf(')') >= 0) {
          offenders.add(root().relativize(view) + ": ${%" + m.group(1) + "}");
        }
      }
    }
    assertEquals(List.of(), offenders, "Stapler reads (...) as message arguments: move the text to the"
        + " view's .properties under a key");
  }

  @Test
  void everyKeyIsDefinedNextToItsViewAndEveryDefinitionIsUsed() throws IOException {
    List<String> problems = new ArrayList<>();
    int keys = 0;
    for (Path view : files(".jelly")) {
      Properties messages = messagesOf(view);
      List<String> used = new ArrayList<>();
      Matcher m = MESSAGE.matcher(Files.readString(view, StandardCharsets.UTF_8));
      while (m.find()) {
        String text = m.group(1);
        used.add(text);
        if (KEY.matcher(text).matches()) {
          keys++;
          if (messages.getProperty(text, "").isBlank()) {
            problems.add(root().relativize(view) + ": key " + text + " is not defined (the page would show the key)");
          }
        }
      }
      for (String defined : messages.stringPropertyNames()) {
        if (!used.contains(defined)) {
          problems.add(root().relativize(view) + ": " + defined + " is defined but not used");
        }
      }
    }
    assertTrue(keys >= 7, "keys found: " + keys);
    assertEquals(List.of(), problems);
  }

  /** Stapler formats a defined text with {@link MessageFormat}: a quote or a brace would be eaten. */
  @Test
  void definedTextsSurviveMessageFormat() throws IOException {
    List<String> problems = new ArrayList<>();
    for (Path file : files(".properties")) {
      Properties p = load(file);
      for (String key : p.stringPropertyNames()) {
        String text = p.getProperty(key);
        if (!new MessageFormat(text).format(new Object[0]).equals(text)) {
          problems.add(root().relativize(file) + ": " + key + "=" + text);
        }
      }
    }
    assertEquals(List.of(), problems);
  }

  private static Properties messagesOf(Path view) throws IOException {
    String name = view.getFileName().toString();
    Path file = view.resolveSibling(name.substring(0, name.length() - ".jelly".length()) + ".properties");
    return Files.exists(file) ? load(file) : new Properties();
  }

  private static Properties load(Path file) throws IOException {
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(r);
    }
    return p;
  }

  private static List<Path> files(String suffix) throws IOException {
    try (Stream<Path> s = Files.walk(root())) {
      return s.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
    }
  }

  private static Path root() {
    return PluginSources.resources();
  }

}
