package io.github.infisicalci.client;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/** The JDK's default trust plus extra CA certificates (added, never replacing the defaults). */
final class CaTrust {
  private CaTrust() {
  }

  static X509TrustManager defaultTrustManager() throws GeneralSecurityException {
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init((KeyStore) null);
    return x509(tmf.getTrustManagers());
  }

  /** A trust manager accepting the default issuers and every certificate of {@code extra}. */
  static X509TrustManager withExtraCas(List<X509Certificate> extra) throws GeneralSecurityException {
    KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
    try {
      store.load(null, null);
    } catch (java.io.IOException e) {
      throw new GeneralSecurityException("cannot create an empty key store", e);
    }
    int i = 0;
    for (X509Certificate c : defaultTrustManager().getAcceptedIssuers()) {
      store.setCertificateEntry("default-" + i++, c);
    }
    i = 0;
    for (X509Certificate c : extra) {
      store.setCertificateEntry("extra-" + i++, c);
    }
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(store);
    return x509(tmf.getTrustManagers());
  }

  private static X509TrustManager x509(TrustManager[] managers) throws GeneralSecurityException {
    for (TrustManager tm : managers) {
      if (tm instanceof X509TrustManager x) {
        return x;
      }
    }
    throw new GeneralSecurityException("no X509TrustManager available");
  }
}
