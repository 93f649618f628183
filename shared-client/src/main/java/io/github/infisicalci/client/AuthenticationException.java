package io.github.infisicalci.client;

/** A login was refused or a token was rejected (HTTP 401, or 403 {@code TokenError}). */
public class AuthenticationException extends InfisicalException {
  private static final long serialVersionUID = 1L;

  /** A failure with a message and the context it was about. */
  public AuthenticationException(String message, RequestContext context) {
    super(message, context);
  }

  AuthenticationException(String message, RequestContext context, ServerError server, Throwable cause) {
    super(message, context, server, cause);
  }
}
