package dev.portcullis.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One forked Payara Micro running the real WAR, on loopback only, with its Data Grid on loopback and
 * phone-home disabled. Its output goes to {@code server.log} in its own directory, which survives
 * restarts (so tests can read what was logged across them).
 */
public final class PayaraMicro implements AutoCloseable {

    private static final int OWN_PORTS_FROM = 10_000;
    private static final Set<Integer> HANDED_OUT = new HashSet<>();
    private static final Random RANDOM = new Random();
    private static final int EPHEMERAL_FROM = ephemeralPortsFrom();
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(240);
    /** Payara Micro's line once its runtime (and Data Grid member) is up, before any deployment. */
    private static final String RUNTIME_STARTED = ") startup time : ";
    private static final Pattern PRINTED_ADMIN_KEY = Pattern.compile(
            "Platform-admin API key \\(shown only this once, store it now\\): (\\S+)");

    private final String name;
    private final Path directory;
    private final Map<String, String> environment;
    private final int gridPort;
    private final List<Integer> gridMembers;
    private final List<String> extraArguments;
    private final boolean tls;
    private final boolean gridJar;
    private List<String> jvmOptions = List.of();
    private boolean application = true;
    private String war = property("portcullis.war");
    private Process process;
    private int httpPort;
    private int httpsPort;

    private PayaraMicro(String name, Map<String, String> environment, int gridPort, List<Integer> gridMembers,
                        List<String> extraArguments, boolean tls, boolean gridJar) {
        this.tls = tls;
        this.gridJar = gridJar;
        this.name = name;
        this.directory = Path.of(System.getProperty("portcullis.testWorkDir", "target/it-servers"))
                .resolve(name + "-" + System.nanoTime()).toAbsolutePath();
        this.environment = new LinkedHashMap<>(environment);
        this.gridPort = gridPort;
        this.gridMembers = gridMembers;
        this.extraArguments = extraArguments;
    }

    /** A single-member server with its own data. */
    public static PayaraMicro start(String name, Map<String, String> environment) {
        int grid = freePort();
        return start(name, environment, grid, List.of(grid), List.of());
    }

    /** The same, also listening for HTTPS (Payara Micro's self-signed certificate) on {@link #httpsUri()}. */
    public static PayaraMicro startWithTls(String name, Map<String, String> environment) {
        int grid = freePort();
        PayaraMicro server = new PayaraMicro(name, environment, grid, List.of(grid), List.of(), true, true);
        server.startProcess();
        return server;
    }

    /**
     * The same, serving the certificate {@code alias} of a PKCS#12 keystore on HTTPS, configured as the
     * README tells operators to: JVM properties for the keystore, {@code --sslcert} for the alias.
     */
    public static PayaraMicro startWithCertificate(String name, Map<String, String> environment, Path keystore,
                                                   String password, String alias) {
        int grid = freePort();
        PayaraMicro server = new PayaraMicro(name, environment, grid, List.of(grid), List.of("--sslcert", alias), true, true);
        server.jvmOptions = List.of("-Djavax.net.ssl.keyStore=" + keystore.toAbsolutePath(),
                "-Djavax.net.ssl.keyStorePassword=" + password);
        server.startProcess();
        return server;
    }

    public static PayaraMicro start(String name, Map<String, String> environment, int gridPort, List<Integer> gridMembers,
                                    List<String> extraArguments) {
        PayaraMicro server = new PayaraMicro(name, environment, gridPort, gridMembers, extraArguments, false, true);
        server.startProcess();
        return server;
    }

    /** A single-member server with its own data, running another WAR built on Portcullis (an example application). */
    public static PayaraMicro startWar(String name, Map<String, String> environment, Path war) {
        int grid = freePort();
        PayaraMicro server = new PayaraMicro(name, environment, grid, List.of(grid), List.of(), false, true);
        server.war = war.toAbsolutePath().toString();
        server.startProcess();
        return server;
    }

    /**
     * Starts a single-member server that is expected not to come up; returns what it logged, its
     * process stopped. Fails the test if it does come up.
     */
    public static String logOfRefusedStart(String name, Map<String, String> environment) {
        int grid = freePort();
        return new PayaraMicro(name, environment, grid, List.of(grid), List.of(), false, true).refusedStart();
    }

