package dev.portcullis.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.database.Transactions;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class NodeCacheTest {

    @Test
    void aLoadedEntryIsServedWithoutLoadingAgain() {
        NodeCache<String> cache = new NodeCache<>("t", 10, new Transactions());
        AtomicInteger loads = new AtomicInteger();
        cache.get("a", k -> Optional.of("v" + loads.incrementAndGet()));
        assertEquals("v1", cache.get("a", k -> Optional.of("v" + loads.incrementAndGet())).orElseThrow());
        assertEquals(1, loads.get());
    }

    @Test
    void anEntryIsLoadedAgainAfterItWasDropped() {
        NodeCache<String> cache = new NodeCache<>("t", 10, new Transactions());
        cache.get("a", k -> Optional.of("old"));
        cache.drop("a");
        assertEquals("new", cache.get("a", k -> Optional.of("new")).orElseThrow());
    }

    @Test
    void aLoadOverlappingADropIsUsedOnceButNotCached() {
        NodeCache<String> cache = new NodeCache<>("t", 10, new Transactions());
        Optional<String> racing = cache.get("a", k -> {
            cache.drop("a");
            return Optional.of("read before the revoke committed");
        });
        assertEquals("read before the revoke committed", racing.orElseThrow());
        assertEquals("fresh", cache.get("a", k -> Optional.of("fresh")).orElseThrow());
    }

    @Test
    void absentRowsAreNotCached() {
        NodeCache<String> cache = new NodeCache<>("t", 10, new Transactions());
        assertTrue(cache.get("a", k -> Optional.empty()).isEmpty());
        assertEquals("created", cache.get("a", k -> Optional.of("created")).orElseThrow());
    }

    @Test
    void theCacheNeverHoldsMoreThanItsBound() {
        NodeCache<String> cache = new NodeCache<>("t", 3, new Transactions());
        for (int i = 0; i < 10; i++) {
            cache.get("k" + i, Optional::of);
        }
        AtomicInteger loads = new AtomicInteger();
        for (int i = 0; i < 10; i++) {
            cache.get("k" + i, k -> {
                loads.incrementAndGet();
                return Optional.of(k);
            });
        }
        assertTrue(loads.get() >= 7, "at most 3 entries could have been kept, loaded " + loads.get());
    }
}
