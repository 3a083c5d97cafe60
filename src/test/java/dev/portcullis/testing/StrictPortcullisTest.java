package dev.portcullis.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An HTTP test against the strict shared server ({@link StrictServer}); methods take a {@link Portcullis}.
 * What the strict server is for (transport, throttling, bulkheads, destinations refused) does not depend
 * on the database: H2 only, which saves its start in the postgres profile.
 */
@DatabaseIndependent
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(StrictServer.class)
public @interface StrictPortcullisTest {
}
