package dev.portcullis.sessions.control;

import dev.portcullis.Ids;
import dev.portcullis.keys.control.KeyFormat;
import dev.portcullis.sessions.entity.RefreshToken;
import dev.portcullis.sessions.entity.SessionFamily;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Opaque refresh tokens: {@code rt_} and 256 random bits in base64url, stored only as SHA-256. Each is spent by one
 * conditional UPDATE, so of concurrent refreshes with the same token exactly one wins.
 */
@ApplicationScoped
public class RefreshTokens {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String PREFIX = "rt_";

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "sessions.refresh-token.idle-timeout", defaultValue = "P7D")
    Duration idleTimeout;

    /** A new token of the family; idle expiry never reaches past the family's own end. */
    public String issue(SessionFamily family) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String raw = PREFIX + Base64Url.encode(secret);
        Instant now = clock.instant();
        Instant idle = now.plus(idleTimeout);
        em.persist(new RefreshToken(Ids.next("rtok"), family.id(), KeyFormat.hash(raw), now,
                idle.isAfter(family.expiresAt()) ? family.expiresAt() : idle));
        return raw;
    }

    /** Only the one spelling we issue: {@code rt_} and the canonical base64url of 32 bytes, nothing around it. */
    public Optional<RefreshToken> find(String raw) {
        if (raw == null || raw.length() != PREFIX.length() + 43 || !raw.startsWith(PREFIX)
                || Base64Url.decode(raw.substring(PREFIX.length())).isEmpty()) {
            return Optional.empty();
        }
        return em.createNamedQuery(RefreshToken.BY_HASH, RefreshToken.class).setParameter("hash", KeyFormat.hash(raw))
                .getResultList().stream().findFirst();
    }

    /**
     * Marks the token spent, in its own transaction. False when it was spent already, by an earlier
     * refresh or by a concurrent one that got there first.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean spend(RefreshToken token) {
        try {
            return em.createNativeQuery("UPDATE refresh_tokens SET spent_at = ? WHERE id = ? AND spent_at IS NULL")
                    .setParameter(1, clock.millis())
                    .setParameter(2, token.id())
                    .executeUpdate() == 1;
        } catch (PersistenceException concurrentUpdate) {
            return false;
        }
    }
}
