package dev.portcullis.testing;

import dev.portcullis.tenants.entity.Tenant;
import jakarta.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An HTTP client for one Portcullis server, with the platform-admin key and shortcuts for the setup
 * most tests need (a fresh tenant with its own admin key). Requests go to 127.0.0.1 only.
 */
public final class Portcullis {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    /** Trusts the test server's self-signed certificate, see {@link #trustingEverything()}. */
    private static final HttpClient HTTPS = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .sslContext(trustingEverything())
            .build();
    private static final Pattern STATEMENTS = Pattern.compile(
            "portcullis_db_statements\\{[^}]*origin=\"request\"[^}]*}\\s+([0-9.E]+)");

    private final PayaraMicro server;
    private final String adminKey;
    private final boolean tls;

    public Portcullis(PayaraMicro server, String adminKey) {
        this(server, adminKey, false);
    }

    private Portcullis(PayaraMicro server, String adminKey, boolean tls) {
        this.server = server;
        this.adminKey = adminKey;
        this.tls = tls;
    }

    /** The same server, over HTTPS. */
    public Portcullis overTls() {
        return new Portcullis(server, adminKey, true);
    }

    /** Where the server is now: a restart may move it to other ports. */
    private URI base() {
        return tls ? server.httpsUri() : server.baseUri();
    }

    /**
     * Trusts the test servers' self-signed certificates, host name included. An extended trust manager,
     * so that JSSE does not wrap it in one that checks the host name: Payara's built-in certificate is
     * not issued to 127.0.0.1. Clients that must check both use {@link SelfSignedCertificate}.
     */
    static javax.net.ssl.SSLContext trustingEverything() {
        try {
            javax.net.ssl.SSLContext context = javax.net.ssl.SSLContext.getInstance("TLS");
            context.init(null, new javax.net.ssl.TrustManager[] {new TrustingEverything()}, null);
            return context;
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class TrustingEverything extends javax.net.ssl.X509ExtendedTrustManager {

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, java.net.Socket socket) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, java.net.Socket socket) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, javax.net.ssl.SSLEngine engine) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, javax.net.ssl.SSLEngine engine) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }

    /** A new tenant and a live admin key of it. */
    public record Tenant(String id, String adminKey, String adminKeyId) {
    }

    public PayaraMicro server() {
        return server;
    }

    public String adminKey() {
        return adminKey;
    }

    public Reply get(String path, String key, String... headers) {
        return send("GET", path, key, null, headers);
    }

    public Reply post(String path, String key, String json, String... headers) {
        return send("POST", path, key, json, headers);
    }

    public Reply patch(String path, String key, String json, String... headers) {
        return send("PATCH", path, key, json, headers);
    }

    public Reply delete(String path, String key, String... headers) {
        return send("DELETE", path, key, null, headers);
    }

    /** {@code headers} are name, value pairs. A null key sends no Authorization header. */
    public Reply send(String method, String path, String key, String json, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base().resolve(path))
                .timeout(Duration.ofSeconds(60))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request.build());
    }

    public Reply send(HttpRequest request) {
        try {
            HttpResponse<String> response = (tls ? HTTPS : HTTP).send(request, HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException("Request to " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public URI uri(String path) {
        return base().resolve(path);
    }

    public Tenant newTenant() {
        return newTenant("enterprise");
    }

    public Tenant newTenant(String plan) {
        Reply tenant = post("/v1/tenants", adminKey, json(Map.of("name", "Test tenant", "plan", plan)));
        expect(tenant, 201);
        String id = tenant.string("id");
        Reply key = post("/v1/keys", adminKey, "{\"name\":\"tenant admin\",\"role\":\"admin\"}", "X-Tenant-ID", id);
        expect(key, 201);
        return new Tenant(id, key.string("key"), key.string("id"));
    }

    /** Creates a key with the given JSON body using {@code creatorKey}; fails unless 201. */
    public Reply newKey(String creatorKey, String body, String... headers) {
        return expect(post("/v1/keys", creatorKey, body, headers), 201);
    }

    /** A new user of the tenant {@code tenantAdminKey} belongs to; fails unless 201. */
    public Reply newUser(String tenantAdminKey, String email, String password, String role) {
        return expect(post("/v1/users", tenantAdminKey, json(Map.of("email", email, "password", password, "role", role))), 201);
    }

    public Reply login(String email, String password, String tenantId) {
        return post("/v1/auth/login", null, json(Map.of("email", email, "password", password, "tenant_id", tenantId)));
    }

    public Reply refresh(String refreshToken) {
        return post("/v1/auth/refresh", null, json(Map.of("refresh_token", refreshToken)));
    }

    /** SQL statements the server has run for HTTP requests so far. */
    public long statementsDuringRequests() {
        Reply metrics = get("/metrics?scope=application", null, "Accept", "text/plain");
        Matcher matcher = STATEMENTS.matcher(metrics.body());
        if (!matcher.find()) {
            throw new AssertionError("No statement counter in the metrics: " + metrics.body());
        }
        return (long) Double.parseDouble(matcher.group(1));
    }

    /**
     * The value of one metric in Prometheus text ({@code scope} {@code application} or {@code base}): the
     * line of {@code name} carrying every {@code tag="value"} pair given; 0 when there is none yet.
     */
    public double metric(String scope, String name, String... tags) {
        Reply metrics = get("/metrics?scope=" + scope, null, "Accept", "text/plain");
        expect(metrics, 200);
        for (String line : metrics.body().split("\n")) {
            if (!line.startsWith(name + "{") && !line.startsWith(name + " ")) {
                continue;
            }
            boolean all = true;
            for (int i = 0; i < tags.length; i += 2) {
                all &= line.contains(tags[i] + "=\"" + tags[i + 1] + "\"");
            }
            if (all) {
                return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return 0;
    }

    /** Moves the server's clock forward (the test servers run with an adjustable clock). */
    public void advanceClock(Duration by) {
        expect(post("/v1/test-clock", adminKey, "{\"seconds\":" + by.toSeconds() + "}"), 200);
    }

    /** A body publisher without a known length, so that the client sends it chunked. */
    public static HttpRequest.BodyPublisher chunked(String body) {
        HttpRequest.BodyPublisher known = HttpRequest.BodyPublishers.ofString(body);
        return new HttpRequest.BodyPublisher() {
            @Override
            public long contentLength() {
                return -1;
            }

            @Override
            public void subscribe(java.util.concurrent.Flow.Subscriber<? super java.nio.ByteBuffer> subscriber) {
                known.subscribe(subscriber);
            }
        };
    }

    public static Reply expect(Reply reply, int status) {
        if (reply.status() != status) {
            throw new AssertionError("Expected " + status + " but got " + reply);
        }
        return reply;
    }

    public static String json(Map<String, ?> fields) {
        var object = Json.createObjectBuilder();
        fields.forEach((name, value) -> {
            if (value instanceof Number number) {
                object.add(name, number.longValue());
            } else if (value instanceof Boolean flag) {
                object.add(name, flag);
            } else {
                object.add(name, String.valueOf(value));
            }
        });
        return object.build().toString();
    }
}
