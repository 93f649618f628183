package io.github.infisicalci.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import okhttp3.ConnectionSpec;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/** A plain-HTTP server gets a client without TLS set-up (start-up cost); HTTPS keeps TLS. */
class HttpStackTest {
  @Test
  void plainHttpBaseUrlBuildsNoTls() {
    OkHttpClient client = HttpStack.build(ClientConfig.builder().baseUrl("http://127.0.0.1:8080").build());
    assertEquals(List.of(ConnectionSpec.CLEARTEXT), client.connectionSpecs());
    assertThrows(IllegalStateException.class, client::sslSocketFactory, "CLEARTEXT-only client: no TLS built");
  }

  @Test
  void httpsBaseUrlKeepsTls() {
    OkHttpClient client = HttpStack.build(ClientConfig.builder().baseUrl("https://app.infisical.com").build());
    assertTrue(client.connectionSpecs().stream().anyMatch(ConnectionSpec::isTls));
    assertTrue(client.sslSocketFactory() != null);
  }
}
