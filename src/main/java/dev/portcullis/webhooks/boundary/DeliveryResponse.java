package dev.portcullis.webhooks.boundary;

import dev.portcullis.webhooks.entity.Delivery;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;

/**
 * One event's delivery to an endpoint. {@code outcome}: {@code pending} (not tried yet), {@code retrying}
 * (failed, tried again at {@code next_attempt_at}), {@code delivered}, {@code failed} (given up); the
 * last attempt's HTTP status and error. Every field is present, null where it does not apply.
 */
@JsonbNillable
@JsonbPropertyOrder({"id", "eventId", "eventType", "attempts", "outcome", "statusCode", "error", "nextAttemptAt", "createdAt",
        "updatedAt"})
public record DeliveryResponse(String id, String eventId, String eventType, int attempts, String outcome, Integer statusCode,
                               String error, Instant nextAttemptAt, Instant createdAt, Instant updatedAt) {

    public static DeliveryResponse from(Delivery delivery) {
        String outcome = delivery.status();
        if (Delivery.Status.PENDING.value().equals(outcome) && delivery.attempts() > 0) {
            outcome = "retrying";
        }
        return new DeliveryResponse(delivery.id(), delivery.eventId(), delivery.eventType(), delivery.attempts(), outcome,
                delivery.lastStatusCode(), delivery.lastError(), delivery.nextAttemptAt(), delivery.createdAt(), delivery.updatedAt());
    }
}
