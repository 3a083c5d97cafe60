package dev.portcullis.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.portcullis.testing.Portcullis;
import dev.portcullis.testing.PortcullisTest;
import dev.portcullis.testing.Reply;
import org.junit.jupiter.api.Test;

/**
 * Text that one database would store and the other refuses is refused before either sees it, with the
 * same 400 on both: a NUL character, which PostgreSQL cannot store in text (it answered 500 there) and H2
 * stored. Runs on H2 and, in the postgres profile, on PostgreSQL.
 */
@PortcullisTest
class TextParityIT {

    private static final String NUL = "\\u0000";

    @Test
    void aNulCharacterInAnyTextFieldIs400NamingTheField(Portcullis portcullis) {
        var tenant = portcullis.newTenant();
        String admin = portcullis.adminKey();
        assertRefused("name", portcullis.post("/v1/keys", tenant.adminKey(), "{\"name\":\"a" + NUL + "b\"}"));
        assertRefused("scopes", portcullis.post("/v1/keys", tenant.adminKey(), "{\"name\":\"k\",\"scopes\":[\"keys:read" + NUL + "\"]}"));
        assertRefused("name", portcullis.post("/v1/tenants", admin, "{\"name\":\"" + NUL + "\"}"));
        assertRefused("email", portcullis.post("/v1/users", tenant.adminKey(),
                "{\"email\":\"a" + NUL + "@example.com\",\"password\":\"a long enough password\"}"));
        assertRefused("email", portcullis.post("/v1/auth/login", null,
                "{\"email\":\"a" + NUL + "@example.com\",\"password\":\"whatever it is\",\"tenant_id\":\"" + tenant.id() + "\"}"));
        assertRefused("tenant_id", portcullis.post("/v1/auth/login", null,
                "{\"email\":\"a@example.com\",\"password\":\"whatever it is\",\"tenant_id\":\"tenant_" + NUL + "\"}"));
        assertRefused("refresh_token", portcullis.post("/v1/auth/refresh", null, "{\"refresh_token\":\"rt_" + NUL + "\"}"));
        assertRefused("name", portcullis.post("/v1/files", tenant.adminKey(), "{\"name\":\"" + NUL + "\",\"content\":\"x\"}"));
        assertRefused("content", portcullis.post("/v1/files", tenant.adminKey(), "{\"name\":\"f\",\"content\":\"" + NUL + "\"}"));
        assertRefused("allowed_ips", portcullis.post("/v1/auth/ip-allowlist", tenant.adminKey(), "{\"allowed_ips\":[\"" + NUL + "\"]}"));
        assertRefused("name", portcullis.post("/v1/plans", admin, "{\"name\":\"" + NUL + "\",\"per_minute\":1,\"per_day\":1}"));
        assertEquals(200, portcullis.get("/v1/health", tenant.adminKey()).status(), "and the server still answers");
    }

    private static void assertRefused(String field, Reply reply) {
        assertEquals(400, reply.status(), reply.toString());
        assertEquals("VALIDATION_FAILED", reply.errorCode(), reply.toString());
        assertEquals(field, reply.error().getString("field"), reply.toString());
    }
}
