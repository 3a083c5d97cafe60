package dev.portcullis.access;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The endpoint does not look at {@code Authorization} at all (login, refresh, JWKS): a stale token a
 * client sends along must not make a login fail. Contrast {@code @PermitAll}, where a credential is
 * optional but checked when present.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Unauthenticated {
}
