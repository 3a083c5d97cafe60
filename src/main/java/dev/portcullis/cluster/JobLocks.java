package dev.portcullis.cluster;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Background jobs that must run on one node at a time (a purge, a delivery worker): a lock per job name
 * in the Data Grid, taken without waiting. A node that vanishes holding one gives it up when its lease
 * runs out, or at once when the grid sees it leave.
 */
@ApplicationScoped
public class JobLocks {

    private static final Logger LOG = Logger.getLogger(JobLocks.class.getName());
    static final String MAP = "portcullis-job-locks";

    @Inject
    HazelcastInstance grid;

    /** Runs {@code job} here unless another node (or thread) runs it now; false when it did not run. */
    public boolean runAlone(String name, Duration lease, Runnable job) {
        return runAlone(grid.getMap(MAP), name, lease, job);
    }

    static boolean runAlone(IMap<String, Boolean> locks, String name, Duration lease, Runnable job) {
        boolean locked;
        try {
            locked = locks.tryLock(name, 0, TimeUnit.MILLISECONDS, lease.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
            return false;
        } catch (RuntimeException gridUnavailable) {
            LOG.log(Level.WARNING, "Could not take the lock of job " + name + "; it runs at its next turn", gridUnavailable);
            return false;
        }
        if (!locked) {
            return false;
        }
        try {
            job.run();
            return true;
        } finally {
            try {
                locks.unlock(name);
            } catch (IllegalMonitorStateException leaseRanOut) {
                LOG.warning("Job " + name + " outlasted its lease of " + lease + "; another node may have run it meanwhile");
            } catch (RuntimeException gridGone) {
                // This member is leaving the grid: the others see it go, and its locks with it.
                LOG.log(Level.FINE, "Could not give back the lock of job " + name, gridGone);
            }
        }
    }
}
