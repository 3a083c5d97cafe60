import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * For bench/scale.sh (not a test): latency at a fixed request rate (an open load, unlike wrk's closed
 * one), measured from when each request was due, not from when it could be sent, so that a stall counts
 * for every request it held up. Prints "p50 p99 p999" in microseconds for one URL, with one key from the
 * file -Dkeys (spread over all of them) or none.
 *
 * <p>HTTP/1.1 written and read by hand over one kept-alive socket per worker: the JDK's HttpClient costs
 * more CPU per request than the server's bare endpoint, and on shared cores the client would be what
 * the figures measure.
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
        int total = rate * seconds;
        long[] micros = new long[total];
        long interval = 1_000_000_000L / rate;
        long start = System.nanoTime() + 100_000_000;
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            Thread worker = new Thread(() -> {
                Connection connection = null;
                for (int i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
                    long due = start + i * interval;
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        LockSupport.parkNanos(wait);
                    }
                    String key = keys.isEmpty() ? null : keys.get(i % keys.size());
                    try {
                        if (connection == null || connection.closed) {
                            connection = new Connection(url);
                        }
                        int status;
                        try {
                            status = connection.get(key);
                        } catch (IOException closedWhileIdle) {
                            // the server may close a kept-alive connection between requests: once more on a new one
                            connection = new Connection(url);
                            status = connection.get(key);
                        }
                        if (status != 200) {
                            failed.incrementAndGet();
                        }
                    } catch (IOException e) {
                        failed.incrementAndGet();
                        connection = null;
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
        // The first second warms the connections up: it is not counted.
        long[] counted = Arrays.copyOfRange(micros, rate, total);
        Arrays.sort(counted);
        System.out.printf("%d %d %d%n", counted[counted.length / 2], counted[counted.length * 99 / 100],
                counted[counted.length * 999 / 1000]);
        System.exit(0);
    }

    /** One kept-alive HTTP/1.1 connection: a GET with an optional bearer key, the response read to its end. */
    static final class Connection {

        private final String target;
        private final String host;
        private final OutputStream out;
        private final InputStream in;
        /** The server said it closes the connection after this response ({@code Connection: close}). */
        boolean closed;

        Connection(URI url) throws IOException {
            Socket socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(30_000);
            socket.connect(new InetSocketAddress(url.getHost(), url.getPort()), 5_000);
            this.target = url.getRawPath();
            this.host = url.getHost() + ":" + url.getPort();
            this.out = socket.getOutputStream();
            this.in = new BufferedInputStream(socket.getInputStream(), 8192);
        }

        int get(String key) throws IOException {
            String request = "GET " + target + " HTTP/1.1\r\nHost: " + host + "\r\n"
                    + (key == null ? "" : "Authorization: Bearer " + key + "\r\n") + "\r\n";
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String status = line();
            int code = Integer.parseInt(status.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            for (String header = line(); !header.isEmpty(); header = line()) {
                String lower = header.toLowerCase();
                if (lower.startsWith("content-length:")) {
                    length = Long.parseLong(header.substring(15).trim());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                } else if (lower.startsWith("connection:") && lower.contains("close")) {
                    closed = true;
                }
            }
            if (chunked) {
                for (long size = Long.parseLong(line().split(";")[0].trim(), 16); size > 0;
                     size = Long.parseLong(line().split(";")[0].trim(), 16)) {
                    skip(size);
                    line();
                }
                while (!line().isEmpty()) {
                    // trailers
                }
            } else if (length > 0) {
                skip(length);
            }
            return code;
        }

        private void skip(long bytes) throws IOException {
            for (long left = bytes; left > 0; ) {
                long skipped = in.skip(left);
                if (skipped <= 0) {
                    if (in.read() < 0) {
                        throw new IOException("connection closed in a body");
                    }
                    skipped = 1;
                }
                left -= skipped;
            }
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder(64);
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new IOException("connection closed");
                }
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            return line.toString();
        }
    }
}
