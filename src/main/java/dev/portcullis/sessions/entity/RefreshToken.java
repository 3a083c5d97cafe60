package dev.portcullis.sessions.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** One refresh token of a family, stored as its SHA-256; usable once, before its idle expiry. */
@Entity
@Table(name = "refresh_tokens")
@NamedQuery(name = RefreshToken.BY_HASH, query = "select t from RefreshToken t where t.tokenHash = :hash")
public class RefreshToken {

    public static final String BY_HASH = "RefreshToken.byHash";

    @Id
    private String id;
    @Column(name = "family_id")
    private String familyId;
    @Column(name = "token_hash")
    private String tokenHash;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "idle_expires_at")
    private Instant idleExpiresAt;
    @Column(name = "spent_at")
    private Instant spentAt;

    protected RefreshToken() {
    }

    public RefreshToken(String id, String familyId, String tokenHash, Instant now, Instant idleExpiresAt) {
        this.id = id;
        this.familyId = familyId;
        this.tokenHash = tokenHash;
        this.createdAt = now;
        this.idleExpiresAt = idleExpiresAt;
    }

    public boolean isIdleExpired(Instant now) {
        return !now.isBefore(idleExpiresAt);
    }

    public String id() {
        return id;
    }

    public String familyId() {
        return familyId;
    }

    public Instant spentAt() {
        return spentAt;
    }
}
