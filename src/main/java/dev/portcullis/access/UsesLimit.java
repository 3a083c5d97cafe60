package dev.portcullis.access;

import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * That a call of this method spends {@code cost} of the caller's named limit {@code name} (a key's or its
 * identity's {@code rate_limits}, such as {@code tokens}: 100000 per hour), decided together with the
 * minute and day windows: if any of them refuses, none is charged. A key without such a limit is not
 * limited by it.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
@Repeatable(UsesLimit.All.class)
public @interface UsesLimit {

    String name();

    long cost() default 1;

    /** Several named limits on one method. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.METHOD, ElementType.TYPE})
    @interface All {
        UsesLimit[] value();
    }
}
