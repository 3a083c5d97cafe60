package dev.portcullis.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One entry of the audit trail: a change made through the API or a security event. Written once and
 * never changed; nothing in it is a secret (request fields marked secret are named, not valued).
 */
@Entity
@Table(name = "audit_events")
public class AuditEvent {

    /** Who acted: a key, a signed-in user, or nobody known (a failed login). */
    public enum ActorType {
        API_KEY("api_key"), USER("user"), ANONYMOUS("anonymous");

        private final String value;

        ActorType(String value) {
            this.value = value;
        }

        public String value() {
            return value;
        }
    }

    @Id
    private String id;
    @Column(name = "occurred_at")
    private Instant occurredAt;
    @Column(name = "tenant_id")
    private String tenantId;
    private String action;
    @Column(name = "actor_type")
    private String actorType;
    @Column(name = "actor_id")
    private String actorId;
    @Column(name = "actor_tenant_id")
    private String actorTenantId;
    @Column(name = "target_id")
    private String targetId;
    @Column(name = "client_address")
    private String clientAddress;
    @Column(name = "request_id")
    private String requestId;
    /** JSON object: the request's fields and their new values. */
    private String changes;

    protected AuditEvent() {
    }

    /**
     * @param actorTenantId the actor's own tenant when it is not {@code tenantId} (a platform admin
     *                      acting with {@code X-Tenant-ID}), else null
     */
    public AuditEvent(String id, Instant occurredAt, String tenantId, String action, ActorType actorType, String actorId,
                      String actorTenantId, String targetId, String clientAddress, String requestId, String changes) {
        this.id = id;
        this.occurredAt = occurredAt;
        this.tenantId = tenantId;
        this.action = action;
        this.actorType = actorType.value();
        this.actorId = actorId;
        this.actorTenantId = actorTenantId;
        this.targetId = targetId;
        this.clientAddress = clientAddress;
        this.requestId = requestId;
        this.changes = changes;
    }

    public String id() {
        return id;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public String tenantId() {
        return tenantId;
    }

    public String action() {
        return action;
    }

    public String actorType() {
        return actorType;
    }

    public String actorId() {
        return actorId;
    }

    public String actorTenantId() {
        return actorTenantId;
    }

    public String targetId() {
        return targetId;
    }

    public String clientAddress() {
        return clientAddress;
    }

    public String requestId() {
        return requestId;
    }

    public String changes() {
        return changes;
    }
}
