package dev.portcullis.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.portcullis.testing.DatabaseIndependent;
import dev.portcullis.testing.PayaraMicro;
import dev.portcullis.testing.SelfSignedCertificate;
import dev.portcullis.testing.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS straight on Payara Micro with an operator's own certificate, set up exactly as the README says
 * (keystore by JVM properties, alias by {@code --sslcert}). The client trusts that certificate alone
 * and checks the host name, so Payara's built-in self-signed one would fail the handshake.
 */
@DatabaseIndependent
class OwnCertificateIT {

    @Test
    void httpsServesTheConfiguredCertificateWhichAClientTrustingOnlyItAccepts(@TempDir Path directory) throws Exception {
        SelfSignedCertificate own = SelfSignedCertificate.in(directory, "portcullis");

        try (PayaraMicro server = PayaraMicro.startWithCertificate("own-certificate",
                TestDatabase.freshWith("owncert", Map.of("HTTP_HTTPS_EXEMPT_LOOPBACK", "false")), own.keystore(),
                own.password(), own.alias())) {
            HttpRequest health = HttpRequest.newBuilder(server.httpsUri().resolve("/v1/health"))
                    .timeout(Duration.ofSeconds(10)).build();

            HttpResponse<String> reply = own.clientTrustingOnlyIt().send(health, HttpResponse.BodyHandlers.ofString());

            assertEquals(200, reply.statusCode(), reply.body());
            assertEquals(own.certificate(), reply.sslSession().orElseThrow().getPeerCertificates()[0]);
            assertThrows(SSLHandshakeException.class, () -> HttpClient.newHttpClient()
                    .send(health, HttpResponse.BodyHandlers.discarding()), "a client trusting the usual CAs accepted it");
            HttpRequest byAnotherName = HttpRequest.newBuilder(URI.create("https://localhost:" + server.httpsUri().getPort()
                    + "/v1/health")).timeout(Duration.ofSeconds(10)).build();
            assertThrows(SSLHandshakeException.class, () -> own.clientTrustingOnlyIt()
                    .send(byAnotherName, HttpResponse.BodyHandlers.discarding()),
                    "the certificate is for 127.0.0.1, not localhost: the host name was not checked");
        }
    }
}
