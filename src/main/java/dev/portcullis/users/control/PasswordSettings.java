package dev.portcullis.users.control;

import dev.portcullis.errors.ServiceUnavailable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;

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
    PasswordHashing hashing;

    private static byte[] awaited(CompletionStage<byte[]> hash) {
        try {
            return hash.toCompletableFuture().join();
        } catch (CompletionException failed) {
            if (failed.getCause() instanceof BulkheadException) {
                throw new ServiceUnavailable("Too many password checks at once; retry shortly", 1);
            }
            throw failed.getCause() instanceof RuntimeException cause ? cause : failed;
        }
    }

    /** A singleton, not application scoped: {@link Passwords} is final and cannot be proxied. */
    @Produces
    @Singleton
    Passwords passwords() {
        return new Passwords(memoryKiB, iterations, argon2 -> () -> awaited(hashing.derive(argon2)));
    }
}
