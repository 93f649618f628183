package io.github.infisicalci.devserver;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Nothing that can hold a credential or secret value prints it. */
class RedactionTest {
    static final String VALUE = "very-secret-value-123";
    static final String CLIENT_SECRET = "client-secret-456";
    static final String ST = "st.tokid.abcdef0123456789abcdef0123456789";

    @Test
    void toStringsNeverShowSecrets() {
        Seed seed = Seed.builder()
                .project("p", p -> p.secret("dev", "/", "K", VALUE))
                .universalAuthIdentity("ci", "cid", CLIENT_SECRET, "p")
                .serviceToken(ST, t -> t.project("p").scope("dev", "/"))
                .build();
        World world = new World(seed);
        Tokens tokens = new Tokens(world);
        Tokens.Issued issued = tokens.issue(world.identity("ci"), "universal-auth");
        Request request = new Request("GET", "/x", "/x", Map.of(), "Bearer " + issued.jwt(), false, VALUE.getBytes(), null);
        List<Object> objects = List.of(seed, world.identity("ci"), seed.serviceTokens().get(0),
                world.projectByRef("p").environments.get("dev").folder("/").secrets.get("K"),
                issued, issued.token(), request, Response.ok(Json.object().put("secretValue", VALUE)),
                new RecordedCall("GET", "/x", Map.of("a", "b"), true, 200, Instant.now()));
        for (Object o : objects) {
            String s = o.toString();
            for (String forbidden : List.of(VALUE, CLIENT_SECRET, "abcdef0123456789abcdef0123456789", issued.jwt())) {
                assertFalse(s.contains(forbidden), o.getClass().getSimpleName() + " prints a secret: " + s);
            }
        }
    }
}
