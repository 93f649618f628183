package io.github.infisicalci.client.auth;

/**
 * One way of obtaining an access token (a strategy per login method). Create instances with
 * {@link AuthMethods}. Implementations are immutable and thread-safe; the client calls
 * {@link #authenticate(AuthTransport)} under its login lock, so concurrent callers share one login.
 */
public interface AuthMethod {

  /** A short description for messages and logs, e.g. {@code universal auth (client id 'abc')}; never secret. */
  String description();

  /** Obtains a token, doing any HTTP exchange through {@code transport}. */
  AccessGrant authenticate(AuthTransport transport);

  /**
   * Whether {@link #authenticate(AuthTransport)} can produce a fresh token when the current one is
   * rejected; {@code false} for a token that was given as is.
   */
  default boolean canLogIn() {
    return true;
  }

  /**
   * Whether this is a legacy service token, whose grant carries its project and scopes: a request may then
   * leave out the project and environment (taken from the token).
   */
  default boolean isServiceToken() {
    return false;
  }
}
