package dev.portcullis.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL cluster of a test's own, on a loopback port of its own, made with the machine's
 * PostgreSQL binaries (Debian's {@code /usr/lib/postgresql/<version>/bin}): a test may stop and start
 * it under a running server without touching the machine's PostgreSQL. Trust authentication for
 * {@code postgres}, listening on 127.0.0.1 only. Run as root (as on CI), the cluster belongs to the
 * {@code postgres} user, since PostgreSQL refuses to run as root.
 */
public final class OwnPostgres implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private final Path bin;
    private final Path directory;
    private final int port;
    private final boolean asPostgresUser;

    private OwnPostgres(Path bin, Path directory, int port, boolean asPostgresUser) {
        this.bin = bin;
        this.directory = directory;
        this.port = port;
        this.asPostgresUser = asPostgresUser;
    }

    /** Whether this machine has PostgreSQL's server binaries. */
    public static boolean available() {
        return binaries() != null;
    }

    /** A new cluster, started. */
    public static OwnPostgres start() {
        Path bin = binaries();
        if (bin == null) {
            throw new IllegalStateException("No PostgreSQL server binaries under /usr/lib/postgresql");
        }
        try {
            Path directory = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "own-postgres-");
            boolean root = "root".equals(System.getProperty("user.name"));
            OwnPostgres postgres = new OwnPostgres(bin, directory, PayaraMicro.freePort(), root);
            if (root) {
                run(List.of("chown", "-R", "postgres:postgres", directory.toString()));
            }
            postgres.pg(List.of(bin.resolve("initdb").toString(), "-D", postgres.data().toString(), "-U", "postgres", "-A", "trust",
                    "--no-sync", "-E", "UTF8"));
            postgres.resume();
            return postgres;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot make a PostgreSQL cluster", e);
        }
    }

    /** Environment variables that point a Portcullis server at this cluster's {@code postgres} database. */
    public Map<String, String> environment() {
        return Map.of("DB_URL", "jdbc:postgresql://127.0.0.1:" + port + "/postgres", "DB_USER", "postgres",
                "DB_PASSWORD", "postgres", "DB_DATASOURCE_CLASS", "org.postgresql.ds.PGSimpleDataSource");
    }

    /** Stops the server at once, as a crash would: every connection to it breaks. */
    public void stop() {
        pg(List.of(bin.resolve("pg_ctl").toString(), "-D", data().toString(), "-m", "immediate", "-w", "stop"));
    }

    /** Starts the server (again) and waits until it takes connections. */
    public void resume() {
        pg(List.of(bin.resolve("pg_ctl").toString(), "-D", data().toString(), "-w", "-t", "60", "-l",
                directory.resolve("postgres.log").toString(), "-o",
                "-p " + port + " -c listen_addresses=127.0.0.1 -k " + directory + " -c fsync=off", "start"));
    }

    /** The server's processes (the postmaster and its children), for a test that freezes them. */
    public List<Long> processes() {
        try {
            long postmaster = Long.parseLong(Files.readAllLines(data().resolve("postmaster.pid")).get(0).strip());
            List<Long> all = new ArrayList<>(List.of(postmaster));
            ProcessHandle.of(postmaster).ifPresent(parent -> parent.children().forEach(child -> all.add(child.pid())));
            return all;
        } catch (IOException e) {
            throw new IllegalStateException("The cluster is not running", e);
        }
    }

    @Override
    public void close() {
        try {
            stop();
        } catch (RuntimeException alreadyStopped) {
            // nothing to stop
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // left in target/, which the next clean removes
        }
    }

    private Path data() {
        return directory.resolve("data");
    }

    private void pg(List<String> command) {
        List<String> full = new ArrayList<>();
        if (asPostgresUser) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        run(full);
    }

    private static void run(List<String> command) {
        try {
            // Output to a file, not a pipe: the server pg_ctl starts would hold a pipe open for its whole life.
            Path output = Files.createTempFile("own-postgres-", ".out");
            try {
                Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
                if (!process.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS) || process.exitValue() != 0) {
                    throw new IllegalStateException(String.join(" ", command) + " failed: " + Files.readString(output));
                }
            } finally {
                Files.deleteIfExists(output);
            }
        } catch (IOException e) {
            throw new IllegalStateException(String.join(" ", command) + " could not run", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Path binaries() {
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.map(version -> version.resolve("bin"))
                    .filter(bin -> Files.isExecutable(bin.resolve("initdb")) && Files.isExecutable(bin.resolve("pg_ctl")))
                    .max(Comparator.naturalOrder()).orElse(null);
        } catch (IOException e) {
            return null;
        }
    }
}
