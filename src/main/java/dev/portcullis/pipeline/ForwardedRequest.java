package dev.portcullis.pipeline;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The request is a gateway's question about another request, the one it forwards: the pipeline decides
 * about that one. Its route (method and path) comes from {@code X-Original-Method} / {@code X-Original-URI}
 * (nginx), {@code X-Forwarded-Method} / {@code X-Forwarded-Uri} (Traefik), or the path after
 * {@link #value()} with this request's method (Envoy appends the client's path); its cost from
 * {@code ?cost=}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface ForwardedRequest {

    /** The path this endpoint answers on, before any path a gateway appends. */
    String value();
}
