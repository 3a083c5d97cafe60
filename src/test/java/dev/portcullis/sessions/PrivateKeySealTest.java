package dev.portcullis.sessions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.sessions.control.PrivateKeySeal;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PrivateKeySealTest {

    private static final String PRIVATE_KEY = "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7";

    private static String randomKey() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    @Test
    void aSealedKeyHidesThePrivateKeyAndOpensWithTheSameEncryptionKeyAndKid() {
        var seal = new PrivateKeySeal(Optional.of(randomKey()));

        String stored = seal.seal("kid_a", PRIVATE_KEY);

        assertTrue(stored.startsWith("aes256gcm:"), stored);
        assertFalse(stored.contains(PRIVATE_KEY.substring(0, 12)));
        assertNotEquals(stored, seal.seal("kid_a", PRIVATE_KEY), "a fresh nonce for every seal");
        assertEquals(PRIVATE_KEY, seal.open("kid_a", stored));
        assertFalse(seal.wouldSeal(stored));
    }

    @Test
    void aSealedKeyDoesNotOpenWithAnotherEncryptionKeyOrInAnotherRow() {
        String stored = new PrivateKeySeal(Optional.of(randomKey())).seal("kid_a", PRIVATE_KEY);

        var otherKey = assertThrows(IllegalStateException.class,
                () -> new PrivateKeySeal(Optional.of(randomKey())).open("kid_a", stored));
        assertTrue(otherKey.getMessage().contains("SESSIONS_SIGNING_KEY_ENCRYPTION_KEY"), otherKey.getMessage());
        String key = randomKey();
        String sealedForA = new PrivateKeySeal(Optional.of(key)).seal("kid_a", PRIVATE_KEY);
        assertThrows(IllegalStateException.class, () -> new PrivateKeySeal(Optional.of(key)).open("kid_b", sealedForA));
    }

    @Test
    void withoutAnEncryptionKeyKeysAreStoredAsGivenAndSealedOnesAreRefusedNamingTheSetting() {
        var none = new PrivateKeySeal(Optional.empty());
        assertEquals(PRIVATE_KEY, none.seal("kid_a", PRIVATE_KEY));
        assertEquals(PRIVATE_KEY, none.open("kid_a", PRIVATE_KEY));
        assertFalse(none.wouldSeal(PRIVATE_KEY));
        assertEquals(PRIVATE_KEY, new PrivateKeySeal(Optional.of("  ")).seal("kid_a", PRIVATE_KEY), "blank is unset");

        String stored = new PrivateKeySeal(Optional.of(randomKey())).seal("kid_a", PRIVATE_KEY);
        var refused = assertThrows(IllegalStateException.class, () -> none.open("kid_a", stored));
        assertTrue(refused.getMessage().contains("encrypted; set sessions.signing-key.encryption-key"), refused.getMessage());
    }

    @Test
    void anEncryptionKeyStoresUnencryptedKeysSealedFromNowOn() {
        var seal = new PrivateKeySeal(Optional.of(randomKey()));
        assertTrue(seal.wouldSeal(PRIVATE_KEY));
        assertEquals(PRIVATE_KEY, seal.open("kid_a", PRIVATE_KEY), "keys stored before stay readable");
    }

    @Test
    void anEncryptionKeyThatIsNot32BytesOfBase64IsRefusedWithoutRepeatingIt() {
        for (String wrong : new String[] {"not base64 at all!", Base64.getEncoder().encodeToString(new byte[16])}) {
            var refused = assertThrows(IllegalArgumentException.class, () -> new PrivateKeySeal(Optional.of(wrong)));
            assertTrue(refused.getMessage().contains("Base64 of 32 random bytes"), refused.getMessage());
            assertFalse(refused.getMessage().contains(wrong));
        }
    }
}
