package dev.portcullis.tenants;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.portcullis.testing.Portcullis;
import dev.portcullis.testing.PortcullisTest;
import dev.portcullis.testing.Reply;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

/** A key of tenant A never reads or changes anything of tenant B: B's ids answer 404. */
@PortcullisTest
class TenantIsolationIT {

    @Test
    void anotherTenantsKeyCannotBeReadChangedOrRevoked(Portcullis portcullis) {
        var a = portcullis.newTenant();
        var b = portcullis.newTenant();
        String bKeyId = portcullis.newKey(b.adminKey(), "{\"name\":\"b's\"}").string("id");

        assertNotFound(portcullis.get("/v1/keys/" + bKeyId, a.adminKey()));
        assertNotFound(portcullis.patch("/v1/keys/" + bKeyId, a.adminKey(), "{\"name\":\"hijacked\"}"));
        assertNotFound(portcullis.delete("/v1/keys/" + bKeyId, a.adminKey()));

        Reply unchanged = portcullis.get("/v1/keys/" + bKeyId, b.adminKey());
        assertEquals("b's", unchanged.string("name"));
        assertEquals("active", unchanged.string("status"));
    }

    @Test
    void aTenantsKeyListShowsOnlyItsOwnKeys(Portcullis portcullis) {
        var a = portcullis.newTenant();
        var b = portcullis.newTenant();
        portcullis.newKey(b.adminKey(), "{\"name\":\"b only\"}");
        Reply list = portcullis.get("/v1/keys", a.adminKey());
        for (JsonObject key : list.data().getValuesAs(JsonObject.class)) {
            assertEquals(a.id(), key.getString("tenant_id"));
        }
        assertEquals(1, list.data().size());
    }

    @Test
    void aTenantSeesOnlyItsOwnTenant(Portcullis portcullis) {
        var a = portcullis.newTenant();
        var b = portcullis.newTenant();
        Reply list = portcullis.get("/v1/tenants", a.adminKey());
        assertEquals(1, list.data().size());
        assertEquals(a.id(), list.data().getJsonObject(0).getString("id"));
        assertEquals(200, portcullis.get("/v1/tenants/" + a.id(), a.adminKey()).status());
        assertNotFound(portcullis.get("/v1/tenants/" + b.id(), a.adminKey()));
        assertNotFound(portcullis.get("/v1/tenants/tenant_platform", a.adminKey()));
    }

    @Test
    void aTenantAdminCannotCreateOrChangeTenants(Portcullis portcullis) {
        var a = portcullis.newTenant();
        var b = portcullis.newTenant();
        assertForbidden(portcullis.post("/v1/tenants", a.adminKey(), "{\"name\":\"mine now\"}"));
        assertForbidden(portcullis.patch("/v1/tenants/" + b.id(), a.adminKey(), "{\"status\":\"suspended\"}"));
        assertForbidden(portcullis.patch("/v1/tenants/" + a.id(), a.adminKey(), "{\"plan\":\"enterprise\"}"));
        assertEquals("active", portcullis.get("/v1/tenants/" + b.id(), b.adminKey()).string("status"));
    }

    @Test
    void keysCreatedByATenantAdminBelongToItsTenant(Portcullis portcullis) {
        var a = portcullis.newTenant();
        String key = portcullis.newKey(a.adminKey(), "{\"name\":\"k\"}").string("key");
        assertEquals(a.id(), portcullis.get("/v1/health", key).string("tenant_id"));
    }

    private static void assertNotFound(Reply reply) {
        assertEquals(404, reply.status(), reply.toString());
        assertEquals("NOT_FOUND", reply.errorCode());
        assertFalse(reply.body().contains("tenant_id"));
    }

    private static void assertForbidden(Reply reply) {
        assertEquals(403, reply.status(), reply.toString());
        assertEquals("INSUFFICIENT_PERMISSIONS", reply.errorCode());
        assertEquals("platform_admin", reply.error().getString("required_role"));
    }
}
