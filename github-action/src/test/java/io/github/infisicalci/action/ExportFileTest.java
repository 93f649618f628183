package io.github.infisicalci.action;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Review findings: the export file is written at the last moment without following planted links. */
class ExportFileTest {
  @TempDir Path tmp;

  @Test
  void aFolderSwappedForALinkAfterTheInputsWereCheckedIsRefused() throws IOException {
    Path workspace = Files.createDirectories(tmp.resolve("ws"));
    Path outside = Files.createDirectories(tmp.resolve("outside"));
    Files.createSymbolicLink(workspace.resolve("out"), outside);

    IOException e = assertThrows(IOException.class,
        () -> ExportFile.write(workspace.resolve("out/.env"), bytes("A=1\n"), workspace, w -> { }));

    assertEquals("the folder of out/.env now leads out of the workspace", e.getMessage());
    try (var files = Files.list(outside)) {
      assertEquals(0, files.count(), "nothing written outside the workspace");
    }
  }

  /**
   * The write's own check-then-use gap: after the folder was checked, a folder swapped for a link must not
   * redirect the file (written as root) out of the workspace. The folder is held open without following
   * links and the file is created and renamed relative to it.
   */
  @Test
  void aFolderSwappedForALinkAfterTheLastCheckStillGetsNothingOutside() throws IOException {
    Path workspace = Files.createDirectories(tmp.resolve("ws")).toRealPath();
    Path outside = Files.createDirectories(tmp.resolve("outside2"));
    Path victim = Files.writeString(outside.resolve(".env"), "keep me");
    Files.createDirectories(workspace.resolve("out"));
    try (NoFollowFolder folder = NoFollowFolder.open(workspace, Path.of("out"))) {
      Files.move(workspace.resolve("out"), workspace.resolve("out-moved"));
      Files.createSymbolicLink(workspace.resolve("out"), outside); // the swap, after the check
      ExportFile.into(folder, Path.of(".env"), bytes("A=1\n"), null, new ArrayList<>());
    }
    assertEquals("keep me", Files.readString(victim), "the file behind the swapped-in link is untouched");
    try (var files = Files.list(outside)) {
      assertEquals(1, files.count(), "nothing else written outside the workspace");
    }
    assertArrayEquals(bytes("A=1\n"), Files.readAllBytes(workspace.resolve("out-moved/.env")));
  }

  @Test
  void writesPrivatelyAndLeavesNoTemporaryFile() throws IOException {
    Path workspace = Files.createDirectories(tmp.resolve("ws"));
    List<String> warnings = new ArrayList<>();

    Path written = ExportFile.write(workspace.resolve("a/b/.env"), bytes("A=1\n"), workspace, warnings::add);

    assertArrayEquals(bytes("A=1\n"), Files.readAllBytes(written));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(written)));
    try (var files = Files.list(written.getParent())) {
      assertFalse(files.anyMatch(p -> p.getFileName().toString().endsWith(".tmp")));
    }
    assertEquals(List.of(), warnings);
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
