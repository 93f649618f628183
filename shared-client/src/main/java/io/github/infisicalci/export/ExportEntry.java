package io.github.infisicalci.export;

import io.github.infisicalci.client.SecretValue;
import java.util.Objects;

/**
 * One variable to export: its final {@code name}, the secret {@code key} it comes from and the value
 * (whose {@code toString()} never shows the text).
 */
public record ExportEntry(String name, String key, SecretValue value) {
  public ExportEntry {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
  }
}
