package dev.portcullis.ratelimit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A named pair of quotas; tenants are on exactly one plan. */
@Entity
@Table(name = "plans")
public class Plan {

    public static final String FREE = "free";
    public static final String ENTERPRISE = "enterprise";

    @Id
    private String name;
    @Column(name = "per_minute")
    private long perMinute;
    @Column(name = "per_day")
    private long perDay;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected Plan() {
    }

    public Plan(String name, long perMinute, long perDay, Instant now) {
        this.name = name;
        this.perMinute = perMinute;
        this.perDay = perDay;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public void limitTo(long perMinute, long perDay, Instant now) {
        this.perMinute = perMinute;
        this.perDay = perDay;
        this.updatedAt = now;
    }

    public String name() {
        return name;
    }

    public long perMinute() {
        return perMinute;
    }

    public long perDay() {
        return perDay;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
