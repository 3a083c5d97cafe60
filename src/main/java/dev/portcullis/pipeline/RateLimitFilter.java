package dev.portcullis.pipeline;

import dev.portcullis.access.Caller;
import dev.portcullis.access.Cost;
import dev.portcullis.ratelimit.control.RateLimitExceeded;
import dev.portcullis.ratelimit.grid.Decision;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Charges every authenticated request what its method costs ({@link Cost}, 1 by default), and puts the
 * rate-limit headers on the response, whatever its status.
 */
@Provider
@ApplicationScoped
@Priority(FilterOrder.RATE_LIMIT)
public class RateLimitFilter implements ContainerRequestFilter, ContainerResponseFilter {

    private final Map<Method, Integer> costByMethod = new ConcurrentHashMap<>();

    @Context
    ResourceInfo resource;

    @Inject
    Caller caller;

    @Inject
    Admission admission;

    @Inject
    Clock clock;

    @Override
    public void filter(ContainerRequestContext request) {
        if (!caller.isAuthenticated()) {
            return;
        }
        Passage passage = Passage.of(request);
        Decision decision = admission.charge(passage.presented, passage.home,
                costByMethod.computeIfAbsent(resource.getResourceMethod(), RateLimitFilter::cost));
        passage.decision = decision;
        if (decision != null && !decision.admitted()) {
            throw new RateLimitExceeded(decision.retryAfter());
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Decision decision = Passage.of(request).decision;
        if (decision == null) {
            return;
        }
        // Strings, not numbers: Jersey would look up a header converter for every value.
        MultivaluedMap<String, Object> headers = response.getHeaders();
        headers.putSingle("X-RateLimit-Limit", Long.toString(decision.limit()));
        headers.putSingle("X-RateLimit-Remaining", Long.toString(decision.remaining()));
        headers.putSingle("X-RateLimit-Reset", Long.toString(decision.reset()));
        headers.putSingle("RateLimit-Policy", decision.limits().policy());
        headers.putSingle("RateLimit", decision.rateLimitField(Math.floorDiv(clock.millis(), 1000)));
        if (!decision.admitted()) {
            headers.putSingle(HttpHeaders.RETRY_AFTER, Long.toString(decision.retryAfter()));
        }
    }

    /** The method's declared cost, else its class's, else 1 (checked at deployment by {@link AccessControl}). */
    static int cost(Method method) {
        Cost cost = method.isAnnotationPresent(Cost.class) ? method.getAnnotation(Cost.class)
                : method.getDeclaringClass().getAnnotation(Cost.class);
        return cost == null ? 1 : cost.value();
    }
}
