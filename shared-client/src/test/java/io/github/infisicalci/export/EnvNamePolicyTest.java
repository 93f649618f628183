package io.github.infisicalci.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EnvNamePolicyTest {
  @ParameterizedTest
  @ValueSource(strings = {"A", "_x", "DB_PASSWORD", "a1_B2"})
  void acceptsPortableNames(String name) {
    assertTrue(EnvNames.syntaxProblem(name).isEmpty());
  }

  @Test
  void explainsEachKindOfBadName() {
    assertEquals("is empty", EnvNames.syntaxProblem("").orElseThrow());
    assertEquals("contains '='", EnvNames.syntaxProblem("A=B").orElseThrow());
    assertEquals("contains a line break", EnvNames.syntaxProblem("A\nB").orElseThrow());
    assertEquals("contains a line break", EnvNames.syntaxProblem("A\rB").orElseThrow());
    assertEquals("contains a NUL character", EnvNames.syntaxProblem("A\0B").orElseThrow());
    assertTrue(EnvNames.syntaxProblem("1A").isPresent());
    assertTrue(EnvNames.syntaxProblem("A-B").isPresent());
    assertTrue(EnvNames.syntaxProblem("A<<EOF").isPresent());
    assertTrue(EnvNames.syntaxProblem("ÄPFEL").isPresent());
  }

  @ParameterizedTest
  @ValueSource(strings = {"PATH", "path", "LD_PRELOAD", "LD_LIBRARY_PATH", "NODE_OPTIONS", "BASH_ENV", "ENV",
      "JAVA_TOOL_OPTIONS", "GITHUB_TOKEN", "GITHUB_ENV", "RUNNER_TEMP", "ACTIONS_RUNTIME_TOKEN", "github_path"})
  void protectedNamesAreRefusedByDefault(String name) {
    assertTrue(EnvNames.isProtected(name));
    List<String> problems = EnvNamePolicy.strict().problems(List.of(name));
    assertEquals(1, problems.size());
    assertTrue(problems.get(0).contains("'" + name + "' is protected"), problems.get(0));
  }

  @Test
  void ordinaryNamesAreNotProtected() {
    assertFalse(EnvNames.isProtected("PATHWAY"));
    assertFalse(EnvNames.isProtected("MY_GITHUB_TOKEN"));
    assertFalse(EnvNames.isProtected("ENVIRONMENT"));
  }

  @Test
  void protectedNamesPassOnlyWhenAllowed() {
    EnvNamePolicy some = EnvNamePolicy.allowing(List.of("path", " NODE_OPTIONS "));
    assertEquals(List.of(), some.problems(List.of("PATH", "NODE_OPTIONS")));
    assertEquals(1, some.problems(List.of("LD_PRELOAD")).size());
    assertEquals(List.of(), EnvNamePolicy.allowing(List.of("*")).problems(List.of("LD_PRELOAD", "GITHUB_X")));
    assertEquals(List.of(), EnvNamePolicy.allowing(List.of("true")).problems(List.of("BASH_ENV")));
  }

  @Test
  void reportsCaseCollisionsDuplicatesAndEveryProblemAtOnce() {
    List<String> problems = EnvNamePolicy.strict().problems(
        List.of("Token", "TOKEN", "A", "A", "B=C", "PATH", "OK"));
    assertEquals(4, problems.size(), problems.toString());
    assertTrue(problems.get(0).contains("'Token' and 'TOKEN' differ only by case"));
    assertTrue(problems.get(1).contains("'A' would be exported twice"));
    assertTrue(problems.get(2).contains("'B=C' contains '='"));
    assertTrue(problems.get(3).contains("'PATH' is protected"));
    ExportException e = assertThrows(ExportException.class,
        () -> EnvNamePolicy.strict().check(List.of("x y", "LD_PRELOAD")));
    assertEquals(2, e.problems().size());
  }

  @Test
  void printsControlCharactersEscaped() {
    List<String> problems = EnvNamePolicy.strict().problems(List.of("A\nB"));
    assertTrue(problems.get(0).contains("'A\\u000aB'"), problems.get(0));
    assertFalse(problems.get(0).contains("\n"));
  }
}
