package dev.portcullis.users.entity;

import dev.portcullis.access.Environment;
import dev.portcullis.access.Role;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

@Entity
@Table(name = "users")
@NamedQuery(name = User.BY_EMAIL_KEY, query = "select u from User u where u.tenantId = :tenant and u.emailKey = :key")
public class User {

    public static final String BY_EMAIL_KEY = "User.byEmailKey";

    @Id
    private String id;
    @Column(name = "tenant_id")
    private String tenantId;
    private String email;
    /** What accounts are told apart by: the address folded so that look-alikes are the same (users.control.EmailAddress). */
    @Column(name = "email_key")
    private String emailKey;
    @Column(name = "password_hash")
    private String passwordHash;
    private String role;
    private String environment;
    private boolean disabled;
    /** Access tokens issued before this instant are refused: the per-user "not before". */
    @Column(name = "tokens_valid_after")
    private Instant tokensValidAfter;
    @Column(name = "failed_logins")
    private int failedLogins;
    @Column(name = "locked_until")
    private Instant lockedUntil;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected User() {
    }

    public User(String id, String tenantId, String email, String emailKey, String passwordHash, Role role, Environment environment,
                Instant now) {
        this.id = id;
        this.tenantId = tenantId;
        this.email = email;
        this.emailKey = emailKey;
        this.passwordHash = passwordHash;
        this.role = role.value();
        this.environment = environment.value();
        this.tokensValidAfter = now;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Null when the account was never locked or its last login succeeded. */
    public Instant lockedUntil() {
        return lockedUntil;
    }

    public boolean isLocked(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    /**
     * Counts a wrong password. From the {@code threshold}-th consecutive one the account is locked,
     * for {@code base} the first time and twice as long at each further failure, up to {@code max}.
     */
    public void loginFailed(Instant now, int threshold, Duration base, Duration max) {
        failedLogins++;
        if (failedLogins >= threshold) {
            int doublings = Math.min(failedLogins - threshold, 20);
            Duration delay = base.multipliedBy(1L << doublings);
            lockedUntil = now.plus(delay.compareTo(max) > 0 ? max : delay);
        }
    }

    public void loginSucceeded() {
        failedLogins = 0;
        lockedUntil = null;
    }

    /** A new password ends every session and every access token issued so far. */
    public void changePassword(String hash, Instant now) {
        passwordHash = hash;
        tokensValidAfter = now;
        updatedAt = now;
    }

    /** Re-hashing with stronger parameters changes nothing else. */
    public void rehash(String hash) {
        passwordHash = hash;
    }

    /** Tokens carry the role they were issued with, so a new role needs new tokens. */
    public void changeRole(Role role, Instant now) {
        this.role = role.value();
        tokensValidAfter = now;
        updatedAt = now;
    }

    public void disable(Instant now) {
        disabled = true;
        tokensValidAfter = now;
        updatedAt = now;
    }

    public void enable(Instant now) {
        disabled = false;
        updatedAt = now;
    }

    public String id() {
        return id;
    }

    public String tenantId() {
        return tenantId;
    }

    public String email() {
        return email;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public Role role() {
        return Role.of(role).orElseThrow();
    }

    public Environment environment() {
        return Environment.of(environment).orElseThrow();
    }

    public boolean isDisabled() {
        return disabled;
    }

    public Instant tokensValidAfter() {
        return tokensValidAfter;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
