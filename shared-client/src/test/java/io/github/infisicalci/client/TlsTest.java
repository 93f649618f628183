package io.github.infisicalci.client;

import static io.github.infisicalci.client.Routes.login;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.net.ssl.X509TrustManager;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TlsTest {
  private static final HeldCertificate ROOT = new HeldCertificate.Builder().certificateAuthority(0)
      .commonName("Private Test Root CA").build();
  private static final HeldCertificate SERVER = new HeldCertificate.Builder().signedBy(ROOT)
      .addSubjectAlternativeName("localhost").addSubjectAlternativeName("127.0.0.1").commonName("localhost").build();

  private final MockWebServer server = new MockWebServer();
  private final Routes routes = new Routes();
  private final List<String> log = TestConfigs.newLog();

  @BeforeEach
  void start() throws IOException {
    HandshakeCertificates serverCerts = new HandshakeCertificates.Builder().heldCertificate(SERVER, ROOT.certificate()).build();
    server.useHttps(serverCerts.sslSocketFactory(), false);
    server.setDispatcher(routes);
    server.start();
    routes.on("POST", "/api/v1/auth/universal-auth/login", login("tok", 3600, 0));
  }

  @AfterEach
  void stop() throws IOException {
    server.shutdown();
  }

  private ClientConfig.Builder config() {
    return ClientConfig.builder().baseUrl("https://localhost:" + server.getPort() + "/api").logSink(log::add)
        .retryPolicy(TestConfigs.fastRetries());
  }

  @Test
  void privateCaIsTrustedWhenAdded() {
    try (InfisicalClient c = InfisicalClient.create(config().caCertificatesPem(ROOT.certificatePem()).build(),
        TestConfigs.universal())) {
      assertEquals("tok", c.accessToken().reveal());
    }
  }

  @Test
  void withoutTheCaTheHandshakeFailsAtOnceWithAHint() {
    try (InfisicalClient c = InfisicalClient.create(config().build(), TestConfigs.universal())) {
      InfisicalConnectionException e = assertThrows(InfisicalConnectionException.class, c::accessToken);
      assertTrue(e.getMessage().contains("not trusted"), e.getMessage());
      assertTrue(e.getMessage().contains("caCertificatesPem"), e.getMessage());
    }
    assertEquals(0, routes.requests.size());
    assertEquals(0, server.getRequestCount(), "no request reached the server");
  }

  @Test
  void extraCaIsAddedToTheDefaultTrustNotReplacingIt() throws Exception {
    X509TrustManager defaults = CaTrust.defaultTrustManager();
    X509TrustManager combined = CaTrust.withExtraCas(List.of(ROOT.certificate()));
    Set<X509Certificate> issuers = new HashSet<>(Arrays.asList(combined.getAcceptedIssuers()));
    assertTrue(defaults.getAcceptedIssuers().length > 10, "the JDK ships public roots");
    assertTrue(issuers.containsAll(Arrays.asList(defaults.getAcceptedIssuers())));
    assertTrue(issuers.contains(ROOT.certificate()));
    assertEquals(defaults.getAcceptedIssuers().length + 1, issuers.size());
    // a chain signed by the private root is accepted
    combined.checkServerTrusted(new X509Certificate[] {SERVER.certificate(), ROOT.certificate()}, "RSA");
    assertInstanceOf(java.security.cert.CertificateException.class, assertThrows(Exception.class,
        () -> defaults.checkServerTrusted(new X509Certificate[] {SERVER.certificate(), ROOT.certificate()}, "RSA")));
  }

  @Test
  void severalPemCertificatesAreRead() {
    HeldCertificate other = new HeldCertificate.Builder().certificateAuthority(0).commonName("Other").build();
    assertEquals(2, ClientConfig.Builder.parsePem(ROOT.certificatePem() + "\n" + other.certificatePem()).size());
  }
}
