package io.github.infisicalci.action;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the post step may remove, recorded by the main step where only it can have written it.
 *
 * <p>The step state ({@code STATE_infisical_post}) holds only a random 128-bit nonce. The path lives in
 * a record file {@code $HOME/.infisical-action/post-<nonce>} (the runner mounts the same {@code HOME}
 * into the main and the post container), created new with mode 0600, bound to this run (run id,
 * attempt and job). The post step acts only on a record that is a regular file (not a link),
 * owned by its own user, private (mode 0600 where the file system has modes), for this very run; a state forged through a printed
 * {@code ::save-state::} line or a variable set by an earlier step names no such record.
 */
final class CleanupRecord {
  /** The state name; its value is the nonce. */
  static final String STATE = "infisical_post";

  private static final Pattern NONCE = Pattern.compile("[0-9a-f]{32}");
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Set<PosixFilePermission> PRIVATE =
      Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

  private CleanupRecord() {}

  /**
   * The folder holding the records: under {@code HOME} (the container's {@code /github/home}, mounted into
   * both steps), else under the JVM's {@code user.home} (the portable entry on macOS or Windows).
   */
  static Optional<Path> folder(Map<String, String> env) {
    String home = env.get("HOME");
    if (home == null || home.isBlank()) {
      home = System.getProperty("user.home", "");
    }
    return home.isBlank() ? Optional.empty()
        : Optional.of(Path.of(home).toAbsolutePath().normalize().resolve(".infisical-action"));
  }

  private static boolean posix() {
    return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
  }

  /** Writes a record for {@code file}; returns the nonce to save as state. */
  static String write(Map<String, String> env, Path file) throws IOException {
    Path dir = folder(env).orElseThrow(() -> new IOException("HOME is not set"));
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    String nonce = HexFormat.of().formatHex(bytes);
    Path record;
    if (posix()) {
      Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      record = Files.createFile(dir.resolve("post-" + nonce), PosixFilePermissions.asFileAttribute(PRIVATE));
    } else {
      Files.createDirectories(dir);
      record = Files.createFile(dir.resolve("post-" + nonce));
    }
    Files.writeString(record, binding(env) + "\n" + realLocation(file) + "\n", StandardCharsets.UTF_8,
        StandardOpenOption.TRUNCATE_EXISTING, LinkOption.NOFOLLOW_LINKS);
    return nonce;
  }

  /**
   * Where {@code file} really is now: its deepest existing folder with every link resolved, plus the rest.
   * The post step walks that path without following any link, so a folder that was a link inside the
   * workspace now still works, and one that becomes a link later is refused.
   */
  static Path realLocation(Path file) throws IOException {
    Path absolute = file.toAbsolutePath().normalize();
    Path existing = absolute.getParent();
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    return existing == null ? absolute : existing.toRealPath().resolve(existing.relativize(absolute));
  }

  /** Removes the record of {@code nonce} (when the export it belongs to was not written). */
  static void discard(Map<String, String> env, String nonce) {
    folder(env).ifPresent(dir -> {
      try {
        Files.deleteIfExists(dir.resolve("post-" + nonce));
      } catch (IOException ignored) {
        // a leftover record names a file of this run only; the job's HOME is temporary
      }
    });
  }

  /**
   * The file recorded under {@code nonce} by this run's main step, and the record is consumed; empty
   * with {@code why} told the reason when there is no such trustworthy record.
   */
  static Optional<Path> take(Map<String, String> env, String nonce, java.util.function.Consumer<String> why) {
    if (!NONCE.matcher(nonce).matches()) {
      why.accept("the saved state is not one this action writes");
      return Optional.empty();
    }
    Optional<Path> dir = folder(env);
    if (dir.isEmpty()) {
      why.accept("HOME is not set, so the main step's record cannot be found");
      return Optional.empty();
    }
    Path record = dir.get().resolve("post-" + nonce);
    try {
      // The folder must be this user's and closed to others, or another user could swap records in it.
      if (posix() && (!ownUser(dir.get()).equals(Files.getOwner(dir.get(), LinkOption.NOFOLLOW_LINKS))
          || !Files.isDirectory(dir.get(), LinkOption.NOFOLLOW_LINKS)
          || !Files.getPosixFilePermissions(dir.get(), LinkOption.NOFOLLOW_LINKS).stream()
              .allMatch(p -> p.name().startsWith("OWNER_")))) {
        why.accept("the records' folder is not private to this action's user (type, mode or owner)");
        return Optional.empty();
      }
      BasicFileAttributes attributes = Files.readAttributes(record, BasicFileAttributes.class,
          LinkOption.NOFOLLOW_LINKS);
      boolean privateFile = !posix() || PRIVATE.equals(Files.getPosixFilePermissions(record, LinkOption.NOFOLLOW_LINKS));
      if (!attributes.isRegularFile() || !privateFile
          || !ownUser(dir.get()).equals(Files.getOwner(record, LinkOption.NOFOLLOW_LINKS))) {
        why.accept("the record the state points to was not written by this action (type, mode or owner)");
        return Optional.empty();
      }
      List<String> lines;
      try (var in = Files.newInputStream(record, LinkOption.NOFOLLOW_LINKS)) {
        lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
      }
      Files.delete(record);
      if (lines.size() != 2 || !lines.get(0).equals(binding(env))) {
        why.accept("the record the state points to belongs to another run");
        return Optional.empty();
      }
      return Optional.of(Path.of(lines.get(1)));
    } catch (java.nio.file.NoSuchFileException e) {
      why.accept("the state names no record written by this run's main step");
      return Optional.empty();
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      why.accept("the record cannot be read (" + e.getClass().getSimpleName() + ")");
      return Optional.empty();
    }
  }

  /**
   * This run and job, as the runner names them. Not {@code GITHUB_ACTION}: the runner gives a post step a
   * context name of its own (a fresh id), so it differs between the main and the post step.
   */
  private static String binding(Map<String, String> env) {
    return "run " + env.getOrDefault("GITHUB_RUN_ID", "") + "/" + env.getOrDefault("GITHUB_RUN_ATTEMPT", "")
        + " job " + env.getOrDefault("GITHUB_JOB", "");
  }

  /** This process's user: the owner of a file it creates now (portable across Linux, macOS and Windows). */
  private static UserPrincipal ownUser(Path dir) throws IOException {
    Path probe = Files.createTempFile(dir, "probe-", ".tmp");
    try {
      return Files.getOwner(probe);
    } finally {
      Files.deleteIfExists(probe);
    }
  }
}
