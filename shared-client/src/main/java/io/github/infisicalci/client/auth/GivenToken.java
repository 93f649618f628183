package io.github.infisicalci.client.auth;

import io.github.infisicalci.client.SecretValue;

/** An access token used as given. */
final class GivenToken implements AuthMethod {
  private final SecretValue token;

  GivenToken(SecretValue token) {
    this.token = token;
  }

  @Override
  public String description() {
    return "access token";
  }

  @Override
  public AccessGrant authenticate(AuthTransport transport) {
    return AccessGrant.fixed(token);
  }

  @Override
  public boolean canLogIn() {
    return false;
  }

  @Override
  public String toString() {
    return description();
  }
}
