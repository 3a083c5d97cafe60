package dev.portcullis.keys.entity;

import dev.portcullis.access.Environment;
import dev.portcullis.access.Role;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

@Entity
@Table(name = "api_keys")
@NamedQuery(name = ApiKey.BY_HASH, query = "select k from ApiKey k where k.secretHash = :hash")
@NamedQuery(name = ApiKey.BY_PREVIOUS_HASH, query = "select k from ApiKey k where k.previousSecretHash = :hash")
public class ApiKey {

    public static final String BY_HASH = "ApiKey.byHash";
    public static final String BY_PREVIOUS_HASH = "ApiKey.byPreviousHash";

    @Id
    private String id;
    @Column(name = "tenant_id")
    private String tenantId;
    private String name;
    private String type;
    private String environment;
    private String role;
    @Column(name = "secret_hash")
    private String secretHash;
    private String prefix;
    private String last4;
    @Column(name = "previous_secret_hash")
    private String previousSecretHash;
    @Column(name = "previous_valid_until")
    private Instant previousValidUntil;
    private String scopes;
    @Column(name = "allowed_ips")
    private String allowedIps;
    @Column(name = "per_minute")
    private Long perMinute;
    @Column(name = "per_day")
    private Long perDay;
    @Column(name = "expires_at")
    private Instant expiresAt;
    @Column(name = "revoked_at")
    private Instant revokedAt;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    private boolean enabled = true;
    /** A JSON object of the customer's, as text. */
    private String meta;
    @Column(name = "external_id")
    private String externalId;
    @Column(name = "identity_id")
    private String identityId;
    /**
     * What remains, of which refill period, under which admin change: written at creation, afterwards only
     * by the rate limiter's ledger (every spend, before its answer), never by an update of this entity.
     */
    @Column(name = "credits_remaining", updatable = false)
    private Long creditsRemaining;
    @Column(name = "credits_period", updatable = false)
    private Long creditsPeriod;
    @Column(name = "credits_generation", updatable = false)
    private long creditsGeneration;
    @Column(name = "credits_refill")
    private String creditsRefill;
    @Column(name = "credits_refill_amount")
    private Long creditsRefillAmount;
    @Column(name = "credits_refill_day")
    private Integer creditsRefillDay;
    /** JSON array of {name, limit, duration}. */
    @Column(name = "named_limits")
    private String namedLimits;
    /** One {@code METHOD /path} pattern per line. */
    @Column(name = "allowed_routes")
    private String allowedRoutes;

    protected ApiKey() {
    }

