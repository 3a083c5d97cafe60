package dev.portcullis.webhooks;

import static dev.portcullis.testing.Portcullis.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.testing.DatabaseIndependent;
import dev.portcullis.testing.OwnServer;
import dev.portcullis.testing.Portcullis;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An event raised just before a crash is delivered after the restart: the outbox row is written with
 * what caused the event, so {@code kill -9} right after the answer loses nothing. The worker looks for
 * deliveries only once an hour before the crash, so the event cannot have gone out before it. H2 only:
 * the outbox row is committed with its cause, and that commits survive a crash on PostgreSQL is
 * {@code AcknowledgedChangesSurviveACrashIT}'s.
 */
@DatabaseIndependent
class WebhookAfterCrashIT {

    @RegisterExtension
    static final OwnServer SERVER = OwnServer.withSettings("webhook-crash", Map.of(
            "WEBHOOKS_ALLOW_PRIVATE_DESTINATIONS", "true",
            "WEBHOOKS_ALLOW_HTTP", "true",
            "WEBHOOKS_POLL_INTERVAL", "PT1H"));

    @Test
    void anEventRaisedJustBeforeAKillIsDeliveredAfterTheRestart() throws Exception {
        Portcullis portcullis = SERVER.portcullis();
        var tenant = portcullis.newTenant();
        try (Receiver receiver = Receiver.answeringOk()) {
            WebhooksIT.register(portcullis, tenant.adminKey(), receiver.url(), "key.created");
            String keyId = portcullis.newKey(tenant.adminKey(), "{\"name\":\"before the crash\",\"role\":\"member\"}").string("id");

            assertTrue(receiver.received().isEmpty(), "nothing went out before the crash: " + receiver.summary());
            SERVER.server().killAndRestartWith(Map.of("WEBHOOKS_POLL_INTERVAL", "PT0.5S"));

            Receiver.Received request = receiver.awaitType("key.created", Duration.ofSeconds(60));
            assertEquals(keyId, request.data().getString("key_id"));
            assertEquals(1, receiver.received().size(), receiver.summary().toString());
            expect(portcullis.get("/v1/keys/" + keyId, tenant.adminKey()), 200);
        }
    }
}
