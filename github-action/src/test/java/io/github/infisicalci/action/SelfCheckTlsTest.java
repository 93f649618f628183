package io.github.infisicalci.action;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The self-check's throw-away TLS identity is a valid self-signed certificate for 127.0.0.1. */
class SelfCheckTlsTest {
  @Test
  void certificateIsSelfSignedForLoopbackAndShortLived() throws Exception {
    SelfCheckTls tls = new SelfCheckTls();
    X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(
        new ByteArrayInputStream(tls.certificatePem().getBytes(StandardCharsets.US_ASCII)));
    cert.verify(cert.getPublicKey());
    cert.checkValidity();
    assertEquals(3, cert.getVersion());
    assertEquals("CN=self-check", cert.getSubjectX500Principal().getName());
    assertEquals(List.of(List.of(7, "127.0.0.1")), cert.getSubjectAlternativeNames().stream().map(List::copyOf).toList());
    assertTrue(cert.getNotAfter().getTime() - cert.getNotBefore().getTime() <= 26L * 3600 * 1000, "valid about a day");
    assertTrue(tls.serverContext().getServerSocketFactory() != null);
  }

  @Test
  void derLengthsUseTheLongFormFrom128Bytes() {
    assertArrayEquals(new byte[] {0x04, 2, 9, 9}, SelfCheckTls.der(0x04, new byte[] {9, 9}));
    assertArrayEquals(new byte[] {0x04, (byte) 0x81, (byte) 200}, java.util.Arrays.copyOf(SelfCheckTls.der(0x04, new byte[200]), 3));
    assertArrayEquals(new byte[] {0x04, (byte) 0x82, 1, 44}, java.util.Arrays.copyOf(SelfCheckTls.der(0x04, new byte[300]), 4));
  }
}
