package dev.portcullis.audit.control;

import dev.portcullis.audit.entity.AuditEvent;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.Map;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * The security events of the audit trail as counters, once their transaction committed: logins by
 * outcome, accounts locked, refresh tokens used twice.
 */
@ApplicationScoped
public class SecurityMetrics {

    @Inject
    MetricRegistry metrics;

    private Map<String, Counter> byAction;

    @PostConstruct
    void register() {
        byAction = Map.of(
                "login.succeeded", metrics.counter("portcullis.logins", new Tag("outcome", "succeeded")),
                "login.failed", metrics.counter("portcullis.logins", new Tag("outcome", "failed")),
                "user.locked", metrics.counter("portcullis.users.locked"),
                "session.reuse_detected", metrics.counter("portcullis.sessions.reuse_detected"));
    }

    void recorded(@Observes(during = TransactionPhase.AFTER_SUCCESS) AuditEvent event) {
        Counter counter = byAction.get(event.action());
        if (counter != null) {
            counter.inc();
        }
    }
}
