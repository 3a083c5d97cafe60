package dev.portcullis.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.access.InsufficientPermissions;
import dev.portcullis.errors.ApiFailure;
import dev.portcullis.errors.Conflict;
import dev.portcullis.errors.ErrorEnvelope;
import dev.portcullis.errors.MalformedRequest;
import dev.portcullis.errors.NotFound;
import dev.portcullis.errors.PayloadTooLarge;
import dev.portcullis.errors.ServiceUnavailable;
import dev.portcullis.errors.ValidationFailed;
import dev.portcullis.keys.control.InvalidApiKey;
import dev.portcullis.keys.control.KeyDisabled;
import dev.portcullis.net.InvalidForwardingHeader;
import dev.portcullis.net.IpNotAllowed;
import dev.portcullis.pipeline.HttpsRequired;
import dev.portcullis.ratelimit.control.RateLimitExceeded;
import dev.portcullis.ratelimit.control.RateLimitUnavailable;
import dev.portcullis.ratelimit.control.UsageExceeded;
import dev.portcullis.sessions.control.InvalidCredentials;
import dev.portcullis.sessions.control.InvalidRefreshToken;
import dev.portcullis.sessions.control.InvalidToken;
import dev.portcullis.sessions.control.TokenExpired;
import dev.portcullis.tenants.control.TenantSuspended;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The OpenAPI document as the build leaves it in {@code target/classes}, without a server: it is valid
 * OpenAPI 3.0, every reference in it resolves, the build filled in its version and nothing else, and
 * every failure the code answers with has the shape the document gives its status, in both error styles.
 */
class OpenApiDocumentTest {

    private static final String BUILT = read("META-INF/openapi.yaml");
    private static final OpenApiDocument DOCUMENT = OpenApiDocument.fromYaml(BUILT);

