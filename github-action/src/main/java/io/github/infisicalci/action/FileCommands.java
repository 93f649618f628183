package io.github.infisicalci.action;

import io.github.infisicalci.client.SecretValue;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Writes runner file commands ({@code GITHUB_ENV}, {@code GITHUB_OUTPUT}, {@code GITHUB_STATE}) as heredoc
 * records {@code NAME<<DELIM\nVALUE\nDELIM\n}, each with a fresh random delimiter that is checked to
 * occur in neither the name nor the value.
 *
 * <p>All or nothing: records are queued per file and written by {@link #commit()}, which appends each
 * file's records in one write; if any write fails, the files already appended to are truncated back
 * to their previous length.
 */
final class FileCommands {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Supplier<String> delimiters;
  private final Map<Path, StringBuilder> pending = new LinkedHashMap<>();

  FileCommands() {
    this(FileCommands::randomDelimiter);
  }

  FileCommands(Supplier<String> delimiters) {
    this.delimiters = delimiters;
  }

  static String randomDelimiter() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return "ghadelimiter_" + HexFormat.of().formatHex(bytes);
  }

  /** Queues {@code name=value} for {@code file}. */
  void queue(Path file, String name, SecretValue value) {
    pending.computeIfAbsent(file, f -> new StringBuilder()).append(record(name, value));
  }

  /** One heredoc record. */
  String record(String name, SecretValue value) {
    String text = value.reveal();
    for (int attempt = 0; attempt < 5; attempt++) {
      String delimiter = delimiters.get();
      if (!text.contains(delimiter) && !name.contains(delimiter)) {
        return name + "<<" + delimiter + "\n" + text + "\n" + delimiter + "\n";
      }
    }
    throw new IllegalStateException("could not choose a heredoc delimiter absent from the value of " + name);
  }

  boolean isEmpty() {
    return pending.isEmpty();
  }

  /** Appends every queued record; on failure restores every file to its previous length and rethrows. */
  void commit() throws IOException {
    List<FileChannel> written = new ArrayList<>();
    List<Long> sizes = new ArrayList<>();
    try {
      for (Map.Entry<Path, StringBuilder> entry : pending.entrySet()) {
        FileChannel channel = FileChannel.open(entry.getKey(), StandardOpenOption.WRITE, StandardOpenOption.CREATE);
        written.add(channel);
        long size = channel.size();
        sizes.add(size);
        ByteBuffer bytes = StandardCharsets.UTF_8.encode(entry.getValue().toString());
        channel.position(size);
        while (bytes.hasRemaining()) {
          channel.write(bytes);
        }
        channel.force(false);
        if (bytes.hasArray()) {
          java.util.Arrays.fill(bytes.array(), (byte) 0);
        }
      }
    } catch (IOException | RuntimeException e) {
      for (int i = 0; i < sizes.size(); i++) {
        try {
          written.get(i).truncate(sizes.get(i));
        } catch (IOException ignored) {
          // best effort: the original failure is what the user needs to see
        }
      }
      throw e;
    } finally {
      for (FileChannel channel : written) {
        try {
          channel.close();
        } catch (IOException ignored) {
          // closing after a completed or rolled-back write
        }
      }
      clear();
    }
  }

  /** Drops every queued record. */
  void clear() {
    for (StringBuilder text : pending.values()) {
      text.setLength(0);
    }
    pending.clear();
  }
}
