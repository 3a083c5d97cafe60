package dev.portcullis.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.portcullis.testing.Portcullis;
import dev.portcullis.testing.PortcullisTest;
import dev.portcullis.testing.Reply;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code /v1/auth/verify} asked the way a gateway asks: the client's own {@code Authorization}, its
 * address in {@code X-Forwarded-For} and its TLS in {@code X-Forwarded-Proto} (the shared server trusts
 * loopback as a proxy).
 */
@PortcullisTest
class VerificationIT {

    private static final String VERIFY = "/v1/auth/verify";

    private static Reply ask(Portcullis portcullis, String method, String path, String credential) {
        return portcullis.send(method, path, credential, null, "X-Forwarded-For", "203.0.113.7", "X-Forwarded-Proto", "https");
    }

    @Test
    void aGoodKeyIsAnsweredWithItsTenantRoleScopesAndRateLimitHeaders(Portcullis portcullis) {
        var tenant = portcullis.newTenant();
        Reply key = portcullis.newKey(tenant.adminKey(),
                "{\"name\":\"reader\",\"role\":\"read_only\",\"environment\":\"test\",\"scopes\":[\"files:write\",\"files:read\"]}");

        Reply verified = ask(portcullis, "GET", VERIFY, key.string("key"));

        assertEquals(200, verified.status(), verified.toString());
        assertEquals(tenant.id(), verified.header("X-Portcullis-Tenant-ID"));
        assertEquals("api_key", verified.header("X-Portcullis-Credential"));
        assertEquals(key.string("id"), verified.header("X-Portcullis-Subject"));
        assertEquals("read_only", verified.header("X-Portcullis-Role"));
        assertEquals("files:read,files:write", verified.header("X-Portcullis-Scopes"));
        assertEquals("test", verified.header("X-Portcullis-Environment"));
        assertEquals("no-store", verified.header("Cache-Control"));
        assertEquals("", verified.body(), "headers only, so that nginx can keep the connection");
        assertEquals(Long.parseLong(verified.header("X-RateLimit-Limit")) - 1,
                Long.parseLong(verified.header("X-RateLimit-Remaining")), "the question was the key's first charge");
    }

    @Test
    void everyMethodAGatewayAsksWithGetsTheSameAnswer(Portcullis portcullis) {
        var tenant = portcullis.newTenant();
        for (String method : List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS")) {
            Reply verified = ask(portcullis, method, VERIFY, tenant.adminKey());
            assertEquals(200, verified.status(), method + ": " + verified);
            assertEquals(tenant.id(), verified.header("X-Portcullis-Tenant-ID"), method);
        }
        Reply withPath = ask(portcullis, "GET", VERIFY + "/api/things/7?sort=name", tenant.adminKey());
        assertEquals(200, withPath.status(), "the client's path appended, as Envoy does: " + withPath);
        assertEquals("INVALID_API_KEY", ask(portcullis, "OPTIONS", VERIFY, null).errorCode(), "OPTIONS is no way around");
        Reply withBody = portcullis.send("POST", VERIFY, tenant.adminKey(), null, "Content-Type", "text/plain",
                "Accept", "application/xml", "X-Forwarded-For", "203.0.113.7", "X-Forwarded-Proto", "https");
        assertEquals(200, withBody.status(), "the client's content type and Accept are not ours to refuse: " + withBody);
        Reply refusedXml = portcullis.send("GET", VERIFY, "sk_live_junk", null, "Accept", "application/xml",
                "X-Forwarded-For", "203.0.113.7", "X-Forwarded-Proto", "https");
        assertEquals(401, refusedXml.status(), refusedXml.toString());
        assertEquals("INVALID_API_KEY", refusedXml.errorCode());
    }

    @Test
    void aSessionsAccessTokenIsVerifiedAsItsUser(Portcullis portcullis) {
        var tenant = portcullis.newTenant();
        String email = "gateway." + System.nanoTime() + "@example.com";
        String userId = portcullis.newUser(tenant.adminKey(), email, "correct horse battery staple", "member").string("id");
        String token = portcullis.login(email, "correct horse battery staple", tenant.id()).string("access_token");

        Reply verified = ask(portcullis, "GET", VERIFY, token);

        assertEquals(200, verified.status(), verified.toString());
        assertEquals("session", verified.header("X-Portcullis-Credential"));
        assertEquals(userId, verified.header("X-Portcullis-Subject"));
        assertEquals("member", verified.header("X-Portcullis-Role"));
        assertEquals("", verified.header("X-Portcullis-Scopes"));
    }

