package dev.portcullis.ratelimit.control;

import com.hazelcast.config.InMemoryFormat;
import com.hazelcast.config.MapConfig;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import dev.portcullis.ratelimit.grid.ChargeProcessor;
import dev.portcullis.ratelimit.grid.Counter;
import dev.portcullis.ratelimit.grid.Decision;
import dev.portcullis.ratelimit.grid.Limits;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Charges requests against the counters in the Data Grid map {@value #MAP}, one entry per subject
 * (key id, user id, or {@code ip:<address>} for {@link FailedAuthentications}). Every decision is one
 * entry-processor call on the entry's owner, so it is atomic across all nodes.
 */
@ApplicationScoped
public class RateLimiter {

    static final String MAP = "portcullis-rate-counters";
    private static final Logger LOG = Logger.getLogger(RateLimiter.class.getName());

    @Inject
    HazelcastInstance grid;

    @Inject
    Clock clock;

    @Inject
    UsageLedger ledger;

    @Inject
    @ConfigProperty(name = "ratelimit.fail-open", defaultValue = "false")
    boolean failOpen;

    private IMap<String, long[]> counters;

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
     * Charges one request of {@code subject} that costs {@code cost} units. Null only when the store failed
     * and {@code ratelimit.fail-open} is set: then the request goes through unmetered and without headers.
     */
    public Decision charge(String subject, String tenantId, Limits limits, int cost) {
        long now = clock.millis();
        try {
            long[] encoded = counters.executeOnKey(subject, new ChargeProcessor(limits, now, cost, null));
            if (encoded == null) {
                long[] persisted = ledger.persisted(subject, Counter.epochDay(now));
                encoded = counters.executeOnKey(subject, new ChargeProcessor(limits, now, cost, persisted));
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

    public long nowEpochSecond() {
        return Math.floorDiv(clock.millis(), 1000);
    }

    /** Runs {@code charge} on the entry of {@code key}, on the member that owns it. */
    long[] decide(String key, ChargeProcessor charge) {
        return counters.executeOnKey(key, charge);
    }

    /** Current counters of these subjects, for usage reports and {@code last_used_at}. */
    public Map<String, long[]> current(Collection<String> subjects) {
        return subjects.isEmpty() ? Map.of() : counters.getAll(Set.copyOf(subjects));
    }

}
