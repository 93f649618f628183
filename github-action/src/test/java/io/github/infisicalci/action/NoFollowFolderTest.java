package io.github.infisicalci.action;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the post step's no-follow removal does with each thing it may find on the way. */
class NoFollowFolderTest {
  @TempDir Path tmp;

  private NoFollowFolder.Outcome remove(Path root, String folder, String name) throws IOException {
    try (NoFollowFolder opened = NoFollowFolder.open(root.toRealPath(), Path.of(folder))) {
      return opened.remove(Path.of(name));
    }
  }

  @Test
  void removesAFileInTheRootOrBelowAndReportsWhatIsGone() throws IOException {
    Files.writeString(tmp.resolve(".env"), "A=1");
    Files.writeString(Files.createDirectories(tmp.resolve("a/b")).resolve(".env"), "A=1");
    assertEquals(NoFollowFolder.Outcome.REMOVED, remove(tmp, "", ".env"));
    assertEquals(NoFollowFolder.Outcome.REMOVED, remove(tmp, "a/b", ".env"));
    assertFalse(Files.exists(tmp.resolve("a/b/.env")));
    assertEquals(NoFollowFolder.Outcome.ALREADY_GONE, remove(tmp, "a/b", ".env"));
    assertEquals(NoFollowFolder.Outcome.ALREADY_GONE, remove(tmp, "a/missing", ".env"));
  }

  @Test
  void neverRemovesAFolderNorWalksThroughAFileOrALink() throws IOException {
    Files.createDirectories(tmp.resolve("a/.env/inner"));
    assertEquals(NoFollowFolder.Outcome.NOT_A_FILE, remove(tmp, "a", ".env"));
    assertTrue(Files.isDirectory(tmp.resolve("a/.env/inner")));

    Files.writeString(tmp.resolve("plain"), "x");
    assertEquals(NoFollowFolder.Outcome.NOT_A_FILE, remove(tmp, "plain", ".env"));
    assertTrue(Files.exists(tmp.resolve("plain")));

    Path outside = Files.createDirectories(tmp.resolve("outside"));
    Files.writeString(outside.resolve(".env"), "keep");
    Path root = Files.createDirectories(tmp.resolve("ws"));
    Files.createDirectories(root.resolve("real"));
    Files.createSymbolicLink(root.resolve("real/deep"), outside);
    assertEquals(NoFollowFolder.Outcome.THROUGH_LINK, remove(root, "real/deep", ".env"));
    assertTrue(Files.exists(outside.resolve(".env")));
  }
}
