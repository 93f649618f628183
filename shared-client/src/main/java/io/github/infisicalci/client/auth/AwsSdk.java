package io.github.infisicalci.client.auth;

import io.github.infisicalci.client.SecretValue;
import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;

/**
 * The only class that touches the AWS SDK for Java v2: the standard credential chain, the region chain and
 * the SigV4 signer. Loaded only when AWS IAM auth logs in, so no other path loads any SDK class.
 */
final class AwsSdk {
  private AwsSdk() {
  }

  /**
   * The SDK's default credential chain: system properties, environment ({@code AWS_ACCESS_KEY_ID},
   * {@code AWS_SECRET_ACCESS_KEY}, {@code AWS_SESSION_TOKEN}), web-identity token file, profile files,
   * ECS container credentials, EC2 instance metadata (IMDSv2).
   */
  static AwsKeys defaultCredentials() {
    try (DefaultCredentialsProvider provider = DefaultCredentialsProvider.builder().build()) {
      AwsCredentials c = provider.resolveCredentials();
      SecretValue session = c instanceof AwsSessionCredentials s ? SecretValue.of(s.sessionToken()) : null;
      return new AwsKeys(c.accessKeyId(), SecretValue.of(c.secretAccessKey()), session);
    }
  }

  /** The SDK's region chain beyond the environment: system property, profile file, EC2 instance metadata. */
  static String defaultRegion() {
    return DefaultAwsRegionProviderChain.builder().build().getRegion().id();
  }

  /** SigV4-signs {@code POST uri} with {@code body} for service {@code sts}; returns the headers to send. */
  static Map<String, String> signSts(AwsKeys keys, String region, URI uri, byte[] body,
      Map<String, String> headers, Clock clock) {
    SdkHttpRequest.Builder request = SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(uri);
    headers.forEach(request::putHeader);
    AwsCredentialsIdentity identity = keys.sessionToken() == null
        ? AwsCredentialsIdentity.create(keys.accessKeyId(), keys.secretAccessKey().reveal())
        : AwsSessionCredentialsIdentity.create(keys.accessKeyId(), keys.secretAccessKey().reveal(),
            keys.sessionToken().reveal());
    SignedRequest signed = AwsV4HttpSigner.create().sign(r -> r
        .identity(identity)
        .request(request.build())
        .payload(ContentStreamProvider.fromByteArray(body))
        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "sts")
        .putProperty(AwsV4HttpSigner.REGION_NAME, region)
        .putProperty(HttpSigner.SIGNING_CLOCK, clock));
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> h : signed.request().headers().entrySet()) {
      String name = h.getKey().equalsIgnoreCase("authorization") ? "Authorization" : h.getKey();
      out.put(name, String.join(",", h.getValue()));
    }
    return out;
  }
}
