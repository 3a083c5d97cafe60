package dev.portcullis.access;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What one call of this method spends of the caller's rate limits, in both windows at once (default 1):
 * {@code @Cost(5)} on an expensive operation lets a key with 60 per minute make twelve of them a minute.
 * The {@code X-RateLimit-*} headers count in the same units. A call that costs more than a key's
 * per-minute limit is always refused.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Cost {

    int MAX = 1000;

    /** 1 to {@value #MAX}. */
    int value() default 1;
}
