package io.github.infisicalci.client;

import static io.github.infisicalci.client.Routes.login;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.infisicalci.client.secrets.ProjectRef;
import io.github.infisicalci.client.secrets.SecretsRequest;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import okhttp3.Credentials;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** MockWebServer plays an HTTP proxy that demands Basic credentials. */
class ProxyTest {
  private final MockWebServer proxy = new MockWebServer();
  private final List<RecordedRequest> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
  private final List<String> log = TestConfigs.newLog();

  @BeforeEach
  void start() throws IOException {
    proxy.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        seen.add(request);
        if (!Credentials.basic("alice", "s3cr3t pass").equals(request.getHeader("Proxy-Authorization"))) {
          return new MockResponse().setResponseCode(407).setHeader("Proxy-Authenticate", "Basic realm=\"corp\"");
        }
        if (request.getRequestLine().startsWith("POST http://infisical.invalid:8080/api/v1/auth/universal-auth/login")) {
          return login("tok-via-proxy", 3600, 0);
        }
        return Routes.secrets("A", "1");
      }
    });
    proxy.start();
  }

  @AfterEach
  void stop() throws IOException {
    proxy.shutdown();
  }

  @Test
  void requestsGoThroughTheProxyWithCredentialsFromTheEnvironment() {
    ClientConfig config = ClientConfig.builder().baseUrl("http://infisical.invalid:8080").logSink(log::add)
        .proxyFromEnvironment(Map.of("http_proxy", "http://alice:s3cr3t%20pass@127.0.0.1:" + proxy.getPort()))
        .build();
    try (InfisicalClient c = InfisicalClient.create(config, TestConfigs.universal())) {
      assertEquals("1", c.fetchSecrets(SecretsRequest.builder().project(ProjectRef.id("p")).environment("dev").build())
          .get("A").orElseThrow().value().reveal());
    }
    assertEquals(4, seen.size(), "a 407 then the authorised request, for login and for listing");
    assertEquals(null, seen.get(0).getHeader("Proxy-Authorization"));
    assertTrue(seen.get(1).getRequestLine().startsWith("POST http://infisical.invalid:8080/api/v1/auth/universal-auth/login"),
        seen.get(1).getRequestLine());
    assertTrue(seen.get(3).getRequestLine().startsWith("GET http://infisical.invalid:8080/api/v4/secrets?"),
        seen.get(3).getRequestLine());
  }

  @Test
  void wrongProxyCredentialsFailClearlyWithoutRetrying() {
    ClientConfig config = ClientConfig.builder().baseUrl("http://infisical.invalid:8080").logSink(log::add)
        .proxy(new ProxySettings("127.0.0.1", proxy.getPort(), "alice", SecretValue.of("wrong"), List.of()))
        .build();
    try (InfisicalClient c = InfisicalClient.create(config, TestConfigs.universal())) {
      InfisicalException e = assertThrows(InfisicalException.class, c::accessToken);
      assertEquals(407, e.status().orElse(407));
      assertTrue(!e.getMessage().contains("wrong"), e.getMessage());
    }
    assertEquals(2, seen.size(), "one challenge, one refused retry with credentials");
  }

  @Test
  void httpsIsTunnelledWithConnectAndProxyCredentials() throws Exception {
    HeldCertificate root = new HeldCertificate.Builder().certificateAuthority(0).commonName("Proxy Test Root").build();
    HeldCertificate cert = new HeldCertificate.Builder().signedBy(root).addSubjectAlternativeName("infisical.invalid").build();
    try (MockWebServer target = new MockWebServer()) {
      target.useHttps(new HandshakeCertificates.Builder().heldCertificate(cert, root.certificate()).build()
          .sslSocketFactory(), false);
      Routes routes = new Routes().on("POST", "/api/v1/auth/universal-auth/login", login("tok-tunnelled", 3600, 0));
      target.setDispatcher(routes);
      target.start();
      try (ConnectProxy connect = new ConnectProxy(target.getPort(), Credentials.basic("alice", "s3cr3t pass"));
          InfisicalClient c = InfisicalClient.create(ClientConfig.builder().baseUrl("https://infisical.invalid")
              .caCertificatesPem(root.certificatePem()).logSink(log::add)
              .proxyFromEnvironment(Map.of("HTTPS_PROXY", "http://alice:s3cr3t%20pass@127.0.0.1:" + connect.port()))
              .build(), TestConfigs.universal())) {
        assertEquals("tok-tunnelled", c.accessToken().reveal());
        // OkHttp authenticates CONNECT pre-emptively, so the first CONNECT already carries the credentials
        assertEquals(List.of("CONNECT infisical.invalid:443 HTTP/1.1 (authorised)"), connect.seen);
      }
      RecordedRequest login = routes.requests.get(0);
      assertEquals("/api/v1/auth/universal-auth/login", login.getPath());
      assertTrue(login.getTlsVersion() != null, "the login went through TLS inside the tunnel");
    }
  }

  @Test
  void noProxyHostsGoDirect() {
    ClientConfig config = ClientConfig.builder().baseUrl("http://infisical.invalid:8080")
        .proxyFromEnvironment(Map.of("HTTP_PROXY", "127.0.0.1:" + proxy.getPort(), "NO_PROXY", "invalid"))
        .build();
    assertTrue(config.proxy().isEmpty());
  }
}
