package dev.portcullis.webhooks;

import static dev.portcullis.testing.Portcullis.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.testing.PayaraMicro;
import dev.portcullis.testing.Portcullis;
import dev.portcullis.testing.TestDatabase;
import jakarta.json.JsonObject;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Webhook endpoints' signing secrets at rest, read straight from the database while a server of the
 * test's own restarts with an encryption key: a database dump must not let anyone sign events that
 * tenants' endpoints would trust. Runs in the {@code postgres} profile, where the test can read the
 * database while the server holds it.
 */
@EnabledIfSystemProperty(named = "it.db.url", matches = ".+")
class WebhookSecretsAtRestIT {

    private static final String SETTING = "SESSIONS_SIGNING_KEY_ENCRYPTION_KEY";
    private static final Duration SOON = Duration.ofSeconds(20);

    @Test
    void anEncryptionKeySealsStoredAndNewSecretsAndDeliveriesAreStillSignedWithTheSecretShownAtRegistration() throws Exception {
        Map<String, String> settings = Map.of("WEBHOOKS_ALLOW_PRIVATE_DESTINATIONS", "true", "WEBHOOKS_ALLOW_HTTP", "true",
                "WEBHOOKS_POLL_INTERVAL", "PT0.5S");
        try (PayaraMicro server = PayaraMicro.start("webhook-secrets", TestDatabase.freshWith("webhook_secrets", settings));
             Receiver receiver = Receiver.answeringOk()) {
            Portcullis portcullis = new Portcullis(server, server.printedAdminKey().orElseThrow());
            var tenant = portcullis.newTenant();
            JsonObject before = WebhooksIT.register(portcullis, tenant.adminKey(), receiver.url(), "key.created");
            assertEquals(before.getString("secret"), storedSecret(server, before.getString("id")),
                    "without the setting, secrets are stored as they were");

            String key = randomKey();
            server.restartWith(Map.of(SETTING, key));

            String sealedAtStart = storedSecret(server, before.getString("id"));
            assertTrue(sealedAtStart.startsWith("aes256gcm:") && !sealedAtStart.contains(before.getString("secret")), sealedAtStart);
            JsonObject after = WebhooksIT.register(portcullis, tenant.adminKey(), receiver.url(), "key.created");
            String sealedAtRegistration = storedSecret(server, after.getString("id"));
            assertTrue(sealedAtRegistration.startsWith("aes256gcm:") && !sealedAtRegistration.contains(after.getString("secret")),
                    sealedAtRegistration);

            for (JsonObject webhook : new JsonObject[] {before, after}) {
                String eventId = expect(portcullis.post("/v1/webhooks/" + webhook.getString("id") + "/test", tenant.adminKey(), null), 202)
                        .string("event_id");
                Receiver.Received delivered = receiver.await(request -> eventId.equals(request.eventId()), SOON, "test event " + eventId);
                assertTrue(WebhooksIT.verifies(webhook.getString("secret"), delivered), "signed with the secret shown: " + delivered.signature());
            }
            deleteSigningKeys(server); // so that only the webhooks' secrets can refuse the start below
            String refused = server.logOfRefusedRestartWith(Map.of(SETTING, ""));
            assertTrue(refused.contains("The stored secret of " + before.getString("id") + " is encrypted")
                    || refused.contains("The stored secret of " + after.getString("id") + " is encrypted"), refused);
            assertFalse(refused.contains(key), "the encryption key was logged");
        }
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private static void deleteSigningKeys(PayaraMicro server) throws Exception {
        try (var connection = server.openDatabase();
             var statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM signing_keys");
        }
    }

    private static String storedSecret(PayaraMicro server, String webhookId) throws Exception {
        try (var connection = server.openDatabase();
             var query = connection.prepareStatement("SELECT secret FROM webhooks WHERE id = ?")) {
            query.setString(1, webhookId);
            try (var rows = query.executeQuery()) {
                assertTrue(rows.next(), "no webhook " + webhookId);
                return rows.getString(1);
            }
        }
    }
}
