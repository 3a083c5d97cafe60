import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * For bench/scale.sh (not a test): latency at a fixed request rate (an open load, unlike wrk's closed
 * one), measured from when each request was due, not from when it could be sent, so that a stall counts
 * for every request it held up. Prints "p50 p99 p999" in microseconds for one URL, with one key from the
 * file -Dkeys (spread over all of them) or none.
 *
 *   java -Durl=http://127.0.0.1:18181/v1/health -Drate=2000 -Dseconds=20 [-Dkeys=keys.txt -Dcount=100000] bench/Latency.java
 */
public class Latency {

    public static void main(String[] args) throws Exception {
        URI url = URI.create(System.getProperty("url"));
        int rate = Integer.getInteger("rate", 1000);
        int seconds = Integer.getInteger("seconds", 20);
        List<String> keys = System.getProperty("keys") == null ? List.of()
                : Files.readAllLines(Path.of(System.getProperty("keys"))).subList(0, Integer.getInteger("count", 1000));
        int workers = Integer.getInteger("workers", 32);
        // At most one request in flight per worker, so at most that many connections, kept alive: the JDK
        // client would otherwise open a connection for every request that finds none idle.
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        int total = rate * seconds;
        long[] micros = new long[total];
        long interval = 1_000_000_000L / rate;
        long start = System.nanoTime() + 100_000_000;
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger failed = new java.util.concurrent.atomic.AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            Thread worker = new Thread(() -> {
                for (int i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
                    long due = start + i * interval;
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        LockSupport.parkNanos(wait);
                    }
                    HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(30));
                    if (!keys.isEmpty()) {
                        request.header("Authorization", "Bearer " + keys.get(i % keys.size()));
                    }
                    try {
                        if (http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode() != 200) {
                            failed.incrementAndGet();
                        }
                    } catch (Exception e) {
                        failed.incrementAndGet();
                    }
                    // From when it was due: a request held up behind a stall counts the stall.
                    micros[i] = (System.nanoTime() - due) / 1000;
                }
            });
            worker.start();
            threads.add(worker);
        }
        for (Thread worker : threads) {
            worker.join();
        }
        if (failed.get() > 0) {
            System.err.println(failed.get() + " requests failed");
        }
        // The first second warms the client's connections up: it is not counted.
        long[] counted = Arrays.copyOfRange(micros, rate, total);
        Arrays.sort(counted);
        System.out.printf("%d %d %d%n", counted[counted.length / 2], counted[counted.length * 99 / 100],
                counted[counted.length * 999 / 1000]);
        System.exit(0);
    }
}
