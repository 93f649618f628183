package io.github.infisicalci.action;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;

/**
 * {@code --self-check}: runs the real main and post steps once, offline, against a canned
 * Infisical-like responder on 127.0.0.1 (login, project, secrets, revoke), with temporary runner files
 * and workspace; then checks what was written. Used at image build time (AOT training) and as a smoke
 * test. Prints one line per stage; exits 0 when every stage passed.
 */
final class SelfCheck {
  private final Log log;
  private final PrintStream verbose;

  /** {@code verbose}: where the inner steps' own output goes, or {@code null} to hide it. */
  SelfCheck(Log log, PrintStream verbose) {
    this.log = log;
    this.verbose = verbose;
  }

  int run() {
    Path dir = null;
    try (CannedServer server = new CannedServer()) {
      dir = Files.createTempDirectory("infisical-self-check");
      Path workspace = Files.createDirectories(dir.resolve("workspace"));
      Map<String, String> env = new HashMap<>();
      env.put("GITHUB_WORKSPACE", workspace.toString());
      env.put("HOME", Files.createDirectories(dir.resolve("home")).toString());
      for (String name : new String[] {"GITHUB_ENV", "GITHUB_OUTPUT", "GITHUB_STATE", "GITHUB_STEP_SUMMARY"}) {
        Path file = dir.resolve(name.toLowerCase());
        Files.createFile(file);
        env.put(name, file.toString());
      }
      env.put("INPUT_DOMAIN", "http://127.0.0.1:" + server.port());
      env.put("INPUT_CLIENT-ID", "self-check-client");
      env.put("INPUT_CLIENT-SECRET", "self-check-secret-value");
      env.put("INPUT_PROJECT-SLUG", "self-check");
      env.put("INPUT_ENV-SLUG", "dev");
      env.put("INPUT_RETRIES", "0");
      env.put("INPUT_TIMEOUT", "10s");

      ByteArrayOutputStream sink = new ByteArrayOutputStream();
      PrintStream quiet = new PrintStream(verbose == null ? sink : new TeeStream(sink, verbose), true,
          StandardCharsets.UTF_8);
      int envCode = Main.run(new String[0], env, quiet);
      String written = Files.readString(Path.of(env.get("GITHUB_ENV")));
      boolean envOk = envCode == 0 && written.contains("SELF_CHECK_MULTILINE<<ghadelimiter_");
      log.info("self-check: main step, export-type env: " + (envOk ? "ok" : "FAILED (exit " + envCode + ")"));

      env.put("INPUT_EXPORT-TYPE", "file");
      env.put("INPUT_FILE-FORMAT", "json");
      int fileCode = Main.run(new String[0], env, quiet);
      boolean fileOk = fileCode == 0 && Files.exists(workspace.resolve(".env"));
      log.info("self-check: main step, export-type file: " + (fileOk ? "ok" : "FAILED (exit " + fileCode + ")"));

      List<String> state = Files.readAllLines(Path.of(env.get("GITHUB_STATE")));
      for (int i = 0; i + 1 < state.size(); i++) {
        if (state.get(i).startsWith(CleanupRecord.STATE + "<<")) {
          env.put("STATE_" + CleanupRecord.STATE, state.get(i + 1));
        }
      }
      int postCode = Main.run(new String[] {"post"}, env, quiet);
      boolean postOk = postCode == 0 && !Files.exists(workspace.resolve(".env"));
      log.info("self-check: post step: " + (postOk ? "ok" : "FAILED (exit " + postCode + ")"));

      env.put("INPUT_EXPORT-TYPE", "bogus");
      int badCode = Main.run(new String[0], env, quiet);
      boolean badOk = badCode == 1 && sink.toString(StandardCharsets.UTF_8).contains("input 'export-type'");
      log.info("self-check: input validation: " + (badOk ? "ok" : "FAILED (exit " + badCode + ")"));
      boolean leaked = sink.toString(StandardCharsets.UTF_8).replace("::add-mask::self-check-secret-value", "")
          .contains("self-check-secret-value");
      log.info("self-check: masking of the client secret: " + (leaked ? "FAILED" : "ok"));
      boolean tlsOk = tlsStage(env, quiet);
      log.info("self-check: main step over HTTPS (ca-certificate): " + (tlsOk ? "ok" : "FAILED"));
      return envOk && fileOk && postOk && badOk && !leaked && tlsOk ? 0 : 1;
    } catch (IOException e) {
      log.error("self-check: " + e.getClass().getSimpleName() + ": " + e.getMessage());
      return 1;
    } finally {
      deleteTree(dir);
    }
  }

  /**
   * The main step once more, over HTTPS to a responder with a throw-away certificate given as the
   * {@code ca-certificate} input: real runs talk HTTPS, and the image's AOT training run must see that
   * path too (PEM parsing, trust store, handshake), or those classes load and start cold in every run.
   */
  private boolean tlsStage(Map<String, String> env, PrintStream quiet) throws IOException {
    SelfCheckTls tls;
    try {
      tls = new SelfCheckTls();
      try (CannedServer server = new CannedServer(tls.serverContext())) {
        Files.writeString(Path.of(env.get("GITHUB_ENV")), "");
        env.put("INPUT_EXPORT-TYPE", "env");
        env.put("INPUT_DOMAIN", "https://127.0.0.1:" + server.port());
        env.put("INPUT_CA-CERTIFICATE", tls.certificatePem());
        int code = Main.run(new String[0], env, quiet);
        return code == 0 && Files.readString(Path.of(env.get("GITHUB_ENV"))).contains("SELF_CHECK_TOKEN");
      }
    } catch (IOException e) {
      throw e;
    } catch (Exception e) {
      log.error("self-check: TLS set-up failed (" + e.getClass().getSimpleName() + ")");
      return false;
    }
  }

