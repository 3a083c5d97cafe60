package dev.portcullis.sessions.control;

import dev.portcullis.access.Environment;
import dev.portcullis.ratelimit.control.FailedAuthentications;
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

    /** What a login or refresh hands out. */
    public record Issued(String accessToken, String refreshToken, long expiresIn, User user) {
    }

    @Transactional(dontRollbackOn = InvalidCredentials.class)
    public Issued login(String email, String password, String tenantId, Environment environment, String clientAddress) {
        failures.refuseIfBlocked(clientAddress);
        // Checked whether or not the tenant exists, so that a malformed address says nothing about the tenant.
        EmailAddress address = EmailAddress.of(email);
        Optional<User> found = tenants.find(tenantId).filter(Tenant::isActive)
                .flatMap(tenant -> users.findByEmail(tenant.id(), address));
        if (found.isEmpty() || found.get().isDisabled() || found.get().isLocked(clock.instant())) {
            passwords.verifyNothing(password);
            throw failed(clientAddress);
        }
        User user = found.get();
        if (!passwords.verify(password, user.passwordHash())) {
            users.locked(user).loginFailed(clock.instant(), lockoutThreshold, lockoutBase, lockoutMax);
            throw failed(clientAddress);
        }
        user.loginSucceeded();
        if (passwords.needsRehash(user.passwordHash())) {
            user.rehash(passwords.hash(password));
        }
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

    private RuntimeException failed(String clientAddress) {
        return failures.refused(clientAddress, new InvalidCredentials());
    }
}
