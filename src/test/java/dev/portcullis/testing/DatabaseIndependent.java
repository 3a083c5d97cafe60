package dev.portcullis.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

/**
 * A test class with a server of its own whose subject does not depend on the database (transport,
 * settings, the Data Grid): it runs in the default run on H2 and is not started again in the
 * {@code postgres} profile, which saves server starts where CI time is counted.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@DisabledIfSystemProperty(named = "it.db.url", matches = ".+", disabledReason = "does not depend on the database; runs on H2")
public @interface DatabaseIndependent {
}
