package io.github.infisicalci.client;

import java.util.Objects;

/**
 * Invalid configuration or request input, detected before anything is sent. The message names the
 * offending field and never contains a secret.
 */
public class InvalidConfigurationException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String field;

  /** @param field the name of the offending field, e.g. {@code baseUrl} */
  public InvalidConfigurationException(String field, String message) {
    super(Objects.requireNonNull(message, "message"));
    this.field = Objects.requireNonNull(field, "field");
  }

  /** The name of the offending field or input. */
  public String field() {
    return field;
  }

  /**
   * The message with the field's name replaced (as a whole word) by the name the caller's user knows, e.g.
   * {@code e.messageFor("domain")} turns "baseUrl 'x' is not a valid URL" into "domain 'x' is not a valid URL".
   */
  public String messageFor(String callerName) {
    if (callerName == null || callerName.isBlank() || callerName.equals(field)) {
      return getMessage();
    }
    return getMessage().replaceAll("(?<![A-Za-z0-9_.-])" + java.util.regex.Pattern.quote(field) + "(?![A-Za-z0-9_-])",
        java.util.regex.Matcher.quoteReplacement(callerName));
  }
}
