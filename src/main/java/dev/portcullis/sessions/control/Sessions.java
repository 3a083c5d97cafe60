package dev.portcullis.sessions.control;

import dev.portcullis.access.Environment;
import dev.portcullis.audit.control.AuditTrail;
import dev.portcullis.ratelimit.control.FailedAuthentications;
import dev.portcullis.ratelimit.control.RateLimitExceeded;
import dev.portcullis.sessions.entity.RefreshToken;
import dev.portcullis.sessions.entity.SessionFamily;
import dev.portcullis.tenants.control.Tenants;
import dev.portcullis.tenants.entity.Tenant;
import dev.portcullis.users.control.EmailAddress;
import dev.portcullis.users.control.Passwords;
import dev.portcullis.users.control.Users;
import dev.portcullis.users.entity.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Login, refresh and logout. Every failed login looks the same from outside (same body, about the
 * same time: a miss still computes one password hash); an account locks after
 * {@code sessions.lockout.threshold} consecutive wrong passwords, for a delay that doubles with each
 * further failure; failed logins also count against the client address's failed-authentication budget.
 */
@ApplicationScoped
public class Sessions {

    @Inject
    Users users;

    @Inject
    Tenants tenants;

    @Inject
    Passwords passwords;

    @Inject
    SessionFamilies families;

    @Inject
    RefreshTokens refreshTokens;

    @Inject
    AccessTokens accessTokens;

    @Inject
    FailedAuthentications failures;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "sessions.lockout.threshold", defaultValue = "5")
    int lockoutThreshold;

    @Inject
    @ConfigProperty(name = "sessions.lockout.base-delay", defaultValue = "PT30S")
    Duration lockoutBase;

    @Inject
    @ConfigProperty(name = "sessions.lockout.max-delay", defaultValue = "PT15M")
    Duration lockoutMax;

    @Inject
    AuditTrail trail;

    /** What a login or refresh hands out. */
    public record Issued(String accessToken, String refreshToken, long expiresIn, User user) {
    }

    // The failure that exhausts the address's budget is answered 429, and still counts and is recorded.
    @Transactional(dontRollbackOn = {InvalidCredentials.class, RateLimitExceeded.class})
    public Issued login(String email, String password, String tenantId, Environment environment, String clientAddress) {
        failures.refuseIfBlocked(clientAddress);
        // Checked whether or not the tenant exists, so that a malformed address says nothing about the tenant.
        EmailAddress address = EmailAddress.of(email);
        Optional<Tenant> tenant = tenants.find(tenantId);
        Optional<User> found = tenant.filter(Tenant::isActive).flatMap(active -> users.findByEmail(active.id(), address));
        String refusal = tenant.isEmpty() ? "unknown_tenant" : !tenant.get().isActive() ? "tenant_suspended"
                : found.isEmpty() ? "unknown_user" : found.get().isDisabled() ? "user_disabled"
                : found.get().isLocked(clock.instant()) ? "user_locked" : null;
        String knownTenant = tenant.map(Tenant::id).orElse(null);
        if (refusal != null) {
            passwords.verifyNothing(password);
            loginFailed(knownTenant, found.map(User::id).orElse(null), address, refusal);
            throw failed(clientAddress);
        }
        User user = found.get();
        if (!passwords.verify(password, user.passwordHash())) {
            users.locked(user).loginFailed(clock.instant(), lockoutThreshold, lockoutBase, lockoutMax);
            loginFailed(knownTenant, user.id(), address, "wrong_password");
            if (user.isLocked(clock.instant())) {
                trail.securityEvent("user.locked", knownTenant, null, user.id(), Json.createObjectBuilder()
                        .add("locked_until", user.lockedUntil().toString()).build());
            }
            throw failed(clientAddress);
        }
        user.loginSucceeded();
        if (passwords.needsRehash(user.passwordHash())) {
            user.rehash(passwords.hash(password));
        }
        trail.securityEvent("login.succeeded", user.tenantId(), user.id(), user.id(), JsonValue.EMPTY_JSON_OBJECT);
        SessionFamily family = families.open(user.tenantId(), user.id(), environment);
        return new Issued(accessTokens.issue(user, family), refreshTokens.issue(family), accessTokens.ttlSeconds(), user);
    }

    /**
     * Spends the presented token and issues a new pair. A token spent before (reuse, or the loser of
     * a race) revokes the whole family, so the newest token of that family stops working too.
     */
    @Transactional(dontRollbackOn = InvalidRefreshToken.class)
    public Issued refresh(String raw) {
        RefreshToken token = refreshTokens.find(raw).orElseThrow(InvalidRefreshToken::new);
        SessionFamily family = families.find(token.familyId()).orElseThrow(InvalidRefreshToken::new);
        if (!family.isActive(clock.instant())) {
            throw new InvalidRefreshToken();
        }
        if (token.spentAt() != null || !refreshTokens.spend(token)) {
            families.revokeForReuse(family.id());
            trail.securityEvent("session.reuse_detected", family.tenantId(), null, family.userId(),
                    Json.createObjectBuilder().add("session_id", family.id()).build());
            throw new InvalidRefreshToken();
        }
        if (token.isIdleExpired(clock.instant())) {
            throw new InvalidRefreshToken();
        }
        User user = users.findById(family.userId()).orElseThrow(InvalidRefreshToken::new);
        boolean tenantActive = tenants.find(user.tenantId()).filter(Tenant::isActive).isPresent();
        if (user.isDisabled() || !tenantActive) {
            families.revoke(family, "user or tenant no longer active");
            throw new InvalidRefreshToken();
        }
        return new Issued(accessTokens.issue(user, family), refreshTokens.issue(family), accessTokens.ttlSeconds(), user);
    }

    @Transactional
    public void logout(String sessionId) {
        families.find(sessionId).ifPresent(family -> families.revoke(family, "logout"));
    }

    /** Recorded in the tenant's trail when the tenant exists (else the platform's), with the address tried and why it failed. */
    private void loginFailed(String tenantId, String userId, EmailAddress address, String reason) {
        trail.securityEvent("login.failed", tenantId, null, userId, Json.createObjectBuilder()
                .add("email", address.display()).add("reason", reason).build());
    }

    private RuntimeException failed(String clientAddress) {
        return failures.refused(clientAddress, new InvalidCredentials());
    }
}
