package dev.portcullis.sessions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.portcullis.sessions.control.AccessToken;
import dev.portcullis.sessions.control.InvalidToken;
import dev.portcullis.sessions.control.Jwt;
import dev.portcullis.sessions.control.TokenExpired;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class JwtTest {

    private static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");
    private static final KeyPair KEYS = rsa();
    private static final KeyPair OTHER = rsa();
    private static final Map<String, PublicKey> PUBLISHED = Map.of("k1", KEYS.getPublic());

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonObjectBuilder claims() {
        return Json.createObjectBuilder().add("iss", "portcullis").add("aud", "portcullis-api").add("sub", "user_1")
                .add("tenant_id", "tenant_1").add("role", "admin").add("iat", NOW.getEpochSecond())
                .add("exp", NOW.getEpochSecond() + 3600).add("jti", "j1");
    }

    private static AccessToken verify(String token) {
        return Jwt.verify(token, PUBLISHED::get, "portcullis", "portcullis-api", NOW);
    }

    private static String b64(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aTokenWeSignedVerifiesAndCarriesItsClaims() {
        AccessToken token = verify(Jwt.sign(claims().build(), "k1", KEYS.getPrivate()));
        assertEquals("user_1", token.getSubject());
        assertEquals("tenant_1", token.tenantId());
        assertEquals("admin", token.role());
        assertEquals(NOW.getEpochSecond() + 3600, token.getExpirationTime());
    }

    @Test
    void anExpiredTokenSaysWhenItExpired() {
        String token = Jwt.sign(claims().add("exp", NOW.getEpochSecond()).build(), "k1", KEYS.getPrivate());
        TokenExpired expired = assertThrows(TokenExpired.class, () -> verify(token));
        assertEquals(NOW.toString(), expired.details().get("expires_at"));
    }

    @Test
    void aTamperedPayloadIsRefused() {
        String[] parts = Jwt.sign(claims().build(), "k1", KEYS.getPrivate()).split("\\.");
        String forged = parts[0] + "." + b64(claims().add("role", "platform_admin").build().toString()) + "." + parts[2];
        assertThrows(InvalidToken.class, () -> verify(forged));
    }

    @Test
    void aTokenSignedByAnotherKeyIsRefused() {
        assertThrows(InvalidToken.class, () -> verify(Jwt.sign(claims().build(), "k1", OTHER.getPrivate())));
    }

    @Test
    void algNoneInAnyCaseIsRefused() {
        for (String none : new String[] {"none", "None", "NONE", "nOnE"}) {
            String token = b64("{\"alg\":\"" + none + "\",\"typ\":\"JWT\",\"kid\":\"k1\"}") + "." + b64(claims().build().toString()) + ".";
            assertThrows(InvalidToken.class, () -> verify(token), none);
            assertThrows(InvalidToken.class, () -> verify(token + "x"), none);
        }
    }

    @Test
    void hs256KeyedWithOurPublicKeyIsRefused() throws Exception {
        String input = b64("{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"k1\"}") + "." + b64(claims().build().toString());
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(KEYS.getPublic().getEncoded(), "HmacSHA256"));
        String token = input + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(
                mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
        assertThrows(InvalidToken.class, () -> verify(token));
    }

    @Test
    void aMissingExpiryIsRefused() {
        JsonObject noExp = Json.createObjectBuilder(claims().build()).remove("exp").build();
        assertThrows(InvalidToken.class, () -> verify(Jwt.sign(noExp, "k1", KEYS.getPrivate())));
    }

    @Test
    void wrongIssuerOrAudienceIsRefused() {
        assertThrows(InvalidToken.class, () -> verify(Jwt.sign(claims().add("iss", "evil").build(), "k1", KEYS.getPrivate())));
        assertThrows(InvalidToken.class, () -> verify(Jwt.sign(claims().add("aud", "other-api").build(), "k1", KEYS.getPrivate())));
        assertEquals("user_1", verify(Jwt.sign(claims().add("aud", Json.createArrayBuilder().add("x").add("portcullis-api")).build(),
                "k1", KEYS.getPrivate())).getSubject());
    }

    @Test
    void anUnknownKidIsRefused() {
        assertThrows(InvalidToken.class, () -> verify(Jwt.sign(claims().build(), "k2", KEYS.getPrivate())));
    }

    @Test
    void aTokenNotYetValidIsRefused() {
        assertThrows(InvalidToken.class, () -> verify(Jwt.sign(claims().add("nbf", NOW.getEpochSecond() + 60).build(), "k1", KEYS.getPrivate())));
    }

    @Test
    void garbageIsRefusedAsInvalidNeverWithAnotherError() {
        for (String garbage : new String[] {"", ".", "..", "a.b.c", "eyJ.eyJ.sig", "a.b.c.d", "!!!.???.###",
                b64("[]") + "." + b64("{}") + ".x", b64("{\"alg\":\"RS256\"}") + "." + b64("not json") + ".x",
                b64("{\"alg\":\"RS256\",\"kid\":\"k1\"}") + ".." + "sig", "x".repeat(9000)}) {
            assertThrows(InvalidToken.class, () -> verify(garbage), garbage);
        }
    }
}
