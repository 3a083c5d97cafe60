package dev.portcullis.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The two seeds' error bodies, each exactly as its seed documents it. */
class ErrorEnvelopeTest {

    @Test
    void audiModalNestsCodeMessageAndDetailsUnderError() {
        JsonObject body = parse(ErrorEnvelope.AUDIMODAL.json(429, "RATE_LIMIT_EXCEEDED", "API rate limit exceeded",
                Map.of("retry_after", 60L)));

        assertEquals(Json.createObjectBuilder().add("error", Json.createObjectBuilder()
                .add("code", "RATE_LIMIT_EXCEEDED").add("message", "API rate limit exceeded").add("retry_after", 60))
                .build(), body);
    }

    @Test
    void medTwinsRateLimitBodyIsFlatAndNamesTheWaitInItsMessage() {
        JsonObject body = parse(ErrorEnvelope.MEDTWIN.json(429, "RATE_LIMIT_EXCEEDED", "API rate limit exceeded",
                Map.of("retry_after", 30L)));

        assertEquals(Json.createObjectBuilder().add("error", "rate_limit_exceeded")
                .add("message", "Too many requests. Retry after 30 seconds.").add("retry_after", 30).build(), body);
    }

    @Test
    void medTwinCallsEvery401UnauthorizedAndWordsTheInvalidKeyAsItsSeed() {
        assertEquals(Json.createObjectBuilder().add("error", "unauthorized")
                        .add("message", "Invalid or missing API key").build(),
                parse(ErrorEnvelope.MEDTWIN.json(401, "INVALID_API_KEY", "Invalid or expired API key", Map.of())));
        JsonObject expired = parse(ErrorEnvelope.MEDTWIN.json(401, "TOKEN_EXPIRED", "Access token has expired",
                Map.of("expires_at", "2024-01-01T12:00:00Z")));
        assertEquals("unauthorized", expired.getString("error"));
        assertEquals("Access token has expired", expired.getString("message"));
        assertEquals("2024-01-01T12:00:00Z", expired.getString("expires_at"));
    }

    @Test
    void medTwinCallsEvery403ForbiddenAndKeepsTheDetails() {
        JsonObject role = parse(ErrorEnvelope.MEDTWIN.json(403, "INSUFFICIENT_PERMISSIONS",
                "Insufficient permissions for this operation", Map.of("required_role", "admin")));
        assertEquals(Json.createObjectBuilder().add("error", "forbidden")
                .add("message", "API key does not have permission for this resource")
                .add("required_role", "admin").build(), role);
        JsonObject suspended = parse(ErrorEnvelope.MEDTWIN.json(403, "TENANT_SUSPENDED", "This tenant is suspended", Map.of()));
        assertEquals("forbidden", suspended.getString("error"));
        assertEquals("This tenant is suspended", suspended.getString("message"));
    }

    @Test
    void medTwinGivesFailuresItsSeedDoesNotDocumentTheirCodeInLowerCase() {
        JsonObject body = parse(ErrorEnvelope.MEDTWIN.json(400, "VALIDATION_FAILED", "name is required",
                Map.of("field", "name")));
        assertEquals(Json.createObjectBuilder().add("error", "validation_failed").add("message", "name is required")
                .add("field", "name").build(), body);
    }

    @Test
    void theSettingNamesAStyleInAnyCaseAndRefusesAnythingElse() {
        assertEquals(ErrorEnvelope.MEDTWIN, ErrorEnvelope.of("medtwin"));
        assertEquals(ErrorEnvelope.AUDIMODAL, ErrorEnvelope.of(" AudiModal "));
        var refused = assertThrows(IllegalArgumentException.class, () -> ErrorEnvelope.of("med-twin"));
        assertTrue(refused.getMessage().contains("[audimodal, medtwin]"), refused.getMessage());
    }

    private static JsonObject parse(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }
}
