package dev.portcullis.sessions;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import dev.portcullis.testing.Portcullis;
import dev.portcullis.testing.PortcullisTest;
import dev.portcullis.testing.Reply;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * Forged tokens against the running server: every one is a 401 INVALID_TOKEN, never a 500. (Forgeries
 * that need our private key, such as a missing {@code exp} or a wrong {@code iss} with a valid
 * signature, are covered by {@code JwtTest}.)
 */
@PortcullisTest
class TokenAttacksIT {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private static String login(Portcullis portcullis) {
        var tenant = portcullis.newTenant();
        String email = "victim." + System.nanoTime() + "@example.com";
        portcullis.newUser(tenant.adminKey(), email, "correct horse battery staple", "admin");
        return portcullis.login(email, "correct horse battery staple", tenant.id()).string("access_token");
    }

    private static String part(String token, int index) {
        return token.split("\\.")[index];
    }

    private static String decoded(String part) {
        return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
    }

    private static void assertInvalid(Portcullis portcullis, String token, String what) {
        Reply reply = portcullis.get("/v1/keys", token);
        assertEquals(401, reply.status(), what + ": " + reply);
        assertEquals("INVALID_TOKEN", reply.errorCode(), what);
    }

    @Test
    void aTamperedPayloadIsRefused(Portcullis portcullis) {
        String token = login(portcullis);
        String payload = decoded(part(token, 1)).replace("\"role\":\"admin\"", "\"role\":\"platform_admin\"");
        assertInvalid(portcullis, part(token, 0) + "." + B64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "."
                + part(token, 2), "escalated role");
        assertInvalid(portcullis, part(token, 0) + "." + part(token, 1) + "." + part(token, 2).substring(5), "cut signature");
    }

    @Test
    void algNoneIsRefusedInEveryCase(Portcullis portcullis) {
        String token = login(portcullis);
        for (String none : new String[] {"none", "None", "NONE", "nOne"}) {
            String header = B64.encodeToString(("{\"alg\":\"" + none + "\",\"typ\":\"JWT\"}").getBytes(StandardCharsets.UTF_8));
            assertInvalid(portcullis, header + "." + part(token, 1) + ".", none);
        }
    }

    @Test
    void hs256SignedWithOurPublicKeyIsRefused(Portcullis portcullis) throws Exception {
        String token = login(portcullis);
        String kid = decoded(part(token, 0)).replaceAll(".*\"kid\":\"([^\"]+)\".*", "$1");
        RSAKey published = (RSAKey) JWKSet.parse(portcullis.get("/v1/auth/jwks", null).body()).getKeyByKeyId(kid);
        for (byte[] secret : new byte[][] {published.toPublicKey().getEncoded(),
                published.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8)}) {
            String header = B64.encodeToString(("{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"" + kid + "\"}").getBytes(StandardCharsets.UTF_8));
            String input = header + "." + part(token, 1);
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            assertInvalid(portcullis, input + "." + B64.encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII))), "HS256");
        }
    }

    @Test
    void anUnknownKidIsRefused(Portcullis portcullis) {
        String token = login(portcullis);
        String header = B64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"kid_unknown\"}".getBytes(StandardCharsets.UTF_8));
        assertInvalid(portcullis, header + "." + part(token, 1) + "." + part(token, 2), "unknown kid");
    }

    @Test
    void jwtShapedGarbageIsAnInvalidTokenNever500(Portcullis portcullis) {
        for (String garbage : new String[] {"a.b.c", "eyJ.eyJ.", "..", "%%%.%%%.%%%",
                "eyJhbGciOiJSUzI1NiJ9." + "x".repeat(5000) + ".sig", "eyJhbGciOiJSUzI1NiJ9.e30."}) {
            Reply reply = portcullis.get("/v1/keys", garbage);
            assertEquals(401, reply.status(), garbage);
            assertEquals("INVALID_TOKEN", reply.errorCode(), garbage);
        }
    }

    @Test
    void garbageThatCannotBeAJwtIsAnInvalidApiKey(Portcullis portcullis) {
        for (String garbage : new String[] {"garbage", "...", "a.b.c.d.e", "eyJhbGciOiJSUzI1NiJ9.e30", "pk_live_abc"}) {
            Reply reply = portcullis.get("/v1/keys", garbage);
            assertEquals(401, reply.status(), garbage);
            assertEquals("INVALID_API_KEY", reply.errorCode(), garbage);
            assertEquals("Bearer", reply.header("WWW-Authenticate"), garbage);
        }
    }
}
