package dev.portcullis.security;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;

/** Resolves who is on the other end of the connection, once, before anything else uses it. */
@Provider
@ApplicationScoped
@Priority(Priorities.AUTHENTICATION - 100)
public class TransportFilter implements ContainerRequestFilter {

    @Context
    HttpServletRequest servletRequest;

    @Inject
    Caller caller;

    @Override
    public void filter(ContainerRequestContext request) {
        caller.from(servletRequest.getRemoteAddr());
    }
}