    @Test
    void refusalsAreThePipelinesOwnAndNameNobody(Portcullis portcullis) {
        var tenant = portcullis.newTenant();
        Reply missing = ask(portcullis, "GET", VERIFY, null);
        assertEquals(401, missing.status(), missing.toString());
        assertEquals("INVALID_API_KEY", missing.errorCode());
        assertEquals("Bearer", missing.header("WWW-Authenticate"));
        assertNull(missing.header("X-Portcullis-Tenant-ID"));

        Reply revoked = portcullis.newKey(tenant.adminKey(), "{\"name\":\"gone\"}");
        portcullis.delete("/v1/keys/" + revoked.string("id"), tenant.adminKey());
        assertEquals("INVALID_API_KEY", ask(portcullis, "GET", VERIFY, revoked.string("key")).errorCode());

        Reply elsewhere = portcullis.newKey(tenant.adminKey(), "{\"name\":\"office\",\"allowed_ips\":[\"198.51.100.0/24\"]}");
        Reply fromOutside = ask(portcullis, "GET", VERIFY, elsewhere.string("key"));
        assertEquals(403, fromOutside.status(), fromOutside.toString());
        assertEquals("IP_NOT_ALLOWED", fromOutside.errorCode());
        assertNull(fromOutside.header("X-Portcullis-Subject"));

        Reply plain = portcullis.send("GET", VERIFY, tenant.adminKey(), null, "X-Forwarded-For", "203.0.113.7",
                "X-Forwarded-Proto", "http");
        assertEquals("HTTPS_REQUIRED", plain.errorCode(), "a client that reached the gateway without TLS");

        for (Reply refusal : List.of(missing, fromOutside, plain)) {
            assertEquals(refusal.body(), refusal.header("X-Portcullis-Error"), "the body, for nginx to pass on");
        }
        assertNull(portcullis.get("/v1/keys/key_nothing", tenant.adminKey()).header("X-Portcullis-Error"),
                "only the gateway's refusals carry it");

        portcullis.patch("/v1/tenants/" + tenant.id(), portcullis.adminKey(), "{\"status\":\"suspended\"}");
        assertEquals("TENANT_SUSPENDED", ask(portcullis, "GET", VERIFY, tenant.adminKey()).errorCode());
    }

    @Test
    void aRoleTheGatewayRequiresIsCheckedOnTheLadder(Portcullis portcullis) {
        var tenant = portcullis.newTenant();
        String reader = portcullis.newKey(tenant.adminKey(), "{\"name\":\"reader\",\"role\":\"read_only\"}").string("key");

        Reply refused = ask(portcullis, "GET", VERIFY + "?role=member", reader);
        assertEquals(403, refused.status(), refused.toString());
        assertEquals("INSUFFICIENT_PERMISSIONS", refused.errorCode());
        assertEquals("member", refused.error().getString("required_role"));
        assertEquals(200, ask(portcullis, "GET", VERIFY + "?role=read_only", reader).status());
        assertEquals(200, ask(portcullis, "GET", VERIFY + "?role=member", tenant.adminKey()).status(), "admin includes member");

        Reply misspelt = ask(portcullis, "GET", VERIFY + "?role=owner", tenant.adminKey());
        assertEquals(400, misspelt.status(), misspelt.toString());
        assertEquals("role", misspelt.error().getString("field"));
    }

    @Test
    void aScopeTheGatewayRequiresIsCheckedAgainstScopedKeysOnly(Portcullis portcullis) {
        var tenant = portcullis.newTenant();
        String reader = portcullis.newKey(tenant.adminKey(), "{\"name\":\"reader\",\"scopes\":[\"orders:read\"]}").string("key");

        assertEquals(200, ask(portcullis, "GET", VERIFY + "?scope=orders:read", reader).status());
        Reply refused = ask(portcullis, "GET", VERIFY + "?scope=orders:write", reader);
        assertEquals(403, refused.status(), refused.toString());
        assertEquals("orders:write", refused.error().getString("required_scope"));
        assertEquals(200, ask(portcullis, "GET", VERIFY + "?scope=orders:write", tenant.adminKey()).status(),
                "a key without scopes has its role's full rights");
        Reply malformed = ask(portcullis, "GET", VERIFY + "?scope=orders", reader);
        assertEquals(400, malformed.status(), malformed.toString());
        assertEquals("scope", malformed.error().getString("field"));
    }

    @Test
    void eachQuestionSpendsTheKeysOwnBudgetTheSameAsACallToThisServer(Portcullis portcullis) {
        var tenant = portcullis.newTenant();
        String tight = portcullis.newKey(tenant.adminKey(), "{\"name\":\"tight\",\"rate_limit\":{\"per_minute\":3}}")
                .string("key");
        assertEquals("2", ask(portcullis, "GET", VERIFY, tight).header("X-RateLimit-Remaining"));
        assertEquals(200, ask(portcullis, "GET", "/v1/health", tight).status());
        assertEquals("0", ask(portcullis, "GET", VERIFY, tight).header("X-RateLimit-Remaining"));

        Reply refused = ask(portcullis, "GET", VERIFY, tight);

        assertEquals(429, refused.status(), refused.toString());
        assertEquals("RATE_LIMIT_EXCEEDED", refused.errorCode());
        assertEquals(refused.header("Retry-After"), String.valueOf(refused.error().getInt("retry_after")));
        assertEquals("3", refused.header("X-RateLimit-Limit"));
        assertNull(refused.header("X-Portcullis-Tenant-ID"));
    }
}
