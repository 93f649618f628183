package io.github.infisicalci.jenkins.binding;

/**
 * A problem with a {@code withInfisical} block that the user can fix (missing field, bad value, missing
 * keys). The message is one or more sentences naming what was wrong; it never contains a secret value.
 */
public final class BlockException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public BlockException(String message) {
    super(message, null, false, false);
  }
}
