package dev.portcullis.cluster.grid;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import java.io.Serializable;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;

/**
 * Runs the task {@code name} with {@code argument} on the member it is sent to: the member's application
 * put its runner, a {@code BiConsumer} of name and argument, into the member's user context under
 * {@value #USER_CONTEXT_KEY}. False where there is none (a member whose application is not deployed).
 */
public final class RunOnNode implements Callable<Boolean>, Serializable, HazelcastInstanceAware {

    public static final String USER_CONTEXT_KEY = "portcullis.every-node";
    private static final long serialVersionUID = 1L;

    private final String name;
    private final String argument;
    private transient HazelcastInstance member;

    public RunOnNode(String name, String argument) {
        this.name = name;
        this.argument = argument;
    }

    @Override
    public void setHazelcastInstance(HazelcastInstance member) {
        this.member = member;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Boolean call() {
        if (member.getUserContext().get(USER_CONTEXT_KEY) instanceof BiConsumer<?, ?> runner) {
            ((BiConsumer<String, String>) runner).accept(name, argument);
            return true;
        }
        return false;
    }
}
