package io.github.infisicalci.client.secrets;

import io.github.infisicalci.client.SecretValue;
import java.util.Objects;

/**
 * One secret. {@link #toString()} shows the value as {@code ****}.
 *
 * @param key the secret's name
 * @param value the value (references already expanded when asked for)
 * @param environment environment slug the value came from (the import source for imported secrets)
 * @param secretPath folder the value came from (the import source for imported secrets)
 * @param origin where it came from
 */
public record Secret(String key, SecretValue value, String environment, String secretPath, Origin origin) {

  /** Where a secret came from. */
  public enum Origin {
    /** Defined in the requested folder (or a subfolder for recursive listings). */
    LOCAL,
    /** Brought in by a secret import. */
    IMPORTED,
    /** The caller's personal override of a shared secret. */
    PERSONAL
  }

  /** Requires key, value and origin. */
  public Secret {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(origin, "origin");
  }
}
