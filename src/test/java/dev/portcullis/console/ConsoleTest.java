package dev.portcullis.console;

import dev.portcullis.testing.DatabaseIndependent;
import dev.portcullis.testing.PortcullisTest;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A browser test of the console on the shared server: test methods take a {@link Console} (headless
 * Chromium) and a {@link dev.portcullis.testing.Portcullis}. What they test is the page, which is the
 * same whatever database the API keeps its data in, so they run on H2 only.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@PortcullisTest
@DatabaseIndependent
@ExtendWith(ConsoleBrowser.class)
public @interface ConsoleTest {
}
