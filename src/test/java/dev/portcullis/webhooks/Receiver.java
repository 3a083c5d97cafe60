package dev.portcullis.webhooks;

import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.IntUnaryOperator;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * A webhook receiver on 127.0.0.1: the JDK's own HTTP server, which records every request it gets and
 * answers the n-th (from 1) with the status {@code answer} gives, or never ({@link #HANG}: it keeps the
 * connection open without a word until closed).
 */
public final class Receiver implements AutoCloseable {

    static final int HANG = -1;

    /** One request as it arrived. */
    public record Received(Instant at, String signature, String eventId, String contentType, String body) {

        public JsonObject json() {
            try (var reader = Json.createReader(new StringReader(body))) {
                return reader.readObject();
            }
        }

        public String type() {
            return json().getString("type");
        }

        public JsonObject data() {
            return json().getJsonObject("data");
        }
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final CountDownLatch closing = new CountDownLatch(1);

    private Receiver(IntUnaryOperator answer) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(threads);
        server.createContext("/", exchange -> {
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            received.add(new Received(Instant.now(), exchange.getRequestHeaders().getFirst("Portcullis-Signature"),
                    exchange.getRequestHeaders().getFirst("Portcullis-Event-Id"),
                    exchange.getRequestHeaders().getFirst("Content-Type"), body));
            int status = answer.applyAsInt(received.size());
            if (status == HANG) {
                try {
                    closing.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            } else {
                exchange.sendResponseHeaders(status, -1);
            }
            exchange.close();
        });
        server.start();
    }

    /** Answers every request with 200. */
    public static Receiver answeringOk() {
        return answering(n -> 200);
    }

    static Receiver answering(IntUnaryOperator answer) {
        try {
            return new Receiver(answer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    public List<Received> of(String type) {
        return received.stream().filter(request -> request.type().equals(type)).toList();
    }

    /** Waits, at most {@code within}, for a request that {@code wanted} matches; fails otherwise. */
    public Received await(Predicate<Received> wanted, Duration within, String what) {
        return first(() -> List.copyOf(received), wanted, within, () -> "No " + what + " within " + within + "; received: " + summary());
    }

    Received awaitType(String type, Duration within) {
        return await(request -> request.type().equals(type), within, type);
    }

    public List<String> summary() {
        List<String> lines = new ArrayList<>();
        received.forEach(request -> lines.add(request.eventId() + " " + request.type()));
        return lines;
    }

    /**
     * The first of {@code rows} that {@code wanted} matches, looked for every 50 ms for at most
     * {@code within}: what the server sends or records in the background. Fails with {@code failure}.
     */
    static <T> T first(Supplier<List<T>> rows, Predicate<T> wanted, Duration within, Supplier<String> failure) {
        try {
            return Awaitility.await().atMost(within).pollInterval(Duration.ofMillis(50))
                    .until(() -> rows.get().stream().filter(wanted).findFirst(), Optional::isPresent).orElseThrow();
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(failure.get(), e);
        }
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        threads.shutdownNow();
        try {
            threads.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
