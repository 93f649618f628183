package io.github.infisicalci.action;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The test parser itself follows the runner's rules (so the round-trip tests mean something). */
class RunnerFilesTest {
  @Test
  void followsTheRunnersRules(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("env");
    Files.writeString(f, "A=1=2\nB<<X=Y\nv1\n\nX=Y\n\nC<<EOF\nEOF\nD<<E\nline\r\n\nE\n");
    assertEquals(List.of(Map.entry("A", "1=2"), Map.entry("B", "v1\n"), Map.entry("C", ""),
        Map.entry("D", "line\r\n")), RunnerFiles.records(f));
  }

  @Test
  void rejectsUnterminatedHeredocs(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("env");
    Files.writeString(f, "A<<EOF\nvalue\n");
    assertThrows(IllegalStateException.class, () -> RunnerFiles.records(f));
    Files.writeString(f, "A<<EOF\nvalue\nEOF");
    assertEquals("value", RunnerFiles.map(f).get("A"));
    Files.writeString(f, "JUSTANAME\n");
    assertThrows(IllegalStateException.class, () -> RunnerFiles.records(f));
  }
}
