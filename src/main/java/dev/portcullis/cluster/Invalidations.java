package dev.portcullis.cluster;

import dev.portcullis.database.Transactions;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Owns the {@link NodeCache}s of this node and drops their entries on every node of the Data Grid.
 * The drop runs on all members ({@link EveryNode}) and is awaited, so when {@link #invalidate} returns no
 * node will serve the old entry again.
 */
@ApplicationScoped
public class Invalidations {

    private static final String DROP = "drop-cached";

    @Inject
    EveryNode everyNode;

    @Inject
    Transactions reads;

    @Inject
    MetricRegistry metrics;

    @Resource
    TransactionSynchronizationRegistry transactions;

    private final Map<String, NodeCache<?>> caches = new ConcurrentHashMap<>();

    @PostConstruct
    void joinGrid() {
        everyNode.register(DROP, this::dropHere);
    }

    public <V> NodeCache<V> cache(String name, int maxEntries) {
        @SuppressWarnings("unchecked")
        NodeCache<V> cache = (NodeCache<V>) caches.computeIfAbsent(name, n -> {
            NodeCache<V> created = new NodeCache<V>(n, maxEntries, reads);
            metrics.gauge("portcullis.cache.lookups", created::hits, new Tag("cache", n), new Tag("result", "hit"));
            metrics.gauge("portcullis.cache.lookups", created::misses, new Tag("cache", n), new Tag("result", "miss"));
            return created;
        });
        return cache;
    }

    /**
     * Drops one entry on every node once the current transaction commits (at once when there is
     * none). Dropping before the commit would let another node re-read and cache the old row.
     */
    public void invalidate(NodeCache<?> cache, String key) {
        afterCommit(() -> everyNode.run(DROP, cache.name() + "\n" + key));
    }

    /** Runs {@code change} once the current transaction commits, at once when there is none, never after a rollback. */
    public void afterCommit(Runnable change) {
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            change.run();
            return;
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    change.run();
                }
            }
        });
    }

    private void dropHere(String cacheAndKey) {
        int split = cacheAndKey.indexOf('\n');
        NodeCache<?> cache = caches.get(cacheAndKey.substring(0, split));
        if (cache != null) {
            cache.drop(cacheAndKey.substring(split + 1));
        }
    }
}
