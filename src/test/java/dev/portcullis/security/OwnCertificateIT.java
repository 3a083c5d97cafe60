package dev.portcullis.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.portcullis.testing.DatabaseIndependent;
import dev.portcullis.testing.PayaraMicro;
import dev.portcullis.testing.TestDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS straight on Payara Micro with an operator's own certificate, set up exactly as the README says
 * (keystore by JVM properties, alias by {@code --sslcert}). The client trusts that certificate alone
 * and checks the host name, so Payara's built-in self-signed one would fail the handshake.
 */
@DatabaseIndependent
class OwnCertificateIT {

    private static final String PASSWORD = "keystore-pass-1";
    private static final String ALIAS = "portcullis";

    @Test
    void httpsServesTheConfiguredCertificateWhichAClientTrustingOnlyItAccepts(@TempDir Path directory) throws Exception {
        Path keystore = directory.resolve("portcullis.p12");
        keytool("-genkeypair", "-alias", ALIAS, "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=portcullis.test", "-ext", "SAN=ip:127.0.0.1", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD);
        KeyStore ours = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            ours.load(in, PASSWORD.toCharArray());
        }
        Certificate certificate = ours.getCertificate(ALIAS);

        try (PayaraMicro server = PayaraMicro.startWithCertificate("own-certificate",
                TestDatabase.freshWith("owncert", Map.of("HTTP_HTTPS_EXEMPT_LOOPBACK", "false")), keystore, PASSWORD, ALIAS)) {
            HttpRequest health = HttpRequest.newBuilder(server.httpsUri().resolve("/v1/health"))
                    .timeout(Duration.ofSeconds(10)).build();

            HttpResponse<String> reply = clientTrustingOnly(certificate).send(health, HttpResponse.BodyHandlers.ofString());

            assertEquals(200, reply.statusCode(), reply.body());
            assertEquals(certificate, reply.sslSession().orElseThrow().getPeerCertificates()[0]);
            assertThrows(SSLHandshakeException.class, () -> HttpClient.newHttpClient()
                    .send(health, HttpResponse.BodyHandlers.discarding()), "a client trusting the usual CAs accepted it");
        }
    }

    private static HttpClient clientTrustingOnly(Certificate certificate) throws Exception {
        KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
        trusted.load(null, null);
        trusted.setCertificateEntry(ALIAS, certificate);
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(context).connectTimeout(Duration.ofSeconds(5)).build();
    }

    private static void keytool(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(arguments));
        Process keytool = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes());
        if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
            throw new IllegalStateException("keytool failed: " + output);
        }
    }
}
