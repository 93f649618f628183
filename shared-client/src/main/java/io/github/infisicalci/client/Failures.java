package io.github.infisicalci.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Locale;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;

/** Turns HTTP error answers and I/O failures into the exception hierarchy, with actionable messages. */
final class Failures {
  private static final int MAX_SERVER_TEXT = 300;

  private final String baseUrl;
  private final Redactor redactor;
  Failures(String baseUrl, Redactor redactor) {
    this.baseUrl = baseUrl;
    this.redactor = redactor;
  }

  /** The server's error fields, redacted; tolerant of non-JSON bodies. */
  ServerError serverError(int status, String body) {
    String error = null;
    String message = null;
    String reqId = null;
    if (body != null && !body.isBlank()) {
      try {
        JsonNode node = JsonTrees.read(body);
        if (node != null && node.isObject()) {
          error = text(node.get("error"));
          message = text(node.get("message"));
          reqId = text(node.get("reqId"));
        }
      } catch (IOException e) {
        message = body.strip();
      }
    }
    return new ServerError(status, clean(error), clean(message), clean(reqId));
  }

  private static String text(JsonNode n) {
    if (n == null || n.isNull()) {
      return null;
    }
    return n.isValueNode() ? n.asText() : n.toString();
  }

  private String clean(String s) {
    if (s == null) {
      return null;
    }
    String one = s.replaceAll("[\\r\\n\\t]+", " ").strip();
    one = redactor.redact(one);
    if (one.length() > MAX_SERVER_TEXT) {
      one = one.substring(0, MAX_SERVER_TEXT) + "…";
    }
    return one;
  }

  /**
   * The web framework's 404 for an unknown route ({@code error: "Not Found"}, {@code message: "Route GET:… not
   * found"}), or a 404 without Infisical's error shape (a reverse proxy's page): either way the route is missing,
   * unlike the service's own 404s ({@code NotFound}, {@code SecretPathNotFound}).
   */
  static boolean isRouteNotFound(ServerError e) {
    if (e.status() == null || e.status() != 404) {
      return false;
    }
    return e.error() == null
        || ("Not Found".equals(e.error()) && e.message() != null && e.message().startsWith("Route "));
  }

  static boolean isTokenRejection(InfisicalException e) {
    return isTokenRejection(e.status().orElse(0), e.errorCode().orElse(null));
  }

  /** 401, or 403 with {@code error: "TokenError"}: the credentials or the token were refused. */
  private static boolean isTokenRejection(int status, String errorCode) {
    return status == 401 || (status == 403 && "TokenError".equals(errorCode));
  }

  /** The exception for an error answer. */
  InfisicalException forAnswer(ApiCall call, int status, ServerError err) {
    RequestContext ctx = call.context();
    String said = err.message() == null ? "" : " (server: " + err.message() + ")";
    String reqId = err.reqId() == null ? "" : " [reqId " + err.reqId() + "]";
    // renew and revoke carry the token in the body, not as a bearer: a rejection there is about the token
    boolean login = call.bearer() == null && !call.displayPath().startsWith("/api/v1/auth/token/");
    if (isTokenRejection(status, err.error())) {
      String msg = login
          ? "Login refused by " + baseUrl + " while trying to " + call.what() + said + reqId
              + "; check the credentials and that the auth method is configured for this identity"
          : "Access token rejected by " + baseUrl + " while trying to " + call.what() + said + reqId
              + "; the token is invalid, expired or revoked";
      return new AuthenticationException(msg, ctx, err, null);
    }
    if (status == 403 && References.isReferenceFailure(status, err.message())) {
      String on = describe(ctx);
      return new PermissionDeniedException("A secret reference (${...})" + (on.isEmpty() ? "" : " in " + on)
          + " points to a secret the identity may not read" + said + reqId + "; give it read access there, or fetch "
          + "with reference expansion off", ctx, err, null);
    }
    if (status == 403) {
      String on = describe(ctx);
      String msg = call.method().equals("GET") && !on.isEmpty()
          ? "Identity lacks read permission on " + on + " (while trying to " + call.what() + ")" + said + reqId
              + "; give the machine identity a project role that may read it"
          : "Identity lacks permission to " + call.what() + (on.isEmpty() ? "" : " on " + on) + said + reqId;
      return new PermissionDeniedException(msg, ctx, err, null);
    }
    if (status == 404) {
      NotFoundException.Kind kind = call.notFound() == null ? NotFoundException.Kind.SECRET : call.notFound();
      if (isRouteNotFound(err)) {
        return new RouteNotFoundException(kind, "The server at " + baseUrl + " has no route " + call.method() + " "
            + call.displayPath() + "; is that the address of an Infisical server?" + reqId, ctx, err);
      }
      return new NotFoundException(kind, notFoundMessage(kind, ctx) + said + reqId, ctx, err, null);
    }
    if (status >= 300 && status < 400) {
      return new InfisicalException("The server at " + baseUrl + " redirected " + call.method() + " "
          + call.displayPath() + " (HTTP " + status + "); configure the server address it redirects to instead", ctx, err, null);
    }
    if (status == 407) {
      return new InfisicalException("The proxy refused the request (HTTP 407 Proxy Authentication Required) while trying to "
          + call.what() + "; check the proxy user name and password", ctx, err, null);
    }
    if (status == 429) {
      return new InfisicalException("Rate limit of " + baseUrl + " reached while trying to " + call.what() + said
          + reqId, ctx, err, null);
    }
    String on = describe(ctx);
    return new InfisicalException("Infisical answered HTTP " + status + " while trying to " + call.what()
        + (on.isEmpty() ? "" : " (" + on + ")") + said + reqId, ctx, err, null);
  }

