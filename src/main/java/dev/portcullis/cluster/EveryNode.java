package dev.portcullis.cluster;

import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.memberselector.MemberSelectors;
import com.hazelcast.core.HazelcastInstance;
import dev.portcullis.cluster.grid.RunOnNode;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs a task on every node of the Data Grid and waits for each: what a node must do when any node
 * changes something (drop a cached entry, write out what it holds). Tasks are registered by name on each
 * node; what travels is the name and one text argument ({@link RunOnNode}), never application state.
 * This node runs the task itself, in the caller's thread; the others through the grid's executor.
 */
@ApplicationScoped
public class EveryNode {

    private static final Logger LOG = Logger.getLogger(EveryNode.class.getName());
    private static final String EXECUTOR = "portcullis-every-node";
    private static final long WAIT_SECONDS = 5;

    @Inject
    HazelcastInstance grid;

    private final Map<String, Consumer<String>> tasks = new ConcurrentHashMap<>();

    @PostConstruct
    void joinGrid() {
        grid.getUserContext().put(RunOnNode.USER_CONTEXT_KEY, (BiConsumer<String, String>) this::runHere);
    }

    public void register(String name, Consumer<String> task) {
        tasks.put(name, task);
    }

    /** Runs {@code name} here and on every other node, and returns when each has (or after a bounded wait). */
    public void run(String name, String argument) {
        runHere(name, argument);
        if (grid.getCluster().getMembers().size() < 2) {
            return;
        }
        Map<Member, Future<Boolean>> others;
        try {
            others = grid.getExecutorService(EXECUTOR).submitToMembers(new RunOnNode(name, argument),
                    MemberSelectors.NON_LOCAL_MEMBER_SELECTOR);
        } catch (RejectedExecutionException alone) {
            return; // the other members left since the count above
        }
        others.forEach((member, done) -> {
            try {
                done.get(WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                LOG.log(Level.WARNING, "Member " + member.getAddress() + " did not confirm " + name, e);
            }
        });
    }

    void runHere(String name, String argument) {
        Consumer<String> task = tasks.get(name);
        if (task != null) {
            task.accept(argument);
        }
    }
}
