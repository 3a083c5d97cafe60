package dev.portcullis.cluster;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import com.hazelcast.core.IExecutorService;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.Serializable;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs a task on every node of the Data Grid and waits for each: what a node must do when any node
 * changes something (drop a cached entry, write out what it holds). Tasks are registered by name on each
 * node; what travels is the name and one text argument, never application state.
 */
@ApplicationScoped
public class EveryNode {

    private static final Logger LOG = Logger.getLogger(EveryNode.class.getName());
    static final String USER_CONTEXT_KEY = "portcullis.every-node";
    private static final String EXECUTOR = "portcullis-every-node";
    private static final long WAIT_SECONDS = 5;

    @Inject
    HazelcastInstance grid;

    private final Map<String, Consumer<String>> tasks = new ConcurrentHashMap<>();

    @PostConstruct
    void joinGrid() {
        grid.getUserContext().put(USER_CONTEXT_KEY, this);
    }

    public void register(String name, Consumer<String> task) {
        tasks.put(name, task);
    }

    /** Runs {@code name} here and on every other node, and returns when each has (or after a bounded wait). */
    public void run(String name, String argument) {
        runHere(name, argument);
        IExecutorService executor = grid.getExecutorService(EXECUTOR);
        executor.submitToAllMembers(new Run(name, argument)).forEach((member, done) -> {
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

    /** What each member runs: finds its own node's task by name. */
    static final class Run implements Callable<Boolean>, Serializable, HazelcastInstanceAware {

        private static final long serialVersionUID = 1L;
        private final String name;
        private final String argument;
        private transient HazelcastInstance member;

        Run(String name, String argument) {
            this.name = name;
            this.argument = argument;
        }

        @Override
        public void setHazelcastInstance(HazelcastInstance member) {
            this.member = member;
        }

        @Override
        public Boolean call() {
            if (member.getUserContext().get(USER_CONTEXT_KEY) instanceof EveryNode node) {
                node.runHere(name, argument);
                return true;
            }
            return false;
        }
    }
}
