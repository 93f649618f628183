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
import java.util.regex.Pattern;

/**
 * File formats for exported secrets, one per kind of reader; each is proven by a round trip through
 * its reader in the default build. All render the whole file in memory (so a caller writes it in one
 * go, or not at all) and return UTF-8 bytes the caller should wipe after writing.
 */
public enum ExportFormat {
  /**
   * For dotenv libraries; the reference reader is python-dotenv. A value without {@code '}, {@code \}
   * and carriage return is written {@code NAME='value'} (line feeds as real line feeds), which
   * python-dotenv, the npm {@code dotenv} package, godotenv and Ruby's dotenv all read literally. Any
   * other value is written {@code NAME="value"} with {@code \\}, {@code \"} and {@code \r} escapes and
   * real line feeds: python-dotenv reads it exactly; npm's {@code dotenv} decodes only {@code \n} and
   * {@code \r}. A value ending with {@code \} cannot be quoted (every dotenv reader takes {@code \"} as an
   * escaped quote): it is written bare when it is one line without {@code #}, surrounding blanks or a
   * leading quote, and refused otherwise ({@link #valueProblem}). python-dotenv expands {@code ${NAME}} in every value unless called with
   * {@code interpolate=False}; no dotenv escape prevents that (use {@link #SHELL} or {@link #JSON}).
   * Names: letters, digits, {@code _}, {@code .} and {@code -}.
   */
  DOTENV,
  /**
   * For POSIX shells: {@code export NAME='value'} per line, a {@code '} written as {@code '\''}; every
   * other byte is literal, so {@code . file} (or {@code set -a; . file}) in sh, dash and bash gives back
   * every value exactly. Names must be shell identifiers; values cannot hold NUL.
   */
  SHELL,
  /** One JSON object {@code {"NAME":"value",...}}, names in export order, ending with a line feed. */
  JSON;

  private static final JsonFactory JSON_FACTORY = new JsonFactory();
  private static final Pattern DOTENV_NAME = Pattern.compile("[A-Za-z0-9_.-]+");

  /** Parses {@code dotenv}, {@code shell} or {@code json} (any case); empty for anything else. */
  public static Optional<ExportFormat> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    return switch (text.trim().toLowerCase(Locale.ROOT)) {
      case "dotenv", "env", ".env" -> Optional.of(DOTENV);
      case "shell", "sh" -> Optional.of(SHELL);
      case "json" -> Optional.of(JSON);
      default -> Optional.empty();
    };
  }

  /** The name users write ({@code dotenv}, {@code shell}, {@code json}). */
  public String inputValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Why this format cannot hold {@code name}, or empty when it can. */
  public Optional<String> nameProblem(String name) {
    return switch (this) {
      case DOTENV -> DOTENV_NAME.matcher(name).matches() ? Optional.empty()
          : Optional.of("cannot be written to a dotenv file (dotenv readers take letters, digits, '_', '.' and '-')");
      case SHELL -> EnvNames.isShellIdentifier(name) ? Optional.empty()
          : Optional.of("cannot be written to a shell file (not a shell identifier: a letter or '_', then letters,"
              + " digits and '_')");
      case JSON -> Optional.empty();
    };
  }

  /** Why this format cannot hold a value, or empty; never shows the value. */
  public Optional<String> valueProblem(char[] value) {
    if (this == SHELL) {
      for (char c : value) {
        if (c == '\0') {
          return Optional.of("holds a NUL character, which a shell variable cannot");
        }
      }
    }
    if (this == DOTENV && dotenvQuoting(value) == Quoting.NONE) {
      return Optional.of("ends with a backslash and is not a single plain line, which dotenv readers cannot read"
          + " back (use the shell or json format)");
    }
    return Optional.empty();
  }

  private enum Quoting { SINGLE, DOUBLE, BARE, NONE }

  private static Quoting dotenvQuoting(char[] value) {
    boolean plain = true;
    for (char c : value) {
      if (c == '\'' || c == '\\' || c == '\r') {
        plain = false;
        break;
      }
    }
    if (plain) {
      return Quoting.SINGLE;
    }
    if (value[value.length - 1] != '\\') {
      return Quoting.DOUBLE;
    }
    char first = value[0];
    if (first == '\'' || first == '"' || first == '`' || Character.isWhitespace(first)) {
      return Quoting.NONE;
    }
    for (char c : value) {
      if (c == '#' || c == '\n' || c == '\r' || c == '\0') {
        return Quoting.NONE;
      }
    }
    return Quoting.BARE;
  }

  /** Renders {@code entries}; names must already be checked with {@link #nameProblem}. */
  public byte[] render(List<ExportEntry> entries) {
    if (this == JSON) {
      return json(entries);
    }
    StringBuilder out = new StringBuilder();
    for (ExportEntry entry : entries) {
      char[] value = entry.value().chars();
      try {
        if (this == SHELL) {
          out.append("export ").append(entry.name()).append('=');
          shell(value, out);
        } else {
          out.append(entry.name()).append('=');
          dotenv(value, out);
        }
      } finally {
        Arrays.fill(value, '\0');
      }
      out.append('\n');
    }
    byte[] bytes = out.toString().getBytes(StandardCharsets.UTF_8);
    out.setLength(0);
    return bytes;
  }

  private static void shell(char[] value, StringBuilder out) {
    out.append('\'');
    for (char c : value) {
      if (c == '\'') {
        out.append("'\\''");
      } else {
        out.append(c);
      }
    }
    out.append('\'');
  }

  private static void dotenv(char[] value, StringBuilder out) {
    Quoting quoting = dotenvQuoting(value);
    if (quoting == Quoting.SINGLE) {
      out.append('\'').append(value).append('\'');
      return;
    }
    if (quoting == Quoting.BARE) {
      out.append(value);
      return;
    }
    if (quoting == Quoting.NONE) {
      throw new IllegalArgumentException("a value cannot be written in dotenv format (see valueProblem)");
    }
    out.append('"');
    for (char c : value) {
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '"' -> out.append("\\\"");
        case '\r' -> out.append("\\r");
        default -> out.append(c);
      }
    }
    out.append('"');
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
