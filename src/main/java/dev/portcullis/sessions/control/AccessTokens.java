package dev.portcullis.sessions.control;

import dev.portcullis.OnRequestPath;
import dev.portcullis.sessions.entity.SessionFamily;
import dev.portcullis.users.control.Users;
import dev.portcullis.users.entity.User;
import jakarta.inject.Inject;
import jakarta.json.Json;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Issues and verifies access tokens. A token whose signature was verified once on this node is
 * remembered (by its exact text) until it expires, so repeat requests skip the RSA verification;
 * the user's "not before" and the session family are still checked on every request.
 */
@OnRequestPath
public class AccessTokens {

    private static final int MAX_REMEMBERED = 100_000;

    @Inject
    SigningKeys keys;

    @Inject
    Users users;

    @Inject
    SessionFamilies families;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.issuer", defaultValue = "portcullis")
    String issuer;

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.audiences", defaultValue = "portcullis-api")
    String audience;

    @Inject
    @ConfigProperty(name = "sessions.access-token.ttl", defaultValue = "PT1H")
    Duration ttl;

    private final Map<String, AccessToken> verified = new ConcurrentHashMap<>();

    public long ttlSeconds() {
        return ttl.toSeconds();
    }

    public String issue(User user, SessionFamily family) {
        Instant now = clock.instant();
        var claims = Json.createObjectBuilder()
                .add("iss", issuer)
                .add("aud", audience)
                .add("sub", user.id())
                .add("upn", user.email())
                .add(AccessToken.TENANT_ID, user.tenantId())
                .add(AccessToken.ROLE, user.role().value())
                .add("groups", Json.createArrayBuilder(user.role().groups()))
                .add(AccessToken.ENVIRONMENT, family.environment().value())
                .add(AccessToken.SESSION_ID, family.id())
                .add("iat", now.getEpochSecond())
                .add(AccessToken.ISSUED_AT_MILLIS, now.toEpochMilli())
                .add("exp", now.plus(ttl).getEpochSecond())
                .add("jti", UUID.randomUUID().toString())
                .build();
        return Jwt.sign(claims, keys.signingKid(), keys.signingKey());
    }

    /**
     * The hot path for session callers: signature (once per token per node), expiry, user, family.
     * {@code beforeVerifying} runs only for a token not verified here before, and may refuse by throwing.
     */
    public AccessToken authenticate(String raw, Runnable beforeVerifying) {
        Instant now = clock.instant();
        AccessToken remembered = verified.get(raw);
        boolean known = remembered != null && remembered.getExpirationTime() > now.getEpochSecond();
        if (!known) {
            beforeVerifying.run();
        }
        AccessToken token = known ? remembered : Jwt.verify(raw, keys::verifying, issuer, audience, now);
        if (token != remembered) {
            remember(raw, token);
        }
        String userId = token.getSubject();
        long issuedAt = token.issuedAtMillis();
        boolean userAccepts = users.state(userId)
                .filter(state -> state.tenantId().equals(token.tenantId()) && state.accepts(issuedAt)).isPresent();
        if (!userAccepts || !families.isAlive(token.sessionId())) {
            throw new InvalidToken();
        }
        return token;
    }

    private void remember(String raw, AccessToken token) {
        if (verified.size() >= MAX_REMEMBERED) {
            Instant now = clock.instant();
            verified.values().removeIf(t -> t.getExpirationTime() <= now.getEpochSecond());
            if (verified.size() >= MAX_REMEMBERED) {
                verified.clear();
            }
        }
        verified.put(raw, token);
    }
}
