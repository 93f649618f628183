package io.github.infisicalci.client;

import io.github.infisicalci.client.secrets.SecretsRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One HTTP call to the API, described before it is sent.
 *
 * @param method GET or POST
 * @param segments path segments after the base URL, e.g. {@code api, v4, secrets} (each encoded)
 * @param query query parameters in order
 * @param body JSON body fields (String, Boolean or {@link SecretValue}); {@code null} for none
 * @param bearer token for the Authorization header; {@code null} for none
 * @param what what the call does, for messages ("list secrets")
 * @param context what the call is about
 * @param notFound what a 404 means for this call
 */
record ApiCall(String method, List<String> segments, Map<String, String> query, Map<String, Object> body,
    SecretValue bearer, String what, RequestContext context, NotFoundException.Kind notFound) {

  ApiCall {
    Objects.requireNonNull(method);
    segments = List.copyOf(segments);
    query = query == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(query));
    context = context == null ? RequestContext.none() : context;
  }

  static Builder get(String path) {
    return new Builder("GET", path);
  }

  static Builder post(String path) {
    return new Builder("POST", path);
  }

  /** The path for messages and logs, e.g. {@code /api/v4/secrets}. */
  String displayPath() {
    return "/" + String.join("/", segments);
  }

  static final class Builder {
    private final String method;
    private final List<String> segments = new ArrayList<>();
    private final Map<String, String> query = new LinkedHashMap<>();
    private Map<String, Object> body;
    private SecretValue bearer;
    private String what;
    private RequestContext context = RequestContext.none();
    private NotFoundException.Kind notFound;

    private Builder(String method, String path) {
      this.method = method;
      for (String s : path.split("/")) {
        if (!s.isEmpty()) {
          segments.add(s);
        }
      }
    }

    /** Appends one path segment verbatim (it is percent-encoded when sent). */
    Builder segment(String s) {
      segments.add(s);
      return this;
    }

    Builder query(String name, String value) {
      query.put(name, value);
      return this;
    }

    Builder query(String name, boolean value) {
      query.put(name, Boolean.toString(value));
      return this;
    }

    Builder tags(SecretsRequest request) {
      if (!request.tagSlugs().isEmpty()) {
        query.put("tagSlugs", String.join(",", request.tagSlugs()));
      }
      return this;
    }

    Builder body(Map<String, Object> fields) {
      this.body = fields;
      return this;
    }

    Builder bearer(SecretValue token) {
      this.bearer = token;
      return this;
    }

    Builder what(String description) {
      this.what = description;
      return this;
    }

    Builder context(RequestContext ctx) {
      this.context = ctx;
      return this;
    }

    Builder notFound(NotFoundException.Kind kind) {
      this.notFound = kind;
      return this;
    }

    ApiCall build() {
      return new ApiCall(method, segments, query, body, bearer, what == null ? method + " " + String.join("/", segments) : what,
          context, notFound);
    }
  }
}
