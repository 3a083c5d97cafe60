package dev.portcullis.pipeline;

import dev.portcullis.access.Caller;
import dev.portcullis.access.Cost;
import dev.portcullis.access.UsesLimit;
import dev.portcullis.errors.ValidationFailed;
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
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Charges every authenticated request what its method costs ({@link Cost}, 1 by default, and the named
 * limits it {@link UsesLimit uses}), and puts the rate-limit headers on the response, whatever its status.
 * A gateway's question ({@link ForwardedRequest}) costs what its {@code ?cost=} says, 1 to {@value Cost#MAX}.
 */
@Provider
@ApplicationScoped
@Priority(FilterOrder.RATE_LIMIT)
public class RateLimitFilter implements ContainerRequestFilter, ContainerResponseFilter {

    /** What a method spends: of the windows and credits, and of named limits by name. */
    record Price(long cost, Map<String, Long> named, boolean askedOfTheRequest) {
    }

    /** What remains of a key's credits after this request, on every answer to a key that has them. */
    static final String CREDITS_REMAINING = "X-Credits-Remaining";
    private final Map<Method, Price> priceByMethod = new ConcurrentHashMap<>();

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
        Price price = priceByMethod.computeIfAbsent(resource.getResourceMethod(), RateLimitFilter::price);
        long cost = price.askedOfTheRequest() ? askedCost(request.getUriInfo().getQueryParameters().getFirst("cost")) : price.cost();
        Decision decision = admission.charge(passage.presented, passage.home, cost, price.named());
        passage.decision = decision;
        if (decision != null && !decision.admitted()) {
            throw Admission.refusal(decision);
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Passage passage = Passage.of(request);
        Decision decision = passage.decision;
        if (decision == null) {
            return;
        }
        Decision.Standing tightest = decision.tightest();
        passage.header("X-RateLimit-Limit", Long.toString(tightest.limit()));
        passage.header("X-RateLimit-Remaining", Long.toString(tightest.remaining()));
        passage.header("X-RateLimit-Reset", Long.toString(tightest.reset()));
        passage.header("RateLimit-Policy", decision.policy());
        passage.header("RateLimit", tightest.rateLimitField(Math.floorDiv(clock.millis(), 1000)));
        if (!decision.admitted() && !decision.outOfCredits()) {
            passage.header(HttpHeaders.RETRY_AFTER, Long.toString(decision.retryAfter()));
        }
        decision.credits().ifPresent(credits -> passage.header(CREDITS_REMAINING, Long.toString(credits.remaining())));
    }

    /** The method's declared price, else its class's; checked at deployment by {@link AccessControl}. */
    static Price price(Method method) {
        Cost cost = method.isAnnotationPresent(Cost.class) ? method.getAnnotation(Cost.class)
                : method.getDeclaringClass().getAnnotation(Cost.class);
        UsesLimit[] uses = method.getAnnotationsByType(UsesLimit.class);
        if (uses.length == 0) {
            uses = method.getDeclaringClass().getAnnotationsByType(UsesLimit.class);
        }
        Map<String, Long> named = new HashMap<>();
        for (UsesLimit use : uses) {
            named.merge(use.name(), use.cost(), Long::sum);
        }
        boolean forwarded = method.isAnnotationPresent(ForwardedRequest.class)
                || method.getDeclaringClass().isAnnotationPresent(ForwardedRequest.class);
        return new Price(cost == null ? 1 : cost.value(), Map.copyOf(named), forwarded);
    }

    private static long askedCost(String asked) {
        if (asked == null) {
            return 1;
        }
        try {
            long cost = Long.parseLong(asked);
            if (cost >= 1 && cost <= Cost.MAX) {
                return cost;
            }
        } catch (NumberFormatException notANumber) {
            // answered below
        }
        throw new ValidationFailed("cost", "cost must be a whole number from 1 to " + Cost.MAX);
    }
}
