package dev.portcullis.ratelimit.control;

import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.config.InMemoryFormat;
import com.hazelcast.config.MapConfig;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import dev.portcullis.OnRequestPath;
import dev.portcullis.ratelimit.grid.EntryTask;
import dev.portcullis.ratelimit.grid.OnEntry;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Where the bucket states live and where a decision is made: one entry per subject (a key, a user, an
 * address, or an identity with all its keys), each changed in one atomic step ({@link EntryTask}: a
 * charge, an admin's change of credits).
 *
 * <p>While this node is the Data Grid's only member (the embedded default) the entries are held here
 * and decided in place, in the request's own thread: handing each decision to a partition thread costs
 * more than the decision. While there are other members they live in the grid map {@value #MAP}, each
 * decided by an entry processor on the member that owns it, so that nodes never decide on copies.
 * The switch is a handover, never two deciders at once:
 * <ul>
 * <li>a member deciding in place says so in the grid ({@value #MODE}); when a second member joins, it
 * stops deciding (new decisions wait), puts every entry into the grid map, then withdraws the claim;</li>
 * <li>a member that finds another one's claim waits for it to be withdrawn (or for that member to be
 * gone) before its first decision in the grid;</li>
 * <li>a member left alone claims in-place deciding, takes the grid map's entries (all of them are its
 * own by then), and decides in place from then on.</li>
 * </ul>
 * A split brain, where two halves each believe they are alone, decides in each half, as the grid map
 * itself would.
 */
@OnRequestPath
public class Counters {

    static final String MAP = "portcullis-rate-buckets";
    static final String MODE = "portcullis-rate-mode";
    private static final String IN_PLACE = "in-place";
    private static final Duration IDLE = Duration.ofDays(2);
    private static final Duration SWEEP_EVERY = Duration.ofHours(1);
    private static final long HANDOVER_WAIT_NANOS = TimeUnit.SECONDS.toNanos(30);
    private static final Logger LOG = Logger.getLogger(Counters.class.getName());

    @Inject
    HazelcastInstance grid;

    @Inject
    Clock clock;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private IMap<String, HashMap<String, long[]>> shared;
    private IMap<String, String> mode;
    /**
     * Entries idle for two days are dropped ({@link #dropIdle()}, hourly), here as in the grid map: their
     * day counts are in the database. A plain map rather than a cache library's: Caffeine's upkeep of an
     * expiring cache after every charge (the access recorded, a pool thread woken to drain) cost more than
     * the decision; bench/compare.sh, twice: the keyed request's CPU above bare 24.9 → 21.0 and 23.0 →
     * 22.2 µs without it (medians of 8 rounds).
     */
    private final ConcurrentHashMap<String, Held> here = new ConcurrentHashMap<>();
    private ScheduledFuture<?> sweeping;
    private final ReentrantReadWriteLock switching = new ReentrantReadWriteLock();
    private volatile boolean alone;
    /** A member that decides in place and has yet to hand its entries over, before this one may decide. */
    private volatile String awaited;

    @PostConstruct
    void open() {
        try {
            grid.getConfig().addMapConfig(new MapConfig(MAP).setInMemoryFormat(InMemoryFormat.OBJECT)
                    .setMaxIdleSeconds((int) IDLE.toSeconds()).setBackupCount(1));
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Map configuration already present", e);
        }
        if (gridLoadsChargeItself()) {
            shared = outsideApplication(() -> grid.getMap(MAP));
            mode = outsideApplication(() -> grid.getMap(MODE));
        } else {
            LOG.warning("The grid functions jar (portcullis-grid.jar) is not on Payara Micro's --addlibs: "
                    + "every charge enters the application's context on the member that owns the counter (slower)");
            shared = grid.getMap(MAP);
            mode = grid.getMap(MODE);
        }
        grid.getCluster().addMembershipListener(new MembershipListener() {
            @Override
            public void memberAdded(MembershipEvent joined) {
                handOver();
            }

            @Override
            public void memberRemoved(MembershipEvent left) {
                if (left.getMember().getUuid().toString().equals(awaited)) {
                    awaited = null;
                }
                decideInPlaceIfAlone();
            }
        });
        String claimant = mode.get(IN_PLACE);
        if (claimant != null && !claimant.equals(me()) && isMember(claimant)) {
            awaited = claimant;
        }
        decideInPlaceIfAlone();
    }

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        long every = SWEEP_EVERY.toMillis();
        sweeping = scheduler.scheduleWithFixedDelay(this::dropIdle, every, every, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes @BeforeDestroyed(ApplicationScoped.class) Object stopping) {
        if (sweeping != null) {
            sweeping.cancel(false);
        }
    }

    /** Whether this node is the grid's only member and decides in place. */
    public boolean inPlace() {
        return alone;
    }

    /**
     * Runs {@code task} on the entry {@code key} in one atomic step: in place while alone, else on the
     * entry's owner in the grid.
     */
    public <R> R run(String key, EntryTask<R> task) {
        ReentrantReadWriteLock.ReadLock read = switching.readLock();
        read.lock();
        try {
            if (alone) {
                List<R> answer = new ArrayList<>(1);
                long now = clock.millis();
                here.compute(key, (k, held) -> {
                    Held entry = held == null ? new Held(new HashMap<>(8), now) : held;
                    answer.add(task.apply(entry.states));
                    entry.touchedMillis = now;
                    return entry.states.isEmpty() ? null : entry;
                });
                return answer.get(0);
            }
            awaitHandover();
            return shared.executeOnKey(key, new OnEntry<>(task));
        } finally {
            read.unlock();
        }
    }

    /**
     * The entries of these keys as they stand, for what is read of them (last use). On a lone node these
     * are the live arrays, which charges change while they are read: read one value of a state, never two
     * that must belong together.
     */
    public Map<String, HashMap<String, long[]>> entries(Collection<String> keys) {
        if (keys.isEmpty()) {
            return Map.of();
        }
        ReentrantReadWriteLock.ReadLock read = switching.readLock();
        read.lock();
        try {
            if (!alone) {
                return shared.getAll(Set.copyOf(keys));
            }
            Map<String, HashMap<String, long[]>> entries = new HashMap<>();
            for (String key : keys) {
                Held held = here.get(key);
                if (held != null) {
                    entries.put(key, held.states);
                }
            }
            return entries;
        } finally {
            read.unlock();
        }
    }

    /** A second member joined: the entries go into the grid map before anyone decides there. */
    private void handOver() {
        ReentrantReadWriteLock.WriteLock write = switching.writeLock();
        write.lock();
        try {
            if (!alone) {
                return;
            }
            Map<String, HashMap<String, long[]>> entries = new HashMap<>();
            here.forEach((key, held) -> entries.put(key, held.states));
            shared.putAll(entries);
            here.clear();
            alone = false;
            mode.remove(IN_PLACE, me());
            LOG.info(() -> "Another member joined the Data Grid: " + entries.size() + " rate-limit entries handed to the grid");
        } finally {
            write.unlock();
        }
    }

    /** Alone now: claim in-place deciding and take the grid map's entries. */
    private void decideInPlaceIfAlone() {
        ReentrantReadWriteLock.WriteLock write = switching.writeLock();
        write.lock();
        try {
            if (alone || grid.getCluster().getMembers().size() != 1) {
                return;
            }
            mode.put(IN_PLACE, me());
            awaited = null;
            long now = clock.millis();
            for (Map.Entry<String, HashMap<String, long[]>> entry : shared.entrySet()) {
                here.put(entry.getKey(), new Held(entry.getValue(), now));
            }
            alone = true;
            LOG.info("This node is the Data Grid's only member: rate limits are decided in place");
        } finally {
            write.unlock();
        }
    }

    /**
     * Drops the entries held here that no task has run on for two days. Each is checked again under its
     * own lock, so a charge that comes in between keeps its entry.
     */
    void dropIdle() {
        long idleBefore = clock.millis() - IDLE.toMillis();
        here.forEach((key, seen) -> {
            if (seen.touchedMillis < idleBefore) {
                here.computeIfPresent(key, (k, held) -> held.touchedMillis < idleBefore ? null : held);
            }
        });
    }

    /** How many entries this node holds, for tests. */
    int held() {
        return here.size();
    }

    /** Waits (bounded) until a member that decided in place has handed its entries to the grid. */
    private void awaitHandover() {
        if (awaited == null) {
            return;
        }
        long deadline = System.nanoTime() + HANDOVER_WAIT_NANOS;
        while (awaited != null) {
            String claimant = mode.get(IN_PLACE);
            if (claimant == null || !claimant.equals(awaited) || !isMember(claimant)) {
                awaited = null;
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new RateLimitUnavailable();
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
    }

    /**
     * One subject's bucket states while held here, and when a task last ran on them: written under the
     * map's lock on the entry; read outside it only as a hint, which {@link #dropIdle()} checks under it.
     */
    private static final class Held {

        final HashMap<String, long[]> states;
        long touchedMillis;

        Held(HashMap<String, long[]> states, long touchedMillis) {
            this.states = states;
            this.touchedMillis = touchedMillis;
        }
    }

    private String me() {
        return grid.getCluster().getLocalMember().getUuid().toString();
    }

    private boolean isMember(String uuid) {
        for (Member member : grid.getCluster().getMembers()) {
            if (member.getUuid().toString().equals(uuid)) {
                return true;
            }
        }
        return false;
    }

    /** Whether other members' Hazelcast can load the charge without the application: the jar on --addlibs. */
    private boolean gridLoadsChargeItself() {
        try {
            Class.forName(OnEntry.class.getName(), false, grid.getConfig().getClassLoader());
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
}
