package io.github.infisicalci.client;

import java.net.InetSocketAddress;
import java.net.Proxy;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.X509TrustManager;
import okhttp3.ConnectionSpec;
import okhttp3.Credentials;
import okhttp3.OkHttpClient;

/** Builds the OkHttp client from a {@link ClientConfig}: timeouts, trust, proxy, fixed headers. */
final class HttpStack {
  private HttpStack() {
  }

  static OkHttpClient build(ClientConfig config) {
    OkHttpClient.Builder b = new OkHttpClient.Builder()
        .connectTimeout(config.connectTimeout())
        .readTimeout(config.readTimeout())
        .writeTimeout(config.readTimeout())
        .callTimeout(config.callTimeout())
        // the client's own retry policy decides about retries, so that attempts are counted once
        .retryOnConnectionFailure(false)
        .followRedirects(false);
    if (config.baseUrl().regionMatches(true, 0, "http:", 0, 5)) {
      // A plain-HTTP server (inside a private network, the dev server): no TLS connection spec, so OkHttp
      // does not build its default trust manager, SSL context and certificate-chain cleaner (loading the
      // JDK's CA certificates: most of the client's start-up, benchmarks/startup/phases.py). Every
      // request goes to the base URL and redirects are not followed, so no other scheme is needed.
      b.connectionSpecs(List.of(ConnectionSpec.CLEARTEXT));
    } else if (!config.caCertificates().isEmpty()) {
      try {
        X509TrustManager tm = CaTrust.withExtraCas(config.caCertificates());
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, new X509TrustManager[] {tm}, null);
        b.sslSocketFactory(ctx.getSocketFactory(), tm);
      } catch (GeneralSecurityException e) {
        throw new InvalidConfigurationException("caCertificatesPem",
            "caCertificatesPem cannot be added to the default trust: " + e.getMessage());
      }
    }
    config.proxy().ifPresent(p -> {
      b.proxy(new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(p.host(), p.port())));
      if (p.username() != null && !p.username().isEmpty()) {
        String user = p.username();
        SecretValue password = p.password();
        b.proxyAuthenticator((route, response) -> {
          if (response.request().header("Proxy-Authorization") != null) {
            return null; // these credentials were refused already
          }
          return response.request().newBuilder()
              .header("Proxy-Authorization", Credentials.basic(user, password.reveal()))
              .build();
        });
      }
    });
    String userAgent = config.userAgent();
    Map<String, SecretValue> headers = config.headers();
    b.addInterceptor(chain -> {
      okhttp3.Request.Builder r = chain.request().newBuilder().header("User-Agent", userAgent);
      headers.forEach((name, value) -> r.header(name, value.reveal()));
      return chain.proceed(r.build());
    });
    return b.build();
  }
}