  static String notFoundMessage(NotFoundException.Kind kind, RequestContext ctx) {
    return switch (kind) {
      case PROJECT -> "Project '" + ctx.project() + "' not found, or the identity is not a member of it";
      case ENVIRONMENT -> "Environment '" + ctx.environment() + "' does not exist in project '" + ctx.project() + "'";
      case FOLDER -> "Folder '" + ctx.path() + "' not found in environment '" + ctx.environment() + "' of project '"
          + ctx.project() + "'";
      case SECRET -> "Secret '" + ctx.key() + "' not found at path '" + ctx.path() + "' in environment '"
          + ctx.environment() + "' of project '" + ctx.project() + "'";
    };
  }

  /** "environment 'dev', path '/x' of project 'p'" (whatever is known). */
  static String describe(RequestContext ctx) {
    StringBuilder sb = new StringBuilder();
    if (ctx.key() != null) {
      sb.append("secret '").append(ctx.key()).append("'");
    }
    if (ctx.environment() != null) {
      sb.append(sb.length() > 0 ? " in " : "").append("environment '").append(ctx.environment()).append("'");
    }
    if (ctx.path() != null) {
      sb.append(sb.length() > 0 ? ", " : "").append("path '").append(ctx.path()).append("'");
    }
    if (ctx.project() != null) {
      sb.append(sb.length() > 0 ? " of " : "").append("project '").append(ctx.project()).append("'");
    }
    return sb.toString();
  }

  /** Whether an I/O failure may pass when tried again. */
  static boolean isRetryable(IOException e) {
    if (e instanceof SSLPeerUnverifiedException) {
      return false;
    }
    if (e instanceof SSLHandshakeException && hasCertificateCause(e)) {
      return false;
    }
    String m = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
    return !m.contains("authenticate with proxy");
  }

  private static boolean hasCertificateCause(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof java.security.cert.CertificateException
          || c instanceof java.security.cert.CertPathValidatorException
          || c.getClass().getName().contains("CertPathBuilderException")) {
        return true;
      }
    }
    return false;
  }

  /** The exception for a call that got no usable answer. */
  InfisicalConnectionException forIo(ApiCall call, IOException e) {
    String why;
    if (e instanceof SSLPeerUnverifiedException || (e instanceof SSLHandshakeException && hasCertificateCause(e))) {
      why = "the TLS certificate of the server is not trusted (" + redactor.redact(String.valueOf(e.getMessage()))
          + "); add the server's CA with caCertificatesPem";
    } else if (e instanceof InterruptedIOException && !(e instanceof SocketTimeoutException)
        && Thread.currentThread().isInterrupted()) {
      why = "interrupted";
    } else if (e instanceof SocketTimeoutException || e instanceof InterruptedIOException) {
      why = "timed out (" + e.getMessage() + ")";
    } else if (e instanceof ConnectException) {
      why = "connection refused or unreachable (" + e.getMessage() + ")";
    } else if (e instanceof UnknownHostException) {
      why = "unknown host (" + e.getMessage() + ")";
    } else {
      why = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + redactor.redact(e.getMessage()));
    }
    return new InfisicalConnectionException("Cannot " + call.what() + " at " + baseUrl + " (" + call.method() + " "
        + call.displayPath() + "): " + why, call.context(), ServerError.NONE, e);
  }
}
