package dev.portcullis.database;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/** Publishes the {@link StatementCounter} counts in the application metrics ({@code /metrics?scope=application}). */
@ApplicationScoped
public class StatementMetrics {

    @Inject
    MetricRegistry metrics;

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        metrics.gauge("portcullis.db.statements", StatementCounter::duringRequests, new Tag("origin", "request"));
        metrics.gauge("portcullis.db.statements", StatementCounter::inBackground, new Tag("origin", "background"));
    }
}
