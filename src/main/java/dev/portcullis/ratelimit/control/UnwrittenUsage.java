package dev.portcullis.ratelimit.control;

import dev.portcullis.ratelimit.entity.DailyUsage;
import dev.portcullis.ratelimit.grid.Decide;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The day counts this node has charged and not written yet. Each subject has one holder that stays while
 * the subject keeps being charged, and a charge copies its counts into it: it allocates nothing. A record
 * per charge kept until the next write lived for seconds, survived young collections, and at a hundred
 * thousand active keys made each of G1's pauses copy megabytes (15 ms against 4–6 ms for the bare
 * endpoint, bench/scale.sh's latency phase). Counts are raised, never lowered: charges of one subject may
 * arrive out of order.
 *
 * <p>A scheduled drain takes only the rows that are due: a subject's count has risen by at least
 * {@code dueAfterRequests} since it was last written, or a drain found it changed {@code dueAfter} ago or
 * earlier. At a hundred thousand keys charged a few times a minute each, writing every changed row every
 * few seconds was nearly one row per request (bench/scale.sh: 0.93× of the 1,000-key throughput, 1.5 ms
 * added at p99); now a quiet key's row is written about once per {@code dueAfter}, a busy key's at every
 * drain as before. A drain on demand (a stop, a usage read) takes every changed row.
 */
final class UnwrittenUsage {

    /** A usage row to write: one subject's counts of one UTC day. */
    record Row(String subject, String tenantId, long day, long allowed, long refused, long lastUsedMillis) {

        String id() {
            return DailyUsage.id(subject, day);
        }

        /** The two counts of the same row together: each the higher. */
        Row with(Row other) {
            return new Row(subject, tenantId, day, Math.max(allowed, other.allowed), Math.max(refused, other.refused),
                    Math.max(lastUsedMillis, other.lastUsedMillis));
        }
    }

    /** One subject's unwritten counts of its newest day; guarded by itself. */
    private static final class Holder {

        private final String subject;
        private final String tenantId;
        private long day = Long.MIN_VALUE;
        private long allowed;
        private long refused;
        private long lastUsedMillis;
        private boolean changed;
        /** When a drain last took its row: the idle time counts from then (a changed holder is never let go). */
        private long changedAtMillis;
        /** Allowed and refused of {@code day} as last written (or handed to be written). */
        private long written;
        /** When a drain first found it changed and not due; {@link #NOT_WAITING} when it has no change waiting. */
        private long waitingSinceMillis = NOT_WAITING;
        /** Taken out of the map: a charge that finds it so starts a new holder. */
        private boolean dropped;

        Holder(String subject, String tenantId) {
            this.subject = subject;
            this.tenantId = tenantId;
        }

        Row row() {
            return new Row(subject, tenantId, day, allowed, refused, lastUsedMillis);
        }

        boolean isDue(long nowMillis, long afterRequests, long afterMillis) {
            return allowed + refused - written >= afterRequests
                    || waitingSinceMillis != NOT_WAITING && nowMillis - waitingSinceMillis >= afterMillis;
        }
    }

    private static final long NOT_WAITING = Long.MIN_VALUE;

    private final Map<String, Holder> holders = new ConcurrentHashMap<>();
    /** Rows not held by a holder: a day its subject moved on from before it was written, a failed write. */
    private final Map<String, Row> carried = new ConcurrentHashMap<>();
    private final long keptIdleMillis;
    private final long dueAfterRequests;
    private final long dueAfterMillis;

    /**
     * {@code keptIdle}: how long a subject's holder stays without being charged; {@code dueAfterRequests}
     * and {@code dueAfter}: when a scheduled drain takes a changed row ({@link #drainDue}).
     */
    UnwrittenUsage(Duration keptIdle, long dueAfterRequests, Duration dueAfter) {
        this.keptIdleMillis = keptIdle.toMillis();
        this.dueAfterRequests = dueAfterRequests;
        this.dueAfterMillis = dueAfter.toMillis();
    }