  private static void deleteTree(Path dir) {
    if (dir == null) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // temporary files of a finished check
    }
  }

  /** Writes to two streams. */
  private static final class TeeStream extends OutputStream {
    private final OutputStream a;
    private final OutputStream b;

    TeeStream(OutputStream a, OutputStream b) {
      this.a = a;
      this.b = b;
    }

    @Override
    public void write(int c) throws IOException {
      a.write(c);
      b.write(c);
    }

    @Override
    public void write(byte[] bytes, int off, int len) throws IOException {
      a.write(bytes, off, len);
      b.write(bytes, off, len);
    }

    @Override
    public void flush() throws IOException {
      a.flush();
      b.flush();
    }
  }

  /** A minimal HTTP/1.1 responder with canned Infisical answers, one connection at a time. */
  static final class CannedServer implements AutoCloseable {
    private final ServerSocket socket;
    private final Thread thread;

    CannedServer() throws IOException {
      this(null);
    }

    /** Over TLS with {@code tls}'s server identity, or plain HTTP when it is {@code null}. */
    CannedServer(SSLContext tls) throws IOException {
      socket = tls == null ? new ServerSocket(0, 16, InetAddress.getLoopbackAddress())
          : tls.getServerSocketFactory().createServerSocket(0, 16, InetAddress.getLoopbackAddress());
      thread = new Thread(this::serve, "self-check-server");
      thread.setDaemon(true);
      thread.start();
    }

    int port() {
      return socket.getLocalPort();
    }

    private void serve() {
      while (!socket.isClosed()) {
        try (Socket client = socket.accept()) {
          client.setSoTimeout(5000);
          handle(client.getInputStream(), client.getOutputStream());
        } catch (IOException e) {
          // closed, or a client went away
        }
      }
    }

    private static void handle(InputStream in, OutputStream out) throws IOException {
      String head = readHead(in);
      if (head.isEmpty()) {
        return;
      }
      String requestLine = head.substring(0, head.indexOf('\r') < 0 ? head.length() : head.indexOf('\r'));
      String[] parts = requestLine.split(" ");
      String path = parts.length > 1 ? parts[1] : "/";
      int length = 0;
      for (String line : head.split("\r\n")) {
        if (line.toLowerCase().startsWith("content-length:")) {
          length = Integer.parseInt(line.substring(15).trim());
        }
      }
      in.readNBytes(length);
      String[] answer = answer(path.contains("?") ? path.substring(0, path.indexOf('?')) : path);
      byte[] body = answer[1].getBytes(StandardCharsets.UTF_8);
      out.write(("HTTP/1.1 " + answer[0] + "\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: "
          + body.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.write(body);
      out.flush();
    }

    private static String[] answer(String path) {
      String project = "{\"id\":\"00000000-0000-0000-0000-000000000001\",\"slug\":\"self-check\",\"name\":\"Self check\","
          + "\"environments\":[{\"name\":\"Development\",\"slug\":\"dev\",\"id\":\"e1\"}]}";
      if (path.endsWith("/login")) {
        return new String[] {"200 OK", "{\"accessToken\":\"self-check-access-token\",\"expiresIn\":3600,"
            + "\"accessTokenMaxTTL\":7200,\"tokenType\":\"Bearer\"}"};
      }
      if (path.endsWith("/token/revoke")) {
        return new String[] {"200 OK", "{\"message\":\"Successfully revoked access token\"}"};
      }
      if (path.startsWith("/api/v1/projects/") || path.startsWith("/api/v2/workspace/")) {
        return new String[] {"200 OK", project};
      }
      if (path.startsWith("/api/v1/workspace/")) {
        return new String[] {"200 OK", "{\"workspace\":" + project + "}"};
      }
      if (path.equals("/api/v4/secrets") || path.equals("/api/v3/secrets/raw")) {
        return new String[] {"200 OK", "{\"secrets\":["
            + secret("SELF_CHECK_TOKEN", "token-value-1234") + ","
            + secret("SELF_CHECK_MULTILINE", "line one\\nline two\\n") + ","
            + secret("SELF_CHECK_JSON", "{\\\"user\\\":\\\"svc\\\",\\\"password\\\":\\\"pw-5678\\\"}")
            + "],\"imports\":[]}"};
      }
      return new String[] {"404 Not Found", "{\"statusCode\":404,\"message\":\"Route " + path
          + " not found\",\"error\":\"Not Found\"}"};
    }

    private static String secret(String key, String jsonValue) {
      return "{\"id\":\"" + key + "\",\"_id\":\"" + key + "\",\"workspace\":\"00000000-0000-0000-0000-000000000001\","
          + "\"environment\":\"dev\",\"version\":1,\"type\":\"shared\",\"secretKey\":\"" + key + "\","
          + "\"secretValue\":\"" + jsonValue + "\",\"secretComment\":\"\",\"secretPath\":\"/\","
          + "\"secretValueHidden\":false}";
    }

    private static String readHead(InputStream in) throws IOException {
      ByteArrayOutputStream head = new ByteArrayOutputStream();
      int matched = 0;
      int b;
      while ((b = in.read()) >= 0) {
        head.write(b);
        matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
        if (matched == 4) {
          break;
        }
      }
      return head.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }
}
