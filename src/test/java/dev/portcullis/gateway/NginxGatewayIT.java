package dev.portcullis.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import dev.portcullis.testing.DatabaseIndependent;
import dev.portcullis.testing.Nginx;
import dev.portcullis.testing.Portcullis;
import dev.portcullis.testing.PortcullisTest;
import dev.portcullis.testing.Reply;
import dev.portcullis.testing.SelfSignedCertificate;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gateway way of using Portcullis, end to end: a client calls an API through a real nginx that runs
 * {@code server-config/nginx/} as the README tells operators to, with the shared Portcullis
 * server as its gatekeeper. The API is a plain HTTP server that answers with the Portcullis headers it
 * was given. The shared server trusts loopback, where nginx is, as a proxy: the address each client
 * sends in X-Forwarded-For stands for the public address nginx would see.
 */
@PortcullisTest
@DatabaseIndependent
class NginxGatewayIT {

    private static final String CLIENT = "203.0.113.9";

    private static HttpServer api;
    private static Nginx nginx;
    private static HttpClient client;

    @BeforeAll
    static void startNginxBeforeAnApi(@TempDir Path directory, Portcullis portcullis) throws Exception {
        assumeTrue(Nginx.binary().isPresent(), "nginx is not installed here (.ci/run installs it)");
        api = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        api.createContext("/", exchange -> {
            Map<String, String> seen = new TreeMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (name.toLowerCase().startsWith("x-portcullis-")) {
                    seen.put(name.toLowerCase(), String.join("|", values));
                }
            });
            seen.put("path", exchange.getRequestURI().getPath());
            byte[] body = seen.toString().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        api.start();
        SelfSignedCertificate certificate = SelfSignedCertificate.in(directory, "nginx");
        URI portcullisUri = portcullis.uri("/");
        Path configuration = Path.of(System.getProperty("portcullis.serverConfig"), "nginx");
        nginx = Nginx.start(directory, configuration.resolve("portcullis-upstream.conf"),
                configuration.resolve("portcullis-gateway.conf"), certificate,
                "http://127.0.0.1:9000", "http://127.0.0.1:" + api.getAddress().getPort(),
                "server 127.0.0.1:8080;", "server 127.0.0.1:" + portcullisUri.getPort() + ";");
        client = certificate.clientTrustingOnlyIt();
    }

    @AfterAll
    static void stop() throws Exception {
        if (nginx != null) {
            nginx.close();
        }
        if (api != null) {
            api.stop(0);
        }
    }

