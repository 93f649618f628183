package io.github.infisicalci.jenkins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.model.Descriptor;
import hudson.model.Item;
import hudson.util.ListBoxModel;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.verb.POST;

/**
 * Every credentials field of every form (the concise {@code credentialsId} fields and the official syntax's
 * {@code infisicalCredentialId}) is a credentials drop-down backed by a {@code @POST} fill method that lists
 * through the one permission-checked path ({@code FormSupport.credentials} or
 * {@code InfisicalCredentials.listBox}), in the item's context where the form belongs to an item.
 * Reflection and source reading: runs offline; {@code it.FormPermissionsTest} calls them over HTTP.
 */
class CredentialDropdownsTest {
  private static final Pattern SELECT = Pattern.compile("field=\"(\\w+)\"\\s*>\\s*<c:select\\s*/>");
  private static final Pattern CREDENTIAL_FIELD =
      Pattern.compile("field=\"(\\w*[cC]redential\\w*)\"\\s*>\\s*<([\\w:]+)");

  @Test
  void everyCredentialFieldIsADropDown() throws Exception {
    List<String> problems = new ArrayList<>();
    for (Path form : forms()) {
      Matcher m = CREDENTIAL_FIELD.matcher(Files.readString(form, StandardCharsets.UTF_8));
      while (m.find()) {
        if (!m.group(2).equals("c:select")) {
          problems.add(PluginSources.resources().relativize(form) + ": " + m.group(1) + " is a " + m.group(2));
        }
      }
    }
    assertEquals(List.of(), problems);
  }

  @Test
  void everyDropDownHasAPostFillMethodThatChecksPermissions() throws Exception {
    List<String> problems = new ArrayList<>();
    int dropDowns = 0;
    for (Path form : forms()) {
      Class<?> owner = ownerOf(form);
      Matcher m = SELECT.matcher(Files.readString(form, StandardCharsets.UTF_8));
      while (m.find()) {
        dropDowns++;
        String field = m.group(1);
        String name = "doFill" + Character.toUpperCase(field.charAt(0)) + field.substring(1) + "Items";
        Class<?> descriptor = descriptorOf(owner);
        Method fill = find(descriptor, name);
        String where = descriptor.getName() + "." + name;
        if (fill == null) {
          problems.add(where + " is missing");
          continue;
        }
        if (!Modifier.isPublic(fill.getModifiers()) || !fill.isAnnotationPresent(POST.class)
            || fill.getReturnType() != ListBoxModel.class) {
          problems.add(where + " must be a public @POST method returning ListBoxModel");
        }
        boolean global = owner == descriptor;
        boolean itemFirst = fill.getParameterCount() > 0 && fill.getParameterTypes()[0] == Item.class
            && fill.getParameters()[0].isAnnotationPresent(AncestorInPath.class);
        if (!global && !itemFirst) {
          problems.add(where + " must take the @AncestorInPath Item first (permissions are checked on it)");
        }
        String body = bodyOf(sourceOf(descriptor), "public ListBoxModel " + name + "(");
        if (!body.contains("FormSupport.credentials(") && !body.contains("InfisicalCredentials.listBox(")) {
          problems.add(where + " must list through FormSupport.credentials or InfisicalCredentials.listBox");
        }
      }
    }
    assertTrue(dropDowns >= 5, "drop-downs found: " + dropDowns);
    assertEquals(List.of(), problems);
  }

  private static List<Path> forms() throws Exception {
    try (Stream<Path> s = Files.walk(PluginSources.resources())) {
      return s.filter(p -> p.getFileName().toString().equals("config.jelly")).sorted().toList();
    }
  }

  /** The class a view belongs to: its folder path under the resources root. */
  private static Class<?> ownerOf(Path view) throws ClassNotFoundException {
    String name = PluginSources.resources().relativize(view.getParent()).toString()
        .replace(view.getFileSystem().getSeparator(), ".");
    return Class.forName(name, false, CredentialDropdownsTest.class.getClassLoader());
  }

  private static Class<?> descriptorOf(Class<?> owner) {
    if (Descriptor.class.isAssignableFrom(owner)) {
      return owner;
    }
    for (Class<?> nested : owner.getDeclaredClasses()) {
      if (Descriptor.class.isAssignableFrom(nested)) {
        return nested;
      }
    }
    throw new AssertionError(owner.getName() + " has no nested descriptor");
  }

  private static Method find(Class<?> type, String name) {
    for (Method m : type.getDeclaredMethods()) {
      if (m.getName().equals(name)) {
        return m;
      }
    }
    return null;
  }

  private static String sourceOf(Class<?> type) throws Exception {
    Class<?> top = type;
    while (top.getEnclosingClass() != null) {
      top = top.getEnclosingClass();
    }
    return Files.readString(PluginSources.mainJava().resolve(top.getName().replace('.', '/') + ".java"),
        StandardCharsets.UTF_8);
  }

  private static String bodyOf(String source, String head) {
    int at = source.indexOf(head);
    if (at < 0) {
      return "";
    }
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
    return "";
  }
}
