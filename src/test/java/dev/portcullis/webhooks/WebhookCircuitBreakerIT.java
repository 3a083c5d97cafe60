package dev.portcullis.webhooks;

import static dev.portcullis.testing.Portcullis.expect;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.testing.DatabaseIndependent;
import dev.portcullis.testing.OwnServer;
import dev.portcullis.testing.Portcullis;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The delivery call's {@code @CircuitBreaker}: receivers that give no answer at all (a refused
 * connection) open it, the node then stops calling out (deliveries fail at once with the breaker named,
 * the receiver is not even asked), and after the delay a receiver that answers closes it again. A server
 * of its own, with the breaker's volume and delay made small through MicroProfile Config: an open breaker
 * is per process and would hold up the other webhook tests on the shared server. The breaker is about calls
 * out, not storage: H2 only.
 */
@DatabaseIndependent
class WebhookCircuitBreakerIT {

    private static final String METHOD = "dev.portcullis.webhooks.control.Courier.post";
    private static final String BREAKER = "DEV_PORTCULLIS_WEBHOOKS_CONTROL_COURIER_POST_CIRCUITBREAKER_";

    @RegisterExtension
    static final OwnServer SERVER = OwnServer.withSettings("webhook-breaker", Map.of(
            "WEBHOOKS_ALLOW_PRIVATE_DESTINATIONS", "true",
            "WEBHOOKS_ALLOW_HTTP", "true",
            "WEBHOOKS_POLL_INTERVAL", "PT0.2S",
            "WEBHOOKS_RETRY_BASE", "PT1S",
            BREAKER + "REQUESTVOLUMETHRESHOLD", "4",
            BREAKER + "DELAY", "3000"));

    @Test
    void receiversThatGiveNoAnswerOpenTheBreakerAndOneThatAnswersClosesItAfterTheDelay() throws Exception {
        Portcullis portcullis = SERVER.portcullis();
        var tenant = portcullis.newTenant();
        double opened = portcullis.metric("base", "ft_circuitbreaker_opened_total", "method", METHOD);
        String webhookId = WebhooksIT.register(portcullis, tenant.adminKey(),
                "http://127.0.0.1:" + aClosedPort() + "/hooks", "key.created").getString("id");

        for (int i = 0; i < 8; i++) {
            expect(portcullis.post("/v1/webhooks/" + webhookId + "/test", tenant.adminKey(), null), 202);
        }
        JsonObject refused = WebhooksIT.awaitDelivery(portcullis, tenant.adminKey(), webhookId,
                row -> !row.isNull("error") && row.getString("error").contains("circuit breaker open"), "refused by the open breaker");
        assertTrue(refused.isNull("status_code"), refused.toString());
        assertTrue(portcullis.metric("base", "ft_circuitbreaker_opened_total", "method", METHOD) > opened,
                "calls without an answer opened it");

        try (Receiver receiver = Receiver.answeringOk()) {
            expect(portcullis.patch("/v1/webhooks/" + webhookId, tenant.adminKey(), "{\"url\":\"" + receiver.url() + "\"}"), 200);
            // Refused at once while the breaker is open, retried after 1 s, 2 s, …: through once its delay is over.
            String eventId = expect(portcullis.post("/v1/webhooks/" + webhookId + "/test", tenant.adminKey(), null), 202)
                    .string("event_id");
            receiver.await(request -> eventId.equals(request.eventId()), Duration.ofSeconds(30), "the event after the delay");
        }
    }

    private static int aClosedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
