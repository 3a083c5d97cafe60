package dev.portcullis.pipeline;

import dev.portcullis.OnRequestPath;
import dev.portcullis.ratelimit.grid.Decision;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

/**
 * What the pipeline decided, in the application metrics ({@code /metrics?scope=application}): requests
 * by outcome and credential, charges by result, and how long a charge takes. Tags are of low
 * cardinality only: outcomes are error codes, never tenants or keys. Counters are looked up once and
 * kept, so counting costs the request path a map lookup and an add.
 */
@OnRequestPath
public class PipelineMetrics {

    static final String REQUESTS = "portcullis.requests";
    static final String CHARGES = "portcullis.ratelimit.charges";
    static final String CHARGE_TIME = "portcullis.ratelimit.charge";

    @Inject
    MetricRegistry metrics;

    private final Map<String, Counter> requests = new ConcurrentHashMap<>();
    private Counter admitted;
    private Counter refused;
    private Counter outOfCredits;
    private Counter unmetered;
    private Counter unavailable;
    private Timer chargeTime;

    @PostConstruct
    void register() {
        admitted = metrics.counter(CHARGES, new Tag("result", "admitted"));
        refused = metrics.counter(CHARGES, new Tag("result", "rate_limited"));
        outOfCredits = metrics.counter(CHARGES, new Tag("result", "out_of_credits"));
        unmetered = metrics.counter(CHARGES, new Tag("result", "unmetered"));
        unavailable = metrics.counter(CHARGES, new Tag("result", "unavailable"));
        chargeTime = metrics.timer(CHARGE_TIME);
    }

    /** A request answered: {@code outcome} is {@code admitted} or the refusal's code. */
    public void decided(String outcome, String credential) {
        requests.computeIfAbsent(outcome + ' ' + credential,
                key -> metrics.counter(REQUESTS, new Tag("outcome", outcome), new Tag("credential", credential))).inc();
    }

    /** A charge decided in {@code nanos}; a null decision: the store failed and fail-open let it through. */
    public void charged(Decision decision, long nanos) {
        chargeTime.update(Duration.ofNanos(nanos));
        (decision == null ? unmetered : decision.admitted() ? admitted : decision.outOfCredits() ? outOfCredits : refused).inc();
    }

    public void chargeFailed() {
        unavailable.inc();
    }
}