    private static Reply call(URI base, String path, String credential, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(20))
                .header("X-Forwarded-For", CLIENT);
        if (credential != null) {
            request.header("Authorization", "Bearer " + credential);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.headers(), response.body());
    }

    private static Reply call(String path, String credential, String... headers) throws Exception {
        return call(nginx.tlsUri(), path, credential, headers);
    }

    @Test
    void anAdmittedRequestReachesTheApiNamingTheCallerAndComesBackWithTheRateLimitHeaders(Portcullis portcullis)
            throws Exception {
        var tenant = portcullis.newTenant();
        Reply key = portcullis.newKey(tenant.adminKey(), "{\"name\":\"app\",\"role\":\"member\",\"scopes\":[\"files:read\"]}");

        Reply reply = call("/api/things", key.string("key"), "X-Portcullis-Tenant-ID", "tenant_forged",
                "X-Portcullis-Role", "platform_admin");

        assertEquals(200, reply.status(), reply + "\n" + nginx.log());
        assertTrue(reply.body().contains("x-portcullis-tenant-id=" + tenant.id()), reply.body());
        assertTrue(reply.body().contains("x-portcullis-subject=" + key.string("id")), reply.body());
        assertTrue(reply.body().contains("x-portcullis-role=member"), reply.body());
        assertTrue(reply.body().contains("x-portcullis-scopes=files:read"), reply.body());
        assertTrue(reply.body().contains("x-portcullis-credential=api_key"), reply.body());
        assertFalse(reply.body().contains("forged") || reply.body().contains("platform_admin"),
                "the client's own X-Portcullis-* headers reached the API: " + reply.body());
        assertTrue(reply.body().contains("path=/api/things"), reply.body());
        long limit = Long.parseLong(reply.header("X-RateLimit-Limit"));
        assertEquals(limit - 1, Long.parseLong(reply.header("X-RateLimit-Remaining")));
        assertTrue(reply.header("RateLimit-Policy").startsWith("\"minute\";q=" + limit), reply.header("RateLimit-Policy"));
    }

    @Test
    void aRefusalReachesTheClientWithPortcullisStatusAndBody(Portcullis portcullis) throws Exception {
        var tenant = portcullis.newTenant();

        Reply missing = call("/api/things", null);
        assertEquals(401, missing.status(), missing.toString());
        assertEquals("INVALID_API_KEY", missing.errorCode());
        assertEquals("Bearer", missing.header("WWW-Authenticate"));
        assertTrue(missing.header("Content-Type").startsWith("application/json"), missing.header("Content-Type"));
        assertEquals(missing.error().getString("request_id"), missing.header("X-Request-ID"));

        Reply office = portcullis.newKey(tenant.adminKey(), "{\"name\":\"office\",\"allowed_ips\":[\"198.51.100.0/24\"]}");
        Reply outside = call("/api/things", office.string("key"));
        assertEquals(403, outside.status(), outside.toString());
        assertEquals("IP_NOT_ALLOWED", outside.errorCode());

        Reply plain = call(nginx.plainUri(), "/api/things", tenant.adminKey());
        assertEquals(403, plain.status(), plain.toString());
        assertEquals("HTTPS_REQUIRED", plain.errorCode(), "nginx reached over plain HTTP says so in X-Forwarded-Proto");
    }

    @Test
    void aRouteRestrictedKeyReachesOnlyItsRoutesThroughNginx(Portcullis portcullis) throws Exception {
        var tenant = portcullis.newTenant();
        String rubrics = portcullis.newKey(tenant.adminKey(),
                "{\"name\":\"rubrics\",\"allowed_routes\":[\"GET /api/rubrics/**\"],\"external_id\":\"acme\"}").string("key");

        Reply allowed = call("/api/rubrics/7?page=2", rubrics);
        assertEquals(200, allowed.status(), allowed + "\n" + nginx.log());
        assertTrue(allowed.body().contains("x-portcullis-external-id=acme"), allowed.body());
        Reply elsewhere = call("/api/invoices", rubrics);
        assertEquals(403, elsewhere.status(), elsewhere.toString());
        assertEquals("INSUFFICIENT_PERMISSIONS", elsewhere.errorCode());
        assertEquals("GET /api/invoices", elsewhere.error().getString("route"));
        for (String around : List.of("/api/rubrics/../invoices", "/api/rubrics/%2e%2e/invoices", "/api/rubrics/x/..%2f..%2finvoices")) {
            Reply climbed = call(around, rubrics);
            assertEquals(403, climbed.status(), around + " is /api/invoices to nginx and to the API behind it: " + climbed);
            assertEquals("GET " + around, climbed.error().getString("route"));
        }
        HttpResponse<String> posted = client.send(HttpRequest.newBuilder(nginx.tlsUri().resolve("/api/rubrics/7"))
                .header("Authorization", "Bearer " + rubrics).header("X-Forwarded-For", CLIENT)
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(403, posted.statusCode(), posted.body());
    }

    @Test
    void aKeyOutOfCreditsGets402WithItsBodyInsteadOfNginxs500(Portcullis portcullis) throws Exception {
        var tenant = portcullis.newTenant();
        String metered = portcullis.newKey(tenant.adminKey(), "{\"name\":\"metered\",\"credits\":{\"remaining\":1}}").string("key");
        Reply last = call("/api/things", metered);
        assertEquals(200, last.status());
        assertEquals("0", last.header("X-Credits-Remaining"));
        Reply out = call("/api/things", metered);
        assertEquals(402, out.status(), out + "\n" + nginx.log());
        assertEquals("USAGE_EXCEEDED", out.errorCode());
    }

    @Test
    void aRateLimitedRequestIs429WithRetryAfterInsteadOfNginxs500(Portcullis portcullis) throws Exception {
        var tenant = portcullis.newTenant();
        String tight = portcullis.newKey(tenant.adminKey(), "{\"name\":\"tight\",\"rate_limit\":{\"per_minute\":1}}")
                .string("key");
        assertEquals(200, call("/api/things", tight).status());

        Reply refused = call("/api/things", tight);

        assertEquals(429, refused.status(), refused + "\n" + nginx.log());
        assertEquals("RATE_LIMIT_EXCEEDED", refused.errorCode());
        assertEquals(refused.header("Retry-After"), String.valueOf(refused.error().getInt("retry_after")));
        assertEquals("1", refused.header("X-RateLimit-Limit"));
        assertEquals("0", refused.header("X-RateLimit-Remaining"));
        assertFalse(refused.body().contains("x-portcullis-"), "the API was called: " + refused.body());
    }
}
