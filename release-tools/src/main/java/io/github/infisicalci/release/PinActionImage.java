package io.github.infisicalci.release;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Points a container action at a published image by digest, for a release commit: in {@code action.yml}
 * the one line {@code   image: Dockerfile} of the {@code runs:} section becomes
 * {@code   image: docker://REPOSITORY@sha256:DIGEST}; every other byte of the file stays as it was.
 *
 * <p>Usage (single-file, no dependencies: {@code java PinActionImage.java ...} runs it from source):
 * {@code PinActionImage <action.yml> <repository> <digest>}, e.g.
 * {@code action.yml ghcr.io/owner/repo sha256:0123…}. Exit 0 when the file was rewritten, 2 with one
 * line on standard error naming what was wrong otherwise (the file is then left untouched).
 */
public final class PinActionImage {
  /** {@code sha256:} and 64 lower-case hex digits: the only digest form the registry gives us. */
  static final Pattern DIGEST = Pattern.compile("sha256:[0-9a-f]{64}");
  /**
   * A registry host and a lower-case repository path (OCI distribution spec: components of
   * {@code [a-z0-9]+} joined by {@code .}, {@code _}, {@code __} or dashes), without tag or digest.
   */
  static final Pattern REPOSITORY = Pattern.compile(
      "[a-z0-9]+(?:[.-][a-z0-9]+)*(?::[0-9]+)?(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)+");
  private static final String FROM_SOURCE = "Dockerfile";

  private PinActionImage() {}

  /** Thrown for anything that stops the rewrite; the message says what and where. */
  static final class PinException extends Exception {
    private static final long serialVersionUID = 1L;

    PinException(String message) {
      super(message);
    }
  }

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** The command: rewrites the file and returns 0, or prints one error line and returns 2. */
  static int run(String[] args) {
    if (args.length != 3) {
      System.err.println("usage: PinActionImage <action.yml> <repository, e.g. ghcr.io/owner/repo> <sha256:digest>");
      return 2;
    }
    try {
      Path file = Path.of(args[0]);
      String pinned = pin(Files.readString(file, StandardCharsets.UTF_8), args[1], args[2]);
      Files.writeString(file, pinned, StandardCharsets.UTF_8);
      System.out.println(file + ": image: docker://" + args[1] + "@" + args[2]);
      return 0;
    } catch (PinException e) {
      System.err.println("PinActionImage: " + e.getMessage());
      return 2;
    } catch (IOException e) {
      System.err.println("PinActionImage: cannot rewrite " + args[0] + " (" + e.getClass().getSimpleName() + ")");
      return 2;
    }
  }

  /**
   * Returns {@code actionYml} with its {@code runs.image} line pointing at {@code repository@digest}.
   * The line must currently say {@code image: Dockerfile} (the state of the main branch), exactly once
   * inside {@code runs:}.
   */
  static String pin(String actionYml, String repository, String digest) throws PinException {
    if (digest == null || !DIGEST.matcher(digest).matches()) {
      throw new PinException("malformed digest '" + printable(digest)
          + "': expected sha256: followed by 64 lower-case hex digits");
    }
    if (repository == null || !REPOSITORY.matcher(repository).matches()) {
      throw new PinException("malformed repository '" + printable(repository)
          + "': expected a lower-case registry/owner/name such as ghcr.io/owner/repo, without tag or digest");
    }
    List<int[]> imageLines = new ArrayList<>();
    boolean inRuns = false;
    int start = 0;
    while (start < actionYml.length()) {
      int end = actionYml.indexOf('\n', start);
      int next = end < 0 ? actionYml.length() : end + 1;
      int contentEnd = end < 0 ? actionYml.length() : end;
      if (contentEnd > start && actionYml.charAt(contentEnd - 1) == '\r') {
        contentEnd--;
      }
      String line = actionYml.substring(start, contentEnd);
      boolean topLevel = !line.isEmpty() && !Character.isWhitespace(line.charAt(0)) && !line.startsWith("#");
      if (topLevel) {
        inRuns = line.equals("runs:") || line.startsWith("runs: ") || line.startsWith("runs:#");
      } else if (inRuns && line.matches("\\s+image:.*")) {
        imageLines.add(new int[] {start, contentEnd});
      }
      start = next;
    }
    if (imageLines.size() != 1) {
      throw new PinException("expected exactly one 'image:' line in the runs: section, found " + imageLines.size());
    }
    int[] at = imageLines.get(0);
    String line = actionYml.substring(at[0], at[1]);
    int colon = line.indexOf("image:");
    String indent = line.substring(0, colon);
    String value = line.substring(colon + "image:".length()).strip();
    if (!value.equals(FROM_SOURCE) && !value.equals("'" + FROM_SOURCE + "'") && !value.equals("\"" + FROM_SOURCE + "\"")) {
      throw new PinException("runs.image is '" + printable(value) + "', expected 'Dockerfile' (pin from the main branch's action.yml)");
    }
    return actionYml.substring(0, at[0]) + indent + "image: docker://" + repository + "@" + digest
        + actionYml.substring(at[1]);
  }

  private static String printable(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder();
    s.codePoints().limit(100).forEach(c -> {
      if (c < 0x20 || c == 0x7f || Character.getType(c) == Character.FORMAT) {
        b.append(String.format("\\u%04x", c));
      } else {
        b.appendCodePoint(c);
      }
    });
    return b.toString();
  }
}
