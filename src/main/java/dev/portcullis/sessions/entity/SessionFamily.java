package dev.portcullis.sessions.entity;

import dev.portcullis.access.Environment;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One login and every refresh token descended from it; revoking it ends them all and its access tokens. */
@Entity
@Table(name = "session_families")
public class SessionFamily {

    @Id
    private String id;
    @Column(name = "tenant_id")
    private String tenantId;
    @Column(name = "user_id")
    private String userId;
    private String environment;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "expires_at")
    private Instant expiresAt;
    @Column(name = "revoked_at")
    private Instant revokedAt;
    @Column(name = "revoked_why")
    private String revokedWhy;

    protected SessionFamily() {
    }

    public SessionFamily(String id, String tenantId, String userId, Environment environment, Instant now, Instant expiresAt) {
        this.id = id;
        this.tenantId = tenantId;
        this.userId = userId;
        this.environment = environment.value();
        this.createdAt = now;
        this.expiresAt = expiresAt;
    }

    public boolean isActive(Instant now) {
        return revokedAt == null && now.isBefore(expiresAt);
    }

    public void revoke(Instant now, String why) {
        if (revokedAt == null) {
            revokedAt = now;
            revokedWhy = why;
        }
    }

    public String id() {
        return id;
    }

    public String tenantId() {
        return tenantId;
    }

    public String userId() {
        return userId;
    }

    public Environment environment() {
        return Environment.of(environment).orElseThrow();
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public Instant revokedAt() {
        return revokedAt;
    }
}
