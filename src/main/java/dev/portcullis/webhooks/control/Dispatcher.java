package dev.portcullis.webhooks.control;

import dev.portcullis.cluster.JobLocks;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/**
 * The delivery worker. Every node looks for due deliveries every {@code webhooks.poll-interval}, but
 * only the one holding the job's lock in the Data Grid ({@link JobLocks}) sends: so rows need no claim,
 * on PostgreSQL or H2, and an endpoint never gets one event from two nodes at once. A node that dies
 * mid-batch leaves its rows pending; they are sent again by whoever runs next (at least once). Deliveries
 * go one after the other, each bounded by the {@link Courier}'s timeouts.
 */
@ApplicationScoped
public class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class.getName());
    static final String JOB = "webhook-delivery";
    private static final int BATCH = 50;

    @Inject
    Outbox outbox;

    @Inject
    Courier courier;

    @Inject
    JobLocks jobs;

    @Inject
    DeliveryMetrics metrics;

    @Inject
    Clock clock;

    /**
     * The worker's own thread. Not the server's shared scheduled executor: Fault Tolerance's timeouts
     * fire on that one, and a worker blocked in a hanging call there held back the very timer that was
     * to cut it off (measured: cut at the 10 s read timeout instead of the 2 s @Timeout).
     */
    @Resource
    ManagedThreadFactory threads;

    @Inject
    @ConfigProperty(name = "webhooks.poll-interval", defaultValue = "PT2S")
    Duration pollInterval;

    @Inject
    @ConfigProperty(name = "webhooks.retry-base", defaultValue = "PT30S")
    Duration retryBase;

    @Inject
    @ConfigProperty(name = "webhooks.retry-max-interval", defaultValue = "PT1H")
    Duration retryMaxInterval;

    @Inject
    @ConfigProperty(name = "webhooks.retry-for", defaultValue = "P1D")
    Duration retryFor;

    @Inject
    @ConfigProperty(name = "webhooks.delivery-timeout-millis", defaultValue = "15000")
    long deliveryTimeoutMillis;

    private RetrySchedule schedule;
    private ScheduledExecutorService worker;
    private volatile boolean stopping;

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        schedule = new RetrySchedule(retryBase, retryMaxInterval, retryFor);
        long every = pollInterval.toMillis();
        worker = Executors.newSingleThreadScheduledExecutor(threads);
        worker.scheduleWithFixedDelay(this::deliverDue, every, every, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes @BeforeDestroyed(ApplicationScoped.class) Object stopped) {
        stopping = true;
        if (worker != null) {
            worker.shutdownNow();
        }
    }

    /** Sends what is due, batch after batch, on one node at a time. */
    public void deliverDue() {
        // The lease outlasts a full batch of calls each cut off at the timeout, plus a margin; another batch
        // starts only within the margin, so that no second node can take the lock while this one still sends.
        Duration margin = Duration.ofMinutes(1);
        Duration lease = Duration.ofMillis(deliveryTimeoutMillis).multipliedBy(BATCH).plus(margin);
        try {
            jobs.runAlone(JOB, lease, () -> {
                long lastBatchBy = System.nanoTime() + margin.toNanos();
                List<Outbox.Due> due;
                do {
                    due = outbox.due(BATCH);
                    for (Outbox.Due delivery : due) {
                        if (stopping) {
                            return;
                        }
                        attempt(delivery);
                    }
                } while (due.size() == BATCH && System.nanoTime() - lastBatchBy < 0);
            });
        } catch (RuntimeException e) {
            // A scheduled task that throws is never run again: log, and try at the next turn.
            LOG.log(Level.WARNING, "Webhook deliveries failed; trying again in " + pollInterval, e);
        }
    }

    private void attempt(Outbox.Due delivery) {
        String signature = Signature.header(delivery.secret(), clock.instant().getEpochSecond(), delivery.body());
        Integer status = null;
        String error = null;
        try {
            status = courier.post(URI.create(delivery.url()), delivery.eventId(), signature, delivery.body());
        } catch (InterruptedException e) {
            // Fault Tolerance's @Timeout interrupts the call and then throws its TimeoutException; an
            // interrupt that arrives as such is the same timeout, seen a moment earlier.
            error = why(new TimeoutException());
        } catch (IOException | RuntimeException e) {
            error = why(e);
        } finally {
            // The timeout's interrupt must not outlive the call: the database work below would fail on it
            // (H2 even closes its file when a thread blocked in it is interrupted).
            boolean interrupted = Thread.interrupted();
            if (stopping && interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        if (stopping) {
            return;
        }
        if (error != null) {
            failed(delivery, null, error);
        } else if (status >= 200 && status < 300) {
            if (outbox.delivered(delivery.deliveryId(), status)) {
                metrics.delivered();
            }
        } else {
            failed(delivery, status, "HTTP " + status);
        }
    }

    /** What went wrong, for the delivery's {@code error}: the endpoint's admin reads it. */
    private String why(Throwable failure) {
        Throwable cause = failure;
        if (cause instanceof DestinationRefused) {
            return cause.getMessage();
        }
        if (cause instanceof TimeoutException) {
            return "no complete answer within " + deliveryTimeoutMillis + " ms";
        }
        if (cause instanceof CircuitBreakerOpenException) {
            return "not sent: too many calls from this node failed lately (circuit breaker open)";
        }
        if (cause instanceof IOException) {
            return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
        }
        LOG.log(Level.WARNING, "Webhook delivery failed unexpectedly", cause);
        return "internal error";
    }

    private void failed(Outbox.Due delivery, Integer status, String error) {
        Instant next = schedule.next(delivery.createdAt(), delivery.attempts() + 1, clock.instant()).orElse(null);
        if (outbox.failed(delivery.deliveryId(), status, error, next)) {
            if (next == null) {
                metrics.failed();
            } else {
                metrics.retrying();
            }
        }
    }
}
