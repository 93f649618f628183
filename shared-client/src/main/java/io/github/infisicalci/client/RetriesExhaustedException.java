package io.github.infisicalci.client;

/** A retryable failure persisted until the retry policy's attempts or time budget ran out. */
public class RetriesExhaustedException extends InfisicalException {
  private static final long serialVersionUID = 1L;

  private final int attempts;

  /** @param lastFailure the failure of the last attempt (becomes the cause) */
  public RetriesExhaustedException(String message, RequestContext context, int attempts,
      InfisicalException lastFailure) {
    super(message, context, lastFailure == null ? ServerError.NONE : serverOf(lastFailure), lastFailure);
    this.attempts = attempts;
  }

  /** How many attempts were made. */
  public int attempts() {
    return attempts;
  }

  private static ServerError serverOf(InfisicalException e) {
    return new ServerError(e.status().isPresent() ? e.status().getAsInt() : null,
        e.errorCode().orElse(null), e.serverMessage().orElse(null), e.reqId().orElse(null));
  }
}
