package dev.portcullis.cluster;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.portcullis.database.Transactions;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * A read-through cache held on one node, kept correct across nodes by {@link Invalidations}: whoever
 * changes a row calls {@code invalidations.invalidate(cacheName, key)} after its transaction commits,
 * and every node has dropped the entry before that call returns. Bounded by Caffeine's W-TinyLFU, which
 * keeps the entries in use when full instead of starting over (a storm of loads at a large active key set).
 *
 * <p>A load that overlaps an invalidation of the same cache is used for its own request but not
 * stored, so a row read just before a revoke can never be cached after it.
 */
public final class NodeCache<V> {

    private final String name;
    private final Transactions transactions;
    /** Evicting on the writing thread: the bound holds when a write returns, and no pool thread is needed. */
    private final Cache<String, V> entries;
    private final AtomicLong invalidations = new AtomicLong();

    NodeCache(String name, int maxEntries, Transactions transactions) {
        this.name = name;
        this.transactions = transactions;
        this.entries = Caffeine.newBuilder().maximumSize(maxEntries).executor(Runnable::run).recordStats().build();
    }

    public String name() {
        return name;
    }

    public Optional<V> get(String key, Function<String, Optional<V>> load) {
        return get(key, () -> { }, load);
    }

    /** The same, running {@code beforeLoad} (which may throw) only when the entry must be loaded. */
    public Optional<V> get(String key, Runnable beforeLoad, Function<String, Optional<V>> load) {
        V cached = entries.getIfPresent(key);
        if (cached != null) {
            return Optional.of(cached);
        }
        beforeLoad.run();
        long before = invalidations.get();
        Optional<V> loaded = transactions.within(() -> load.apply(key));
        if (loaded.isPresent() && invalidations.get() == before) {
            entries.put(key, loaded.get());
            if (invalidations.get() != before) {
                entries.invalidate(key);
            }
        }
        return loaded;
    }

    /** Lookups answered from the cache and those that had to load, since the start. */
    public long hits() {
        return entries.stats().hitCount();
    }

    public long misses() {
        return entries.stats().missCount();
    }

    void drop(String key) {
        invalidations.incrementAndGet();
        entries.invalidate(key);
    }
}
