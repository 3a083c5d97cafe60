package dev.portcullis.audit.boundary;

import dev.portcullis.audit.entity.AuditEvent;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.io.StringReader;
import java.time.Instant;

/** One record of the audit trail; every field is present, null where it does not apply. */
@JsonbNillable
@JsonbPropertyOrder({"id", "occurredAt", "tenantId", "action", "actorType", "actorId", "actorTenantId", "targetId",
        "clientAddress", "requestId", "changes"})
public record AuditEventResponse(String id, Instant occurredAt, String tenantId, String action, String actorType, String actorId,
                                 String actorTenantId, String targetId, String clientAddress, String requestId,
                                 JsonObject changes) {

    public static AuditEventResponse from(AuditEvent event) {
        JsonObject changes;
        if (event.changes() == null) {
            changes = JsonObject.EMPTY_JSON_OBJECT;
        } else {
            try (var reader = Json.createReader(new StringReader(event.changes()))) {
                changes = reader.readObject();
            }
        }
        return new AuditEventResponse(event.id(), event.occurredAt(), event.tenantId(), event.action(), event.actorType(),
                event.actorId(), event.actorTenantId(), event.targetId(), event.clientAddress(), event.requestId(), changes);
    }
}
