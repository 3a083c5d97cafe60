package dev.portcullis.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.access.Environment;
import dev.portcullis.keys.control.KeyFormat;
import dev.portcullis.keys.entity.KeyType;
import dev.portcullis.testing.Portcullis;
import dev.portcullis.testing.Reply;
import dev.portcullis.testing.StrictPortcullisTest;
import dev.portcullis.testing.StrictServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Against the strict server: no loopback exemption, no trusted proxies, TLS on its own port. */
@StrictPortcullisTest
class TransportIT {

    @Test
    void plainHttpWithAValidKeyIsRefusedWithoutLookingAtTheKey(Portcullis portcullis) {
        Reply plain = portcullis.get("/v1/health", portcullis.adminKey());
        assertEquals(403, plain.status());
        assertEquals("HTTPS_REQUIRED", plain.errorCode());
        assertEquals(null, plain.header("X-RateLimit-Limit"), "the key was not even charged");
        assertEquals(403, portcullis.get("/v1/no-such-path", null).status(), "before routing, too");
        assertEquals(403, portcullis.get("/v1/health", null, "X-Forwarded-Proto", "https").status(),
                "a stranger's word for TLS counts for nothing");
    }

    @Test
    void httpsWorksAndCarriesHsts(Portcullis portcullis) {
        Reply tls = portcullis.overTls().get("/v1/health", portcullis.adminKey());
        assertEquals(200, tls.status(), tls.toString());
        assertEquals("tenant_platform", tls.string("tenant_id"));
        assertTrue(tls.header("Strict-Transport-Security").startsWith("max-age="));
    }

    @Test
    void forwardedForFromAnUntrustedPeerIsIgnored(Portcullis strict) {
        Portcullis portcullis = strict.overTls();
        var tenant = portcullis.newTenant();
        String loopbackOnly = portcullis.newKey(tenant.adminKey(), "{\"name\":\"lo\",\"allowed_ips\":[\"127.0.0.1\"]}").string("key");
        String elsewhere = portcullis.newKey(tenant.adminKey(), "{\"name\":\"far\",\"allowed_ips\":[\"203.0.113.9\"]}").string("key");
        assertEquals(200, portcullis.get("/v1/health", loopbackOnly, "X-Forwarded-For", "203.0.113.9").status());
        Reply spoofed = portcullis.get("/v1/health", elsewhere, "X-Forwarded-For", "203.0.113.9");
        assertEquals(403, spoofed.status());
        assertEquals("IP_NOT_ALLOWED", spoofed.errorCode());
        assertEquals(200, portcullis.get("/v1/health", loopbackOnly, "X-Forwarded-For", "junk, junk").status(),
                "junk from a stranger is ignored, not an error");
    }

    @Test
    void failedAuthenticationsAreThrottledPerAddressBeforeAnyFurtherLookup(Portcullis strict) {
        Portcullis portcullis = strict.overTls();
        var tenant = portcullis.newTenant();
        assertEquals(200, portcullis.get("/v1/health", tenant.adminKey()).status(), "this key is now known to the server");
        KeyFormat format = new KeyFormat("sk", "tk");
        try {
            for (int i = 0; i < StrictServer.FAILED_AUTH_PER_MINUTE; i++) {
                String guess = format.generate(KeyType.SECRET, Environment.LIVE, null);
                assertEquals(401, portcullis.get("/v1/health", guess).status(), "guess " + (i + 1));
            }
            Reply throttled = portcullis.get("/v1/health", format.generate(KeyType.SECRET, Environment.LIVE, null));
            assertEquals(429, throttled.status());
            assertEquals("RATE_LIMIT_EXCEEDED", throttled.errorCode());
            assertEquals(throttled.header("Retry-After"), String.valueOf(throttled.error().getJsonNumber("retry_after").longValue()));
            Reply unseen = portcullis.get("/v1/health", format.generate(KeyType.SECRET, Environment.LIVE, null));
            assertEquals(429, unseen.status(), "no lookup at all while blocked");
            assertEquals(200, portcullis.get("/v1/health", tenant.adminKey()).status(),
                    "a key this server has already verified keeps working behind the same address");
            Reply login = portcullis.login("someone@example.com", "whatever password", tenant.id());
            assertEquals(429, login.status(), "failed logins share the address's budget");
        } finally {
            portcullis.advanceClock(Duration.ofMinutes(2));
        }
        assertEquals(200, portcullis.get("/v1/health", tenant.adminKey()).status());
    }
}
