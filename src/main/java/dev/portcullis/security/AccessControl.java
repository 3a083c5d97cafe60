package dev.portcullis.security;

import dev.portcullis.errors.InsufficientPermissions;
import dev.portcullis.errors.InvalidApiKey;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.AnnotatedElement;
import java.util.Arrays;
import java.util.Comparator;

/**
 * Enforces {@code @RolesAllowed}, {@code @DenyAll} and {@link RequiresScope} (method over class), with
 * the seed's 403 body naming what was missing. A scoped key may only call methods that declare one of
 * its scopes; unknown scope names fail the deployment. Checks are worked out once per resource method at
 * deployment and read the caller through the request's {@code SecurityContext}, so they work for
 * keys and sessions alike.
 */
@Provider
public class AccessControl implements DynamicFeature {

    /** What a scoped key is told it lacks on a method that declares no scope. */
    private static final String NO_SCOPE = "none (no scope grants this operation)";

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        var method = resource.getResourceMethod();
        var type = resource.getResourceClass();
        if (method.isAnnotationPresent(DenyAll.class)) {
            context.register(new Check(Role.values()[Role.values().length - 1], null, true), Priorities.AUTHORIZATION);
            return;
        }
        RolesAllowed roles = annotation(method, type, RolesAllowed.class);
        RequiresScope scope = annotation(method, type, RequiresScope.class);
        if (scope != null && !Scopes.ALL.contains(scope.value())) {
            throw new IllegalStateException("@RequiresScope names an unknown scope '" + scope.value() + "' on " + method);
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
        context.register(new Check(required, scope == null ? NO_SCOPE : scope.value(), false), Priorities.AUTHORIZATION);
    }

    private static <A extends java.lang.annotation.Annotation> A annotation(AnnotatedElement method, AnnotatedElement type, Class<A> kind) {
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