    /** A subject's day state as a charge answered it ({@link Decide}'s day layout). */
    void charged(String subject, String tenantId, long[] state) {
        long day = state[Decide.DAY];
        while (true) {
            Holder holder = holders.get(subject);
            if (holder == null) {
                holder = holders.computeIfAbsent(subject, s -> new Holder(s, tenantId));
            }
            synchronized (holder) {
                if (holder.dropped) {
                    continue;
                }
                if (day < holder.day) {
                    carry(new Row(subject, tenantId, day, state[Decide.DAY_ALLOWED], state[Decide.DAY_REFUSED],
                            state[Decide.LAST_USED_MILLIS]));
                    return;
                }
                if (day > holder.day) {
                    if (holder.changed) {
                        carry(holder.row());
                    }
                    // A new day starts from nothing written. A new holder's subject had everything written
                    // when its last holder was let go (or was read from the database): all but this charge.
                    boolean fresh = holder.day == Long.MIN_VALUE;
                    holder.day = day;
                    holder.allowed = 0;
                    holder.refused = 0;
                    holder.written = fresh ? Math.max(0, state[Decide.DAY_ALLOWED] + state[Decide.DAY_REFUSED] - 1) : 0;
                }
                holder.allowed = Math.max(holder.allowed, state[Decide.DAY_ALLOWED]);
                holder.refused = Math.max(holder.refused, state[Decide.DAY_REFUSED]);
                holder.lastUsedMillis = Math.max(holder.lastUsedMillis, state[Decide.LAST_USED_MILLIS]);
                holder.changed = true;
                return;
            }
        }
    }

    /**
     * Hands everything charged since the last drain to {@code write}, at most {@code chunk} rows at a
     * time; from then on it counts as written. A subject's row is taken when the walk reaches it, so a
     * charge during the walk may go out now or with the next drain. Holders not charged for longer than
     * kept at {@code nowMillis} are let go. If {@code write} fails, the rows it was given come back and the
     * rest stay unwritten for the next drain.
     */
    void drain(long nowMillis, int chunk, Consumer<Collection<Row>> write) {
        drain(nowMillis, chunk, true, write);
    }

    /**
     * As {@link #drain}, but of the changed rows only those due: risen by {@code dueAfterRequests} since
     * last written, or waiting since a drain at least {@code dueAfter} before {@code nowMillis}. Rows a
     * day change or a failed write left behind always go.
     */
    void drainDue(long nowMillis, int chunk, Consumer<Collection<Row>> write) {
        drain(nowMillis, chunk, false, write);
    }

    private void drain(long nowMillis, int chunk, boolean all, Consumer<Collection<Row>> write) {
        Map<String, Row> rows = new HashMap<>();
        for (String id : carried.keySet()) {
            Row row = carried.remove(id);
            if (row != null) {
                rows = collect(rows, row, chunk, write);
            }
        }
        for (Holder holder : holders.values()) {
            Row row = null;
            synchronized (holder) {
                if (holder.changed && (all || holder.isDue(nowMillis, dueAfterRequests, dueAfterMillis))) {
                    row = holder.row();
                    holder.changed = false;
                    holder.changedAtMillis = nowMillis;
                    holder.written = holder.allowed + holder.refused;
                    holder.waitingSinceMillis = NOT_WAITING;
                } else if (holder.changed) {
                    if (holder.waitingSinceMillis == NOT_WAITING) {
                        holder.waitingSinceMillis = nowMillis;
                    }
                } else if (nowMillis - holder.changedAtMillis > keptIdleMillis) {
                    holder.dropped = true;
                    holders.remove(holder.subject, holder);
                }
            }
            if (row != null) {
                rows = collect(rows, row, chunk, write);
            }
        }
        if (!rows.isEmpty()) {
            hand(rows, write);
        }
    }

    /** {@code row} added to the chunk being filled; a full chunk written and a new one begun. */
    private Map<String, Row> collect(Map<String, Row> rows, Row row, int chunk, Consumer<Collection<Row>> write) {
        // A carried row and a held one may be the same row: one statement may not change a row twice.
        rows.merge(row.id(), row, Row::with);
        if (rows.size() < chunk) {
            return rows;
        }
        hand(rows, write);
        return new HashMap<>();
    }

    private void hand(Map<String, Row> rows, Consumer<Collection<Row>> write) {
        try {
            write.accept(rows.values());
        } catch (RuntimeException e) {
            rows.values().forEach(this::carry); // not written: the next drain has them again
            throw e;
        }
    }

    /** How many subjects have a holder now. */
    int holders() {
        return holders.size();
    }

    private void carry(Row row) {
        carried.merge(row.id(), row, Row::with);
    }
}
