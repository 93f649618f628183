package io.github.infisicalci.client;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * A scripted MockWebServer dispatcher: responses per "METHOD /path" (query ignored), consumed in order;
 * the last one of a route repeats. Unknown routes answer like the real server's route-not-found.
 */
final class Routes extends Dispatcher {
  private final Map<String, Deque<MockResponse>> routes = new LinkedHashMap<>();
  final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();

  synchronized Routes on(String method, String path, MockResponse... responses) {
    routes.computeIfAbsent(method + " " + path, k -> new ArrayDeque<>()).addAll(List.of(responses));
    return this;
  }

  @Override
  public synchronized MockResponse dispatch(RecordedRequest request) {
    requests.add(request);
    String path = request.getPath() == null ? "" : request.getPath();
    int q = path.indexOf('?');
    String bare = q < 0 ? path : path.substring(0, q);
    Deque<MockResponse> queue = routes.get(request.getMethod() + " " + bare);
    if (queue == null || queue.isEmpty()) {
      return json(404, "{\"message\":\"Route " + request.getMethod() + ":" + path
          + " not found\",\"error\":\"Not Found\",\"statusCode\":404}");
    }
    return queue.size() > 1 ? queue.poll() : queue.peek();
  }

  List<RecordedRequest> to(String method, String path) {
    List<RecordedRequest> out = new ArrayList<>();
    for (RecordedRequest r : requests) {
      String p = r.getPath() == null ? "" : r.getPath();
      int q = p.indexOf('?');
      if (r.getMethod().equals(method) && (q < 0 ? p : p.substring(0, q)).equals(path)) {
        out.add(r);
      }
    }
    return out;
  }

  static MockResponse json(int status, String body) {
    return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json").setBody(body);
  }

  static MockResponse login(String token, long expiresIn, long maxTtl) {
    return json(200, "{\"accessToken\":\"" + token + "\",\"expiresIn\":" + expiresIn + ",\"accessTokenMaxTTL\":"
        + maxTtl + ",\"tokenType\":\"Bearer\"}");
  }

  static MockResponse error(int status, String error, String message) {
    return json(status, "{\"reqId\":\"req-1\",\"statusCode\":" + status + ",\"message\":\"" + message
        + "\",\"error\":\"" + error + "\"}");
  }

  static MockResponse secrets(String... keyValues) {
    StringBuilder sb = new StringBuilder("{\"secrets\":[");
    for (int i = 0; i < keyValues.length; i += 2) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append("{\"secretKey\":\"").append(keyValues[i]).append("\",\"secretValue\":\"").append(keyValues[i + 1])
          .append("\",\"type\":\"shared\",\"environment\":\"dev\",\"secretPath\":\"/\"}");
    }
    return json(200, sb.append("],\"imports\":[]}").toString());
  }
}
