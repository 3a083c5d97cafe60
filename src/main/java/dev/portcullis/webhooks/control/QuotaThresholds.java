package dev.portcullis.webhooks.control;

import dev.portcullis.ratelimit.control.QuotaCrossed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.Json;
import java.time.LocalDate;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code quota.threshold}: a key's day quota reached 80 % or 100 %. The rate limiter tells which request
 * crossed a threshold (the counter is one atomic step in the Data Grid, so one request in the whole
 * cluster crosses each); a notice row per key, day and threshold makes it once even where the grid
 * cannot (a day count re-seeded from the database after a restart lags what was counted before).
 */
@ApplicationScoped
public class QuotaThresholds {

    private static final Logger LOG = Logger.getLogger(QuotaThresholds.class.getName());

    @Inject
    Outbox outbox;

    void crossed(@Observes QuotaCrossed crossed) {
        String day = LocalDate.ofEpochDay(crossed.epochDay()).toString();
        try {
            outbox.raiseOnce(crossed.tenantId(), crossed.keyId(), "quota.threshold:" + crossed.percent() + ":" + day,
                    EventType.QUOTA_THRESHOLD, Json.createObjectBuilder()
                            .add("key_id", crossed.keyId())
                            .add("threshold", crossed.percent())
                            .add("limit", crossed.limit())
                            .add("used", crossed.used())
                            .add("day", day)
                            .build());
        } catch (RuntimeException raisedElsewhere) {
            // The notice's primary key refused a second one: another node (or thread) raised it first.
            LOG.log(Level.FINE, "quota.threshold already raised", raisedElsewhere);
        }
    }
}
