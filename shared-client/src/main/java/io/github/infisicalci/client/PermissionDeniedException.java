package io.github.infisicalci.client;

/** The identity is known but may not do what was asked (HTTP 403 other than {@code TokenError}). */
public class PermissionDeniedException extends InfisicalException {
  private static final long serialVersionUID = 1L;

  /** A failure with a message and the context it was about. */
  public PermissionDeniedException(String message, RequestContext context) {
    super(message, context);
  }

  PermissionDeniedException(String message, RequestContext context, ServerError server, Throwable cause) {
    super(message, context, server, cause);
  }
}
