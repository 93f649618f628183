package io.github.infisicalci.action;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Removes one file below the workspace without ever following a link on the way, and without a gap
 * between checking the way and removing: each folder is opened relative to the one before it with
 * {@code O_NOFOLLOW} ({@link SecureDirectoryStream}, which the JDK offers on Linux, where the container
 * runs), and the file is unlinked relative to its opened folder. A folder swapped for a link after it was
 * opened changes nothing: the handle still points at the real folder. A link as the file itself is
 * removed as a link; its target is never touched.
 *
 * <p>Where the JDK offers no {@link SecureDirectoryStream} (Windows, for the portable entry), the
 * folder's real path is checked and the file then removed by path: a process that swaps a folder in
 * that instant could still redirect the removal there.
 */
final class NoFollowRemoval implements Closeable {
  /** What {@link #remove} did, or why it did not. */
  enum Outcome { REMOVED, ALREADY_GONE, THROUGH_LINK, NOT_A_FILE }

  private final Path workspace;
  private final Path relative;
  private final SecureDirectoryStream<Path> parent;
  private final Outcome early;

  private NoFollowRemoval(Path workspace, Path relative, SecureDirectoryStream<Path> parent, Outcome early) {
    this.workspace = workspace;
    this.relative = relative;
    this.parent = parent;
    this.early = early;
  }

  /**
   * Opens the folders from {@code realWorkspace} (a real path, no links) down to the folder of
   * {@code relative} (normalized, inside the workspace), refusing any that is a link.
   */
  static NoFollowRemoval open(Path realWorkspace, Path relative) throws IOException {
    DirectoryStream<Path> root = Files.newDirectoryStream(realWorkspace);
    if (!(root instanceof SecureDirectoryStream<Path> current)) {
      root.close();
      return new NoFollowRemoval(realWorkspace, relative, null, null);
    }
    for (int i = 0; i < relative.getNameCount() - 1; i++) {
      Path name = relative.getName(i);
      SecureDirectoryStream<Path> next;
      try {
        next = current.newDirectoryStream(name, LinkOption.NOFOLLOW_LINKS);
      } catch (NoSuchFileException e) {
        current.close();
        return new NoFollowRemoval(realWorkspace, relative, null, Outcome.ALREADY_GONE);
      } catch (FileSystemException e) { // ELOOP (a link) or ENOTDIR
        Outcome why = isLink(current, name) ? Outcome.THROUGH_LINK : Outcome.NOT_A_FILE;
        current.close();
        return new NoFollowRemoval(realWorkspace, relative, null, why);
      }
      current.close();
      current = next;
    }
    return new NoFollowRemoval(realWorkspace, relative, current, null);
  }

  private static boolean isLink(SecureDirectoryStream<Path> dir, Path name) {
    try {
      return dir.getFileAttributeView(name, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
          .readAttributes().isSymbolicLink();
    } catch (IOException e) {
      return false;
    }
  }

  /** Removes the file (a regular file or a link, never a folder) through the opened folder. */
  Outcome remove() throws IOException {
    if (early != null) {
      return early;
    }
    Path name = relative.getFileName();
    if (parent == null) {
      return removeByPath();
    }
    BasicFileAttributes attributes;
    try {
      attributes = parent.getFileAttributeView(name, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
          .readAttributes();
    } catch (NoSuchFileException e) {
      return Outcome.ALREADY_GONE;
    }
    if (attributes.isDirectory()) {
      return Outcome.NOT_A_FILE;
    }
    try {
      parent.deleteFile(name);
    } catch (NoSuchFileException e) {
      return Outcome.ALREADY_GONE;
    }
    return Outcome.REMOVED;
  }

  /** Without a secure directory stream: the folder's real path checked, then the file removed by path. */
  private Outcome removeByPath() throws IOException {
    Path file = workspace.resolve(relative);
    Path folder = file.getParent();
    if (!Files.exists(folder)) {
      return Outcome.ALREADY_GONE;
    }
    if (!folder.toRealPath().startsWith(workspace)) {
      return Outcome.THROUGH_LINK;
    }
    if (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
      return Outcome.NOT_A_FILE;
    }
    return Files.deleteIfExists(file) ? Outcome.REMOVED : Outcome.ALREADY_GONE;
  }

  @Override
  public void close() throws IOException {
    if (parent != null) {
      parent.close();
    }
  }
}
