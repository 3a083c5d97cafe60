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

    private static PrivateKeySeal sealWith(String key) {
        return new PrivateKeySeal(Optional.of(key), Optional.empty());
    }

    private static String randomKey() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    @Test
    void aSealedKeyHidesThePrivateKeyAndOpensWithTheSameEncryptionKeyAndKid() {
        var seal = sealWith(randomKey());

        String stored = seal.seal("kid_a", PRIVATE_KEY);

        assertTrue(stored.startsWith("aes256gcm:"), stored);
        assertFalse(stored.contains(PRIVATE_KEY.substring(0, 12)));
        assertNotEquals(stored, seal.seal("kid_a", PRIVATE_KEY), "a fresh nonce for every seal");
        assertEquals(PRIVATE_KEY, seal.open("kid_a", stored));
        assertFalse(seal.wouldReseal("kid_a", stored));
    }

    @Test
    void aSealedKeyDoesNotOpenWithAnotherEncryptionKeyOrInAnotherRow() {
        String stored = sealWith(randomKey()).seal("kid_a", PRIVATE_KEY);

        var otherKey = assertThrows(IllegalStateException.class,
                () -> sealWith(randomKey()).open("kid_a", stored));
        assertTrue(otherKey.getMessage().contains("SESSIONS_SIGNING_KEY_ENCRYPTION_KEY"), otherKey.getMessage());
        String key = randomKey();
        String sealedForA = sealWith(key).seal("kid_a", PRIVATE_KEY);
        assertThrows(IllegalStateException.class, () -> sealWith(key).open("kid_b", sealedForA));
    }

    @Test
    void withoutAnEncryptionKeyKeysAreStoredAsGivenAndSealedOnesAreRefusedNamingTheSetting() {
        var none = new PrivateKeySeal(Optional.empty(), Optional.empty());
        assertEquals(PRIVATE_KEY, none.seal("kid_a", PRIVATE_KEY));
        assertEquals(PRIVATE_KEY, none.open("kid_a", PRIVATE_KEY));
        assertFalse(none.wouldReseal("kid_a", PRIVATE_KEY));
        assertEquals(PRIVATE_KEY, sealWith("  ").seal("kid_a", PRIVATE_KEY), "blank is unset");

        String stored = sealWith(randomKey()).seal("kid_a", PRIVATE_KEY);
        var refused = assertThrows(IllegalStateException.class, () -> none.open("kid_a", stored));
        assertTrue(refused.getMessage().contains("encrypted; set sessions.signing-key.encryption-key"), refused.getMessage());
    }

    @Test
    void anEncryptionKeyStoresUnencryptedKeysSealedFromNowOn() {
        var seal = sealWith(randomKey());
        assertTrue(seal.wouldReseal("kid_a", PRIVATE_KEY));
        assertEquals(PRIVATE_KEY, seal.open("kid_a", PRIVATE_KEY), "keys stored before stay readable");
    }

    @Test
    void whileTheEncryptionKeyChangesKeysSealedWithThePreviousOneOpenAndAreToBeSealedAgain() {
        String old = randomKey();
        String sealedWithOld = sealWith(old).seal("kid_a", PRIVATE_KEY);
        var changing = new PrivateKeySeal(Optional.of(randomKey()), Optional.of(old));

        assertEquals(PRIVATE_KEY, changing.open("kid_a", sealedWithOld));
        assertTrue(changing.wouldReseal("kid_a", sealedWithOld));
        String sealedWithNew = changing.seal("kid_a", changing.open("kid_a", sealedWithOld));
        assertFalse(changing.wouldReseal("kid_a", sealedWithNew));
        var stranger = assertThrows(IllegalStateException.class,
                () -> changing.open("kid_a", sealWith(randomKey()).seal("kid_a", PRIVATE_KEY)));
        assertTrue(stranger.getMessage().contains("nor with sessions.signing-key.previous-encryption-key"), stranger.getMessage());
    }

    @Test
    void aPreviousEncryptionKeyWithoutACurrentOneIsRefused() {
        var refused = assertThrows(IllegalArgumentException.class,
                () -> new PrivateKeySeal(Optional.empty(), Optional.of(randomKey())));
        assertTrue(refused.getMessage().contains("only read together with sessions.signing-key.encryption-key"),
                refused.getMessage());
    }

    @Test
    void anEncryptionKeyThatIsNot32BytesOfBase64IsRefusedWithoutRepeatingIt() {
        for (String wrong : new String[] {"not base64 at all!", Base64.getEncoder().encodeToString(new byte[16])}) {
            var refused = assertThrows(IllegalArgumentException.class, () -> sealWith(wrong));
            assertTrue(refused.getMessage().contains("Base64 of 32 random bytes"), refused.getMessage());
            assertFalse(refused.getMessage().contains(wrong));
        }
    }
}
