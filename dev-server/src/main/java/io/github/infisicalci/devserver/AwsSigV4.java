package io.github.infisicalci.devserver;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks an AWS Signature Version 4 over a replayed STS request, as STS would, written from the published
 * algorithm (canonical request, string to sign, HMAC key chain) independently of the AWS SDK the client
 * uses, so the test compares two implementations. POST to {@code /} without query only (what
 * {@code GetCallerIdentity} uses).
 */
final class AwsSigV4 {
    private static final Pattern AUTH = Pattern.compile(
            "AWS4-HMAC-SHA256 Credential=([^/,\\s]+)/(\\d{8})/([a-z0-9-]+)/([a-z0-9-]+)/aws4_request,\\s*"
                    + "SignedHeaders=([a-z0-9;-]+),\\s*Signature=([0-9a-f]{64})");
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
    private static final Duration MAX_SKEW = Duration.ofMinutes(15);

    /** What the signature names, once verified. */
    record Verified(String accessKeyId, String region) {
    }

    private AwsSigV4() {
    }

    /** The access key id the Authorization header names (to look its secret up), or null if malformed. */
    static String accessKeyId(Map<String, String> headers) {
        Matcher m = AUTH.matcher(header(headers, "authorization"));
        return m.matches() ? m.group(1) : null;
    }

    /**
     * Verifies the request; throws {@link ApiError} 401 with the reason STS would give (never a key).
     *
     * @param headers the replayed headers (any case)
     * @param body the request body
     * @param secretAccessKey the secret of the access key the header names
     * @param now the server's clock, for the 15-minute skew STS allows
     */
    static Verified verify(String method, Map<String, String> headers, byte[] body, String secretAccessKey, Instant now) {
        Matcher m = AUTH.matcher(header(headers, "authorization"));
        if (!m.matches()) {
            throw ApiError.unauthorized("AWS STS rejected the request: IncompleteSignature (malformed Authorization header)");
        }
        String keyId = m.group(1);
        String date = m.group(2);
        String region = m.group(3);
        String service = m.group(4);
        String[] signedHeaders = m.group(5).split(";");
        if (!service.equals("sts")) {
            throw ApiError.unauthorized("AWS STS rejected the request: the credential scope names service '" + service + "', not sts");
        }
        String amzDate = header(headers, "x-amz-date");
        Instant at;
        try {
            at = LocalDateTime.parse(amzDate, AMZ_DATE).toInstant(ZoneOffset.UTC);
        } catch (RuntimeException e) {
            throw ApiError.unauthorized("AWS STS rejected the request: missing or malformed X-Amz-Date");
        }
        if (!amzDate.startsWith(date)) {
            throw ApiError.unauthorized("AWS STS rejected the request: SignatureDoesNotMatch (date scope differs from X-Amz-Date)");
        }
        if (Duration.between(at, now).abs().compareTo(MAX_SKEW) > 0) {
            throw ApiError.unauthorized("AWS STS rejected the request: SignatureDoesNotMatch (Signature expired: "
                    + amzDate + " is more than 15 minutes from the server's time)");
        }
        String expectedHost = "sts." + region + ".amazonaws.com";
        if (!expectedHost.equals(header(headers, "host"))) {
            throw ApiError.unauthorized("AWS STS rejected the request: Host must be " + expectedHost);
        }
        StringBuilder canonical = new StringBuilder();
        canonical.append(method).append('\n').append("/\n").append('\n');
        boolean hostSigned = false;
        for (String name : signedHeaders) {
            String value = header(headers, name);
            if (value.isEmpty() && !name.equals("content-length")) {
                throw ApiError.unauthorized("AWS STS rejected the request: signed header '" + name + "' is missing");
            }
            hostSigned |= name.equals("host");
            canonical.append(name).append(':').append(value.trim().replaceAll(" +", " ")).append('\n');
        }
        if (!hostSigned) {
            throw ApiError.unauthorized("AWS STS rejected the request: the Host header must be signed");
        }
        canonical.append('\n').append(String.join(";", signedHeaders)).append('\n').append(hex(sha256(body)));
        String scope = date + "/" + region + "/sts/aws4_request";
        String toSign = "AWS4-HMAC-SHA256\n" + amzDate + "\n" + scope + "\n"
                + hex(sha256(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        byte[] key = hmac(("AWS4" + secretAccessKey).getBytes(StandardCharsets.UTF_8), date);
        key = hmac(key, region);
        key = hmac(key, "sts");
        key = hmac(key, "aws4_request");
        byte[] expected = hmac(key, toSign);
        if (!MessageDigest.isEqual(expected, HexFormat.of().parseHex(m.group(6)))) {
            throw ApiError.unauthorized("AWS STS rejected the request: SignatureDoesNotMatch (the request signature we "
                    + "calculated does not match the signature you provided)");
        }
        return new Verified(keyId, region);
    }

    private static String header(Map<String, String> headers, String name) {
        Map<String, String> lower = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        lower.putAll(headers);
        String v = lower.get(name.toLowerCase(Locale.ROOT));
        return v == null ? "" : v;
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
