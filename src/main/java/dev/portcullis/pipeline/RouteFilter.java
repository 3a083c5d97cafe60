package dev.portcullis.pipeline;

import dev.portcullis.access.Caller;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A key restricted to certain routes calls only those: the request's own method and path, or, for a
 * gateway's question ({@link ForwardedRequest}), the forwarded request's as the gateway tells it.
 */
@Provider
@ApplicationScoped
@Priority(FilterOrder.ROUTE)
public class RouteFilter implements ContainerRequestFilter {

    private final Map<Method, Optional<String>> forwardedByMethod = new ConcurrentHashMap<>();

    @Context
    ResourceInfo resource;

    @Inject
    Caller caller;

    @Inject
    Admission admission;

    @Override
    public void filter(ContainerRequestContext request) {
        if (!caller.isAuthenticated()) {
            return;
        }
        Presented presented = Passage.of(request).presented;
        if (presented.key() == null || presented.key().routes().isEmpty()) {
            return;
        }
        Optional<String> forwardedFrom = forwardedByMethod.computeIfAbsent(resource.getResourceMethod(), RouteFilter::forwarded);
        String path = "/" + request.getUriInfo().getPath();
        if (forwardedFrom.isEmpty()) {
            admission.checkRoute(presented, request.getMethod(), path);
            return;
        }
        String method = first(request, "X-Original-Method", "X-Forwarded-Method");
        String uri = first(request, "X-Original-URI", "X-Forwarded-Uri");
        if (method == null && uri == null) {
            // Envoy: the client's path appended to this endpoint's, the client's method as this request's.
            String base = "/" + forwardedFrom.get();
            method = path.length() > base.length() ? request.getMethod() : null;
            uri = path.length() > base.length() ? path.substring(base.length()) : null;
        }
        admission.checkRoute(presented, method, uri);
    }

    private static String first(ContainerRequestContext request, String... headers) {
        for (String header : headers) {
            String value = request.getHeaderString(header);
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        return null;
    }

    private static Optional<String> forwarded(Method method) {
        ForwardedRequest forwarded = method.isAnnotationPresent(ForwardedRequest.class) ? method.getAnnotation(ForwardedRequest.class)
                : method.getDeclaringClass().getAnnotation(ForwardedRequest.class);
        return forwarded == null ? Optional.empty() : Optional.of(forwarded.value());
    }
}
