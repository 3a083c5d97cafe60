package dev.portcullis.webhooks.boundary;

import dev.portcullis.webhooks.control.Webhooks;
import dev.portcullis.webhooks.entity.Webhook;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import java.util.List;

/** An endpoint; {@code secret} only in the answer that registered it (null fields are left out). */
@JsonbPropertyOrder({"id", "url", "events", "enabled", "secret", "createdAt", "updatedAt"})
public record WebhookResponse(String id, String url, List<String> events, boolean enabled, String secret, Instant createdAt,
                              Instant updatedAt) {

    public static WebhookResponse from(Webhook webhook) {
        return from(webhook, null);
    }

    public static WebhookResponse withSecret(Webhooks.Registered registered) {
        return from(registered.webhook(), registered.secret());
    }

    private static WebhookResponse from(Webhook webhook, String secret) {
        return new WebhookResponse(webhook.id(), webhook.url(), List.copyOf(webhook.events()), webhook.enabled(), secret,
                webhook.createdAt(), webhook.updatedAt());
    }
}
