package dev.portcullis.ratelimit.control;

import dev.portcullis.OnRequestPath;
import dev.portcullis.cluster.EveryNode;
import dev.portcullis.database.Database;
import dev.portcullis.ratelimit.entity.DailyUsage;
import dev.portcullis.ratelimit.grid.Decide;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps the database's day counts and last uses in step with the Data Grid counters, in batches: each
 * node remembers the newest day state it was answered for each subject and UTC day it charged and writes
 * those that are due every {@code ratelimit.flush-interval} (risen by {@code ratelimit.flush-after-requests}
 * or waiting {@code ratelimit.flush-max-delay}), never once per request, and all of them when the
 * application stops and on every node before usage is read. Keyed by day, so that a subject's first request of a new
 * day cannot replace the old day's last unwritten count. Writing needs no Data Grid call, so it also works
 * while the grid shuts down. Counts are raised, never lowered, so nodes writing the same subject cannot
 * undo each other.
 */
@OnRequestPath
public class UsageLedger {

    private static final Logger LOG = Logger.getLogger(UsageLedger.class.getName());
    private static final String FLUSH = "flush-usage";
    private static final int CHUNK = 250;
    private static final long MAX_PAUSE_MILLIS = 100;

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    @ConfigProperty(name = "ratelimit.flush-interval", defaultValue = "PT5S")
    Duration flushInterval;

    @Inject
    @ConfigProperty(name = "ratelimit.flush-after-requests", defaultValue = "10")
    long flushAfterRequests;

    @Inject
    @ConfigProperty(name = "ratelimit.flush-max-delay", defaultValue = "PT60S")
    Duration flushMaxDelay;

    /**
     * What this node has charged and not written. A subject charged at least once a minute keeps its
     * holder rather than getting a new one each time.
     */
    private UnwrittenUsage unwritten;
    private ScheduledFuture<?> scheduled;
    /** One flush at a time: a flush on demand must not return while a scheduled one still holds rows. */
    private final ReentrantLock flushing = new ReentrantLock();
    /** Set at stop: a scheduled flush that had already begun then leaves the rows to the stop's flush. */
    private volatile boolean stopped;

    @Inject
    EveryNode everyNode;

