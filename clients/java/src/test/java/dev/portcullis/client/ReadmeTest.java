package dev.portcullis.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.portcullis.client.TestServer.TestTenant;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ReadmeTest {

    private static final Pattern SNIPPET = Pattern.compile("<!-- snippet: health[^>]*-->\\s*```java\\n(.*?)```", Pattern.DOTALL);

    private static String snippet() throws IOException {
        Matcher found = SNIPPET.matcher(Files.readString(Path.of("README.md")));
        assertTrue(found.find(), "README.md has no health snippet");
        return found.group(1);
    }

    @Test
    void theReadmeSnippetPrintsTheTenantOfTheKey() throws Exception {
        TestTenant tenant = TestTenant.create();
        Path directory = Files.createTempDirectory("snippet");
        Path source = Files.writeString(directory.resolve("HealthCheck.java"), snippet());
        // The JDK runs a single source file as it is, against the client and its dependencies.
        ProcessBuilder run = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), source.toString())
                .redirectErrorStream(true);
        run.environment().put("PORTCULLIS_API_KEY", tenant.adminKey());
        run.environment().put("PORTCULLIS_BASE_URL", TestServer.BASE_URL);
        Process process = run.start();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the snippet did not finish");
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), output);
        assertEquals("Authenticated as tenant: " + tenant.id() + "\n", output);
    }

    @Test
    void theRepositoryReadmeShowsTheSameSnippet() throws IOException {
        Path repositoryReadme = Path.of("..", "..", "README.md");
        assumeTrue(Files.exists(repositoryReadme), "not inside the Portcullis repository");
        assertTrue(Files.readString(repositoryReadme).contains(snippet()), "README.md's Clients section lacks this client's snippet");
    }
}
