package dev.portcullis.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.portcullis.testing.DatabaseIndependent;
import dev.portcullis.testing.OwnServer;
import dev.portcullis.testing.SharedServer;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The four client SDKs under {@code clients/}, each run by its own test runner against a server of
 * their own: the runner gets the server's base URL and platform-admin key in PORTCULLIS_BASE_URL and
 * PORTCULLIS_ADMIN_KEY, and the server's clock is adjustable (the suites move it to expire tokens).
 * The suites run one after another, since they move that one clock.
 */
@DatabaseIndependent
class ClientsIT {

    private static final String ADMIN_KEY = SharedServer.newAdminKey();

    @RegisterExtension
    static final OwnServer SERVER = OwnServer.withSettings("clients", Map.of(
            "PORTCULLIS_BOOTSTRAP_ADMIN_KEY", ADMIN_KEY,
            "PORTCULLIS_CLOCK_ADJUSTABLE", "true"));

    private static final Path CLIENTS = Path.of("clients").toAbsolutePath();
    /** First runs download the Java client's dependencies and compile Go's standard library. */
    private static final long TIMEOUT_MINUTES = 15;

    @Test
    void thePythonClientPassesItsSuite() {
        run("python", List.of("python3", "-m", "unittest", "discover", "-s", "tests", "-v"));
    }

    @Test
    void theJavaScriptClientPassesItsSuite() {
        run("javascript", List.of("node", "--test", "--test-concurrency=1"));
    }

    @Test
    void theGoClientPassesItsSuite() {
        run("go", List.of("go", "test", "-count=1", "-v", "./..."));
    }

    @Test
    void theJavaClientPassesItsSuite() {
        run("java", List.of("mvn", "-B", "verify"));
    }

    private static void run(String client, List<String> command) {
        requireOnPath(command.get(0));
        Path output = Path.of("target", "clients-" + client + ".log").toAbsolutePath();
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(CLIENTS.resolve(client).toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().put("PORTCULLIS_BASE_URL", SERVER.server().baseUri() + "/v1");
        builder.environment().put("PORTCULLIS_ADMIN_KEY", ADMIN_KEY);
        builder.environment().put("PYTHONDONTWRITEBYTECODE", "1");
        try {
            Files.createDirectories(output.getParent());
            Process process = builder.start();
            if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
                fail(client + " client's suite did not finish within " + TIMEOUT_MINUTES + " minutes:\n" + Files.readString(output));
            }
            String printed = Files.readString(output);
            if (process.exitValue() != 0) {
                System.out.println(printed);
            } else {
                List<String> lines = printed.lines().toList();
                System.out.println(client + " client: " + String.join("\n", lines.subList(Math.max(0, lines.size() - 12), lines.size())));
            }
            assertEquals(0, process.exitValue(), client + " client's suite failed (" + String.join(" ", command) + "); its output is above and in " + output);
        } catch (IOException e) {
            throw new IllegalStateException("Could not run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A missing toolchain skips its client here, but fails in CI, which installs them all (.ci/run). */
    private static void requireOnPath(String executable) {
        boolean found = List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)).stream()
                .anyMatch(directory -> Files.isExecutable(Path.of(directory, executable)));
        String missing = executable + " is not on the PATH, so its client's tests cannot run";
        if (System.getenv("CI") != null) {
            if (!found) {
                fail(missing + " (CI is set: CI must have every client's toolchain)");
            }
            return;
        }
        Assumptions.assumeTrue(found, missing);
    }
}
