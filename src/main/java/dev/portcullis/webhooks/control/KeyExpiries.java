package dev.portcullis.webhooks.control;

import dev.portcullis.cluster.JobLocks;
import dev.portcullis.database.Transactions;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code key.expiring} ({@code webhooks.key-expiring-days} before a key's {@code expires_at}) and
 * {@code key.expired}: nothing happens to a key when it expires, so a job looks for such keys every
 * {@code webhooks.key-check-interval}, on one node at a time. Each is raised once per key and expiry (a
 * notice row, see {@link Outbox#raiseOnce}); a key given a new expiry is announced again. Revoked keys
 * are not announced, nor keys that expired more than {@link #LOOK_BACK} ago (those of before webhooks).
 */
@ApplicationScoped
public class KeyExpiries {

    private static final Logger LOG = Logger.getLogger(KeyExpiries.class.getName());
    static final Duration LOOK_BACK = Duration.ofDays(7);
    private static final int BATCH = 500;

    @PersistenceContext
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    JobLocks jobs;

    @Inject
    Transactions transactions;

    @Inject
    Clock clock;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    @ConfigProperty(name = "webhooks.key-expiring-days", defaultValue = "7")
    int expiringDays;

    @Inject
    @ConfigProperty(name = "webhooks.key-check-interval", defaultValue = "PT1M")
    Duration checkInterval;

    private ScheduledFuture<?> checking;

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        if (expiringDays < 0) {
            throw new IllegalStateException("webhooks.key-expiring-days must be 0 or more, not " + expiringDays);
        }
        long every = checkInterval.toMillis();
        checking = scheduler.scheduleWithFixedDelay(this::check, every, every, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes @BeforeDestroyed(ApplicationScoped.class) Object stopping) {
        if (checking != null) {
            checking.cancel(false);
        }
    }

    public void check() {
        try {
            jobs.runAlone("webhook-key-expiry", checkInterval.plusMinutes(5), () -> {
                Instant now = clock.instant();
                announce(EventType.KEY_EXPIRING, now, now.plus(Duration.ofDays(expiringDays)));
                announce(EventType.KEY_EXPIRED, now.minus(LOOK_BACK), now);
            });
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not look for expiring keys; trying again in " + checkInterval, e);
        }
    }

    /** Raises {@code type} for the keys of no notice yet whose expiry is in ({@code after}, {@code until}]. */
    private void announce(EventType type, Instant after, Instant until) {
        for (Object[] key : candidates(type.value(), after.toEpochMilli(), until.toEpochMilli())) {
            String keyId = (String) key[0];
            long expiresAt = ((Number) key[2]).longValue();
            try {
                outbox.raiseOnce((String) key[1], keyId, occasion(type.value(), expiresAt), type, Json.createObjectBuilder()
                        .add("key_id", keyId)
                        .add("expires_at", Instant.ofEpochMilli(expiresAt).toString())
                        .build());
            } catch (RuntimeException raisedElsewhere) {
                LOG.log(Level.FINE, type.value() + " of " + keyId + " already raised", raisedElsewhere);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> candidates(String type, long after, long until) {
        return transactions.within(() -> em.createNativeQuery("SELECT k.id, k.tenant_id, k.expires_at FROM api_keys k"
                        + " WHERE k.expires_at > ?1 AND k.expires_at <= ?2 AND k.revoked_at IS NULL AND NOT EXISTS"
                        + " (SELECT 1 FROM webhook_notices n WHERE n.subject_id = k.id"
                        + " AND n.occasion = CONCAT(CAST(?3 AS VARCHAR(64)), CAST(k.expires_at AS VARCHAR(20))))")
                .setParameter(1, after).setParameter(2, until).setParameter(3, type + ":")
                .setMaxResults(BATCH).getResultList());
    }

    static String occasion(String type, long expiresAt) {
        return type + ":" + expiresAt;
    }
}
