package dev.portcullis.webhooks.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * The one call that leaves the process: a signed POST to an endpoint. Redirects are not followed (a
 * public URL must not redirect Portcullis into its own network). Three bounds: the connection
 * ({@code webhooks.connect-timeout}), the wait for the answer's head ({@code webhooks.read-timeout}),
 * and Fault Tolerance's {@code @Timeout} on the whole call ({@code webhooks.delivery-timeout-millis}),
 * which also cuts off a receiver that answered its head and then never finishes the body.
 *
 * <p>The {@code @CircuitBreaker} is per process and shared by every endpoint: when most of the last 20
 * calls failed to get any answer (timeouts, refused connections; an HTTP error status is an answer and
 * does not count), the node stops calling out for 30 s, so that a broken network does not hold the
 * worker in timeouts. Deliveries it refuses are retried on the normal schedule. One tenant's dead
 * endpoint can open it for all only if it is most of the traffic, and then only for those 30 s.
 */
@ApplicationScoped
public class Courier {

    public static final String EVENT_ID_HEADER = "Portcullis-Event-Id";

    @Inject
    Destinations destinations;

    @Inject
    @ConfigProperty(name = "webhooks.connect-timeout", defaultValue = "PT3S")
    Duration connectTimeout;

    @Inject
    @ConfigProperty(name = "webhooks.read-timeout", defaultValue = "PT10S")
    Duration readTimeout;

    private HttpClient http;

    @PostConstruct
    void build() {
        http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /**
     * Posts {@code body} to {@code url} after checking where its host resolves now; the answer's status.
     * At the timeout, Fault Tolerance interrupts the calling thread, which ends the HTTP client's wait.
     */
    @Timeout(value = 15_000, unit = ChronoUnit.MILLIS)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.75, delay = 30_000, successThreshold = 2,
            skipOn = DestinationRefused.class)
    public int post(URI url, String eventId, String signature, String body) throws IOException, InterruptedException {
        destinations.check(url);
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(readTimeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", "Portcullis-Webhooks/1")
                .header(Signature.HEADER, signature)
                .header(EVENT_ID_HEADER, eventId)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
