package io.github.infisicalci.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.infisicalci.release.PinActionImage.PinException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PinActionImageTest {
  private static final String REPO = "ghcr.io/acme-corp/infisical-ci";
  private static final String DIGEST = "sha256:" + "0123456789abcdef".repeat(4);

  private static Path root() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.exists(dir.resolve("action.yml"))) {
      dir = dir.getParent();
    }
    return dir;
  }

  /** Indexes of the lines that differ (same line count required). */
  private static List<Integer> changedLines(String before, String after) {
    String[] a = before.split("\n", -1);
    String[] b = after.split("\n", -1);
    assertEquals(a.length, b.length, "line count");
    List<Integer> changed = new ArrayList<>();
    for (int i = 0; i < a.length; i++) {
      if (!a[i].equals(b[i])) {
        changed.add(i);
      }
    }
    return changed;
  }

  @Test
  void theProjectsActionYmlChangesInExactlyTheImageLine() throws Exception {
    String before = Files.readString(root().resolve("action.yml"), StandardCharsets.UTF_8);
    String after = PinActionImage.pin(before, REPO, DIGEST);
    List<Integer> changed = changedLines(before, after);
    assertEquals(1, changed.size(), "exactly one line differs");
    assertEquals("  image: Dockerfile", before.split("\n", -1)[changed.get(0)]);
    assertEquals("  image: docker://" + REPO + "@" + DIGEST, after.split("\n", -1)[changed.get(0)]);
  }

  @Test
  void onlyTheRunsSectionsImageLineCountsAndLineEndingsStay() throws Exception {
    String yml = "name: x\r\ninputs:\r\n  image:\r\n    description: an input called image\r\n"
        + "runs:\r\n  using: docker\r\n  # image: not this comment\r\n  image: \"Dockerfile\"\r\n  post-if: always()\r\n";
    String out = PinActionImage.pin(yml, REPO, DIGEST);
    assertEquals(yml.replace("  image: \"Dockerfile\"\r\n", "  image: docker://" + REPO + "@" + DIGEST + "\r\n"), out);
  }

  @Test
  void aFileWithoutFinalNewlineKeepsItsEnd() throws Exception {
    assertEquals("runs:\n  image: docker://" + REPO + "@" + DIGEST,
        PinActionImage.pin("runs:\n  image: Dockerfile", REPO, DIGEST));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
      "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcde",
      "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0",
      "sha256:0123456789ABCDEF0123456789abcdef0123456789abcdef0123456789abcdef",
      "sha256:0123456789abcdeg0123456789abcdef0123456789abcdef0123456789abcdef",
      "sha512:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
      "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n",
      " sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
      "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\nimage: evil"})
  void malformedDigestsAreRefused(String digest) {
    PinException e = assertThrows(PinException.class,
        () -> PinActionImage.pin("runs:\n  image: Dockerfile\n", REPO, digest));
    assertTrue(e.getMessage().startsWith("malformed digest"), e.getMessage());
    assertTrue(!e.getMessage().contains("\n"), "one line");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "ghcr.io/Acme/Repo", "ghcr.io/acme/repo:1.2.3", "ghcr.io/acme/repo@sha256:00",
      "ghcr.io", "docker://ghcr.io/acme/repo", "ghcr.io/acme/repo/", "ghcr.io//repo", "ghcr.io/acme/re po"})
  void malformedRepositoriesAreRefused(String repository) {
    PinException e = assertThrows(PinException.class,
        () -> PinActionImage.pin("runs:\n  image: Dockerfile\n", repository, DIGEST));
    assertTrue(e.getMessage().startsWith("malformed repository"), e.getMessage());
  }

  @Test
  void anAlreadyPinnedOrMissingOrDoubledImageLineIsRefused() {
    String pinned = "runs:\n  image: docker://" + REPO + "@" + DIGEST + "\n";
    assertTrue(assertThrows(PinException.class, () -> PinActionImage.pin(pinned, REPO, DIGEST))
        .getMessage().contains("expected 'Dockerfile'"));
    assertTrue(assertThrows(PinException.class, () -> PinActionImage.pin("runs:\n  using: docker\n", REPO, DIGEST))
        .getMessage().contains("found 0"));
    assertTrue(assertThrows(PinException.class,
        () -> PinActionImage.pin("runs:\n  image: Dockerfile\n  image: Dockerfile\n", REPO, DIGEST))
        .getMessage().contains("found 2"));
    assertTrue(assertThrows(PinException.class,
        () -> PinActionImage.pin("inputs:\n  image: Dockerfile\n", REPO, DIGEST)).getMessage().contains("found 0"));
  }

  @Test
  void theCommandRewritesTheFileOrLeavesItUntouched(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("action.yml");
    String original = "runs:\n  using: docker\n  image: Dockerfile\n";
    Files.writeString(file, original);
    assertEquals(2, PinActionImage.run(new String[] {file.toString(), REPO, "sha256:bad"}));
    assertEquals(original, Files.readString(file));
    assertEquals(2, PinActionImage.run(new String[] {file.toString(), REPO}));
    assertEquals(0, PinActionImage.run(new String[] {file.toString(), REPO, DIGEST}));
    assertEquals("runs:\n  using: docker\n  image: docker://" + REPO + "@" + DIGEST + "\n", Files.readString(file));
  }
}
