package io.github.infisicalci.action;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Writes the {@code export-type: file} file: mode 0600, written to a temporary file in the same folder
 * and moved into place (never half-written), and owned by the owner of the workspace folder (uid and
 * gid), as are the folders it creates. The container runs as root while later {@code run:} steps run as
 * the workspace's owner ({@code runner} on GitHub-hosted runners), who could not read a root-owned 0600
 * file, and root-owned files in the workspace break clean-up on self-hosted runners.
 */
final class ExportFile {
  private static final Set<PosixFilePermission> PRIVATE = PosixFilePermissions.fromString("rw-------");

  private ExportFile() {}

  /**
   * Writes {@code bytes} to {@code target}.
   *
   * @param warn receives one sentence when the ownership could not be given (the file is still written)
   */
  static Path write(Path target, byte[] bytes, Path workspace, Consumer<String> warn) throws IOException {
    boolean posix = workspace.getFileSystem().supportedFileAttributeViews().contains("unix");
    Owner owner = posix ? Owner.of(workspace) : null;
    Path dir = target.getParent();
    List<Path> created = new ArrayList<>();
    for (Path d = dir; d != null && !Files.exists(d, LinkOption.NOFOLLOW_LINKS); d = d.getParent()) {
      created.add(0, d);
    }
    Files.createDirectories(dir);
    // Checked again now, after the network fetch: a folder swapped for a link since the inputs were
    // checked must not lead the write (as root) out of the workspace.
    if (!dir.toRealPath().startsWith(workspace.toRealPath())) {
      throw new IOException("the folder of " + workspace.relativize(target) + " now leads out of the workspace");
    }
    List<String> failures = new ArrayList<>();
    if (posix) {
      for (Path d : created) {
        owner.give(d, failures);
      }
    }
    Path temp = dir.resolve(".infisical-" + UUID.randomUUID() + ".tmp");
    Set<OpenOption> options = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
    try {
      // One channel creates (never follows or reuses a planted link) and writes the file.
      try (SeekableByteChannel channel = posix
          ? Files.newByteChannel(temp, options, PosixFilePermissions.asFileAttribute(PRIVATE))
          : Files.newByteChannel(temp, options)) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
      }
      if (posix) {
        Files.getFileAttributeView(temp, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS).setPermissions(PRIVATE);
        owner.give(temp, failures);
      }
      try {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
    if (!failures.isEmpty()) {
      warn.accept("Infisical: could not give " + workspace.relativize(target) + " to the owner of the workspace (uid "
          + owner.uid + ", gid " + owner.gid + "; " + failures.get(0) + "); later steps running as that user"
          + " may not be able to read it");
    }
    return target;
  }

  /** A uid/gid pair read from the workspace folder. */
  private record Owner(int uid, int gid) {
    static Owner of(Path folder) throws IOException {
      return new Owner((Integer) Files.getAttribute(folder, "unix:uid"), (Integer) Files.getAttribute(folder, "unix:gid"));
    }

    void give(Path path, List<String> failures) {
      try {
        if (!Integer.valueOf(uid).equals(Files.getAttribute(path, "unix:uid", LinkOption.NOFOLLOW_LINKS))) {
          Files.setAttribute(path, "unix:uid", uid, LinkOption.NOFOLLOW_LINKS);
        }
        if (!Integer.valueOf(gid).equals(Files.getAttribute(path, "unix:gid", LinkOption.NOFOLLOW_LINKS))) {
          Files.setAttribute(path, "unix:gid", gid, LinkOption.NOFOLLOW_LINKS);
        }
      } catch (IOException | UnsupportedOperationException | SecurityException e) {
        failures.add(e.getClass().getSimpleName());
      }
    }
  }
}