    /** What this start logged; fails the test if it did come up. */
    private String refusedStart() {
        int before = Files.exists(log()) ? logText().length() : 0;
        try {
            startProcess();
        } catch (IllegalStateException refused) {
            return logText().substring(before);
        }
        stop();
        throw new AssertionError(name + " started, but should have refused to");
    }

    /**
     * A Data Grid member with the grid functions jar and no application: what a node is while its WAR
     * is still deploying, holding its share of the grid's partitions all the same.
     */
    public static PayaraMicro startGridMemberWithoutTheApplication(String name, int gridPort, List<Integer> gridMembers) {
        PayaraMicro member = new PayaraMicro(name, Map.of(), gridPort, gridMembers, List.of(), false, true);
        member.application = false;
        member.startProcess();
        return member;
    }

    /** A grid member started as someone who forgot the grid functions jar on --addlibs would start it. */
    public static PayaraMicro startWithoutGridJar(String name, Map<String, String> environment, int gridPort,
                                                  List<Integer> gridMembers) {
        PayaraMicro server = new PayaraMicro(name, environment, gridPort, gridMembers, List.of(), false, false);
        server.startProcess();
        return server;
    }

    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + httpPort);
    }

    public URI httpsUri() {
        if (!tls) {
            throw new IllegalStateException(name + " was started without TLS");
        }
        return URI.create("https://127.0.0.1:" + httpsPort);
    }

    public Path log() {
        return directory.resolve("server.log");
    }

    public Path directory() {
        return directory;
    }

    public String logText() {
        try {
            return Files.readString(log());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The platform-admin key the server generated and printed at its first start, if it did. */
    public Optional<String> printedAdminKey() {
        Matcher printed = PRINTED_ADMIN_KEY.matcher(logText());
        return printed.find() ? Optional.of(printed.group(1)) : Optional.empty();
    }

    /** Stops and starts again on the same data directory and the same grid port. */
    public void restart() {
        stop();
        startProcess();
    }

    /**
     * {@code kill -9}, then a start on the same data: the process gets no chance to write anything more
     * than it had written when it was killed, as in a crash or an OOM kill.
     */
    public void killAndRestart() {
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
        startProcess();
    }

    /** {@code kill -9}, then a start on the same data with these settings changed. */
    public void killAndRestartWith(Map<String, String> settings) {
        environment.putAll(settings);
        killAndRestart();
    }

    /** Stops, changes these settings (an empty value unsets one), and starts again on the same data. */
    public void restartWith(Map<String, String> settings) {
        stop();
        environment.putAll(settings);
        startProcess();
    }

    /** The same, for a restart that is expected to be refused: what it logged, its process stopped. */
    public String logOfRefusedRestartWith(Map<String, String> settings) {
        stop();
        environment.putAll(settings);
        return refusedStart();
    }

    /** The environment variables this server is started with, such as where its database is. */
    public Map<String, String> environment() {
        return Map.copyOf(environment);
    }

    /** A connection of the test's own to this server's database (PostgreSQL: H2 on disk is the server's alone). */
    public Connection openDatabase() throws SQLException {
        return DriverManager.getConnection(environment.get("DB_URL"), environment.get("DB_USER"), environment.get("DB_PASSWORD"));
    }

    public void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    @Override
    public void close() {
        stop();
    }

    private void startProcess() {
        try {
            Files.createDirectories(directory);
            httpPort = freePort();
            httpsPort = tls ? freePort() : 0;
            String members = String.join(",", gridMembers.stream().map(p -> "127.0.0.1:" + p).toList());
            List<String> command = new ArrayList<>(List.of(
                    javaExecutable(), "-Xmx512m", "-XX:+UseSerialGC",
                    "-Dhazelcast.phone.home.enabled=false", "-Dhazelcast.socket.bind.any=false"));
            command.addAll(jvmOptions);
            command.addAll(List.of(
                    "-jar", property("payara.microJar"),
                    "--port", String.valueOf(httpPort),
                    "--disablephonehome",
                    "--nohostaware",
                    "--interfaces", "127.0.0.1",
                    "--hzpublicaddress", "127.0.0.1",
                    "--clustermode", "tcpip:" + members,
                    "--startport", String.valueOf(gridPort),
                    "--prebootcommandfile", Path.of(property("portcullis.serverConfig"), "pre-boot-commands.txt").toString(),
                    "--rootdir", directory.resolve("root-" + System.nanoTime()).toString()));
            if (application) {
                command.addAll(List.of("--deploy", war, "--contextroot", "/"));
            }
            if (gridJar) {
                command.addAll(List.of("--addlibs", property("portcullis.gridJar")));
            }
            command.addAll(extraArguments);
            if (tls) {
                command.addAll(List.of("--sslport", String.valueOf(httpsPort)));
            }
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(directory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()));
            builder.environment().put("PORTCULLIS_DATA_DIR", directory.resolve("data").toString());
            builder.environment().putAll(environment);
            process = builder.start();
            try {
                awaitReady();
            } catch (RuntimeException e) {
                stop();
                throw e;
            }
        } catch (IOException e) {
            throw new IllegalStateException("Could not start Payara Micro " + name, e);
        }
    }

    /** Polls the health endpoint; waiting on the process itself doubles as the pause between polls. */
    private void awaitReady() {
        HttpClient.Builder client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2));
        if (tls) {
            client.sslContext(Portcullis.trustingEverything());
        }
        HttpClient http = client.build();
        // Over TLS when the server has it: a server that refuses plain HTTP answers 403 there.
        HttpRequest health = HttpRequest.newBuilder((tls ? httpsUri() : baseUri()).resolve("/v1/health"))
                .timeout(Duration.ofSeconds(5)).build();
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (application ? healthy(http, health) : logText().contains(RUNTIME_STARTED)) {
                return;
            }
            if (deploymentFailed()) {
                throw new IllegalStateException("Portcullis failed to deploy on " + name + "; see " + log());
            }
            try {
                process.onExit().get(250, TimeUnit.MILLISECONDS);
                throw new IllegalStateException("Payara Micro " + name + " exited with " + process.exitValue()
                        + "; see " + log());
            } catch (TimeoutException stillRunning) {
                // poll again
            } catch (Exception e) {
                throw new IllegalStateException("Payara Micro " + name + " failed; see " + log(), e);
            }
        }
        throw new IllegalStateException("Payara Micro " + name + " was not ready within " + READY_TIMEOUT + "; see " + log()
                + "; it ended with:\n" + logTail());
    }

    /** The log's last lines, for a failure message that stands on its own where the log is gone (CI). */
    private String logTail() {
        List<String> lines = logText().lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }

    /**
     * Payara's last line of a failed deployment. Not "Startup of context failed": that comes before
     * the cause is written, and stopping the server there loses the cause from the log.
     */
    private static boolean healthy(HttpClient http, HttpRequest health) {
        try {
            return http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notListeningYet) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private boolean deploymentFailed() {
        return logText().contains("Exception while loading the app");
    }

    /** Stops the servers that were started, in the order given; null ones (a failed start) are skipped. */
    public static void stopAll(PayaraMicro... servers) {
        for (PayaraMicro server : servers) {
            if (server != null) {
                server.close();
            }
        }
    }

    /**
     * A port nobody listens on, taken below the kernel's ephemeral range: a port from that range can become
     * the local port of some outgoing connection (Hazelcast's, a test's HTTP client's) in the seconds
     * before the server binds it, and Payara Micro then starts without that listener and never answers.
     * Never the same port twice in this JVM.
     */
    public static int freePort() {
        synchronized (HANDED_OUT) {
            for (int attempt = 0; attempt < 1_000 && EPHEMERAL_FROM > OWN_PORTS_FROM + 1_000; attempt++) {
                int port = OWN_PORTS_FROM + RANDOM.nextInt(EPHEMERAL_FROM - OWN_PORTS_FROM);
                if (!HANDED_OUT.contains(port) && isFree(port)) {
                    HANDED_OUT.add(port);
                    return port;
                }
            }
        }
        // A machine whose ephemeral range leaves no room below it: the kernel's choice, with its small risk.
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException taken) {
            return false;
        }
    }

    private static int ephemeralPortsFrom() {
        try {
            return Integer.parseInt(Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).trim().split("\\s+")[0]);
        } catch (IOException | RuntimeException unknown) {
            return 32_768;
        }
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        if (value == null) {
            throw new IllegalStateException("System property " + name + " is not set: run the integration tests with mvn verify");
        }
        return value;
    }
}
