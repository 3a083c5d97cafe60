package dev.portcullis.webhooks.control;

import dev.portcullis.audit.entity.AuditEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.Map;

/**
 * Turns the audit records that are webhook events into outbox rows. The audit trail fires each record
 * inside the transaction of the change it records, and this observer is synchronous, so the event's
 * rows commit or roll back with the change itself: a revoked key always has its {@code key.revoked},
 * and a change that failed none.
 */
@ApplicationScoped
public class ChangeEvents {

    /** The audit actions that are events, and the name of their target in the event's data. */
    private static final Map<String, Map.Entry<EventType, String>> EVENTS = Map.of(
            "key.created", Map.entry(EventType.KEY_CREATED, "key_id"),
            "key.rolled", Map.entry(EventType.KEY_ROLLED, "key_id"),
            "key.revoked", Map.entry(EventType.KEY_REVOKED, "key_id"),
            "user.locked", Map.entry(EventType.USER_LOCKED, "user_id"),
            "session.reuse_detected", Map.entry(EventType.SESSION_REUSE_DETECTED, "user_id"));

    @Inject
    Outbox outbox;

    void recorded(@Observes AuditEvent record) {
        Map.Entry<EventType, String> event = EVENTS.get(record.action());
        if (event == null || record.tenantId() == null) {
            return;
        }
        outbox.raise(record.tenantId(), event.getKey(), data(record, event.getValue()));
    }

    /**
     * The target by its name, who acted, and the record's fields (the request's changes, or a security
     * event's details); never a secret, which the audit trail never holds.
     */
    static JsonObject data(AuditEvent record, String target) {
        JsonObjectBuilder data = Json.createObjectBuilder();
        if (record.changes() != null) {
            try (var reader = Json.createReader(new StringReader(record.changes()))) {
                data.addAll(Json.createObjectBuilder(reader.readObject()));
            }
        }
        data.add(target, record.targetId() == null ? JsonValue.NULL : Json.createValue(record.targetId()));
        data.add("actor_type", record.actorType());
        data.add("actor_id", record.actorId() == null ? JsonValue.NULL : Json.createValue(record.actorId()));
        return data.build();
    }
}
