package dev.portcullis.pipeline;

import dev.portcullis.access.Caller;
import dev.portcullis.access.Cost;
import dev.portcullis.access.InsufficientPermissions;
import dev.portcullis.access.RequiresScope;
import dev.portcullis.access.Role;
import dev.portcullis.access.Scopes;
import dev.portcullis.access.Unauthenticated;
import dev.portcullis.keys.control.InvalidApiKey;
import dev.portcullis.ratelimit.control.NamedLimit;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Comparator;

/**
 * Enforces {@code @RolesAllowed}, {@code @DenyAll} and {@link RequiresScope} (method over class), with
 * the seed's 403 body naming what was missing. A scoped key may only call methods that declare one of
 * its scopes. Worked out once per resource method at deployment, where a declaration that cannot be
 * right (an unknown role, a malformed or reserved scope, a {@link Cost} out of range) fails the
 * deployment instead of a request; checks read the caller through the request's {@code SecurityContext},
 * so they work for keys and sessions alike.
 */
@Provider
public class AccessControl implements DynamicFeature {

    /** What a scoped key is told it lacks on a method that declares no scope. */
    private static final String NO_SCOPE = "none (no scope grants this operation)";

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        Method method = resource.getResourceMethod();
        Class<?> type = resource.getResourceClass();
        requireValidCost(method);
        if (method.isAnnotationPresent(DenyAll.class)) {
            context.register(new Check(Role.PLATFORM_ADMIN, null, true), FilterOrder.AUTHORIZATION);
            return;
        }
        RolesAllowed roles = annotation(method, type, RolesAllowed.class);
        RequiresScope scope = annotation(method, type, RequiresScope.class);
        if (scope != null && !Scopes.isValid(scope.value())) {
            throw new IllegalStateException("@RequiresScope on " + method + ": " + Scopes.problemWith(scope.value()));
        }
        boolean open = annotation(method, type, PermitAll.class) != null || annotation(method, type, Unauthenticated.class) != null;
        if (roles == null && scope == null && open) {
            return;
        }
        Role required = roles == null ? null : Arrays.stream(roles.value())
                .map(name -> Role.of(name).orElseThrow(() -> new IllegalStateException(
                        "@RolesAllowed names an unknown role '" + name + "' on " + method)))
                .min(Comparator.naturalOrder()).orElseThrow();
        // Without a declared scope, a scoped key may not call the method at all: scopes only narrow.
        context.register(new Check(required, scope == null ? NO_SCOPE : scope.value(), false), FilterOrder.AUTHORIZATION);
    }

    private static void requireValidCost(Method method) {
        RateLimitFilter.Price price = RateLimitFilter.price(method);
        if (price.cost() < 1 || price.cost() > Cost.MAX) {
            throw new IllegalStateException("@Cost on " + method + " must be 1 to " + Cost.MAX + ", not " + price.cost());
        }
        price.named().forEach((name, cost) -> {
            if (!NamedLimit.NAME.matcher(name).matches() || cost < 1) {
                throw new IllegalStateException("@UsesLimit on " + method + " names a limit '" + name + "' with cost " + cost
                        + ": names are lower-case words, costs at least 1");
            }
        });
    }

    private static <A extends Annotation> A annotation(AnnotatedElement method, AnnotatedElement type, Class<A> kind) {
        A onMethod = method.getAnnotation(kind);
        return onMethod != null ? onMethod : type.getAnnotation(kind);
    }

    private record Check(Role role, String scope, boolean denyAll) implements ContainerRequestFilter {

        @Override
        public void filter(ContainerRequestContext request) {
            if (!(request.getSecurityContext() instanceof CallerSecurityContext context)) {
                throw new InvalidApiKey();
            }
            Caller caller = context.caller();
            if (!caller.isAuthenticated()) {
                throw new InvalidApiKey();
            }
            if (denyAll || (role != null && !caller.has(role))) {
                throw InsufficientPermissions.requiringRole(role.value());
            }
            if (!caller.scopes().isEmpty() && !caller.scopes().contains(scope)) {
                throw InsufficientPermissions.requiringScope(scope);
            }
        }
    }
}
