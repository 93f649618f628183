package io.github.infisicalci.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A minimal HTTP CONNECT proxy for tests: demands {@code Proxy-Authorization}, then tunnels every
 * CONNECT to 127.0.0.1:{@code targetPort} whatever host it names (so no name is ever resolved).
 */
final class ConnectProxy implements AutoCloseable {
  private final ServerSocket server;
  private final int targetPort;
  private final String expectedAuth;
  final List<String> seen = new CopyOnWriteArrayList<>();

  ConnectProxy(int targetPort, String expectedAuth) throws IOException {
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.targetPort = targetPort;
    this.expectedAuth = expectedAuth;
    Thread t = new Thread(this::acceptLoop, "connect-proxy");
    t.setDaemon(true);
    t.start();
  }

  int port() {
    return server.getLocalPort();
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        Thread t = new Thread(() -> serve(client), "connect-proxy-conn");
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket client) {
    try (client) {
      InputStream in = client.getInputStream();
      OutputStream out = client.getOutputStream();
      while (true) {
        List<String> head = readHead(in);
        if (head.isEmpty()) {
          return;
        }
        boolean authorised = head.stream().anyMatch(h -> h.equalsIgnoreCase("Proxy-Authorization: " + expectedAuth));
        seen.add(head.get(0) + (authorised ? " (authorised)" : " (no credentials)"));
        if (!authorised) {
          out.write(("HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"test\"\r\n"
              + "Content-Length: 0\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
          out.flush();
          continue;
        }
        try (Socket upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort)) {
          out.write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
          out.flush();
          Thread pump = new Thread(() -> copy(upstream, client), "connect-proxy-pump");
          pump.setDaemon(true);
          pump.start();
          copy(client, upstream);
          pump.join(5000);
        }
        return;
      }
    } catch (IOException | InterruptedException e) {
      // connection over
    }
  }

  private static void copy(Socket from, Socket to) {
    try {
      from.getInputStream().transferTo(to.getOutputStream());
      to.shutdownOutput();
    } catch (IOException e) {
      // one side closed
    }
  }

  private static List<String> readHead(InputStream in) throws IOException {
    List<String> lines = new java.util.ArrayList<>();
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int prev = -1;
    int b;
    while ((b = in.read()) != -1) {
      if (prev == '\r' && b == '\n') {
        byte[] bytes = line.toByteArray();
        String text = new String(bytes, 0, bytes.length - 1, StandardCharsets.US_ASCII);
        if (text.isEmpty()) {
          return lines;
        }
        lines.add(text);
        line.reset();
      } else {
        line.write(b);
      }
      prev = b;
    }
    return List.of();
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