    @Test
    void theReferenceParserReadsItAsOpenApi30WithoutAWord() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(BUILT, null, options);
        assertTrue(parsed.getMessages().isEmpty(), () -> String.join("\n", parsed.getMessages()));
        assertEquals("3.0.3", parsed.getOpenAPI().getOpenapi());
        assertEquals("Portcullis", parsed.getOpenAPI().getInfo().getTitle());
    }

    @Test
    void everyReferenceNamesSomethingInTheDocument() {
        List<String> unresolved = new ArrayList<>();
        collectUnresolved(DOCUMENT.tree(), DOCUMENT.tree(), "", unresolved);
        assertTrue(unresolved.isEmpty(), () -> String.join("\n", unresolved));
    }

    @Test
    void theBuildFilledInTheProjectVersionAndChangedNothingElse() throws IOException {
        Properties config = new Properties();
        try (InputStream in = resource("META-INF/microprofile-config.properties")) {
            config.load(in);
        }
        String version = config.getProperty("portcullis.version");
        assertFalse(version.contains("${"), "the build filters microprofile-config.properties: " + version);
        String source = Files.readString(Path.of("src/main/resources/META-INF/openapi.yaml"));
        assertEquals(1, source.split("\\$\\{", -1).length - 1, "the one Maven property in the source is the version");
        assertEquals(source.replace("${project.version}", version), BUILT);
        assertEquals(version, DOCUMENT.tree().at("/info/version").asString());
    }

    @Test
    void everyFailureTheServiceAnswersWithHasTheShapeDocumentedForItsStatusInBothStyles() {
        Map<String, ApiFailure> failures = new LinkedHashMap<>();
        failures.put("invalid key", new InvalidApiKey());
        failures.put("invalid token", new InvalidToken());
        failures.put("expired token", new TokenExpired(Instant.parse("2030-01-01T00:00:00Z")));
        failures.put("failed login", new InvalidCredentials());
        failures.put("spent refresh token", new InvalidRefreshToken());
        failures.put("role", InsufficientPermissions.requiringRole("admin"));
        failures.put("scope", InsufficientPermissions.requiringScope("keys:read"));
        failures.put("route", InsufficientPermissions.outsideRoutes("DELETE /v1/rubrics/r1"));
        failures.put("disabled key", new KeyDisabled());
        failures.put("out of credits", new UsageExceeded(0, 0));
        failures.put("out of credits until the refill", new UsageExceeded(1_893_456_000L, 3600));
        failures.put("suspended", new TenantSuspended());
        failures.put("plain HTTP", new HttpsRequired());
        failures.put("address", new IpNotAllowed());
        failures.put("not found", new NotFound("API key"));
        failures.put("validation", new ValidationFailed("rate_limit.per_day", "rate_limit.per_day must be between 1 and 1000000000"));
        failures.put("malformed", new MalformedRequest("The request body is not valid UTF-8"));
        failures.put("forwarding", new InvalidForwardingHeader("X-Forwarded-For"));
        failures.put("conflict", new Conflict("A user with this email exists in this tenant"));
        failures.put("too large", new PayloadTooLarge(65536));
        failures.put("rate limit", new RateLimitExceeded(30));
        failures.put("counter store", new RateLimitUnavailable());
        failures.put("database", ServiceUnavailable.database());
        failures.put("password bulkhead", new ServiceUnavailable("Too many password checks at once; retry shortly", 1));

        // The answers UnexpectedFailureMapper gives without an ApiFailure, with the (status, code) it uses.
        record Answer(int status, String code, String message) {
        }
        List<Answer> answers = new ArrayList<>();
        failures.values().forEach(f -> answers.add(new Answer(f.status(), f.code(), f.getMessage())));
        answers.add(new Answer(400, "MALFORMED_REQUEST", "The request body is not valid JSON of the expected shape"));
        answers.add(new Answer(415, "UNSUPPORTED_MEDIA_TYPE", "Send the request body as application/json"));
        answers.add(new Answer(500, "INTERNAL_ERROR", "An unexpected error occurred"));

        List<String> problems = new ArrayList<>();
        List<ApiFailure> withDetails = new ArrayList<>(failures.values());
        for (int i = 0; i < answers.size(); i++) {
            Answer answer = answers.get(i);
            Map<String, Object> details = new LinkedHashMap<>(i < withDetails.size() ? withDetails.get(i).details() : Map.of());
            details.put("request_id", "req_0123456789abcdef");
            for (ErrorEnvelope style : ErrorEnvelope.values()) {
                String body = style.json(answer.status(), answer.code(), answer.message(), details);
                // A route that documents every status, so that the failure's own status decides the shape.
                problems.addAll(DOCUMENT.problemsWith("POST", "/v1/users", null, answer.status(), headers(answer.status()), body));
            }
        }
        assertTrue(problems.isEmpty(), () -> String.join("\n", problems));
    }

    @Test
    void theCheckFindsAnUndocumentedFieldStatusOrHeaderAMissingRequiredHeaderAndAWrongType() {
        HttpHeaders withId = headers(200);
        String health = "{\"status\":\"healthy\",\"service\":\"portcullis\",\"version\":\"1\",\"timestamp\":\"2026-01-01T00:00:00Z\"}";
        assertEquals(List.of(), DOCUMENT.problemsWith("GET", "/v1/health", null, 200, withId, health));

        String withUptime = health.replace("}", ",\"uptime\":\"PT1H\"}");
        assertProblem("uptime", DOCUMENT.problemsWith("GET", "/v1/health", null, 200, withId, withUptime));
        assertProblem("X-Request-ID is missing",
                DOCUMENT.problemsWith("GET", "/v1/health", null, 200, HttpHeaders.of(Map.of(), (n, v) -> true), health));
        assertProblem("status 418 is not documented", DOCUMENT.problemsWith("GET", "/v1/health", null, 418, withId, health));
        assertProblem("Retry-After is sent but not documented", DOCUMENT.problemsWith("GET", "/v1/health", null, 200,
                HttpHeaders.of(Map.of("X-Request-ID", List.of("r1"), "Retry-After", List.of("3")), (n, v) -> true), health));
        assertProblem("X-RateLimit-Remaining", DOCUMENT.problemsWith("GET", "/v1/health", null, 200,
                HttpHeaders.of(Map.of("X-Request-ID", List.of("r1"), "X-RateLimit-Remaining", List.of("many")), (n, v) -> true), health));

        HttpHeaders charged = HttpHeaders.of(Map.of("X-Request-ID", List.of("r1"), "X-RateLimit-Limit", List.of("60"),
                "X-RateLimit-Remaining", List.of("59"), "X-RateLimit-Reset", List.of("1764590460"),
                "RateLimit-Policy", List.of("\"minute\";q=60;w=60"), "RateLimit", List.of("\"minute\";r=59;t=1")), (n, v) -> true);
        assertEquals(List.of(), DOCUMENT.problemsWith("GET", "/v1/users", null, 200, charged, "{\"data\":[],\"next_cursor\":null}"),
                "next_cursor is null on the last page");
        assertProblem("next_cursor", DOCUMENT.problemsWith("GET", "/v1/users", null, 200, charged, "{\"data\":[]}"));
        assertProblem("X-RateLimit-Limit is missing", DOCUMENT.problemsWith("GET", "/v1/users", null, 200, withId,
                "{\"data\":[],\"next_cursor\":null}"));
        assertProblem("per_minute", DOCUMENT.problemsWith("GET", "/v1/plans/free", null, 200, charged,
                "{\"name\":\"free\",\"per_minute\":\"10\",\"per_day\":100}"));
    }

    private static void assertProblem(String expected, List<String> problems) {
        assertTrue(problems.stream().anyMatch(problem -> problem.contains(expected)),
                () -> "expected a problem naming " + expected + ", got " + problems);
    }

    /** The headers that the document requires on each error answer. */
    private static HttpHeaders headers(int status) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("X-Request-ID", List.of("req_0123456789abcdef"));
        if (status == 429) {
            headers.put("Retry-After", List.of("30"));
        }
        return HttpHeaders.of(headers, (name, value) -> true);
    }

    private static void collectUnresolved(JsonNode root, JsonNode node, String at, List<String> unresolved) {
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null && (!ref.asString().startsWith("#/") || root.at(ref.asString().substring(1)).isMissingNode())) {
                unresolved.add(at + ": $ref " + ref.asString());
            }
            node.properties().forEach(entry -> collectUnresolved(root, entry.getValue(), at + "/" + entry.getKey(), unresolved));
        } else if (node.isArray()) {
            int i = 0;
            for (JsonNode element : node.values()) {
                collectUnresolved(root, element, at + "/" + i++, unresolved);
            }
        }
    }

    private static InputStream resource(String name) {
        InputStream in = OpenApiDocumentTest.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException(name + " is not on the class path");
        }
        return in;
    }

    private static String read(String name) {
        try (InputStream in = resource(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
