package dev.portcullis.users.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.eclipse.microprofile.faulttolerance.Asynchronous;
import org.eclipse.microprofile.faulttolerance.Bulkhead;

/**
 * Where password hashes are computed: each takes Argon2id's {@code m} KiB of memory, so at most
 * {@code users.password.concurrent-hashes} run at once and up to {@code users.password.queued-hashes}
 * more wait their turn (a burst of logins queues instead of exhausting the heap); beyond that the
 * login is refused with 503 at once. The numbers reach the bulkhead through MicroProfile Config
 * ({@code microprofile-config.properties} maps them onto Fault Tolerance's keys for this method).
 */
@ApplicationScoped
public class PasswordHashing {

    @Asynchronous
    @Bulkhead(value = 4, waitingTaskQueue = 64)
    public CompletionStage<byte[]> derive(Supplier<byte[]> argon2) {
        return CompletableFuture.completedFuture(argon2.get());
    }
}
