package io.github.infisicalci.export;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * File formats for exported secrets. Both render the whole file in memory (so a caller can write it
 * in one go, or not at all) and return UTF-8 bytes the caller should wipe after writing.
 */
public enum ExportFormat {
  /**
   * {@code NAME="value"} per line. Inside the double quotes {@code \} {@code "} {@code $} and
   * {@code `} are backslash-escaped, and line feed, carriage return, tab and NUL are written as
   * {@code \n}, {@code \r}, {@code \t}, {@code \0}; every other character is written as is.
   */
  DOTENV,
  /** One JSON object {@code {"NAME":"value",...}}, names in export order, ending with a line feed. */
  JSON;

  private static final JsonFactory JSON_FACTORY = new JsonFactory();

  /** Parses {@code dotenv} or {@code json} (any case); empty for anything else. */
  public static Optional<ExportFormat> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    return switch (text.trim().toLowerCase(Locale.ROOT)) {
      case "dotenv", "env", ".env" -> Optional.of(DOTENV);
      case "json" -> Optional.of(JSON);
      default -> Optional.empty();
    };
  }

  /** Renders {@code entries}; names must already be valid (see {@link EnvNamePolicy}). */
  public byte[] render(List<ExportEntry> entries) {
    return this == DOTENV ? dotenv(entries) : json(entries);
  }

  private static byte[] dotenv(List<ExportEntry> entries) {
    StringBuilder out = new StringBuilder();
    for (ExportEntry entry : entries) {
      out.append(entry.name()).append("=\"");
      char[] value = entry.value().chars();
      for (char c : value) {
        switch (c) {
          case '\\' -> out.append("\\\\");
          case '"' -> out.append("\\\"");
          case '$' -> out.append("\\$");
          case '`' -> out.append("\\`");
          case '\n' -> out.append("\\n");
          case '\r' -> out.append("\\r");
          case '\t' -> out.append("\\t");
          case '\0' -> out.append("\\0");
          default -> out.append(c);
        }
      }
      Arrays.fill(value, '\0');
      out.append("\"\n");
    }
    byte[] bytes = out.toString().getBytes(StandardCharsets.UTF_8);
    out.setLength(0);
    return bytes;
  }

  private static byte[] json(List<ExportEntry> entries) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (JsonGenerator gen = JSON_FACTORY.createGenerator(bytes, JsonEncoding.UTF8)) {
      gen.writeStartObject();
      for (ExportEntry entry : entries) {
        gen.writeFieldName(entry.name());
        char[] value = entry.value().chars();
        gen.writeString(value, 0, value.length);
        Arrays.fill(value, '\0');
      }
      gen.writeEndObject();
      gen.writeRaw('\n');
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }
}
