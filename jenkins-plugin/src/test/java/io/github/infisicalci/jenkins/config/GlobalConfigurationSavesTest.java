package io.github.infisicalci.jenkins.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.sf.json.JSONObject;
import io.github.infisicalci.jenkins.PluginSources;
import org.junit.jupiter.api.Test;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.StaplerRequest2;

/**
 * The global configuration is written once per form submission or JCasC apply, not once per field: no
 * {@code @DataBoundSetter} saves (Stapler's {@code bindJSON} calls every setter; JCasC calls them inside a
 * {@code BulkChange}), and {@code configure} binds, then saves once. Offline, where Jenkins cannot run, the
 * shape is checked on the source; {@code it.GlobalConfigurationSaveCountTest} counts the writes under
 * {@code -Pjenkins}.
 */
class GlobalConfigurationSavesTest {
  private static final Pattern SAVE = Pattern.compile("\\bsave\\(\\)");

  @Test
  void configureIsOverriddenToBindThenSaveOnce() throws Exception {
    Method configure = InfisicalGlobalConfiguration.class.getDeclaredMethod("configure", StaplerRequest2.class,
        JSONObject.class);
    assertTrue(Modifier.isPublic(configure.getModifiers()));
    String body = bodyOf(source(), "public boolean configure(StaplerRequest2 req, JSONObject json)");
    int bind = body.indexOf("req.bindJSON(this, json)");
    assertTrue(bind >= 0 && bind < body.indexOf("save()"), "configure binds, then saves: " + body);
    assertEquals(1, count(body), "configure saves once");
  }

  @Test
  void noSetterSavesAndConfigureIsTheOnlySave() throws Exception {
    String source = source();
    List<String> saving = new ArrayList<>();
    List<Method> setters = Arrays.stream(InfisicalGlobalConfiguration.class.getDeclaredMethods())
        .filter(m -> m.isAnnotationPresent(DataBoundSetter.class)).toList();
    assertTrue(setters.size() >= 9, "setters found: " + setters.size());
    for (Method setter : setters) {
      if (count(bodyOf(source, "public void " + setter.getName() + "(")) > 0) {
        saving.add(setter.getName());
      }
    }
    assertEquals(List.of(), saving, "setters that write the configuration file");
    assertEquals(1, count(source), "save() is called in configure only");
  }

  private static int count(String text) {
    Matcher m = SAVE.matcher(text);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  /** The body of the method whose declaration starts with {@code head}, braces balanced. */
  private static String bodyOf(String source, String head) {
    int at = source.indexOf(head);
    assertTrue(at >= 0, "not found: " + head);
    int open = source.indexOf('{', at);
    int depth = 0;
    for (int i = open; i < source.length(); i++) {
      char c = source.charAt(i);
      if (c == '{') {
        depth++;
      } else if (c == '}' && --depth == 0) {
        return source.substring(open + 1, i);
      }
    }
    throw new AssertionError("unbalanced body: " + head);
  }

  /** The source file without comments. */
  private static String source() throws IOException {
    Path file = PluginSources.mainJava()
        .resolve(InfisicalGlobalConfiguration.class.getName().replace('.', '/') + ".java");
    return Files.readString(file).replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("(?m)^\\s*//.*$", "");
  }
}
