package io.github.infisicalci.devserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The aws-auth login route's own checks. A correctly signed login (signed by the AWS SDK) and a wrong
 * signature are covered end to end in shared-client's AwsIamAuthTest.
 */
class AwsAuthTest {
    DevServer server;
    Http http;
    Seed seed;

    @BeforeEach
    void start() {
        seed = Seed.builder()
                .project("p", p -> p.secret("dev", "/", "K", "v"))
                .identity("aws", i -> i.awsAuth("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", null)
                        .member("p", "viewer"))
                .identity("ua", i -> i.universalAuth("ua-id", "ua-secret").member("p", "viewer"))
                .build();
        server = DevServer.start(seed);
        http = new Http(server);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Http.Reply login(String identity, String headersJson) {
        Base64.Encoder b64 = Base64.getEncoder();
        return http.post("/api/v1/auth/aws-auth/login", Http.MAPPER.createObjectNode()
                .put("identityId", seed.identityId(identity))
                .put("iamHttpRequestMethod", "POST")
                .put("iamRequestBody", b64.encodeToString("Action=GetCallerIdentity&Version=2011-06-15".getBytes(StandardCharsets.UTF_8)))
                .put("iamRequestHeaders", b64.encodeToString(headersJson.getBytes(StandardCharsets.UTF_8))).toString());
    }

    /** Headers the AWS SDK produced for these test keys at 2026-12-02T10:00:00Z in eu-west-1 (session "sess"). */
    static final String SDK_SIGNED = "{\"Authorization\":\"AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261202/eu-west-1/sts/"
            + "aws4_request, SignedHeaders=content-length;content-type;host;x-amz-content-sha256;x-amz-date;"
            + "x-amz-security-token, Signature=2e8a1b1421b422805e4f51a10b7806abdc29382245cb29dcf4973a45cca984f2\","
            + "\"Content-Length\":\"43\",\"Content-Type\":\"application/x-www-form-urlencoded; charset=utf-8\","
            + "\"Host\":\"sts.eu-west-1.amazonaws.com\",\"x-amz-content-sha256\":"
            + "\"ab821ae955788b0e33ebd34c208442ccfc2d406e2edc5e7a39bd6458fbb4f843\",\"X-Amz-Date\":\"20261202T100000Z\","
            + "\"X-Amz-Security-Token\":\"sess\"}";

    @Test
    void errorsLookLikeTheServersAndNeverEchoKeys() {
        Http.Reply noAws = login("ua", SDK_SIGNED);
        assertEquals(404, noAws.status(), noAws.text());
        assertTrue(noAws.text().contains("did you configure AWS auth?"), noAws.text());

        Http.Reply garbage = http.post("/api/v1/auth/aws-auth/login", Http.MAPPER.createObjectNode()
                .put("identityId", seed.identityId("aws")).put("iamRequestBody", "QQ==")
                .put("iamRequestHeaders", "%%%").toString());
        assertEquals(400, garbage.status(), garbage.text());

        Http.Reply otherKey = login("aws", SDK_SIGNED.replace("Credential=AKIDEXAMPLE", "Credential=AKIDOTHER"));
        assertEquals(401, otherKey.status(), otherKey.text());
        assertTrue(otherKey.text().contains("InvalidClientTokenId"), otherKey.text());

        Http.Reply stale = login("aws", SDK_SIGNED);
        assertEquals(401, stale.status(), stale.text());
        assertTrue(stale.text().contains("15 minutes"), stale.text());
        assertTrue(!stale.text().contains("wJalrXUtnFEMI") && !stale.text().contains("\"sess\""), stale.text());
        assertEquals(0, server.activeTokenCount());
    }
}
