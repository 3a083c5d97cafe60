package dev.portcullis;

import jakarta.enterprise.inject.Stereotype;
import jakarta.inject.Singleton;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A bean that admitting a request (with a key or a session) calls: one instance for the application,
 * injected as itself. An {@code @ApplicationScoped} bean is reached through a client proxy that looks the
 * instance up in its context on every call (in Payara by the thread's class loader); at a dozen such
 * calls a keyed request spent about 2 µs of its CPU in them (bench/profile.sh). Without a proxy two such
 * beans must not inject each other, directly or through others: Weld refuses the deployment if they do.
 */
@Stereotype
@Singleton
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface OnRequestPath {
}
