package dev.portcullis.ratelimit.boundary;

import dev.portcullis.ratelimit.control.Decision;
import dev.portcullis.ratelimit.control.Plans;
import dev.portcullis.ratelimit.control.RateLimitExceeded;
import dev.portcullis.ratelimit.control.RateLimiter;
import dev.portcullis.security.Caller;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;

/**
 * Charges every authenticated request to its subject, with the limits of the caller's own tenant
 * (a platform admin acting for a tenant spends the platform's quota), and puts the rate-limit headers
 * on the response, whatever its status.
 */
@Provider
@ApplicationScoped
@Priority(Priorities.AUTHENTICATION + 300)
public class RateLimitFilter implements ContainerRequestFilter, ContainerResponseFilter {

    private static final String DECISION = Decision.class.getName();

    @Inject
    Caller caller;

    @Inject
    Plans plans;

    @Inject
    RateLimiter limiter;

    @Override
    public void filter(ContainerRequestContext request) {
        if (!caller.isAuthenticated()) {
            return;
        }
        Decision decision = limiter.charge(caller.subject(), caller.homeTenantId(),
                caller.limitOverride().over(plans.of(caller.homeTenant())));
        if (decision == null) {
            return;
        }
        request.setProperty(DECISION, decision);
        if (!decision.admitted()) {
            throw new RateLimitExceeded(decision.retryAfter());
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(request.getProperty(DECISION) instanceof Decision decision)) {
            return;
        }
        // Strings, not numbers: Jersey would look up a header converter for every value.
        MultivaluedMap<String, Object> headers = response.getHeaders();
        headers.putSingle("X-RateLimit-Limit", Long.toString(decision.limit()));
        headers.putSingle("X-RateLimit-Remaining", Long.toString(decision.remaining()));
        headers.putSingle("X-RateLimit-Reset", Long.toString(decision.reset()));
        headers.putSingle("RateLimit-Policy", decision.limits().policy());
        headers.putSingle("RateLimit", decision.rateLimitField(limiter.nowEpochSecond()));
        if (!decision.admitted()) {
            headers.putSingle(HttpHeaders.RETRY_AFTER, Long.toString(decision.retryAfter()));
        }
    }
}
