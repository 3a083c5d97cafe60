package dev.portcullis.webhooks.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * {@code portcullis.webhooks.deliveries} by outcome of each attempt: {@code delivered} (a 2xx),
 * {@code retrying} (failed, tried again later), {@code failed} (failed for the last time). No endpoint
 * or tenant label: those are unbounded; the deliveries themselves are at {@code /v1/webhooks/{id}/deliveries}.
 */
@ApplicationScoped
public class DeliveryMetrics {

    static final String NAME = "portcullis.webhooks.deliveries";

    @Inject
    MetricRegistry metrics;

    private Counter delivered;
    private Counter retrying;
    private Counter failed;

    @PostConstruct
    void register() {
        delivered = metrics.counter(NAME, new Tag("outcome", "delivered"));
        retrying = metrics.counter(NAME, new Tag("outcome", "retrying"));
        failed = metrics.counter(NAME, new Tag("outcome", "failed"));
    }

    public void delivered() {
        delivered.inc();
    }

    public void retrying() {
        retrying.inc();
    }

    public void failed() {
        failed.inc();
    }
}