    @PostConstruct
    void settle() {
        if (flushAfterRequests < 1 || flushMaxDelay.isNegative() || flushInterval.isNegative() || flushInterval.isZero()) {
            throw new IllegalArgumentException("ratelimit.flush-interval (RATELIMIT_FLUSH_INTERVAL) must be positive,"
                    + " ratelimit.flush-after-requests (RATELIMIT_FLUSH_AFTER_REQUESTS) at least 1 and"
                    + " ratelimit.flush-max-delay (RATELIMIT_FLUSH_MAX_DELAY) not negative");
        }
        unwritten = new UnwrittenUsage(Duration.ofMinutes(1), flushAfterRequests, flushMaxDelay);
    }

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        everyNode.register(FLUSH, ignored -> flush());
        long every = flushInterval.toMillis();
        scheduled = scheduler.scheduleWithFixedDelay(this::flushSpread, every, every, TimeUnit.MILLISECONDS);
    }

    /** Before the application context goes: by the time of {@code @PreDestroy} the DataSource is gone. */
    void stop(@Observes @BeforeDestroyed(ApplicationScoped.class) Object stopping) {
        stopped = true;
        if (scheduled != null) {
            scheduled.cancel(false);
        }
        flush();
    }

    public void charged(String subject, String tenantId, long[] state) {
        if (tenantId != null) {
            unwritten.charged(subject, tenantId, state);
        }
    }

    /** The persisted counts of a subject for a day, as a fresh counter state. */
    public long[] persisted(String subject, long epochDay) {
        DailyUsage usage = em.find(DailyUsage.class, DailyUsage.id(subject, epochDay));
        if (usage == null) {
            return Decide.day(epochDay, 0, 0, 0);
        }
        long lastUsed = usage.lastUsedAt() == null ? 0 : usage.lastUsedAt().toEpochMilli(); // the counters' "never" is 0
        return Decide.day(epochDay, usage.allowed(), usage.refused(), lastUsed);
    }

    /**
     * When each of these subjects was last admitted, as written so far (the live counters may be ahead):
     * its newest usage row that has a last use, found through the (subject, day) index.
     */
    public Map<String, Instant> lastUsed(Collection<String> subjects) {
        if (subjects.isEmpty()) {
            return Map.of();
        }
        Map<String, Instant> lastUsed = new HashMap<>();
        em.createQuery("""
                        select u from DailyUsage u where u.subjectId in :subjects and u.day =
                            (select max(n.day) from DailyUsage n where n.subjectId = u.subjectId and n.lastUsedAt is not null)""",
                        DailyUsage.class)
                .setParameter("subjects", subjects)
                .getResultList()
                .forEach(usage -> lastUsed.put(usage.subjectId(), usage.lastUsedAt()));
        return lastUsed;
    }

    /**
     * Writes the counts of every subject charged here since the last flush, at once: before usage is
     * read, and when the application stops. A scheduled flush under way stops pausing and finishes first.
     */
    public void flush() {
        flushing.lock();
        try {
            drain(0, true);
        } finally {
            flushing.unlock();
        }
    }

    /**
     * The scheduled flush, spread out: before each chunk after the first it waits three times as long as
     * the chunk before took (at most {@value #MAX_PAUSE_MILLIS} ms, in all at most half the interval),
     * unless a flush on demand waits for the lock. Written in one burst, a hundred thousand active keys'
     * rows kept PostgreSQL and this thread busy for a fifth of a second every interval while the requests
     * of that moment queued for the cores: on two shared cores that burst was the largest part of the
     * latency bench/scale.sh measures at p99.
     */
    private void flushSpread() {
        flushing.lock();
        try {
            if (!stopped) {
                drain(flushInterval.toNanos() / 2, false);
            }
        } finally {
            flushing.unlock();
        }
    }

    /** {@code all}: every changed row, else those due. */
    private void drain(long pausesNanos, boolean all) {
        Pacing pacing = new Pacing(pausesNanos);
        Consumer<Collection<UnwrittenUsage.Row>> write = rows -> pacing.paced(() -> write(rows));
        try {
            if (all) {
                unwritten.drain(clock.millis(), CHUNK, write);
            } else {
                unwritten.drainDue(clock.millis(), CHUNK, write);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not write usage counts; will retry", e);
        }
    }

    /** The pauses between one flush's chunks, out of {@code leftNanos} in all. */
    private final class Pacing {

        private long leftNanos;
        private long lastChunkNanos;

        Pacing(long leftNanos) {
            this.leftNanos = leftNanos;
        }

        void paced(Runnable chunk) {
            long pause = Math.min(3 * lastChunkNanos, Math.min(leftNanos, TimeUnit.MILLISECONDS.toNanos(MAX_PAUSE_MILLIS)));
            if (pause > 0 && !flushing.hasQueuedThreads()) {
                leftNanos -= pause;
                LockSupport.parkNanos(pause);
            }
            long began = System.nanoTime();
            chunk.run();
            lastChunkNanos = System.nanoTime() - began;
        }
    }

    /**
     * One chunk in one statement and transaction. Plain JDBC with portable SQL rather than JPA: this
     * also runs while the application stops, when the container's EntityManager can no longer be used.
     * Never called inside a JTA transaction.
     */
    private void write(Collection<UnwrittenUsage.Row> rows) {
        long now = clock.millis();
        try {
            Database.patiently(dataSource, connection -> write(connection, rows, now));
        } catch (SQLException e) {
            // A row inserted meanwhile by another node ends up here too; the next flush updates it.
            throw new IllegalStateException("Could not write usage counts", e);
        }
    }

    /**
     * Each chunk is one statement whatever its size: the rows travel as arrays and MERGE raises or
     * inserts each (standard SQL that H2 and PostgreSQL 15+ both run). At a hundred thousand active
     * keys a flush writes tens of thousands of rows: one statement per chunk instead of one or two per
     * row. A key's last use goes in the same row, not in {@code api_keys}: see migration V11.
     */
    private static final String RAISE_OR_INSERT = """
            MERGE INTO usage_daily u
            USING (SELECT * FROM UNNEST(CAST(? AS VARCHAR ARRAY), CAST(? AS VARCHAR ARRAY), CAST(? AS VARCHAR ARRAY),
                                        CAST(? AS BIGINT ARRAY), CAST(? AS BIGINT ARRAY), CAST(? AS BIGINT ARRAY),
                                        CAST(? AS BIGINT ARRAY))
                   AS v (id, subject_id, tenant_id, usage_day, allowed, refused, last_used_at)) v
            ON u.id = v.id
            WHEN MATCHED THEN UPDATE SET allowed = GREATEST(u.allowed, v.allowed), refused = GREATEST(u.refused, v.refused),
                                         last_used_at = GREATEST(u.last_used_at, v.last_used_at), updated_at = ?
            WHEN NOT MATCHED THEN INSERT (id, subject_id, tenant_id, usage_day, allowed, refused, last_used_at, updated_at)
                                  VALUES (v.id, v.subject_id, v.tenant_id, v.usage_day, v.allowed, v.refused, v.last_used_at, ?)""";

    private static void write(Connection connection, Collection<UnwrittenUsage.Row> rows, long now) throws SQLException {
        connection.setAutoCommit(false);
        try (PreparedStatement raise = connection.prepareStatement(RAISE_OR_INSERT)) {
            writeChunk(connection, rows, now, raise);
            connection.commit();
        } catch (SQLException e) {
            try {
                connection.rollback();
            } catch (SQLException rollback) {
                e.addSuppressed(rollback); // a broken connection fails both: the first failure is the news
            }
            throw e;
        }
    }

    private static void writeChunk(Connection connection, Collection<UnwrittenUsage.Row> rows, long now,
                                   PreparedStatement raise) throws SQLException {
        int n = rows.size();
        String[] ids = new String[n];
        String[] subjects = new String[n];
        String[] tenants = new String[n];
        Long[] days = new Long[n];
        Long[] allowed = new Long[n];
        Long[] refused = new Long[n];
        Long[] lastUsed = new Long[n];
        int i = 0;
        for (UnwrittenUsage.Row row : rows) {
            ids[i] = row.id();
            subjects[i] = row.subject();
            tenants[i] = row.tenantId();
            days[i] = row.day();
            allowed[i] = row.allowed();
            refused[i] = row.refused();
            lastUsed[i] = row.lastUsedMillis() > 0 ? row.lastUsedMillis() : null; // GREATEST skips NULL
            i++;
        }
        raise.setArray(1, connection.createArrayOf("VARCHAR", ids));
        raise.setArray(2, connection.createArrayOf("VARCHAR", subjects));
        raise.setArray(3, connection.createArrayOf("VARCHAR", tenants));
        raise.setArray(4, connection.createArrayOf("BIGINT", days));
        raise.setArray(5, connection.createArrayOf("BIGINT", allowed));
        raise.setArray(6, connection.createArrayOf("BIGINT", refused));
        raise.setArray(7, connection.createArrayOf("BIGINT", lastUsed));
        raise.setLong(8, now);
        raise.setLong(9, now);
        raise.executeUpdate();
    }

    /**
     * Usage rows of a tenant between two UTC days (inclusive), after every node has written what it
     * holds. Call it outside a transaction: the writes manage their own.
     */
    public List<DailyUsage> forTenant(String tenantId, long fromDay, long toDay) {
        everyNode.run(FLUSH, "");
        return em.createQuery("""
                        select u from DailyUsage u where u.tenantId = :tenant and u.day between :from and :to
                        order by u.day, u.subjectId""", DailyUsage.class)
                .setParameter("tenant", tenantId)
                .setParameter("from", fromDay)
                .setParameter("to", toDay)
                .getResultList();
    }
}
