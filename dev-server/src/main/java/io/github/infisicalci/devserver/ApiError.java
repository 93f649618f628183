package io.github.infisicalci.devserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** An error answer in the real server's shape {@code {reqId, statusCode, message, error[, details]}}. */
final class ApiError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    final int status;
    final String error;
    final transient JsonNode messageNode;
    final transient JsonNode details;

    private ApiError(int status, String error, String message, JsonNode messageNode, JsonNode details) {
        super(message, null, false, false);
        this.status = status;
        this.error = error;
        this.messageNode = messageNode;
        this.details = details;
    }

    static ApiError of(int status, String error, String message) {
        return new ApiError(status, error, message, null, null);
    }

    static ApiError badRequest(String message) {
        return of(400, "BadRequest", message);
    }

    static ApiError unauthorized(String message) {
        return of(401, "UnauthorizedError", message);
    }

    static ApiError tokenExpired() {
        return of(403, "TokenError", "Your token has expired. Please re-authenticate.");
    }

    static ApiError tokenInvalid() {
        return of(403, "TokenError", "Invalid token. Please re-authenticate.");
    }

    static ApiError forbidden(String message) {
        return of(403, "ForbiddenError", message);
    }

    static ApiError permissionDenied(String message, String action, String subject) {
        ObjectNode rule = Json.object().put("action", action).put("subject", subject);
        return new ApiError(403, "PermissionDenied", message, null, Json.array().add(rule));
    }

    static ApiError notFound(String message) {
        return of(404, "NotFound", message);
    }

    static ApiError secretPathNotFound(String environment, String path) {
        return of(404, "SecretPathNotFound",
                "Folder with path '" + path + "' in environment with slug '" + environment + "' not found");
    }

    /** A zod-style validation failure; {@code field} is the request field that was wrong. */
    static ApiError validation(String field, String problem) {
        ObjectNode issue = Json.object().put("code", "invalid_type").put("message", problem);
        issue.putArray("path").add(field);
        return new ApiError(422, "ValidationFailure", field + ": " + problem, Json.array().add(issue), null);
    }

    ObjectNode body(String reqId) {
        ObjectNode body = Json.object().put("reqId", reqId).put("statusCode", status);
        if (messageNode != null) {
            body.set("message", messageNode);
        } else {
            body.put("message", getMessage());
        }
        body.put("error", error);
        if (details != null) {
            body.set("details", details);
        }
        return body;
    }
}
