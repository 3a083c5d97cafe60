package dev.portcullis.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.hazelcast.core.HazelcastInstance;
import dev.portcullis.testing.LoopbackGrid;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Tasks run on every node, on real Hazelcast members on loopback in one JVM: each node runs a task once
 * per call, the calling node included (it had run its own twice: in the caller's thread and again as a
 * member of the grid).
 */
class EveryNodeOnRealGridMembersTest {

    private final LoopbackGrid grid = new LoopbackGrid(27950, 3);

    @AfterEach
    void stopTheMembers() {
        grid.close();
    }

    /** A node on {@code member} whose task "count" counts its runs by argument in {@code runs}. */
    private static EveryNode nodeOn(HazelcastInstance member, Map<String, AtomicInteger> runs) {
        EveryNode node = new EveryNode();
        node.grid = member;
        node.joinGrid();
        node.register("count", argument -> runs.computeIfAbsent(argument, a -> new AtomicInteger()).incrementAndGet());
        return node;
    }

    @Test
    void aLoneNodeRunsTheTaskOncePerCall() {
        Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
        EveryNode alone = nodeOn(grid.member(), runs);

        alone.run("count", "a");
        alone.run("count", "b");

        assertEquals(1, runs.get("a").get());
        assertEquals(1, runs.get("b").get());
    }

    @Test
    void everyNodeRunsTheTaskOnceAndTheCallReturnsWhenEachHas() {
        Map<String, AtomicInteger> first = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> second = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> third = new ConcurrentHashMap<>();
        EveryNode caller = nodeOn(grid.member(), first);
        nodeOn(grid.member(), second);
        nodeOn(grid.member(), third);
        assertEquals(3, grid.members().get(0).getCluster().getMembers().size());

        caller.run("count", "x");

        for (Map<String, AtomicInteger> runs : List.of(first, second, third)) {
            assertEquals(1, runs.get("x").get());
        }
    }
}
