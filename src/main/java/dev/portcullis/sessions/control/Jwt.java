package dev.portcullis.sessions.control;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.util.function.Function;

/**
 * Compact JWS with RS256 and nothing else. The algorithm is pinned: a token whose header names any
 * other ({@code none} in any case, {@code HS256} keyed with our public key, …) is refused before
 * its signature is looked at. Each part must be canonical unpadded base64url ({@link Base64Url}) and
 * the header and claims valid UTF-8 JSON: one token has one spelling. Expiry is reported only for
 * tokens whose signature verified.
 */
public final class Jwt {

    public static final String ALGORITHM = "RS256";
    private static final String JCA_ALGORITHM = "SHA256withRSA";
    private static final long MAX_TOKEN_LENGTH = 8192;

    private Jwt() {
    }

    public static String sign(JsonObject claims, String kid, PrivateKey key) {
        JsonObject header = Json.createObjectBuilder().add("alg", ALGORITHM).add("typ", "JWT").add("kid", kid).build();
        String signingInput = encode(header.toString()) + "." + encode(claims.toString());
        try {
            Signature signature = Signature.getInstance(JCA_ALGORITHM);
            signature.initSign(key);
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + Base64Url.encode(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot sign an access token", e);
        }
    }

    /**
     * Verifies signature, {@code iss}, {@code aud}, {@code exp} and {@code nbf}; {@code publicKeys}
     * answers null for an unknown {@code kid}.
     */
    public static AccessToken verify(String token, Function<String, PublicKey> publicKeys, String issuer, String audience,
                                     Instant now) {
        if (token.length() > MAX_TOKEN_LENGTH) {
            throw new InvalidToken();
        }
        int first = token.indexOf('.');
        int second = token.indexOf('.', first + 1);
        if (first < 1 || second < first + 2 || second == token.length() - 1 || token.indexOf('.', second + 1) >= 0) {
            throw new InvalidToken();
        }
        JsonObject header = json(token.substring(0, first));
        if (!ALGORITHM.equals(string(header, "alg")) || header.containsKey("crit")) {
            throw new InvalidToken();
        }
        String kid = string(header, "kid");
        PublicKey key = kid == null ? null : publicKeys.apply(kid);
        if (key == null || !signatureMatches(token, second, key)) {
            throw new InvalidToken();
        }
        JsonObject claims = json(token.substring(first + 1, second));
        long exp = number(claims, "exp");
        if (!issuer.equals(string(claims, "iss")) || !audienceContains(claims, audience)
                || string(claims, "sub") == null || string(claims, AccessToken.TENANT_ID) == null
                || string(claims, AccessToken.ROLE) == null) {
            throw new InvalidToken();
        }
        long nowSeconds = now.getEpochSecond();
        if (claims.containsKey("nbf") && number(claims, "nbf") > nowSeconds) {
            throw new InvalidToken();
        }
        if (exp <= nowSeconds) {
            throw new TokenExpired(Instant.ofEpochSecond(exp));
        }
        return new AccessToken(token, claims);
    }

    private static boolean signatureMatches(String token, int end, PublicKey key) {
        try {
            byte[] signatureBytes = Base64Url.decode(token.substring(end + 1)).orElse(null);
            if (signatureBytes == null) {
                return false;
            }
            Signature signature = Signature.getInstance(JCA_ALGORITHM);
            signature.initVerify(key);
            signature.update(token.substring(0, end).getBytes(StandardCharsets.US_ASCII));
            return signature.verify(signatureBytes);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean audienceContains(JsonObject claims, String audience) {
        JsonValue aud = claims.get("aud");
        if (aud instanceof jakarta.json.JsonString single) {
            return audience.equals(single.getString());
        }
        if (aud instanceof JsonArray many) {
            return many.stream().anyMatch(v -> v instanceof jakarta.json.JsonString s && audience.equals(s.getString()));
        }
        return false;
    }

    private static JsonObject json(String part) {
        byte[] json = Base64Url.decode(part).orElseThrow(InvalidToken::new);
        try (var reader = Json.createReader(new StringReader(StandardCharsets.UTF_8.newDecoder()
                .decode(java.nio.ByteBuffer.wrap(json)).toString()))) {
            return reader.readObject();
        } catch (RuntimeException | java.nio.charset.CharacterCodingException e) {
            throw new InvalidToken();
        }
    }

    private static String string(JsonObject json, String name) {
        JsonValue value = json.get(name);
        return value instanceof jakarta.json.JsonString s ? s.getString() : null;
    }

    private static long number(JsonObject json, String name) {
        if (!(json.get(name) instanceof JsonNumber number) || !number.isIntegral()) {
            throw new InvalidToken();
        }
        return number.longValue();
    }

    private static String encode(String json) {
        return Base64Url.encode(json.getBytes(StandardCharsets.UTF_8));
    }
}
