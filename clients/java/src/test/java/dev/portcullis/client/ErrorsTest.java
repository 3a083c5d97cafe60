package dev.portcullis.client;

import static dev.portcullis.client.TestServer.BASE_URL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.client.TestServer.TestTenant;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ErrorsTest {

    private final TestTenant tenant = TestTenant.create();

    @Test
    void aBadKeyIsAnAuthenticationExceptionWithTheRequestId() {
        Key member = tenant.key();
        tenant.client().keys().revoke(member.id());
        AuthenticationException refused = assertThrows(AuthenticationException.class,
                () -> new PortcullisClient(member.key(), BASE_URL).health());
        assertEquals(401, refused.status());
        assertEquals("INVALID_API_KEY", refused.code());
        assertTrue(refused.requestId().startsWith("req_"), refused.requestId());
    }

    @Test
    void aMemberListingKeysIsPermissionDeniedNamingTheRole() {
        PortcullisClient member = new PortcullisClient(tenant.key().key(), BASE_URL);
        PermissionDeniedException refused = assertThrows(PermissionDeniedException.class, () -> member.keys().list(null).toList());
        assertEquals(403, refused.status());
        assertEquals("INSUFFICIENT_PERMISSIONS", refused.code());
        assertEquals("admin", refused.requiredRole());
    }

    @Test
    void aScopedKeyOutsideItsScopeIsToldTheScope() {
        PortcullisClient reader = new PortcullisClient(
                tenant.key(NewKey.named("reader").withRole("admin").withScopes(List.of("keys:read"))).key(), BASE_URL);
        PermissionDeniedException refused = assertThrows(PermissionDeniedException.class,
                () -> reader.users().create(new NewUser("x@example.com", "a long passphrase", null)));
        assertNotNull(refused.requiredScope());
    }

    @Test
    void aTenantAdminActingForAnotherTenantIsRefused() {
        PermissionDeniedException refused = assertThrows(PermissionDeniedException.class,
                () -> tenant.client().forTenant("tenant_platform").health());
        assertEquals("platform_admin", refused.requiredRole());
    }

    @Test
    void anUnknownKeyIsNotFound() {
        NotFoundException refused = assertThrows(NotFoundException.class, () -> tenant.client().keys().get("key_doesnotexist"));
        assertEquals(404, refused.status());
        assertEquals("NOT_FOUND", refused.code());
    }

    @Test
    void anInvalidFieldIsABadRequestNamingIt() {
        BadRequestException refused = assertThrows(BadRequestException.class,
                () -> tenant.client().keys().create(NewKey.named("").withRole("member")));
        assertEquals(400, refused.status());
        assertEquals("VALIDATION_FAILED", refused.code());
        assertEquals("name", refused.field());
    }

    @Test
    void aKeyEchoedByTheServerNeverAppearsInTheException() {
        String key = tenant.adminKey();
        // The server's message quotes the unknown scope, here the client's own key pasted into the wrong field.
        BadRequestException refused = assertThrows(BadRequestException.class,
                () -> tenant.client().keys().create(NewKey.named("pasted").withScopes(List.of(key))));
        assertEquals("scopes", refused.field());
        StringWriter trace = new StringWriter();
        refused.printStackTrace(new PrintWriter(trace));
        for (String text : List.of(refused.toString(), refused.getMessage(), trace.toString(), refused.details().toString())) {
            assertFalse(text.contains(key), text);
        }
        assertTrue(refused.getMessage().contains("[REDACTED]"), refused.getMessage());
    }

    @Test
    void theClientAndACreatedKeyDoNotShowTheSecret() {
        Key created = tenant.key();
        assertTrue(created.key().startsWith("sk_live_"));
        assertFalse(created.toString().contains(created.key()), created.toString());
        assertFalse(tenant.client().toString().contains(tenant.adminKey()));
    }

    // Both documented bodies, parsed as received (the server under test speaks one style only).

    @Test
    void theAudiModalBodyNestsTheCode() {
        PortcullisException e = parse(429, Map.of("Retry-After", "60"),
                "{\"error\":{\"code\":\"RATE_LIMIT_EXCEEDED\",\"message\":\"API rate limit exceeded\",\"retry_after\":60,\"request_id\":\"req_1\"}}");
        assertInstanceOf(RateLimitException.class, e);
        assertEquals(List.of("RATE_LIMIT_EXCEEDED", "API rate limit exceeded", 60L, "req_1"),
                List.of(e.code(), e.getMessage(), e.retryAfter(), e.requestId()));
    }

    @Test
    void theMedTwinBodyIsFlatWithALowerCaseCode() {
        PortcullisException e = parse(429, Map.of("Retry-After", "30"),
                "{\"error\":\"rate_limit_exceeded\",\"message\":\"Too many requests. Retry after 30 seconds.\",\"retry_after\":30}");
        assertInstanceOf(RateLimitException.class, e);
        assertEquals("RATE_LIMIT_EXCEEDED", e.code());
        assertEquals(30L, e.retryAfter());
    }

    @Test
    void medTwin401And403CarryNoFinerCodeButKeepTheirFields() {
        PortcullisException forbidden = parse(403, Map.of("X-Request-ID", "req_2"),
                "{\"error\":\"forbidden\",\"message\":\"no\",\"required_role\":\"admin\"}");
        assertEquals(List.of("FORBIDDEN", "admin", "req_2"), List.of(forbidden.code(), forbidden.requiredRole(), forbidden.requestId()));
        PortcullisException unauthorized = parse(401, Map.of(), "{\"error\":\"unauthorized\",\"message\":\"Invalid or missing API key\"}");
        assertInstanceOf(AuthenticationException.class, unauthorized);
        assertEquals("UNAUTHORIZED", unauthorized.code());
    }

    @Test
    void otherFieldsAreKept() {
        PortcullisException e = parse(413, Map.of(), "{\"error\":{\"code\":\"PAYLOAD_TOO_LARGE\",\"message\":\"big\",\"max_bytes\":65536}}");
        assertEquals(Map.of("max_bytes", 65536L), e.details());
    }

    private static PortcullisException parse(int status, Map<String, String> headers, String body) {
        return ErrorBodies.toException(status, name -> Optional.ofNullable(headers.get(name)), body, List.of());
    }
}
