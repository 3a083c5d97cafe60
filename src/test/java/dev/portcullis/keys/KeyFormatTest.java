package dev.portcullis.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.access.Environment;
import dev.portcullis.keys.control.KeyFormat;
import dev.portcullis.keys.entity.KeyType;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KeyFormatTest {

    private final KeyFormat audimodal = new KeyFormat("sk", "tk");

    @Test
    void liveAndTestSecretKeysCarryTheSeedPrefixesAndParseBack() {
        String live = audimodal.generate(KeyType.SECRET, Environment.LIVE, null);
        String test = audimodal.generate(KeyType.SECRET, Environment.TEST, null);
        assertTrue(live.startsWith("sk_live_"), live);
        assertTrue(test.startsWith("sk_test_"), test);
        assertEquals(Environment.LIVE, audimodal.parse(live).orElseThrow().environment());
        assertEquals(Environment.TEST, audimodal.parse(test).orElseThrow().environment());
    }

    @Test
    void secretIsThirtyTwoBase62CharactersFollowedBySixChecksumCharacters() {
        String key = audimodal.generate(KeyType.SECRET, Environment.LIVE, null);
        String tail = key.substring("sk_live_".length());
        assertEquals(38, tail.length());
        assertTrue(tail.matches("[0-9A-Za-z]{38}"), tail);
    }

    @Test
    void tenantKeysNameTheirTenantAndEnvironment() {
        String live = audimodal.generate(KeyType.TENANT, Environment.LIVE, "tenant_123");
        String test = audimodal.generate(KeyType.TENANT, Environment.TEST, "tenant_123");
        assertTrue(live.startsWith("tk_tenant_123_"), live);
        assertTrue(test.startsWith("tk_tenant_123_test_"), test);
        var parsedLive = audimodal.parse(live).orElseThrow();
        var parsedTest = audimodal.parse(test).orElseThrow();
        assertEquals("tenant_123", parsedLive.tenantId());
        assertEquals(KeyType.TENANT, parsedLive.type());
        assertEquals("tenant_123", parsedTest.tenantId());
        assertEquals(Environment.TEST, parsedTest.environment());
    }

    @Test
    void everySingleCharacterTypoIsRejectedByTheChecksum() {
        String key = audimodal.generate(KeyType.SECRET, Environment.LIVE, null);
        String alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
        for (int position = "sk_live_".length(); position < key.length(); position++) {
            for (char c : alphabet.toCharArray()) {
                if (c == key.charAt(position)) {
                    continue;
                }
                String typo = key.substring(0, position) + c + key.substring(position + 1);
                assertTrue(audimodal.parse(typo).isEmpty(), typo);
            }
        }
    }

    @Test
    void junkIsNotAKey() {
        for (String junk : new String[] {"", "sk_live_", "sk_live_1234567890abcdef", "tk_tenant_123_abc123",
                "sk_prod_" + "a".repeat(38), "sk_live_" + "!".repeat(38), "eyJhbGciOiJIUzI1NiJ9.e30.x"}) {
            assertTrue(audimodal.parse(junk).isEmpty(), junk);
        }
    }

    @Test
    void medtwinPrefixesAreReachableByConfigurationAlone() {
        KeyFormat medtwin = new KeyFormat("mt", "tk");
        String live = medtwin.generate(KeyType.SECRET, Environment.LIVE, null);
        String test = medtwin.generate(KeyType.SECRET, Environment.TEST, null);
        assertTrue(live.startsWith("mt_live_"), live);
        assertTrue(test.startsWith("mt_test_"), test);
        assertTrue(medtwin.parse(live).isPresent());
        assertTrue(medtwin.claimsToBeKey(live));
        assertFalse(audimodal.claimsToBeKey(live), "a server of another family does not take it for a key");
        assertTrue(audimodal.parse(live).isEmpty());
    }

    @Test
    void aPrefixFamilyMustBeALowerCaseWordDifferentFromTheTenantPrefix() {
        assertThrows(IllegalArgumentException.class, () -> new KeyFormat("SK", "tk"));
        assertThrows(IllegalArgumentException.class, () -> new KeyFormat("tk", "tk"));
        assertThrows(IllegalArgumentException.class, () -> new KeyFormat("s_k", "tk"));
    }

    @Test
    void storedPartsAreTheHashThePrefixAndTheLastFour() {
        String key = audimodal.generate(KeyType.SECRET, Environment.LIVE, null);
        var secret = audimodal.secretOf(key);
        assertEquals(64, secret.hash().length());
        assertEquals(KeyFormat.hash(key), secret.hash());
        assertEquals("sk_live_", secret.prefix());
        assertEquals(key.substring(key.length() - 4), secret.last4());
        assertFalse(secret.hash().contains(key.substring(8, 20)));
    }

    @Test
    void theHashIsTheHexSha256OfTheWholeKeyEveryTime() {
        // FIPS 180-2's test vector, twice: the digest is fresh for each key
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", KeyFormat.hash("abc"));
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", KeyFormat.hash("abc"));
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", KeyFormat.hash(""));
    }

    @Test
    void generatedKeysDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            assertTrue(seen.add(audimodal.generate(KeyType.SECRET, Environment.LIVE, null)));
        }
        assertNotEquals(KeyFormat.hash("a"), KeyFormat.hash("b"));
    }
}
