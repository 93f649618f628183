package io.github.infisicalci.offlinestubs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the stubs equal to what was audited against the real sources. {@code audited-signatures.txt} lists,
 * per stub type, the non-private declarations (supertypes, modifiers, generic signatures, checked
 * exceptions, runtime annotations) that were compared with the real type at the commit named in its
 * comment line. A stub changed without a new audit (a member added, a signature altered) fails here: read
 * the real source again, then update the list (the build writes the current one next to its test classes).
 */
class AuditedSignaturesTest {
  private static final Path SOURCES = Path.of("src/main/java");

  @Test
  void stubsAreExactlyWhatWasAudited() throws Exception {
    TreeSet<String> actual = new TreeSet<>();
    for (Class<?> c : stubTypes()) {
      describe(c, actual);
    }
    TreeSet<String> audited = audited();
    writeActual(actual);

    List<String> unaudited = actual.stream().filter(l -> !audited.contains(l)).toList();
    List<String> gone = audited.stream().filter(l -> !actual.contains(l)).toList();
    assertTrue(unaudited.isEmpty() && gone.isEmpty(),
        "stubs differ from the audited list; re-read the real source, then update audited-signatures.txt\n"
            + "not audited: " + String.join("\n  ", unaudited) + "\nno longer in the stubs: "
            + String.join("\n  ", gone));
  }

  @Test
  void everyStubTypeNamesTheSourceItWasAuditedAgainst() throws Exception {
    List<String> lines = manifestLines();
    List<String> unnamed = new ArrayList<>();
    for (Class<?> c : stubTypes()) {
      if (c.getEnclosingClass() == null && lines.stream().noneMatch(l -> l.startsWith("# " + c.getName() + " <- "))) {
        unnamed.add(c.getName());
      }
    }
    assertEquals(List.of(), unnamed);
  }

  private static List<Class<?>> stubTypes() throws IOException, ClassNotFoundException {
    List<Class<?>> types = new ArrayList<>();
    try (Stream<Path> s = Files.walk(SOURCES)) {
      for (Path p : s.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
        String name = SOURCES.relativize(p).toString().replace(p.getFileSystem().getSeparator(), ".");
        addWithNested(Class.forName(name.substring(0, name.length() - ".java".length()), false,
            AuditedSignaturesTest.class.getClassLoader()), types);
      }
    }
    assertTrue(types.size() > 70, "stub types found: " + types.size());
    return types;
  }

  private static void addWithNested(Class<?> c, List<Class<?>> into) {
    into.add(c);
    for (Class<?> n : c.getDeclaredClasses()) {
      if (!Modifier.isPrivate(n.getModifiers())) {
        addWithNested(n, into);
      }
    }
  }

  /** One line per declaration, each prefixed with its type's binary name so that lines are unique. */
  static void describe(Class<?> c, TreeSet<String> out) {
    String t = c.getName();
    out.add(t + " | type " + Modifier.toString(c.getModifiers() & ~Modifier.INTERFACE) + " "
        + kind(c) + typeParameters(c) + annotations(c));
    if (c.getGenericSuperclass() != null && c.getGenericSuperclass() != Object.class
        && !c.isEnum()) {
      out.add(t + " | extends " + c.getGenericSuperclass().getTypeName());
    }
    for (Type i : c.getGenericInterfaces()) {
      out.add(t + " | implements " + i.getTypeName());
    }
    for (Constructor<?> k : c.getDeclaredConstructors()) {
      if (!Modifier.isPrivate(k.getModifiers()) && !k.isSynthetic()) {
        out.add(t + " | " + k.toGenericString().replace(t + "(", "<init>(") + annotations(k));
      }
    }
    for (Method m : c.getDeclaredMethods()) {
      if (!Modifier.isPrivate(m.getModifiers()) && !m.isSynthetic() && !m.isBridge() && !isEnumMember(c, m)) {
        String d = c.isAnnotation() && m.getDefaultValue() != null
            ? m.toGenericString() + " default " + m.getDefaultValue() : m.toGenericString();
        out.add(t + " | " + d.replace(" " + t + ".", " ") + annotations(m));
      }
    }
    for (Field f : c.getDeclaredFields()) {
      if (!Modifier.isPrivate(f.getModifiers()) && !f.isSynthetic()) {
        out.add(t + " | " + (f.isEnumConstant() ? "constant " + f.getName()
            : f.toGenericString().replace(" " + t + ".", " ")) + annotations(f));
      }
    }
  }

  private static boolean isEnumMember(Class<?> c, Method m) {
    return c.isEnum() && (m.getName().equals("values") || m.getName().equals("valueOf"));
  }

  private static String kind(Class<?> c) {
    if (c.isAnnotation()) {
      return "@interface";
    }
    return c.isInterface() ? "interface" : c.isEnum() ? "enum" : "class";
  }

  private static String typeParameters(Class<?> c) {
    if (c.getTypeParameters().length == 0) {
      return "";
    }
    return Arrays.stream(c.getTypeParameters())
        .map(v -> v.getName() + " extends " + Arrays.stream(v.getBounds()).map(Type::getTypeName)
            .collect(Collectors.joining(" & ")))
        .collect(Collectors.joining(", ", "<", ">"));
  }

  private static String annotations(AnnotatedElement e) {
    Annotation[] all = e.getDeclaredAnnotations();
    if (all.length == 0) {
      return "";
    }
    return Arrays.stream(all).map(Objects::toString).sorted().collect(Collectors.joining(" ", " @ ", ""));
  }

  private static List<String> manifestLines() throws IOException {
    try (InputStream in = AuditedSignaturesTest.class.getResourceAsStream("audited-signatures.txt")) {
      assertTrue(in != null, "audited-signatures.txt is missing");
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }
  }

  private static TreeSet<String> audited() throws IOException {
    return manifestLines().stream().filter(l -> !l.isBlank() && !l.startsWith("#"))
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static void writeActual(TreeSet<String> actual) throws Exception {
    Path testClasses = Path.of(AuditedSignaturesTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Files.write(testClasses.getParent().resolve("audited-signatures.actual.txt"), actual, StandardCharsets.UTF_8);
  }
}
