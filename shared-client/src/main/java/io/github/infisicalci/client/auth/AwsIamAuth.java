package io.github.infisicalci.client.auth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.infisicalci.client.AuthenticationException;
import io.github.infisicalci.client.InvalidConfigurationException;
import io.github.infisicalci.client.RequestContext;
import io.github.infisicalci.client.SecretValue;
import io.github.infisicalci.text.Printable;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * AWS IAM auth as the official clients do it: an STS {@code GetCallerIdentity} request signed with SigV4
 * (never sent to AWS by this client) is handed to {@code POST /api/v1/auth/aws-auth/login}; the server
 * replays it to STS and checks the account and principal. Every AWS SDK call sits in {@link AwsSdk}.
 */
final class AwsIamAuth implements AuthMethod {
  static final String PATH = "/api/v1/auth/aws-auth/login";
  static final String STS_BODY = "Action=GetCallerIdentity&Version=2011-06-15";
  private static final Pattern REGION = Pattern.compile("[a-z0-9-]{1,20}");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String identityId;
  private final Supplier<AwsKeys> credentials;
  private final Supplier<String> region;
  private final Clock clock;

  AwsIamAuth(String identityId, Supplier<AwsKeys> credentials, Supplier<String> region, Clock clock) {
    this.identityId = identityId;
    this.credentials = credentials;
    this.region = region;
    this.clock = clock;
  }

  /** Credentials from the SDK's default chain; region from {@code env} or the SDK's region chain. */
  static AwsIamAuth fromEnvironment(String identityId, Map<String, String> env) {
    return new AwsIamAuth(identityId, AwsSdk::defaultCredentials, () -> regionFrom(env), Clock.systemUTC());
  }

  static String regionFrom(Map<String, String> env) {
    for (String name : new String[] {"AWS_REGION", "AWS_DEFAULT_REGION"}) {
      String v = env.get(name);
      if (v != null && !v.isBlank()) {
        return v.trim();
      }
    }
    return AwsSdk.defaultRegion();
  }

  @Override
  public String description() {
    return "aws iam auth (identity '" + identityId + "')";
  }

  @Override
  public AccessGrant authenticate(AuthTransport transport) {
    try {
      return login(transport);
    } catch (NoClassDefFoundError e) {
      // the SDK left out of a bundle, or a trimmed Java runtime without a module it needs (java.xml for STS)
      throw new InvalidConfigurationException("auth", "AWS IAM auth cannot run here: class " + e.getMessage()
          + " is missing (it needs the AWS SDK for Java v2 jars auth, http-auth-aws, sts, url-connection-client "
          + "and the java.xml module)");
    }
  }

  private AccessGrant login(AuthTransport transport) {
    String where = region();
    AwsKeys keys = keys();
    URI uri = URI.create("https://sts." + where + ".amazonaws.com/");
    byte[] body = STS_BODY.getBytes(StandardCharsets.UTF_8);
    Map<String, String> toSign = new LinkedHashMap<>();
    toSign.put("Content-Type", "application/x-www-form-urlencoded; charset=utf-8");
    toSign.put("Content-Length", Integer.toString(body.length));
    Map<String, String> headers = AwsSdk.signSts(keys, where, uri, body, toSign, clock);
    String headersJson;
    try {
      headersJson = JSON.writeValueAsString(headers);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode the signed headers", e);
    }
    Base64.Encoder b64 = Base64.getEncoder();
    Map<String, Object> login = new LinkedHashMap<>();
    login.put("identityId", identityId);
    login.put("iamHttpRequestMethod", "POST");
    login.put("iamRequestUrl", b64.encodeToString(uri.toString().getBytes(StandardCharsets.UTF_8)));
    login.put("iamRequestBody", b64.encodeToString(body));
    // the signature (and a session token) are credentials: kept as a secret, redacted from any echo
    login.put("iamRequestHeaders", SecretValue.of(b64.encodeToString(headersJson.getBytes(StandardCharsets.UTF_8))));
    return transport.login(PATH, login, description());
  }

  private String region() {
    String r;
    try {
      r = region.get();
    } catch (RuntimeException e) {
      throw new AuthenticationException("Cannot log in with " + description() + ": no AWS region (set AWS_REGION "
          + "or AWS_DEFAULT_REGION; " + firstLine(e) + ")", RequestContext.none());
    }
    if (r == null || !REGION.matcher(r).matches()) {
      throw new InvalidConfigurationException("region", "AWS region '" + Printable.quote(r)
          + "' is not a valid region name (lower-case letters, digits and '-')");
    }
    return r;
  }

  private AwsKeys keys() {
    try {
      AwsKeys k = credentials.get();
      if (k == null) {
        throw new IllegalStateException("the credential source returned none");
      }
      return k;
    } catch (RuntimeException e) {
      throw new AuthenticationException("Cannot log in with " + description() + ": no AWS credentials found "
          + "(environment AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY[/AWS_SESSION_TOKEN], AWS_WEB_IDENTITY_TOKEN_FILE, "
          + "ECS container credentials or EC2 instance metadata; " + firstLine(e) + ")", RequestContext.none());
    }
  }

  /** The SDK's explanation, one line, bounded (it names providers and variables, never a key). */
  private static String firstLine(RuntimeException e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    m = Printable.line(m.replaceAll("[\\r\\n]+", " "));
    return m.length() > 600 ? m.substring(0, 600) + "…" : m;
  }

  @Override
  public String toString() {
    return description();
  }
}
