package dev.portcullis.ratelimit.control;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.config.InMemoryFormat;
import com.hazelcast.config.MapConfig;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import dev.portcullis.ratelimit.grid.EntryTask;
import dev.portcullis.ratelimit.grid.OnEntry;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
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
@ApplicationScoped
public class Counters {

    static final String MAP = "portcullis-rate-buckets";
    static final String MODE = "portcullis-rate-mode";
    private static final String IN_PLACE = "in-place";
    private static final Duration IDLE = Duration.ofDays(2);
    private static final long HANDOVER_WAIT_NANOS = TimeUnit.SECONDS.toNanos(30);
    private static final Logger LOG = Logger.getLogger(Counters.class.getName());

    @Inject
    HazelcastInstance grid;

    private IMap<String, HashMap<String, long[]>> shared;
    private IMap<String, String> mode;
    /**
     * Entries idle for two days are dropped, here as in the grid map: their day counts are in the database.
     * The cache's upkeep stays on Caffeine's pool: done in the request's thread it saved nothing measurable
     * on known keys, and the cold pass of bench/scale.sh (every key's first use) ran slower with it (539 and
     * 544 req/s against 898 without, single runs).
     */
    private final Cache<String, HashMap<String, long[]>> here = Caffeine.newBuilder().expireAfterAccess(IDLE).build();
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
                here.asMap().compute(key, (k, states) -> {
                    HashMap<String, long[]> entry = states == null ? new HashMap<>(8) : states;
                    answer.add(task.apply(entry));
                    return entry.isEmpty() ? null : entry;
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
            return alone ? here.getAllPresent(keys) : shared.getAll(Set.copyOf(keys));
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
            Map<String, HashMap<String, long[]>> entries = new HashMap<>(here.asMap());
            shared.putAll(entries);
            here.invalidateAll();
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
            for (Map.Entry<String, HashMap<String, long[]>> entry : shared.entrySet()) {
                here.put(entry.getKey(), entry.getValue());
            }
            alone = true;
            LOG.info("This node is the Data Grid's only member: rate limits are decided in place");
        } finally {
            write.unlock();
        }
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
