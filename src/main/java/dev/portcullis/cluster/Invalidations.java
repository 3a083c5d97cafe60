package dev.portcullis.cluster;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import com.hazelcast.core.IExecutorService;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.io.Serializable;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Owns the {@link NodeCache}s of this node and drops their entries on every node of the Data Grid.
 * The drop runs as a task on all members through the grid's executor and is awaited, so when
 * {@link #invalidate} returns no node will serve the old entry again.
 */
@ApplicationScoped
public class Invalidations {

    private static final Logger LOG = Logger.getLogger(Invalidations.class.getName());
    static final String USER_CONTEXT_KEY = "portcullis.invalidations";
    private static final String EXECUTOR = "portcullis-invalidations";
    private static final long WAIT_SECONDS = 5;

    @Inject
    HazelcastInstance grid;

    @Resource
    TransactionSynchronizationRegistry transactions;

    private final Map<String, NodeCache<?>> caches = new ConcurrentHashMap<>();

    @PostConstruct
    void joinGrid() {
        grid.getUserContext().put(USER_CONTEXT_KEY, this);
    }

    public <V> NodeCache<V> cache(String name, int maxEntries) {
        @SuppressWarnings("unchecked")
        NodeCache<V> cache = (NodeCache<V>) caches.computeIfAbsent(name, n -> new NodeCache<V>(n, maxEntries));
        return cache;
    }

    /**
     * Drops one entry on every node once the current transaction commits (at once when there is
     * none). Dropping before the commit would let another node re-read and cache the old row.
     */
    public void invalidate(NodeCache<?> cache, String key) {
        afterCommit(cache.name(), key);
    }

    private void afterCommit(String cacheName, String key) {
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            broadcast(cacheName, key);
            return;
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    broadcast(cacheName, key);
                }
            }
        });
    }

    void dropHere(String cacheName, String key) {
        NodeCache<?> cache = caches.get(cacheName);
        if (cache != null) {
            cache.drop(key);
        }
    }

    private void broadcast(String cacheName, String key) {
        dropHere(cacheName, key);
        IExecutorService executor = grid.getExecutorService(EXECUTOR);
        var pending = executor.submitToAllMembers(new Drop(cacheName, key));
        pending.forEach((member, done) -> {
            try {
                done.get(WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                LOG.log(Level.WARNING, "Member " + member.getAddress() + " did not confirm dropping a "
                        + cacheName + " cache entry", e);
            }
        });
    }

    /** The task each member runs; it carries only names, never cached values. */
    static final class Drop implements Callable<Boolean>, Serializable, HazelcastInstanceAware {

        private static final long serialVersionUID = 1L;
        private final String cacheName;
        private final String key;
        private transient HazelcastInstance member;

        Drop(String cacheName, String key) {
            this.cacheName = cacheName;
            this.key = key;
        }

        @Override
        public void setHazelcastInstance(HazelcastInstance member) {
            this.member = member;
        }

        @Override
        public Boolean call() {
            Object local = member.getUserContext().get(USER_CONTEXT_KEY);
            if (local instanceof Invalidations invalidations) {
                invalidations.dropHere(cacheName, key);
                return true;
            }
            return false;
        }
    }
}
