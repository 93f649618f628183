package io.github.infisicalci.jenkins.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The forms and the classes agree: every {@code field="x"} of a {@code config.jelly} or
 * {@code credentials.jelly} is a data-bound property of the class the form belongs to (a getter, and a
 * {@code @DataBoundSetter} setter or a {@code @DataBoundConstructor} parameter), and has its
 * {@code help-x.html}. Plain reflection: no Jenkins needed.
 */
class FormResourcesTest {
  private static final String ROOT = "/io/github/infisicalci/jenkins";
  private static final Pattern FIELD = Pattern.compile("field=\"([A-Za-z][A-Za-z0-9]*)\"");

  @Test
  void everyFormFieldIsBoundAndHelped() throws Exception {
    List<Path> forms = forms();
    assertFalse(forms.isEmpty(), "no forms found under " + ROOT);
    List<String> problems = new ArrayList<>();
    for (Path form : forms) {
      Path dir = form.getParent();
      String className = classNameOf(dir);
      Class<?> type = Class.forName(className);
      Matcher m = FIELD.matcher(Files.readString(form, StandardCharsets.UTF_8));
      while (m.find()) {
        String field = m.group(1);
        if (!hasGetter(type, field)) {
          problems.add(className + ": no getter for form field '" + field + "'");
        }
        if (!hasSetterOrConstructorParameter(type, field)) {
          problems.add(className + ": form field '" + field + "' is neither a @DataBoundSetter nor a"
              + " @DataBoundConstructor parameter");
        }
        if (!Files.exists(dir.resolve("help-" + field + ".html"))) {
          problems.add(className + ": no help-" + field + ".html");
        }
      }
    }
    assertEquals(List.of(), problems);
  }

  @Test
  void theRunActionHasItsPage() throws Exception {
    assertNotNull(getClass().getResource("/index.jelly"), "plugin description");
    assertEquals(true, Files.exists(resourcesRoot().resolve(ROOT.substring(1) + "/report/InfisicalRunAction/index.jelly")));
  }

  /**
   * The class-path root holding the plugin's resources (target/classes), found through the plugin's
   * {@code index.jelly}: the test classes have a folder {@value #ROOT} of their own, earlier on the path.
   */
  private static Path resourcesRoot() throws URISyntaxException {
    URL index = FormResourcesTest.class.getResource("/index.jelly");
    assertNotNull(index, "index.jelly is not on the class path");
    return Path.of(index.toURI()).getParent();
  }

  private static List<Path> forms() throws IOException, URISyntaxException {
    try (Stream<Path> files = Files.walk(resourcesRoot().resolve(ROOT.substring(1)))) {
      return files.filter(p -> {
        String name = p.getFileName().toString();
        return name.equals("config.jelly") || name.equals("credentials.jelly");
      }).toList();
    }
  }

  /** {@code .../io/github/infisicalci/jenkins/binding/InfisicalBuildWrapper} → the class name. */
  private static String classNameOf(Path resourceDir) throws URISyntaxException {
    Path relative = resourcesRoot().relativize(resourceDir);
    List<String> parts = new ArrayList<>();
    relative.forEach(part -> parts.add(part.toString()));
    return String.join(".", parts);
  }

  private static boolean hasGetter(Class<?> type, String field) {
    String cap = Character.toUpperCase(field.charAt(0)) + field.substring(1);
    for (Method method : type.getMethods()) {
      if (method.getParameterCount() == 0
          && (method.getName().equals("get" + cap) || method.getName().equals("is" + cap))) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasSetterOrConstructorParameter(Class<?> type, String field) {
    String cap = Character.toUpperCase(field.charAt(0)) + field.substring(1);
    for (Method method : type.getMethods()) {
      if (method.getName().equals("set" + cap) && method.getParameterCount() == 1
          && hasAnnotationNamed(method.getAnnotations(), "DataBoundSetter")) {
        return true;
      }
    }
    for (Constructor<?> c : type.getConstructors()) {
      if (hasAnnotationNamed(c.getAnnotations(), "DataBoundConstructor")) {
        for (java.lang.reflect.Parameter p : c.getParameters()) {
          if (p.isNamePresent() && p.getName().equals(field)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static boolean hasAnnotationNamed(java.lang.annotation.Annotation[] annotations, String simpleName) {
    for (java.lang.annotation.Annotation a : annotations) {
      if (a.annotationType().getSimpleName().equals(simpleName)) {
        return true;
      }
    }
    return false;
  }
}
