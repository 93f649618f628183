package io.github.infisicalci.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.infisicalci.text.Printable;
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
        message = notJson(body);
      }
    }
    return new ServerError(status, clean(error), clean(message), clean(reqId));
  }

  /**
   * A field as one line of text: a value as it is; a validation failure's list of issues (zod: {@code
   * [{path, message}]}) as {@code path: message; …}; an object by its {@code message}; never raw JSON.
   */
  private static String text(JsonNode n) {
    if (n == null || n.isNull()) {
      return null;
    }
    if (n.isValueNode()) {
      return n.asText();
    }
    if (n.isObject()) {
      JsonNode m = n.get("message");
      String said = m != null && m.isValueNode() ? m.asText() : n.path("code").isValueNode() ? n.get("code").asText() : null;
      StringBuilder path = new StringBuilder();
      for (JsonNode part : n.path("path")) {
        path.append(path.length() > 0 ? "." : "").append(part.asText());
      }
      return said == null ? null : path.length() > 0 ? path + ": " + said : said;
    }
    StringBuilder out = new StringBuilder();
    for (JsonNode item : n) {
      String one = text(item);
      if (one != null && !one.isBlank()) {
        out.append(out.length() > 0 ? "; " : "").append(one);
      }
    }
    return out.length() == 0 ? null : out.toString();
  }

  /**
   * A body that is not JSON (a proxy's or load balancer's page, a crash dump): an HTML page by its title,
   * other text by its first line, so neither markup nor a stack trace lands in a message.
   */
  static String notJson(String body) {
    String b = body.strip();
    if (b.startsWith("<")) {
      java.util.regex.Matcher title = java.util.regex.Pattern.compile("(?is)<title[^>]*>([^<]{1,200})</title>")
          .matcher(b.length() > 4096 ? b.substring(0, 4096) : b);
      return "an HTML page" + (title.find() ? " titled '" + title.group(1).strip() + "'" : "");
    }
    String[] lines = b.split("\\R", 2);
    return lines.length == 1 ? b : lines[0].strip() + " …";
  }

  private String clean(String s) {
    if (s == null) {
      return null;
    }
    String one = s.replaceAll("[\\r\\n\\t]+", " ").strip();
    one = Printable.line(redactor.redact(one)); // no terminal escape or invisible character from the server
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
          ? "Login refused by " + baseUrl + " while trying to " + call.what() + said + reqId + "; " + loginHint(err)
          : "Access token rejected by " + baseUrl + " while trying to " + call.what() + said + reqId
              + "; the token is invalid, expired or revoked";
      return new AuthenticationException(msg, ctx, err, null);
    }
    if (login && (status == 403 || (status == 404 && !isRouteNotFound(err)))) {
      // a login has no project, environment or secret: its 404 is an unknown identity or client id (the real
      // server: "No identity with specified client ID was found"), its 403 a refused caller (trusted IPs)
      String msg = "Login refused by " + baseUrl + " while trying to " + call.what() + said + reqId + "; "
          + (status == 404 ? "the server has no identity with that id for this auth method: check the id and that "
              + "the auth method is attached to the machine identity on this server" : loginHint(err));
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
      // a call that declares no meaning for 404 (renew, revoke, ...) is not about a secret: say what was tried
      String what = call.notFound() != null ? notFoundMessage(kind, ctx)
          : "Infisical found nothing while trying to " + call.what() + (describe(ctx).isEmpty() ? "" : " (" + describe(ctx) + ")");
      return new NotFoundException(kind, what + said + reqId, ctx, err, null);
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

  /** What to do about a refused login. */
  private static String loginHint(ServerError err) {
    if (err.message() != null && err.message().toLowerCase(Locale.ROOT).contains("locked")) {
      return "the auth method is locked after repeated failed logins: wait for the lockout to end (5 minutes by "
          + "default) or clear it in Infisical, then check the credentials";
    }
    return "check the credentials and that the auth method is configured for this identity";
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
