package dev.portcullis.webhooks.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One event on its way to one endpoint: the outbox row, written with what caused the event, and the
 * record of its attempts. The body is fixed when the event is raised, so every attempt sends the same
 * bytes (only the signature's time changes).
 */
@Entity
@Table(name = "webhook_deliveries")
public class Delivery {

    /** Where a delivery stands: waiting for its next attempt, answered with a 2xx, or given up. */
    public enum Status {
        PENDING("pending"), DELIVERED("delivered"), FAILED("failed");

        private final String value;

        Status(String value) {
            this.value = value;
        }

        public String value() {
            return value;
        }
    }

    @Id
    private String id;
    @Column(name = "webhook_id")
    private String webhookId;
    @Column(name = "tenant_id")
    private String tenantId;
    @Column(name = "event_id")
    private String eventId;
    @Column(name = "event_type")
    private String eventType;
    private String body;
    private String status;
    private int attempts;
    @Column(name = "next_attempt_at")
    private Instant nextAttemptAt;
    @Column(name = "last_status_code")
    private Integer lastStatusCode;
    @Column(name = "last_error")
    private String lastError;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected Delivery() {
    }

    public Delivery(String id, Webhook webhook, String eventId, String eventType, String body, Instant now) {
        this.id = id;
        this.webhookId = webhook.id();
        this.tenantId = webhook.tenantId();
        this.eventId = eventId;
        this.eventType = eventType;
        this.body = body;
        this.status = Status.PENDING.value();
        this.nextAttemptAt = now;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** An attempt answered with a 2xx. */
    public void delivered(int statusCode, Instant now) {
        attempted(statusCode, null, now);
        status = Status.DELIVERED.value();
        nextAttemptAt = null;
    }

    /** An attempt that failed ({@code statusCode} null: no answer); {@code next} null: the last one. */
    public void failed(Integer statusCode, String error, Instant next, Instant now) {
        attempted(statusCode, error, now);
        if (next == null) {
            status = Status.FAILED.value();
            nextAttemptAt = null;
        } else {
            nextAttemptAt = next;
        }
    }

    private void attempted(Integer statusCode, String error, Instant now) {
        attempts++;
        lastStatusCode = statusCode;
        lastError = error == null || error.length() <= 500 ? error : error.substring(0, 500);
        updatedAt = now;
    }

    public String id() {
        return id;
    }

    public String webhookId() {
        return webhookId;
    }

    public String tenantId() {
        return tenantId;
    }

    public String eventId() {
        return eventId;
    }

    public String eventType() {
        return eventType;
    }

    public String body() {
        return body;
    }

    public String status() {
        return status;
    }

    public int attempts() {
        return attempts;
    }

    public Instant nextAttemptAt() {
        return nextAttemptAt;
    }

    public Integer lastStatusCode() {
        return lastStatusCode;
    }

    public String lastError() {
        return lastError;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
