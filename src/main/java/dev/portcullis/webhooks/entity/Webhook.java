package dev.portcullis.webhooks.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/** An endpoint of a tenant's that is sent the events it subscribed to, signed with its secret. */
@Entity
@Table(name = "webhooks")
public class Webhook {

    @Id
    private String id;
    @Column(name = "tenant_id")
    private String tenantId;
    private String url;
    /** Event names, comma-separated. */
    private String events;
    /** The signing secret as stored: sealed when an encryption key is set ({@code dev.portcullis.sealing.Seal}). */
    private String secret;
    private boolean enabled = true;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected Webhook() {
    }

    public Webhook(String id, String tenantId, String url, Set<String> events, String storedSecret, Instant now) {
        this.id = id;
        this.tenantId = tenantId;
        this.url = url;
        this.events = String.join(",", events);
        this.secret = storedSecret;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public void pointTo(String url, Instant now) {
        this.url = url;
        updatedAt = now;
    }

    public void subscribe(Set<String> events, Instant now) {
        this.events = String.join(",", events);
        updatedAt = now;
    }

    public void enable(boolean enabled, Instant now) {
        this.enabled = enabled;
        updatedAt = now;
    }

    public boolean wants(String event) {
        return enabled && events().contains(event);
    }

    public String id() {
        return id;
    }

    public String tenantId() {
        return tenantId;
    }

    public String url() {
        return url;
    }

    public Set<String> events() {
        return new LinkedHashSet<>(Arrays.asList(events.split(",")));
    }

    public String storedSecret() {
        return secret;
    }

    public void storeSecretAs(String stored) {
        this.secret = stored;
    }

    public boolean enabled() {
        return enabled;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
