package io.github.infisicalci.client;

/** No usable answer: connection refused or dropped, timeout, TLS failure, unreadable response. */
public class InfisicalConnectionException extends InfisicalException {
  private static final long serialVersionUID = 1L;

  /** A failure with a message and the context it was about. */
  public InfisicalConnectionException(String message, RequestContext context) {
    super(message, context);
  }

  InfisicalConnectionException(String message, RequestContext context, ServerError server, Throwable cause) {
    super(message, context, server, cause);
  }
}