    public ApiKey(String id, String tenantId, String name, KeyType type, Environment environment, Role role,
                  Secret secret, Instant expiresAt, Instant now) {
        this.id = id;
        this.tenantId = tenantId;
        this.name = name;
        this.type = type.value();
        this.environment = environment.value();
        this.role = role.value();
        this.secretHash = secret.hash();
        this.prefix = secret.prefix();
        this.last4 = secret.last4();
        this.expiresAt = expiresAt;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** What is kept of a key's secret: its hash and the parts shown to identify it. */
    public record Secret(String hash, String prefix, String last4) {
    }

    /** Refused with its own code while disabled; unlike revoking, this can be undone. */
    public void enable(boolean enabled, Instant now) {
        this.enabled = enabled;
        updatedAt = now;
    }

    /** The customer's own words for the key: {@code meta} a JSON object as text, {@code externalId} its owner. */
    public void describe(String meta, String externalId, Instant now) {
        this.meta = meta;
        this.externalId = externalId;
        updatedAt = now;
    }

    public void belongTo(String identityId, Instant now) {
        this.identityId = identityId;
        updatedAt = now;
    }

    /** A new key's credits, as of the refill {@code period}; later they change only where they are spent. */
    public void startCredits(long remaining, long period) {
        creditsRemaining = remaining;
        creditsPeriod = period;
    }

    /** How credits are refilled: {@code refill} NONE, DAILY or MONTHLY (null: the key has no credits). */
    public void refillCredits(String refill, Long refillAmount, Integer refillDay, Instant now) {
        creditsRefill = refill;
        creditsRefillAmount = refillAmount;
        creditsRefillDay = refillDay;
        updatedAt = now;
    }

    public void limitNamed(String namedLimits, Instant now) {
        this.namedLimits = namedLimits;
        updatedAt = now;
    }

    public void allowRoutes(String allowedRoutes, Instant now) {
        this.allowedRoutes = allowedRoutes;
        updatedAt = now;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public String meta() {
        return meta;
    }

    public String externalId() {
        return externalId;
    }

    public String identityId() {
        return identityId;
    }

    public Long creditsRemaining() {
        return creditsRemaining;
    }

    public Long creditsPeriod() {
        return creditsPeriod;
    }

    public long creditsGeneration() {
        return creditsGeneration;
    }

    public String creditsRefill() {
        return creditsRefill;
    }

    public Long creditsRefillAmount() {
        return creditsRefillAmount;
    }

    public Integer creditsRefillDay() {
        return creditsRefillDay;
    }

    public String namedLimits() {
        return namedLimits;
    }

    public String allowedRoutes() {
        return allowedRoutes;
    }

    public boolean isActive(Instant now) {
        return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
    }

    public String status(Instant now) {
        if (revokedAt != null) {
            return "revoked";
        }
        return isActive(now) ? "active" : "expired";
    }

    /** Revoking ends the current and any still-valid previous secret at once. */
    public void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
            updatedAt = now;
        }
        previousSecretHash = null;
        previousValidUntil = null;
    }

    /**
     * Replaces the secret; the old one keeps working until {@code graceUntil} (not at all when that is
     * now). A secret older than the current one is dropped immediately.
     */
    public void roll(Secret next, Instant graceUntil, Instant now) {
        boolean grace = graceUntil.isAfter(now);
        previousSecretHash = grace ? secretHash : null;
        previousValidUntil = grace ? graceUntil : null;
        secretHash = next.hash();
        prefix = next.prefix();
        last4 = next.last4();
        updatedAt = now;
    }

    public void rename(String name, Instant now) {
        this.name = name;
        updatedAt = now;
    }

    public void expireAt(Instant expiresAt, Instant now) {
        this.expiresAt = expiresAt;
        updatedAt = now;
    }

    public void restrictTo(Set<String> scopes, Instant now) {
        this.scopes = scopes.isEmpty() ? null : String.join(" ", scopes);
        updatedAt = now;
    }

    /** {@code allowedIps}: the canonical, comma-separated form; null for no restriction. */
    public void allowIps(String allowedIps, Instant now) {
        this.allowedIps = allowedIps;
        updatedAt = now;
    }

    public void limitTo(Long perMinute, Long perDay, Instant now) {
        this.perMinute = perMinute;
        this.perDay = perDay;
        updatedAt = now;
    }

    public String id() {
        return id;
    }

    public String tenantId() {
        return tenantId;
    }

    public String name() {
        return name;
    }

    public KeyType type() {
        return KeyType.of(type).orElseThrow();
    }

    public Environment environment() {
        return Environment.of(environment).orElseThrow();
    }

    public Role role() {
        return Role.of(role).orElseThrow();
    }

    public String secretHash() {
        return secretHash;
    }

    public String previousSecretHash() {
        return previousSecretHash;
    }

    public Instant previousValidUntil() {
        return previousValidUntil;
    }

    public String prefix() {
        return prefix;
    }

    public String last4() {
        return last4;
    }

    public Set<String> scopes() {
        return scopes == null ? Set.of() : new LinkedHashSet<>(Arrays.asList(scopes.split(" ")));
    }

    public String allowedIps() {
        return allowedIps;
    }

    public Long perMinute() {
        return perMinute;
    }

    public Long perDay() {
        return perDay;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public Instant revokedAt() {
        return revokedAt;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
