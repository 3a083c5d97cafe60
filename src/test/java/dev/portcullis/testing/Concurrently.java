package dev.portcullis.testing;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntFunction;

/** Fires many requests at once (released together by a latch) and counts the statuses. */
public final class Concurrently {

    private Concurrently() {
    }

    /** Sends {@code count} requests built by {@code request} as simultaneously as the client allows. */
    public static Map<Integer, Integer> send(int count, IntFunction<HttpRequest> request) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(Math.min(count, 64));
        try {
            List<CompletableFuture<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                HttpRequest next = request.apply(i);
                statuses.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                        return http.send(next, HttpResponse.BodyHandlers.discarding()).statusCode();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }, threads));
            }
            start.countDown();
            Map<Integer, Integer> counts = new TreeMap<>();
            statuses.forEach(status -> counts.merge(status.join(), 1, Integer::sum));
            return counts;
        } finally {
            threads.shutdownNow();
        }
    }
}
