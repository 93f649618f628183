package io.github.infisicalci.client;

/**
 * The server has no such route (the web framework's 404, not the service's): an older or a different
 * server. Callers catch it to fall back to an older route.
 */
final class RouteNotFoundException extends NotFoundException {
  private static final long serialVersionUID = 1L;

  RouteNotFoundException(Kind kind, String message, RequestContext context, ServerError server) {
    super(kind, message, context, server, null);
  }
}
