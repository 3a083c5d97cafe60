package dev.portcullis.ratelimit.control;

import dev.portcullis.OnRequestPath;
import dev.portcullis.database.Transactions;
import dev.portcullis.ratelimit.grid.Bucket;
import dev.portcullis.ratelimit.grid.Charge;
import dev.portcullis.ratelimit.grid.CreditAdjustment;
import dev.portcullis.ratelimit.grid.Decide;
import dev.portcullis.ratelimit.grid.Decision;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Charges requests: one atomic decision over all the buckets of the request ({@link Counters}), with the
 * persisted starting points of buckets seen for the first time (day counts, credits), and what must
 * outlive the process afterwards: day counts in batches ({@link UsageLedger}), spent credits before the
 * answer ({@link CreditsLedger}).
 */
@OnRequestPath
public class RateLimiter {

    private static final Logger LOG = Logger.getLogger(RateLimiter.class.getName());
    /** Day quotas above this are no quota to announce (and would overflow the percentages). */
    private static final long UNLIMITED = 1L << 50;

    @Inject
    Counters counters;

    @Inject
    Clock clock;

    @Inject
    UsageLedger ledger;

    @Inject
    CreditsLedger credits;

    @Inject
    Transactions transactions;

    @Inject
    Event<QuotaCrossed> quotaCrossed;

    @Inject
    @ConfigProperty(name = "ratelimit.fail-open", defaultValue = "false")
    boolean failOpen;

    /**
     * Charges one request to the entry {@code key} ({@code tenantId}: whose usage the day counts are; null
     * for counts that are nobody's). Null only when the store failed and {@code ratelimit.fail-open} is
     * set: then the request goes through unmetered and without headers.
     */
    public Decision charge(String key, String tenantId, List<Bucket> buckets) {
        Charge charge = new Charge(buckets, clock.millis());
        Decision decision;
        try {
            decision = counters.run(key, charge);
            if (decision.needsSeeds()) {
                List<String> missing = decision.missing();
                decision = counters.run(key, charge.withSeeds(transactions.within(() -> seeds(charge, missing))));
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Rate-limit store failed; " + (failOpen ? "admitting" : "refusing") + " the request", e);
            if (failOpen) {
                return null;
            }
            throw new RateLimitUnavailable();
        }
        record(tenantId, buckets, decision);
        return decision;
    }

    /** The persisted states of buckets the entry does not hold yet: the day's counts, the credits left. */
    private Map<String, long[]> seeds(Charge charge, List<String> missing) {
        Map<String, long[]> seeds = new HashMap<>();
        long today = Decide.epochDay(charge.nowMillis());
        for (Bucket bucket : charge.buckets()) {
            if (missing.contains(bucket.name())) {
                seeds.put(bucket.name(), switch (bucket.kind()) {
                    case DAY -> bucket.usage() ? ledger.persisted(bucket.owner(), today) : Decide.day(today, 0, 0, 0);
                    case CREDITS -> credits.persisted(bucket.owner());
                    case WINDOW -> throw new IllegalStateException("a window starts afresh");
                });
            }
        }
        return seeds;
    }

    /** Day counts for the next batch; credits, if spent, now: no crash may hand them back. */
    private void record(String tenantId, List<Bucket> buckets, Decision decision) {
        for (Bucket bucket : buckets) {
            long[] state = decision.persisted().get(bucket.name());
            if (state == null) {
                continue;
            }
            if (bucket.kind() == Bucket.Kind.DAY && tenantId != null) {
                ledger.charged(bucket.owner(), tenantId, state);
                if (decision.admitted() && bucket.usage() && ChargePlan.isKey(bucket.owner())) {
                    announceCrossings(tenantId, bucket, state);
                }
            } else if (bucket.kind() == Bucket.Kind.CREDITS && decision.admitted()) {
                credits.spent(bucket.owner(), state);
            }
        }
    }

    /**
     * Tells of the thresholds of a key's day quota that this admitted request crossed: it took the day's
     * count from below a threshold to it or above. The count is decided atomically in the grid, so in the
     * whole cluster one request crosses each; the rest of the requests pay two comparisons.
     */
    private void announceCrossings(String tenantId, Bucket bucket, long[] state) {
        if (bucket.limit() <= 0 || bucket.limit() > UNLIMITED) {
            return;
        }
        long used = state[Decide.DAY_ALLOWED];
        long before = used - bucket.cost();
        for (int percent : QuotaCrossed.PERCENTS) {
            long at = QuotaCrossed.countAt(percent, bucket.limit());
            if (before < at && used >= at) {
                quotaCrossed.fire(new QuotaCrossed(tenantId, bucket.owner(), percent, bucket.limit(), used, state[Decide.DAY]));
            }
        }
    }

    /**
     * An admin's change of a key's credits ({@link CreditAdjustment}), made in the grid, where they are
     * spent, and then written over every spend made before it.
     */
    public long[] adjustCredits(String key, CreditAdjustment adjustment) {
        long[] state = counters.run(key, adjustment);
        if (state == null) {
            state = counters.run(key, adjustment.withSeed(credits.persisted(adjustment.bucket().owner())));
        }
        credits.adjusted(adjustment.bucket().owner(), state);
        return state;
    }

    /**
     * When each key was last admitted ({@code identities}: key id to its identity's id, or to null), or no
     * entry: the newer of what was written and the live counters, which are ahead of it.
     */
    public Map<String, Instant> lastUsed(Map<String, String> identities) {
        Map<String, HashMap<String, long[]>> live = counters.entries(identities.entrySet().stream()
                .map(key -> ChargePlan.entry(key.getKey(), key.getValue())).distinct().toList());
        Map<String, Instant> lastUsed = new HashMap<>(ledger.lastUsed(identities.keySet()));
        identities.forEach((key, identity) -> {
            HashMap<String, long[]> entry = live.get(ChargePlan.entry(key, identity));
            long[] day = entry == null ? null : entry.get(ChargePlan.dayBucket(key, identity));
            if (day != null && day[Decide.LAST_USED_MILLIS] > 0) {
                lastUsed.merge(key, Instant.ofEpochMilli(day[Decide.LAST_USED_MILLIS]),
                        (written, counted) -> counted.isAfter(written) ? counted : written);
            }
        });
        return lastUsed;
    }
}
