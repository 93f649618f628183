package io.github.infisicalci.client;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * Base of every failure talking to Infisical. {@link #getMessage()} is one sentence a user can act on;
 * it never contains a secret value, client secret, JWT or token (server texts are redacted first).
 */
public class InfisicalException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final Integer status;
  private final String errorCode;
  private final String serverMessage;
  private final String reqId;
  private final transient RequestContext context;

  /** A failure with a message and the context it was about. */
  public InfisicalException(String message, RequestContext context) {
    this(message, context, ServerError.NONE, null);
  }

  InfisicalException(String message, RequestContext context, ServerError server, Throwable cause) {
    super(message, cause);
    this.context = context == null ? RequestContext.none() : context;
    ServerError s = server == null ? ServerError.NONE : server;
    this.status = s.status();
    this.errorCode = s.error();
    this.serverMessage = s.message();
    this.reqId = s.reqId();
  }

  /** HTTP status of the server's answer, empty when no answer came (connection failures). */
  public OptionalInt status() {
    return status == null ? OptionalInt.empty() : OptionalInt.of(status);
  }

  /** The server's {@code error} field, e.g. {@code PermissionDenied}, {@code TokenError}. */
  public Optional<String> errorCode() {
    return Optional.ofNullable(errorCode);
  }

  /** The server's {@code message} field (redacted). */
  public Optional<String> serverMessage() {
    return Optional.ofNullable(serverMessage);
  }

  /** The server's request id, to quote to the server's operators. */
  public Optional<String> reqId() {
    return Optional.ofNullable(reqId);
  }

  /** What the failed call was about. */
  public RequestContext context() {
    return context;
  }
}
