package dev.portcullis.client;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/** Where and how to send requests; shared by a client, its sessions and its forTenant copies. */
final class Connection {

    static final String USER_AGENT = "portcullis-java/" + PortcullisClient.VERSION;

    final String baseUrl;
    final Duration timeout;
    final int maxRetries;
    final Duration maxRetryWait;
    final PortcullisClient.Sleeper sleeper;
    final Clock clock;
    private final HttpClient http;

    Connection(String baseUrl, Duration timeout, int maxRetries, Duration maxRetryWait, PortcullisClient.Sleeper sleeper,
               Clock clock, HttpClient http) {
        if (baseUrl == null || baseUrl.isBlank()) {
            throw new IllegalArgumentException("baseUrl is required, e.g. https://api.example.com/v1");
        }
        this.baseUrl = baseUrl.replaceAll("/+$", "");
        this.timeout = timeout;
        this.maxRetries = maxRetries;
        this.maxRetryWait = maxRetryWait;
        this.sleeper = sleeper;
        this.clock = clock;
        this.http = http != null ? http : HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .build();
    }

    /** One call: path below the base URL, query parameters (nulls left out), a body or null, secrets to keep out of errors. */
    record Call(String method, String path, Map<String, ?> query, Object body, String bearer, String tenantId,
                List<String> secrets) {

        Call withCredential(String bearer, String tenantId, List<String> secrets) {
            return new Call(method, path, query, body, bearer, tenantId, secrets);
        }
    }

    /** Sends the call, retried on 429 as configured; the answer's text, empty for 204. */
    String send(Call call) {
        Duration waited = Duration.ZERO;
        for (int attempt = 0; ; attempt++) {
            try {
                return sendOnce(call);
            } catch (RateLimitException refused) {
                Duration delay = Duration.ofSeconds(refused.retryAfter() == null ? 1 : refused.retryAfter());
                if (attempt >= maxRetries || waited.plus(delay).compareTo(maxRetryWait) > 0) {
                    throw refused;
                }
                // A 429 is decided before anything is done, so even a POST is safe to send again.
                try {
                    sleeper.sleep(delay);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw refused;
                }
                waited = waited.plus(delay);
            }
        }
    }

    <T> T send(Call call, Class<T> type) {
        String text = send(call);
        return text.isEmpty() ? null : ApiJson.JSONB.fromJson(text, type);
    }

    /** A page of a list from its text: data mapped to {@code type}. */
    <T> Page<T> page(String text, Class<T> type) {
        JsonObject page;
        try (var reader = Json.createReader(new StringReader(text))) {
            page = reader.readObject();
        }
        List<T> data = new ArrayList<>();
        page.getJsonArray("data").forEach(item -> data.add(ApiJson.JSONB.fromJson(item.toString(), type)));
        JsonValue next = page.get("next_cursor");
        return new Page<>(data, next == null || next.getValueType() == JsonValue.ValueType.NULL ? null : page.getString("next_cursor"));
    }

    private String sendOnce(Call call) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + call.path() + query(call.query())))
                .timeout(timeout)
                .header("Accept", "application/json")
                .header("User-Agent", USER_AGENT);
        if (call.body() != null) {
            request.header("Content-Type", "application/json")
                    .method(call.method(), HttpRequest.BodyPublishers.ofString(ApiJson.JSONB.toJson(call.body())));
        } else {
            request.method(call.method(), HttpRequest.BodyPublishers.noBody());
        }
        if (call.bearer() != null) {
            request.header("Authorization", "Bearer " + call.bearer());
        }
        if (call.tenantId() != null) {
            request.header("X-Tenant-ID", call.tenantId());
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new TransportException(ErrorBodies.redact(call.method() + " " + call.path() + " failed: " + e, call.secrets()), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransportException(call.method() + " " + call.path() + " interrupted", null);
        }
        if (response.statusCode() >= 400) {
            throw ErrorBodies.toException(response.statusCode(), name -> response.headers().firstValue(name),
                    response.body(), call.secrets());
        }
        return response.body() == null ? "" : response.body();
    }

    private static String query(Map<String, ?> parameters) {
        if (parameters == null) {
            return "";
        }
        StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
        parameters.forEach((name, value) -> {
            if (value != null) {
                query.add(name + "=" + URLEncoder.encode(value.toString(), StandardCharsets.UTF_8));
            }
        });
        return query.toString();
    }
}
