package dev.portcullis.webhooks.control;

import dev.portcullis.Ids;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code Portcullis-Signature} header, as Stripe signs its webhooks: {@code t=<unix seconds>,v1=<hex
 * HMAC-SHA256(secret, t + "." + body)>}. The time is inside the signed text, so a receiver that rejects
 * old times also rejects a captured delivery replayed later.
 */
public final class Signature {

    public static final String HEADER = "Portcullis-Signature";
    public static final String SECRET_PREFIX = "whsec_";

    private Signature() {
    }

    /** A new endpoint secret: 32 base62 characters from {@code SecureRandom} (about 190 bits). */
    public static String newSecret() {
        return SECRET_PREFIX + Ids.randomBase62(32);
    }

    public static String header(String secret, long epochSecond, String body) {
        return "t=" + epochSecond + ",v1=" + hmac(secret, epochSecond + "." + body);
    }

    /** Hex HMAC-SHA256 of {@code text} keyed with the secret's UTF-8 bytes, prefix included (as receivers hold it). */
    static String hmac(String secret, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
