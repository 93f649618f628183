package io.github.infisicalci.action;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A throw-away TLS identity for {@code --self-check}: an EC P-256 key made at run time and a self-signed
 * certificate for 127.0.0.1, valid for a day, DER-encoded here (the JDK has no public API that makes
 * certificates). The self-check's HTTPS stage exercises the action's TLS path (the PEM of the
 * {@code ca-certificate} input, the trust store, the handshake), so that the image's AOT training run
 * puts those classes into the AOT cache: real runs talk HTTPS. Nothing of it is kept.
 */
final class SelfCheckTls {
  private static final byte[] ECDSA_WITH_SHA256 = {0x06, 0x08, 0x2A, (byte) 0x86, 0x48, (byte) 0xCE, 0x3D, 0x04, 0x03, 0x02};
  private static final byte[] COMMON_NAME = {0x06, 0x03, 0x55, 0x04, 0x03};
  private static final byte[] SUBJECT_ALT_NAME = {0x06, 0x03, 0x55, 0x1D, 0x11};
  private static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'");

  private final KeyPair keys;
  private final X509Certificate certificate;

  SelfCheckTls() throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(256);
    keys = generator.generateKeyPair();
    ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
    byte[] name = der(0x30, der(0x31, der(0x30, COMMON_NAME, der(0x0C, "self-check".getBytes(java.nio.charset.StandardCharsets.US_ASCII)))));
    byte[] tbs = der(0x30,
        der(0xA0, der(0x02, new byte[] {2})),
        der(0x02, new byte[] {1}),
        der(0x30, ECDSA_WITH_SHA256),
        name,
        der(0x30, utcTime(now.minusHours(1)), utcTime(now.plusDays(1))),
        name,
        keys.getPublic().getEncoded(),
        der(0xA3, der(0x30, der(0x30, SUBJECT_ALT_NAME,
            der(0x04, der(0x30, der(0x87, new byte[] {127, 0, 0, 1})))))));
    Signature signer = Signature.getInstance("SHA256withECDSA");
    signer.initSign(keys.getPrivate());
    signer.update(tbs);
    byte[] signature = signer.sign();
    byte[] bitString = new byte[signature.length + 1];
    System.arraycopy(signature, 0, bitString, 1, signature.length);
    byte[] cert = der(0x30, tbs, der(0x30, ECDSA_WITH_SHA256), der(0x03, bitString));
    certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
        .generateCertificate(new ByteArrayInputStream(cert));
  }

  /** The certificate as PEM text, as a user gives it in the {@code ca-certificate} input. */
  String certificatePem() throws GeneralSecurityException {
    return "-----BEGIN CERTIFICATE-----\n"
        + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(certificate.getEncoded())
        + "\n-----END CERTIFICATE-----\n";
  }

  /** A server-side TLS context with this key and certificate. */
  SSLContext serverContext() throws Exception {
    char[] password = "self-check".toCharArray();
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setKeyEntry("self-check", keys.getPrivate(), password, new Certificate[] {certificate});
    KeyManagerFactory managers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    managers.init(store, password);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(managers.getKeyManagers(), null, null);
    return context;
  }

  private static byte[] utcTime(ZonedDateTime time) {
    return der(0x17, UTC_TIME.format(time).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
  }

  /** One DER element: tag, definite length, the concatenated contents. */
  static byte[] der(int tag, byte[]... contents) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (byte[] c : contents) {
      body.writeBytes(c);
    }
    int length = body.size();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(tag);
    if (length < 0x80) {
      out.write(length);
    } else if (length < 0x100) {
      out.write(0x81);
      out.write(length);
    } else {
      out.write(0x82);
      out.write(length >> 8);
      out.write(length & 0xFF);
    }
    out.writeBytes(body.toByteArray());
    return out.toByteArray();
  }
}
