package dev.portcullis.ratelimit.control;

import com.hazelcast.config.InMemoryFormat;
import com.hazelcast.config.MapConfig;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Charges requests against the counters in the Data Grid map {@value #MAP}, one entry per subject
 * (key id, user id, or {@code ip:<address>} for failed authentications). Every decision is one
 * entry-processor call on the entry's owner, so it is atomic across all nodes.
 */
@ApplicationScoped
public class RateLimiter {

    static final String MAP = "portcullis-rate-counters";
    private static final Logger LOG = Logger.getLogger(RateLimiter.class.getName());
    private static final String FAILED_AUTH = "ip:";
    private static final int MAX_BLOCKED = 100_000;

    @Inject
    HazelcastInstance grid;

    @Inject
    Clock clock;

    @Inject
    UsageLedger ledger;

    @Inject
    @ConfigProperty(name = "ratelimit.fail-open", defaultValue = "false")
    boolean failOpen;

    @Inject
    @ConfigProperty(name = "ratelimit.failed-auth.per-minute", defaultValue = "30")
    long failedAuthPerMinute;

    @Inject
    @ConfigProperty(name = "ratelimit.failed-auth.per-day", defaultValue = "1000")
    long failedAuthPerDay;

    private IMap<String, long[]> counters;
    /** Addresses refused for failed authentications, until when (epoch ms); checked before any lookup. */
    private final Map<String, Long> blocked = new ConcurrentHashMap<>();

    @PostConstruct
    void openCounters() {
        try {
            // Counters of subjects idle for two days are dropped; the day count is in the database.
            grid.getConfig().addMapConfig(new MapConfig(MAP).setInMemoryFormat(InMemoryFormat.OBJECT)
                    .setMaxIdleSeconds(2 * 24 * 3600).setBackupCount(1));
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Map configuration already present", e);
        }
        if (gridLoadsChargeItself()) {
            counters = outsideApplication(() -> grid.getMap(MAP));
        } else {
            LOG.warning("The grid functions jar (portcullis-grid.jar) is not on Payara Micro's --addlibs: "
                    + "every charge enters the application's context on the member that owns the counter (slower)");
            counters = grid.getMap(MAP);
        }
    }

    /** Whether other members' Hazelcast can load the charge without the application: the jar on --addlibs. */
    private boolean gridLoadsChargeItself() {
        try {
            Class.forName(ChargeProcessor.class.getName(), false, grid.getConfig().getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError | RuntimeException e) {
            return false;
        }
    }

    /**
     * Runs {@code creation} on a plain thread. Payara ties a grid structure created inside an application
     * invocation to that application and re-enters its context (a CDI lookup with a stack walk) around
     * every operation on it, so that a member can load the application's classes: measured at half the
     * partition thread's time per charge. With the charge's classes on Payara Micro's own class path
     * (--addlibs) none of that is needed.
     */
    private static <T> T outsideApplication(Supplier<T> creation) {
        // Payara keeps the current invocation in an inheritable thread local: the new thread must not inherit it.
        return CompletableFuture.supplyAsync(creation,
                task -> new Thread(null, task, "portcullis-grid-setup", 0, false).start()).join();
    }

    /**
     * Charges one request of {@code subject}. Null only when the store failed and
     * {@code ratelimit.fail-open} is set: then the request goes through unmetered and without headers.
     */
    public Decision charge(String subject, String tenantId, Limits limits) {
        long now = clock.millis();
        try {
            long[] encoded = counters.executeOnKey(subject, new ChargeProcessor(limits, now, null));
            if (encoded == null) {
                long[] persisted = ledger.persisted(subject, Counter.epochDay(now));
                encoded = counters.executeOnKey(subject, new ChargeProcessor(limits, now, persisted));
            }
            ledger.charged(subject, tenantId,
                    Arrays.copyOfRange(encoded, Decision.ENCODED_LENGTH, encoded.length));
            return Decision.decode(encoded, limits);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Rate-limit store failed; " + (failOpen ? "admitting" : "refusing") + " the request", e);
            if (failOpen) {
                return null;
            }
            throw new RateLimitUnavailable();
        }
    }

    /** Throws 429 while the address is over its failed-authentication budget. */
    public void refuseIfBlocked(String address) {
        long wait = blockedFor(address);
        if (wait > 0) {
            throw new RateLimitExceeded(wait);
        }
    }

    /**
     * Counts a refused credential or failed login of {@code address}; what to throw: the refusal
     * itself, or 429 once that was one too many.
     */
    public RuntimeException refused(String address, RuntimeException refusal) {
        long wait = authenticationFailed(address);
        return wait > 0 ? new RateLimitExceeded(wait) : refusal;
    }

    /** Seconds the address must still wait after too many failed authentications, or 0. */
    long blockedFor(String address) {
        Long until = blocked.get(address);
        if (until == null) {
            return 0;
        }
        long left = until - clock.millis();
        if (left <= 0) {
            blocked.remove(address, until);
            return 0;
        }
        return Math.max(1, (left + 999) / 1000);
    }

    /** Counts a failed authentication from {@code address}; the seconds to wait if that was one too many, else 0. */
    private long authenticationFailed(String address) {
        long now = clock.millis();
        Limits limits = new Limits(failedAuthPerMinute, failedAuthPerDay);
        try {
            long[] encoded = counters.executeOnKey(FAILED_AUTH + address,
                    new ChargeProcessor(limits, now, Counter.fresh(Counter.epochDay(now), 0, 0)));
            Decision decision = Decision.decode(encoded, limits);
            if (decision.admitted()) {
                return 0;
            }
            if (blocked.size() >= MAX_BLOCKED) {
                // Many addresses at once (a distributed attack): forget the expired blocks first.
                blocked.values().removeIf(until -> until <= now);
            }
            blocked.put(address, now + decision.retryAfter() * 1000);
            return decision.retryAfter();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Rate-limit store failed while counting a failed authentication", e);
            return 0;
        }
    }

    public long nowEpochSecond() {
        return Math.floorDiv(clock.millis(), 1000);
    }

    /** Current counters of these subjects, for usage reports and {@code last_used_at}. */
    public Map<String, long[]> current(Collection<String> subjects) {
        return subjects.isEmpty() ? Map.of() : counters.getAll(Set.copyOf(subjects));
    }

}
