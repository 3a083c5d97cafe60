package dev.portcullis.pipeline;

import dev.portcullis.access.Caller.Credential;
import dev.portcullis.access.Caller;
import dev.portcullis.access.Environment;
import dev.portcullis.access.Role;
import dev.portcullis.keys.control.KeyCredential;
import dev.portcullis.keys.entity.KeyType;
import dev.portcullis.net.IpAllowlist;
import dev.portcullis.ratelimit.control.LimitOverride;
import dev.portcullis.sessions.control.AccessToken;
import dev.portcullis.sessions.control.InvalidToken;
import java.util.Set;

/**
 * A verified credential: who it is, and what only the later steps of admission need of it (the key's
 * own limits, allowlist, credits, named limits, routes and identity: {@code key}, null for a session),
 * which is not the business of the resources and so not on the caller. Public only so that the CDI proxy
 * of {@link Admission}, whose methods take and return it, calls them directly rather than by reflection.
 */
public record Presented(Caller.Identity identity, LimitOverride limits, IpAllowlist allowlist, KeyCredential key) {

    static Presented key(KeyCredential key) {
        return new Presented(new Caller.Identity(Credential.API_KEY, key.keyId(), key.tenantId(), key.role(), key.scopes(),
                key.environment(), key.type() == KeyType.TENANT, null, key.externalId(), key.identityId()), key.limits(),
                key.allowlist(), key);
    }

    static Presented session(AccessToken token) {
        Role role = Role.of(token.role()).orElseThrow(InvalidToken::new);
        Environment environment = Environment.of(token.environment()).orElseThrow(InvalidToken::new);
        return new Presented(new Caller.Identity(Credential.SESSION, token.getSubject(), token.tenantId(), role, Set.of(),
                environment, false, token, null, null), LimitOverride.NONE, IpAllowlist.NONE, null);
    }
}
