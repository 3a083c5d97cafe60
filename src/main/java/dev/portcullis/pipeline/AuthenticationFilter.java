package dev.portcullis.pipeline;

import dev.portcullis.access.Caller;
import dev.portcullis.access.Unauthenticated;
import dev.portcullis.keys.control.InvalidApiKey;
import jakarta.annotation.Priority;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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
 * {@code Authorization: Bearer <credential>}, verified by {@link Admission#authenticate}; the result is
 * the {@link Caller}'s identity. Methods marked {@link Unauthenticated} never look at the header;
 * {@code @PermitAll} methods take a request without one, but check one that is there.
 */
@Provider
@ApplicationScoped
@Priority(FilterOrder.AUTHENTICATION)
public class AuthenticationFilter implements ContainerRequestFilter {

    private enum Access { NONE, OPTIONAL, REQUIRED }

    private static final String BEARER = "Bearer ";
    private final Map<Method, Access> accessByMethod = new ConcurrentHashMap<>();

    @Context
    ResourceInfo resource;

    @Inject
    Caller caller;

    @Inject
    Admission admission;

    @Override
    public void filter(ContainerRequestContext request) {
        Access access = accessByMethod.computeIfAbsent(resource.getResourceMethod(), AuthenticationFilter::access);
        if (access == Access.NONE) {
            return;
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null) {
            if (access == Access.OPTIONAL) {
                return;
            }
            // Not counted against the address: a missing credential guesses nothing.
            throw new InvalidApiKey();
        }
        Passage passage = Passage.of(request);
        passage.presented = admission.authenticate(bearer(header), caller.clientAddress());
        caller.authenticatedAs(passage.presented.identity());
        request.setSecurityContext(new CallerSecurityContext(caller, passage.secure));
    }

    /**
     * The credential of a {@code Bearer} header, taken as it is: a key or token has one spelling, and one
     * with white space or anything else around it is not that credential. Null for any other header,
     * which admission refuses.
     */
    private static String bearer(String header) {
        if (header.length() <= BEARER.length() || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        int start = BEARER.length();
        while (start < header.length() && header.charAt(start) == ' ') {
            start++;
        }
        return header.substring(start);
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
