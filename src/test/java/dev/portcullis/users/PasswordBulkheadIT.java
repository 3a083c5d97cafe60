package dev.portcullis.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.testing.Portcullis;
import dev.portcullis.testing.Reply;
import dev.portcullis.testing.StrictPortcullisTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/**
 * Password hashing behind MicroProfile Fault Tolerance's {@code @Bulkhead}: on the strict server one
 * hash runs at a time and one more may wait, so of a burst of logins the rest are refused at once with
 * 503 and {@code Retry-After}, each counted by the bulkhead as rejected.
 */
@StrictPortcullisTest
class PasswordBulkheadIT {

    private static final String METHOD = "dev.portcullis.users.control.PasswordHashing.derive";

    @Test
    void aBurstOfLoginsBeyondTheHashesRunningAndWaitingIsRefusedWith503(Portcullis strict) throws Exception {
        Portcullis portcullis = strict.overTls();
        var tenant = portcullis.newTenant();
        portcullis.newUser(tenant.adminKey(), "burst@example.com", "a password of the burst", "member");
        double rejectedBefore = portcullis.metric("base", "ft_bulkhead_calls_total", "bulkheadResult", "rejected", "method", METHOD);
        double acceptedBefore = portcullis.metric("base", "ft_bulkhead_calls_total", "bulkheadResult", "accepted", "method", METHOD);

        int logins = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService clients = Executors.newFixedThreadPool(logins);
        List<Reply> replies;
        try {
            List<CompletableFuture<Reply>> pending = new ArrayList<>();
            for (int i = 0; i < logins; i++) {
                pending.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return portcullis.login("burst@example.com", "a password of the burst", tenant.id());
                }, clients));
            }
            start.countDown();
            replies = pending.stream().map(CompletableFuture::join).toList();
        } finally {
            clients.shutdownNow();
        }

        List<Reply> refused = replies.stream().filter(reply -> reply.status() == 503).toList();
        long admitted = replies.stream().filter(reply -> reply.status() == 200).count();
        assertEquals(logins, admitted + refused.size(), replies.toString());
        assertTrue(admitted >= 2, "the running hash and the waiting one: " + replies);
        assertTrue(!refused.isEmpty(), "a burst of " + logins + " fits in one running and one waiting: " + replies);
        for (Reply reply : refused) {
            assertEquals("SERVICE_UNAVAILABLE", reply.errorCode());
            assertEquals("1", reply.header("Retry-After"));
        }
        assertEquals(refused.size(), portcullis.metric("base", "ft_bulkhead_calls_total", "bulkheadResult", "rejected", "method", METHOD)
                - rejectedBefore, 0.0);
        assertEquals(admitted, portcullis.metric("base", "ft_bulkhead_calls_total", "bulkheadResult", "accepted", "method", METHOD)
                - acceptedBefore, 0.0);
    }
}
