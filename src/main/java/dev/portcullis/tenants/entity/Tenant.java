package dev.portcullis.tenants.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "tenants")
public class Tenant {

    /** The tenant platform admins belong to; it cannot be suspended. */
    public static final String PLATFORM_ID = "tenant_platform";
    public static final String ACTIVE = "active";
    public static final String SUSPENDED = "suspended";

    @Id
    private String id;
    private String name;
    private String plan;
    private String status;
    @Column(name = "per_minute")
    private Long perMinute;
    @Column(name = "per_day")
    private Long perDay;
    @Column(name = "allowed_ips")
    private String allowedIps;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected Tenant() {
    }

    public Tenant(String id, String name, String plan, Instant now) {
        this.id = id;
        this.name = name;
        this.plan = plan;
        this.status = ACTIVE;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public boolean isActive() {
        return ACTIVE.equals(status);
    }

    public boolean isPlatform() {
        return PLATFORM_ID.equals(id);
    }

    public void suspend(Instant now) {
        if (isPlatform()) {
            throw new IllegalStateException("The platform tenant cannot be suspended");
        }
        status = SUSPENDED;
        updatedAt = now;
    }

    public void activate(Instant now) {
        status = ACTIVE;
        updatedAt = now;
    }

    public void rename(String name, Instant now) {
        this.name = name;
        updatedAt = now;
    }

    public void changePlan(String plan, Instant now) {
        this.plan = plan;
        updatedAt = now;
    }

    public void limitTo(Long perMinute, Long perDay, Instant now) {
        this.perMinute = perMinute;
        this.perDay = perDay;
        updatedAt = now;
    }

    public void allowIps(String allowedIps, Instant now) {
        this.allowedIps = allowedIps;
        updatedAt = now;
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String plan() {
        return plan;
    }

    public String status() {
        return status;
    }

    public Long perMinute() {
        return perMinute;
    }

    public Long perDay() {
        return perDay;
    }

    public String allowedIps() {
        return allowedIps;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
