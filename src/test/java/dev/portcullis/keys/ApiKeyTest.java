package dev.portcullis.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.access.Environment;
import dev.portcullis.access.Role;
import dev.portcullis.keys.entity.ApiKey;
import dev.portcullis.keys.entity.KeyType;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ApiKeyTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    private static ApiKey key(Instant expiresAt) {
        return new ApiKey("key_1", "tenant_1", "k", KeyType.SECRET, Environment.LIVE, Role.MEMBER,
                new ApiKey.Secret("h1", "sk_live_", "abcd"), expiresAt, NOW);
    }

    @Test
    void aKeyIsActiveUntilItsExpiryInstantExclusive() {
        ApiKey key = key(NOW.plusSeconds(60));
        assertTrue(key.isActive(NOW.plusSeconds(59)));
        assertFalse(key.isActive(NOW.plusSeconds(60)));
        assertEquals("expired", key.status(NOW.plusSeconds(60)));
    }

    @Test
    void revokingEndsTheKeyAndItsPreviousSecret() {
        ApiKey key = key(null);
        key.roll(new ApiKey.Secret("h2", "sk_live_", "efgh"), NOW.plus(Duration.ofHours(1)), NOW);
        key.revoke(NOW.plusSeconds(1));
        assertFalse(key.isActive(NOW.plusSeconds(2)));
        assertNull(key.previousSecretHash());
        assertEquals("revoked", key.status(NOW.plusSeconds(2)));
    }

    @Test
    void revokingTwiceKeepsTheFirstRevocationTime() {
        ApiKey key = key(null);
        key.revoke(NOW.plusSeconds(1));
        key.revoke(NOW.plusSeconds(5));
        assertEquals(NOW.plusSeconds(1), key.revokedAt());
    }

    @Test
    void rollingWithGraceKeepsTheOldSecretUntilTheGraceEnds() {
        ApiKey key = key(null);
        key.roll(new ApiKey.Secret("h2", "sk_live_", "efgh"), NOW.plusSeconds(600), NOW);
        assertEquals("h2", key.secretHash());
        assertEquals("h1", key.previousSecretHash());
        assertEquals(NOW.plusSeconds(600), key.previousValidUntil());
        assertEquals("efgh", key.last4());
    }

    @Test
    void rollingWithoutGraceDropsTheOldSecretAtOnce() {
        ApiKey key = key(null);
        key.roll(new ApiKey.Secret("h2", "sk_live_", "efgh"), NOW, NOW);
        assertNull(key.previousSecretHash());
    }
}
