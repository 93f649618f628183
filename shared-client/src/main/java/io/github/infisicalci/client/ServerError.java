package io.github.infisicalci.client;

/** The parts of a server error answer, already redacted. */
record ServerError(Integer status, String error, String message, String reqId) {
  static final ServerError NONE = new ServerError(null, null, null, null);
}
