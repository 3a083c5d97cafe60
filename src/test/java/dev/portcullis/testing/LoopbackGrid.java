package dev.portcullis.testing;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Real Hazelcast members in this JVM, in a Data Grid of their own on loopback (ports from {@code firstPort}
 * on, TCP/IP join only, no phoning home): for plain tests of what several members do. {@link #close()}
 * terminates every member started.
 */
public final class LoopbackGrid implements AutoCloseable {

    private final String cluster = "test-" + UUID.randomUUID();
    private final int firstPort;
    private final int maxMembers;
    private final List<HazelcastInstance> members = new ArrayList<>();

    public LoopbackGrid(int firstPort, int maxMembers) {
        this.firstPort = firstPort;
        this.maxMembers = maxMembers;
    }

    /** A new member, joined to those started before it. */
    public HazelcastInstance member() {
        Config config = new Config().setClusterName(cluster);
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.socket.bind.any", "false");
        config.setProperty("hazelcast.logging.type", "jdk");
        config.getNetworkConfig().setPort(firstPort).setPortAutoIncrement(true).getInterfaces().setEnabled(true)
                .addInterface("127.0.0.1");
        JoinConfig join = config.getNetworkConfig().getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true);
        for (int port = firstPort; port < firstPort + maxMembers; port++) {
            join.getTcpIpConfig().addMember("127.0.0.1:" + port);
        }
        HazelcastInstance member = Hazelcast.newHazelcastInstance(config);
        members.add(member);
        return member;
    }

    /** The members started, in order. */
    public List<HazelcastInstance> members() {
        return List.copyOf(members);
    }

    @Override
    public void close() {
        members.forEach(member -> member.getLifecycleService().terminate());
    }
}
