package dev.portcullis.sealing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Secrets sealed at rest: hidden, bound to their row, opened with the current or previous key, never with another. */
class SealTest {

    private static final String PRIVATE_KEY = "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7";

    private static Seal sealWith(String key) {
        return new Seal(Optional.of(key), Optional.empty());
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
        var none = new Seal(Optional.empty(), Optional.empty());
        assertEquals(PRIVATE_KEY, none.seal("kid_a", PRIVATE_KEY));
        assertEquals(PRIVATE_KEY, none.open("kid_a", PRIVATE_KEY));
        assertFalse(none.wouldReseal("kid_a", PRIVATE_KEY));
        assertEquals(PRIVATE_KEY, sealWith("  ").seal("kid_a", PRIVATE_KEY), "blank is unset");

        String stored = sealWith(randomKey()).seal("kid_a", PRIVATE_KEY);
        var refused = assertThrows(IllegalStateException.class, () -> none.open("kid_a", stored));
        assertTrue(refused.getMessage().contains("is encrypted, as are the others; set sessions.signing-key.encryption-key"), refused.getMessage());
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
        var changing = new Seal(Optional.of(randomKey()), Optional.of(old));

        assertEquals(PRIVATE_KEY, changing.open("kid_a", sealedWithOld));
        assertTrue(changing.wouldReseal("kid_a", sealedWithOld));
        String sealedWithNew = changing.seal("kid_a", changing.open("kid_a", sealedWithOld));
        assertFalse(changing.wouldReseal("kid_a", sealedWithNew));
        var stranger = assertThrows(IllegalStateException.class,
                () -> changing.open("kid_a", sealWith(randomKey()).seal("kid_a", PRIVATE_KEY)));
        assertTrue(stranger.getMessage().contains("nor with sessions.signing-key.previous-encryption-key"), stranger.getMessage());
    }

    @Test
    void resealedKeepsWhatIsSealedWithTheCurrentKeyAndSealsEverythingElse() {
        String old = randomKey();
        var changing = new Seal(Optional.of(randomKey()), Optional.of(old));
        String current = changing.seal("wh_a", PRIVATE_KEY);
        assertEquals(current, changing.resealed("wh_a", current));
        for (String stored : new String[] {PRIVATE_KEY, sealWith(old).seal("wh_a", PRIVATE_KEY)}) {
            String resealed = changing.resealed("wh_a", stored);
            assertNotEquals(stored, resealed);
            assertFalse(changing.wouldReseal("wh_a", resealed));
            assertEquals(PRIVATE_KEY, changing.open("wh_a", resealed));
        }
        var none = new Seal(Optional.empty(), Optional.empty());
        assertEquals(PRIVATE_KEY, none.resealed("wh_a", PRIVATE_KEY), "without a key nothing is sealed");
    }

    @Test
    void aPreviousEncryptionKeyWithoutACurrentOneIsRefused() {
        var refused = assertThrows(IllegalArgumentException.class,
                () -> new Seal(Optional.empty(), Optional.of(randomKey())));
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
