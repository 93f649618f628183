package io.github.infisicalci.client;

import java.util.Objects;

/** A project, environment, folder or secret does not exist (or is not visible to the identity). */
public class NotFoundException extends InfisicalException {
  private static final long serialVersionUID = 1L;

  /** What was not found. */
  public enum Kind {
    PROJECT,
    ENVIRONMENT,
    FOLDER,
    SECRET
  }

  private final Kind kind;

  /** A failure with a message and the context it was about. */
  public NotFoundException(Kind kind, String message, RequestContext context) {
    super(message, context);
    this.kind = Objects.requireNonNull(kind, "kind");
  }

  NotFoundException(Kind kind, String message, RequestContext context, ServerError server, Throwable cause) {
    super(message, context, server, cause);
    this.kind = Objects.requireNonNull(kind, "kind");
  }

  /** What was not found. */
  public Kind kind() {
    return kind;
  }
}
