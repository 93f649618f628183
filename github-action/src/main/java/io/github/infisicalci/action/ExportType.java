package io.github.infisicalci.action;

import java.util.Locale;
import java.util.Optional;

/** Where fetched secrets go. */
enum ExportType {
  /** Environment variables of later steps ({@code GITHUB_ENV}). */
  ENV,
  /** A file in the workspace. */
  FILE,
  /** Step outputs ({@code GITHUB_OUTPUT}). */
  OUTPUTS,
  /** Nowhere: masks and summary only (a check that the secrets exist). */
  NONE;

  static Optional<ExportType> parse(String text) {
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "env" -> Optional.of(ENV);
      case "file" -> Optional.of(FILE);
      case "outputs", "output" -> Optional.of(OUTPUTS);
      case "none" -> Optional.of(NONE);
      default -> Optional.empty();
    };
  }

  String inputValue() {
    return name().toLowerCase(Locale.ROOT);
  }
}
