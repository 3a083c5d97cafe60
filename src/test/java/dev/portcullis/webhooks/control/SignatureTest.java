package dev.portcullis.webhooks.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The signature is Stripe's scheme, byte for byte: checked against a value computed by OpenSSL, not by this code. */
class SignatureTest {

    private static final String BODY = "{\"id\":\"evt_1\",\"type\":\"key.created\"}";

    @Test
    void theHeaderIsTheTimeAndTheHexHmacOfTimeDotBodyKeyedWithTheWholeSecret() {
        // printf '%s' '1700000000.{"id":"evt_1","type":"key.created"}' | openssl dgst -sha256 -hmac 'whsec_abc123'
        assertEquals("t=1700000000,v1=d4b73d46b139f2415b8e82cd0ede183ad321157e5b0cd95f666e6b1b7e5cb371",
                Signature.header("whsec_abc123", 1_700_000_000L, BODY));
    }

    @Test
    void anotherTimeBodyOrSecretGivesAnotherSignature() {
        String signed = Signature.header("whsec_abc123", 1_700_000_000L, BODY);
        assertNotEquals(signed.substring(signed.indexOf("v1=")),
                Signature.header("whsec_abc123", 1_700_000_001L, BODY).substring(signed.indexOf("v1=")));
        assertNotEquals(signed, Signature.header("whsec_abc124", 1_700_000_000L, BODY));
        assertNotEquals(signed, Signature.header("whsec_abc123", 1_700_000_000L, BODY + " "));
    }

    @Test
    void secretsAreWhsecAnd32Base62CharactersAndNeverRepeat() {
        String one = Signature.newSecret();
        assertTrue(one.matches("whsec_[0-9A-Za-z]{32}"), one);
        assertNotEquals(one, Signature.newSecret());
    }
}
