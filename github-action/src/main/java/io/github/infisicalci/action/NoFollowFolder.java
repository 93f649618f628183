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
import java.util.Optional;

/**
 * A folder below the workspace, opened without following a link on the way, so that what is done in it
 * (writing the export file, removing it) cannot be redirected by a folder swapped for a link after the
 * way was checked. Each folder is opened relative to the one before it with {@code O_NOFOLLOW}
 * ({@link SecureDirectoryStream}, which the JDK offers on Linux, where the container runs), and files
 * are created, renamed and unlinked relative to the opened folder: a folder swapped for a link after it
 * was opened changes nothing, the handle still points at the real folder.
 *
 * <p>Where the JDK offers no {@link SecureDirectoryStream} (Windows, for the portable entry), {@link
 * #stream()} is {@code null}: callers check the folder's real path and then work by path, and a process
 * swapping a folder in that instant could still redirect them.
 */
final class NoFollowFolder implements Closeable {
  /** What {@link #remove} did, or why nothing was done. */
  enum Outcome { REMOVED, ALREADY_GONE, THROUGH_LINK, NOT_A_FILE }

  private final Path path;
  private final SecureDirectoryStream<Path> stream;
  private final Outcome problem;

  private NoFollowFolder(Path path, SecureDirectoryStream<Path> stream, Outcome problem) {
    this.path = path;
    this.stream = stream;
    this.problem = problem;
  }

  /**
   * Opens {@code relative} (normalized, no {@code ..}; empty for the root itself) below {@code realRoot}
   * (a real path), one folder at a time, refusing any that is a link ({@link #problem()}).
   */
  static NoFollowFolder open(Path realRoot, Path relative) throws IOException {
    Path path = realRoot.resolve(relative);
    DirectoryStream<Path> root = Files.newDirectoryStream(realRoot);
    if (!(root instanceof SecureDirectoryStream<Path> current)) {
      root.close();
      return new NoFollowFolder(path, null, null);
    }
    int names = relative.toString().isEmpty() ? 0 : relative.getNameCount();
    for (int i = 0; i < names; i++) {
      Path name = relative.getName(i);
      SecureDirectoryStream<Path> next;
      try {
        next = current.newDirectoryStream(name, LinkOption.NOFOLLOW_LINKS);
      } catch (NoSuchFileException e) {
        current.close();
        return new NoFollowFolder(path, null, Outcome.ALREADY_GONE);
      } catch (FileSystemException e) { // ELOOP (a link) or ENOTDIR
        Outcome why = attributes(current, name).map(BasicFileAttributes::isSymbolicLink).orElse(false)
            ? Outcome.THROUGH_LINK : Outcome.NOT_A_FILE;
        current.close();
        return new NoFollowFolder(path, null, why);
      }
      current.close();
      current = next;
    }
    return new NoFollowFolder(path, current, null);
  }

  private static Optional<BasicFileAttributes> attributes(SecureDirectoryStream<Path> dir, Path name) {
    try {
      return Optional.of(dir.getFileAttributeView(name, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
          .readAttributes());
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** Why the folder could not be opened: a folder on the way is a link, is not a folder, or is gone. */
  Optional<Outcome> problem() {
    return Optional.ofNullable(problem);
  }

  /** The opened folder; {@code null} where the JDK offers no secure directory stream (or on a problem). */
  SecureDirectoryStream<Path> stream() {
    return stream;
  }

  /** The folder's path (for the by-path fallback and for messages). */
  Path path() {
    return path;
  }

  /**
   * Removes {@code name} (a regular file or a link, never a folder; a link is removed as a link, its
   * target is never touched) from the opened folder.
   */
  Outcome remove(Path name) throws IOException {
    if (problem != null) {
      return problem;
    }
    if (stream == null) {
      return removeByPath(path.resolve(name));
    }
    Optional<BasicFileAttributes> attributes = attributes(stream, name);
    if (attributes.isEmpty()) {
      return Outcome.ALREADY_GONE;
    }
    if (attributes.get().isDirectory()) {
      return Outcome.NOT_A_FILE;
    }
    try {
      stream.deleteFile(name);
    } catch (NoSuchFileException e) {
      return Outcome.ALREADY_GONE;
    }
    return Outcome.REMOVED;
  }

  /** Without a secure directory stream: the folder's real path checked, then the file removed by path. */
  private static Outcome removeByPath(Path file) throws IOException {
    Path folder = file.getParent();
    if (!Files.exists(folder)) {
      return Outcome.ALREADY_GONE;
    }
    if (!folder.toRealPath().equals(folder)) {
      return Outcome.THROUGH_LINK;
    }
    if (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
      return Outcome.NOT_A_FILE;
    }
    return Files.deleteIfExists(file) ? Outcome.REMOVED : Outcome.ALREADY_GONE;
  }

  @Override
  public void close() throws IOException {
    if (stream != null) {
      stream.close();
    }
  }
}
