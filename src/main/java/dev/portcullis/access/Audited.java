package dev.portcullis.access;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A resource method that changes something: when it returns, the change is recorded in the audit trail
 * in the method's own transaction (the method must be {@code @Transactional}), with the caller, the
 * target and the fields of the request body (those marked {@link Secret} by name only). A method that
 * throws leaves no record, as its transaction leaves no change.
 *
 * <p>The target is the method's {@code @PathParam("id")} (or {@code "name"}), else the last segment of
 * a 201's {@code Location}, else, for {@link Of#TENANT}, the tenant the request acts for.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Audited {

    /** The action, {@code <object>.<past participle>}: {@code key.revoked}. */
    @Nonbinding
    String value() default "";

    /** Whose trail the record belongs to. */
    @Nonbinding
    Of of() default Of.ACTING_TENANT;

    enum Of {
        /** The tenant the request acts for (its own, or {@code X-Tenant-ID}'s). */
        ACTING_TENANT,
        /** The tenant that is the target. */
        TENANT,
        /** No tenant's: the platform's (plans), seen by platform admins only. */
        PLATFORM
    }
}
