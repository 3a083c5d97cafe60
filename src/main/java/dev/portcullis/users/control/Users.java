package dev.portcullis.users.control;

import dev.portcullis.Ids;
import dev.portcullis.Page;
import dev.portcullis.cluster.Invalidations;
import dev.portcullis.cluster.NodeCache;
import dev.portcullis.errors.Conflict;
import dev.portcullis.errors.NotFound;
import dev.portcullis.errors.ValidationFailed;
import dev.portcullis.security.Environment;
import dev.portcullis.security.Role;
import dev.portcullis.users.entity.User;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.text.Normalizer;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

@ApplicationScoped
public class Users {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,255}\\.[^@\\s.]{1,63}");

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

    /** Trimmed, NFC, lower case: the form emails are stored, compared and shown in. */
    public static String normalizedEmail(String email) {
        if (email == null) {
            throw new ValidationFailed("email", "email is required");
        }
        String normalized = Normalizer.normalize(email.strip(), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        if (normalized.length() > 320 || !EMAIL.matcher(normalized).matches()) {
            throw new ValidationFailed("email", "email is not a valid address");
        }
        return normalized;
    }

    /** The hot-path read for session callers. */
    public Optional<UserState> state(String userId) {
        return cache.get(userId, id -> Optional.ofNullable(em.find(User.class, id)).map(UserState::from));
    }

    public User create(String tenantId, String email, String password, Role role, Environment environment) {
        String normalized = normalizedEmail(email);
        String hash = passwords.hash(Passwords.acceptable(password));
        if (findByEmail(tenantId, normalized).isPresent()) {
            throw new Conflict("A user with this email exists in this tenant");
        }
        User user = new User(Ids.next("user"), tenantId, normalized, hash, role, environment, clock.instant());
        em.persist(user);
        return user;
    }

    public Optional<User> findByEmail(String tenantId, String normalizedEmail) {
        return em.createNamedQuery(User.BY_EMAIL, User.class).setParameter("tenant", tenantId)
                .setParameter("email", normalizedEmail).getResultList().stream().findFirst();
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

    public void changed(User user) {
        invalidations.invalidate(cache, user.id());
    }

    private void endSessions(User user) {
        sessionsEnded.fire(new SessionsEnded(user.id()));
        changed(user);
    }
}
