package dev.portcullis.identities.entity;

import dev.portcullis.access.Environment;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A customer of the tenant's, as the tenant knows it ({@code externalId}), whose keys share its limits:
 * every request of any of its keys is charged to the identity's limits as well as the key's own.
 */
@Entity
@Table(name = "identities")
public class Identity {

    @Id
    private String id;
    @Column(name = "tenant_id")
    private String tenantId;
    private String environment;
    @Column(name = "external_id")
    private String externalId;
    private String meta;
    @Column(name = "per_minute")
    private Long perMinute;
    @Column(name = "per_day")
    private Long perDay;
    /** JSON array of {name, limit, duration}. */
    @Column(name = "named_limits")
    private String namedLimits;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected Identity() {
    }

    public Identity(String id, String tenantId, Environment environment, String externalId, Instant now) {
        this.id = id;
        this.tenantId = tenantId;
        this.environment = environment.value();
        this.externalId = externalId;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public void describe(String externalId, String meta, Instant now) {
        this.externalId = externalId;
        this.meta = meta;
        updatedAt = now;
    }

    /** Either number may be null: no such window. */
    public void limitTo(Long perMinute, Long perDay, String namedLimits, Instant now) {
        this.perMinute = perMinute;
        this.perDay = perDay;
        this.namedLimits = namedLimits;
        updatedAt = now;
    }

    public boolean isVisibleTo(String tenantId, Environment viewer) {
        return this.tenantId.equals(tenantId) && (viewer == Environment.LIVE || environment().equals(viewer));
    }

    public String id() {
        return id;
    }

    public String tenantId() {
        return tenantId;
    }

    public Environment environment() {
        return Environment.of(environment).orElseThrow();
    }

    public String externalId() {
        return externalId;
    }

    public String meta() {
        return meta;
    }

    public Long perMinute() {
        return perMinute;
    }

    public Long perDay() {
        return perDay;
    }

    public String namedLimits() {
        return namedLimits;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
