package io.github.infisicalci.devserver;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Method + path-pattern dispatch; unknown routes get the framework's route-not-found answer. */
final class Router {
    private record Route(String method, Pattern pattern, Function<Request, Response> handler) {
    }

    private final List<Route> routes = new ArrayList<>();

    void get(String pattern, Function<Request, Response> handler) {
        add("GET", pattern, handler);
    }

    void post(String pattern, Function<Request, Response> handler) {
        add("POST", pattern, handler);
    }

    private void add(String method, String pattern, Function<Request, Response> handler) {
        String regex = pattern.replaceAll(":([A-Za-z]+)", "(?<$1>[^/]+)");
        routes.add(new Route(method, Pattern.compile(regex), handler));
    }

    Response dispatch(Request request) {
        for (Route route : routes) {
            if (!route.method().equals(request.method())) {
                continue;
            }
            Matcher m = route.pattern().matcher(request.path());
            if (m.matches()) {
                return route.handler().apply(request.withRoute(m));
            }
        }
        throw new RouteNotFound();
    }

    /** The framework's own 404 (not the service's {@code NotFound}). */
    static Response routeNotFound(Request request) {
        return new Response(404, Json.object()
                .put("message", "Route " + request.method() + ":" + request.rawPathAndQuery() + " not found")
                .put("error", "Not Found")
                .put("statusCode", 404), java.util.Map.of());
    }

    static final class RouteNotFound extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RouteNotFound() {
            super("route not found", null, false, false);
        }
    }
}
