package dev.portcullis.security;

import dev.portcullis.errors.ApiFailure;
import dev.portcullis.errors.InvalidApiKey;
import dev.portcullis.errors.InvalidToken;
import dev.portcullis.sessions.control.AccessToken;
import dev.portcullis.sessions.control.AccessTokens;
import dev.portcullis.ratelimit.control.RateLimitExceeded;
import dev.portcullis.ratelimit.control.RateLimiter;
import dev.portcullis.keys.control.ApiKeys;
import dev.portcullis.keys.control.KeyCredential;
import dev.portcullis.keys.control.KeyFormat;
import dev.portcullis.keys.entity.KeyType;
import jakarta.annotation.Priority;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code Authorization: Bearer <credential>}: API keys are recognised by their prefix, checked by
 * checksum and found by hash; JWTs are verified by signature. Either way the result is the one
 * {@link Caller}. Every reason to refuse a key gives the same 401. Refused credentials are counted per
 * client address; an address with too many gets 429 instead of any further lookup, so keys cannot be
 * guessed.
 */
@Provider
@ApplicationScoped
@Priority(Priorities.AUTHENTICATION)
public class AuthenticationFilter implements ContainerRequestFilter {

    private enum Access { NONE, OPTIONAL, REQUIRED }

    private static final String BEARER = "Bearer ";
    private final Map<Method, Access> accessByMethod = new ConcurrentHashMap<>();

    @Context
    ResourceInfo resource;

    @Inject
    Caller caller;

    @Inject
    KeyFormat format;

    @Inject
    ApiKeys keys;

    @Inject
    RateLimiter limiter;

    @Inject
    AccessTokens accessTokens;

    @Override
    public void filter(ContainerRequestContext request) {
        Access access = accessByMethod.computeIfAbsent(resource.getResourceMethod(), AuthenticationFilter::access);
        if (access == Access.NONE) {
            return;
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null && access == Access.OPTIONAL) {
            return;
        }
        try {
            authenticate(bearer(header));
        } catch (RateLimitExceeded blocked) {
            throw blocked;
        } catch (ApiFailure refused) {
            throw header == null ? refused : limiter.refused(caller.clientAddressText(), refused);
        }
        request.setSecurityContext(new CallerSecurityContext(caller, Boolean.TRUE.equals(request.getProperty(TransportFilter.SECURE))));
    }

    /**
     * A value with a key prefix is an API key, a value shaped like a JWT (three parts) one of our
     * tokens; anything else is refused as an invalid API key, which is what a client presenting junk
     * or another server's key most likely holds.
     */
    private void authenticate(String credential) {
        if (format.claimsToBeKey(credential) || !shapedLikeJwt(credential)) {
            KeyCredential key = keys.authenticate(credential, this::unlessBlocked).orElseThrow(InvalidApiKey::new);
            caller.apiKey(key.keyId(), key.tenantId(), key.role(), key.scopes(), key.environment(),
                    key.type() == KeyType.TENANT, key.limits(), key.allowlist());
        } else {
            AccessToken token = accessTokens.authenticate(credential, this::unlessBlocked);
            Role role = Role.of(token.role()).orElseThrow(InvalidToken::new);
            Environment environment = Environment.of(token.environment()).orElseThrow(InvalidToken::new);
            caller.session(token, token.getSubject(), token.tenantId(), role, environment);
        }
    }

    /**
     * An address over its failed-authentication budget gets 429 instead of any lookup or signature
     * check. Credentials this node has already verified still work: blocking stops guessing, not the
     * legitimate clients behind the same address.
     */
    private void unlessBlocked() {
        limiter.refuseIfBlocked(caller.clientAddressText());
    }

    private static boolean shapedLikeJwt(String credential) {
        int first = credential.indexOf('.');
        int second = first < 0 ? -1 : credential.indexOf('.', first + 1);
        return second > 0 && credential.indexOf('.', second + 1) < 0;
    }

    private static String bearer(String header) {
        if (header == null || header.length() <= BEARER.length()
                || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw new InvalidApiKey();
        }
        return header.substring(BEARER.length()).strip();
    }

    private static Access access(Method method) {
        Class<?> type = method.getDeclaringClass();
        if (method.isAnnotationPresent(Unauthenticated.class) || type.isAnnotationPresent(Unauthenticated.class)) {
            return Access.NONE;
        }
        if (method.isAnnotationPresent(PermitAll.class) || type.isAnnotationPresent(PermitAll.class)) {
            return Access.OPTIONAL;
        }
        return Access.REQUIRED;
    }
}
