package dev.portcullis.cluster;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * A read-through cache held on one node, kept correct across nodes by {@link Invalidations}: whoever
 * changes a row calls {@code invalidations.invalidate(cacheName, key)} after its transaction commits,
 * and every node has dropped the entry before that call returns.
 *
 * <p>A load that overlaps an invalidation of the same cache is used for its own request but not
 * stored, so a row read just before a revoke can never be cached after it.
 */
public final class NodeCache<V> {

    private final String name;
    private final int maxEntries;
    private final ConcurrentHashMap<String, V> entries = new ConcurrentHashMap<>();
    private final AtomicLong invalidations = new AtomicLong();

    NodeCache(String name, int maxEntries) {
        this.name = name;
        this.maxEntries = maxEntries;
    }

    public String name() {
        return name;
    }

    public Optional<V> get(String key, Function<String, Optional<V>> load) {
        return get(key, () -> { }, load);
    }

    /** The same, running {@code beforeLoad} (which may throw) only when the entry must be loaded. */
    public Optional<V> get(String key, Runnable beforeLoad, Function<String, Optional<V>> load) {
        V cached = entries.get(key);
        if (cached != null) {
            return Optional.of(cached);
        }
        beforeLoad.run();
        long before = invalidations.get();
        Optional<V> loaded = load.apply(key);
        if (loaded.isPresent() && invalidations.get() == before) {
            if (entries.size() >= maxEntries) {
                // Crude but bounded: a full cache starts over rather than growing without limit.
                entries.clear();
            }
            entries.put(key, loaded.get());
            if (invalidations.get() != before) {
                entries.remove(key);
            }
        }
        return loaded;
    }

    void drop(String key) {
        invalidations.incrementAndGet();
        entries.remove(key);
    }
}
