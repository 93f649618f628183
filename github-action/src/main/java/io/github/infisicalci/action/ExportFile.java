package io.github.infisicalci.action;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
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
    // checked must not lead the write (as root) out of the workspace; and from here on the folder is used
    // through a handle opened without following links, so a swap after this check cannot either.
    Path realWorkspace = workspace.toRealPath();
    Path realDir = dir.toRealPath();
    if (!realDir.startsWith(realWorkspace)) {
      throw new IOException("the folder of " + workspace.relativize(target) + " now leads out of the workspace");
    }
    List<String> failures = new ArrayList<>();
    if (posix) {
      for (Path d : created) {
        owner.give(d, failures);
      }
    }
    try (NoFollowFolder folder = NoFollowFolder.open(realWorkspace, realWorkspace.relativize(realDir))) {
      if (folder.problem().isPresent()) {
        throw new IOException("the folder of " + workspace.relativize(target) + " changed while it was checked");
      }
      into(folder, target.getFileName(), bytes, posix ? owner : null, failures);
    }
    if (!failures.isEmpty()) {
      warn.accept("Infisical: could not give " + workspace.relativize(target) + " to the owner of the workspace (uid "
          + owner.uid + ", gid " + owner.gid + "; " + failures.get(0) + "); later steps running as that user"
          + " may not be able to read it");
    }
    return target;
  }

  /**
   * Writes {@code bytes} as {@code name} in {@code folder}: created new (never through a planted link),
   * private, given to {@code owner} (unless null), then renamed into place; all relative to the opened
   * folder where the platform allows it, by path otherwise.
   */
  static void into(NoFollowFolder folder, Path name, byte[] bytes, Owner owner, List<String> failures)
      throws IOException {
    SecureDirectoryStream<Path> dir = folder.stream();
    Path temp = Path.of(".infisical-" + UUID.randomUUID() + ".tmp");
    Set<OpenOption> options = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
    try {
      // One channel creates (never follows or reuses a planted link) and writes the file.
      try (SeekableByteChannel channel = dir != null
          ? (owner != null ? dir.newByteChannel(temp, options, PosixFilePermissions.asFileAttribute(PRIVATE))
              : dir.newByteChannel(temp, options))
          : owner != null ? Files.newByteChannel(folder.path().resolve(temp), options, PosixFilePermissions.asFileAttribute(PRIVATE))
          : Files.newByteChannel(folder.path().resolve(temp), options)) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
      }
      if (owner != null) {
        PosixFileAttributeView view = dir != null
            ? dir.getFileAttributeView(temp, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
            : Files.getFileAttributeView(folder.path().resolve(temp), PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        view.setPermissions(PRIVATE);
        owner.give(view, failures);
      }
      if (dir != null) {
        dir.move(temp, dir, name); // rename(2) within the opened folder: atomic, replaces a file
      } else {
        try {
          Files.move(folder.path().resolve(temp), folder.path().resolve(name), StandardCopyOption.REPLACE_EXISTING,
              StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(folder.path().resolve(temp), folder.path().resolve(name), StandardCopyOption.REPLACE_EXISTING);
        }
      }
    } finally {
      try {
        if (dir != null) {
          dir.deleteFile(temp);
        } else {
          Files.deleteIfExists(folder.path().resolve(temp));
        }
      } catch (NoSuchFileException gone) {
        // moved into place
      }
    }
  }

  /** A uid/gid pair read from the workspace folder. */
  record Owner(int uid, int gid, UserPrincipal user, GroupPrincipal group) {
    static Owner of(Path folder) throws IOException {
      PosixFileAttributes attributes = Files.readAttributes(folder, PosixFileAttributes.class);
      return new Owner((Integer) Files.getAttribute(folder, "unix:uid"), (Integer) Files.getAttribute(folder, "unix:gid"),
          attributes.owner(), attributes.group());
    }

    /** Gives the file behind {@code view} (opened without following links) to this owner. */
    void give(PosixFileAttributeView view, List<String> failures) {
      try {
        PosixFileAttributes now = view.readAttributes();
        if (!now.owner().equals(user)) {
          view.setOwner(user);
        }
        if (!now.group().equals(group)) {
          view.setGroup(group);
        }
      } catch (IOException | UnsupportedOperationException | SecurityException e) {
        failures.add(e.getClass().getSimpleName());
      }
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
