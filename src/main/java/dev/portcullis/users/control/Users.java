package dev.portcullis.users.control;

import dev.portcullis.Ids;
import dev.portcullis.OnRequestPath;
import dev.portcullis.access.Caller;
import dev.portcullis.access.Environment;
import dev.portcullis.access.InsufficientPermissions;
import dev.portcullis.access.Role;
import dev.portcullis.cluster.Invalidations;
import dev.portcullis.cluster.NodeCache;
import dev.portcullis.database.Page;
import dev.portcullis.errors.Conflict;
import dev.portcullis.errors.NotFound;
import dev.portcullis.errors.ValidationFailed;
import dev.portcullis.tenants.entity.Tenant;
import dev.portcullis.users.entity.User;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@OnRequestPath
public class Users {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Invalidations invalidations;

    @Inject
    Passwords passwords;

    @Inject
    Event<SessionsEnded> sessionsEnded;

    private NodeCache<UserState> cache;

    /** Fired inside the transaction that ends a user's sessions (disable, delete, new password). */
    public record SessionsEnded(String userId) {
    }

    @PostConstruct
    void createCache() {
        cache = invalidations.cache("users", 500_000);
    }

    /** The hot-path read for session callers. */
    public Optional<UserState> state(String userId) {
        return cache.get(userId, id -> Optional.ofNullable(em.find(User.class, id)).map(UserState::from));
    }

    /** An address that folds onto an existing user's ({@link EmailAddress}) is that user's: 409. */
    public User create(String tenantId, String email, String password, Role role, Environment environment) {
        EmailAddress address = EmailAddress.of(email);
        String hash = passwords.hash(Passwords.acceptable(password));
        if (findByEmail(tenantId, address).isPresent()) {
            throw new Conflict("A user with this email exists in this tenant");
        }
        User user = new User(Ids.next("user"), tenantId, address.display(), address.key(), hash, role, environment,
                clock.instant());
        em.persist(user);
        return user;
    }

    public Optional<User> findByEmail(String tenantId, EmailAddress address) {
        return em.createNamedQuery(User.BY_EMAIL_KEY, User.class).setParameter("tenant", tenantId)
                .setParameter("key", address.key()).getResultList().stream().findFirst();
    }

    public Optional<User> findById(String id) {
        return Optional.ofNullable(em.find(User.class, id));
    }

    /** The same user, read again with a row lock, for counting failed logins under concurrency. */
    public User locked(User user) {
        em.refresh(user, LockModeType.PESSIMISTIC_WRITE);
        return user;
    }

    /** A user of this tenant and environment; any other user is simply not found. */
    public User get(String tenantId, Environment environment, String id) {
        User user = em.find(User.class, id);
        if (user == null || !user.tenantId().equals(tenantId) || user.environment() != environment) {
            throw new NotFound("User");
        }
        return user;
    }

    public List<User> page(String tenantId, Environment environment, Page.Position after, int limit) {
        return Page.fetch(em, User.class, "e.tenantId = :tenant and e.environment = :environment",
                Map.of("tenant", tenantId, "environment", environment.value()), after, limit);
    }

    public void changePassword(User user, String password) {
        user.changePassword(passwords.hash(Passwords.acceptable(password)), clock.instant());
        endSessions(user);
    }

    public void changeRole(User user, Role role) {
        user.changeRole(role, clock.instant());
        changed(user);
    }

    public void disable(User user) {
        user.disable(clock.instant());
        endSessions(user);
    }

    public void enable(User user) {
        user.enable(clock.instant());
        changed(user);
    }

    public void delete(User user) {
        endSessions(user);
        em.remove(user);
    }

    /**
     * Nobody hands out or touches a role above their own; platform admins live in the platform tenant
     * only. The rule of every change a caller makes to users.
     */
    public void requireMayManage(Caller caller, Role role) {
        if (!caller.has(role)) {
            throw InsufficientPermissions.requiringRole(role.value());
        }
        if (role == Role.PLATFORM_ADMIN && !Tenant.PLATFORM_ID.equals(caller.tenantId())) {
            throw new ValidationFailed("role", "platform_admin users exist only in the platform tenant");
        }
    }

    private void changed(User user) {
        invalidations.invalidate(cache, user.id());
    }

    private void endSessions(User user) {
        sessionsEnded.fire(new SessionsEnded(user.id()));
        changed(user);
    }
}
