package dev.portcullis.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A real nginx, forked like the test servers, listening on 127.0.0.1 over plain HTTP and over TLS,
 * with configuration files of the project included where an operator would include them, the addresses
 * in them changed to the test's.
 */
public final class Nginx implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);
    private static final List<Path> WHERE = List.of(Path.of("/usr/sbin/nginx"), Path.of("/usr/bin/nginx"),
            Path.of("/usr/local/sbin/nginx"), Path.of("/usr/local/nginx/sbin/nginx"));

    private final Process process;
    private final Path directory;
    private final int plainPort;
    private final int tlsPort;

    /** Where nginx is on this machine, if it is: {@code .ci/run} installs it. */
    public static Optional<Path> binary() {
        return WHERE.stream().filter(Files::isExecutable).findFirst();
    }

    /**
     * Starts nginx with {@code httpInclude}'s text in its {@code http} block and {@code serverInclude}'s
     * as its server block, after replacing in both each {@code replacements[i]} by
     * {@code replacements[i + 1]}.
     */
    public static Nginx start(Path directory, Path httpInclude, Path serverInclude, SelfSignedCertificate certificate,
                              String... replacements) throws Exception {
        String http = Files.readString(httpInclude);
        String server = Files.readString(serverInclude);
        for (int i = 0; i < replacements.length; i += 2) {
            if (!http.contains(replacements[i]) && !server.contains(replacements[i])) {
                throw new IllegalArgumentException(httpInclude + " and " + serverInclude + " no longer contain " + replacements[i]);
            }
            http = http.replace(replacements[i], replacements[i + 1]);
            server = server.replace(replacements[i], replacements[i + 1]);
        }
        Files.writeString(directory.resolve("http.conf"), http);
        Files.writeString(directory.resolve("server.conf"), server);
        certificate.writePem(directory.resolve("certificate.pem"), directory.resolve("key.pem"));
        int plain = PayaraMicro.freePort();
        int tls = PayaraMicro.freePort();
        String d = directory.toString();
        Files.writeString(directory.resolve("nginx.conf"), """
                daemon off;
                worker_processes 1;
                error_log %1$s/error.log info;
                pid %1$s/nginx.pid;
                events { worker_connections 64; }
                http {
                    access_log off;
                    client_body_temp_path %1$s/body;
                    proxy_temp_path %1$s/proxy;
                    fastcgi_temp_path %1$s/fastcgi;
                    uwsgi_temp_path %1$s/uwsgi;
                    scgi_temp_path %1$s/scgi;
                    include %1$s/http.conf;
                    server {
                        listen 127.0.0.1:%2$d;
                        listen 127.0.0.1:%3$d ssl;
                        ssl_certificate %1$s/certificate.pem;
                        ssl_certificate_key %1$s/key.pem;
                        include %1$s/server.conf;
                    }
                }
                """.formatted(d, plain, tls));
        Path binary = binary().orElseThrow(() -> new IllegalStateException("nginx is not installed"));
        Process process = new ProcessBuilder(binary.toString(), "-p", d, "-c", d + "/nginx.conf")
                .redirectErrorStream(true)
                .redirectOutput(directory.resolve("nginx.out").toFile())
                .start();
        Nginx nginx = new Nginx(process, directory, plain, tls);
        try {
            nginx.awaitListening();
        } catch (RuntimeException e) {
            nginx.close();
            throw e;
        }
        return nginx;
    }

    private Nginx(Process process, Path directory, int plainPort, int tlsPort) {
        this.process = process;
        this.directory = directory;
        this.plainPort = plainPort;
        this.tlsPort = tlsPort;
    }

    public URI plainUri() {
        return URI.create("http://127.0.0.1:" + plainPort);
    }

    public URI tlsUri() {
        return URI.create("https://127.0.0.1:" + tlsPort);
    }

    /** What nginx wrote of itself, for failure messages. */
    public String log() {
        try {
            return Files.readString(directory.resolve("nginx.out")) + Files.readString(directory.resolve("error.log"));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** Waiting on the process itself doubles as the pause between attempts. */
    private void awaitListening() {
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (accepts(plainPort) && accepts(tlsPort)) {
                return;
            }
            try {
                process.onExit().get(100, TimeUnit.MILLISECONDS);
                throw new IllegalStateException("nginx exited with " + process.exitValue() + ": " + log());
            } catch (TimeoutException stillRunning) {
                // try again
            } catch (Exception e) {
                throw new IllegalStateException("nginx failed: " + log(), e);
            }
        }
        throw new IllegalStateException("nginx was not listening within " + READY_TIMEOUT + ": " + log());
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
