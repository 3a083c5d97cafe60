package dev.portcullis.users.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The Argon2id parameters, from configuration; raising them re-hashes each password at its next login. */
@ApplicationScoped
public class PasswordSettings {

    @Inject
    @ConfigProperty(name = "users.password.argon2.memory-kib", defaultValue = "19456")
    int memoryKiB;

    @Inject
    @ConfigProperty(name = "users.password.argon2.iterations", defaultValue = "2")
    int iterations;

    @Inject
    @ConfigProperty(name = "users.password.concurrent-hashes", defaultValue = "4")
    int concurrentHashes;

    /** A singleton, not application scoped: {@link Passwords} is final and cannot be proxied. */
    @Produces
    @Singleton
    Passwords passwords() {
        return new Passwords(memoryKiB, iterations, concurrentHashes);
    }
}
