package dev.portcullis.tenants;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.testing.Portcullis;
import dev.portcullis.testing.PortcullisTest;
import dev.portcullis.testing.Reply;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

@PortcullisTest
class TenantsIT {

    @Test
    void aPlatformAdminCreatesReadsAndUpdatesTenants(Portcullis portcullis) {
        String admin = portcullis.adminKey();
        Reply created = portcullis.post("/v1/tenants", admin, "{\"name\":\"Acme\",\"plan\":\"standard\"}");
        assertEquals(201, created.status());
        String id = created.string("id");
        assertTrue(id.matches("tenant_[A-Za-z0-9]{20}"), id);
        assertEquals("Acme", created.string("name"));
        assertEquals("standard", created.string("plan"));
        assertEquals("active", created.string("status"));
        assertTrue(created.json().containsKey("created_at"));

        assertEquals("Acme", portcullis.get("/v1/tenants/" + id, admin).string("name"));

        Reply updated = portcullis.patch("/v1/tenants/" + id, admin, "{\"name\":\"Acme Corp\",\"plan\":\"free\"}");
        assertEquals(200, updated.status());
        assertEquals("Acme Corp", updated.string("name"));
        assertEquals("free", updated.string("plan"));
    }

    @Test
    void aTenantWithoutAPlanIsOnTheFreePlan(Portcullis portcullis) {
        assertEquals("free", portcullis.post("/v1/tenants", portcullis.adminKey(), "{\"name\":\"Cheap\"}").string("plan"));
    }

    @Test
    void aPlatformAdminListsAllTenantsPageByPage(Portcullis portcullis) {
        var a = portcullis.newTenant();
        var b = portcullis.newTenant();
        boolean sawA = false;
        boolean sawB = false;
        String cursor = "";
        do {
            Reply page = portcullis.get("/v1/tenants?limit=100&cursor=" + cursor, portcullis.adminKey());
            for (JsonObject tenant : page.data().getValuesAs(JsonObject.class)) {
                sawA |= tenant.getString("id").equals(a.id());
                sawB |= tenant.getString("id").equals(b.id());
            }
            cursor = page.string("next_cursor");
        } while (cursor != null);
        assertTrue(sawA && sawB);
    }

    @Test
    void aSuspendedTenantsCredentialsGet403OnEveryCallUntilReactivated(Portcullis portcullis) {
        var tenant = portcullis.newTenant();
        String member = portcullis.newKey(tenant.adminKey(), "{\"name\":\"m\",\"role\":\"member\"}").string("key");
        assertEquals(200, portcullis.get("/v1/health", member).status());

        assertEquals(200, portcullis.patch("/v1/tenants/" + tenant.id(), portcullis.adminKey(), "{\"status\":\"suspended\"}").status());

        for (Reply reply : new Reply[] {portcullis.get("/v1/health", member), portcullis.get("/v1/keys", tenant.adminKey()),
                portcullis.get("/v1/tenants", tenant.adminKey())}) {
            assertEquals(403, reply.status(), reply.toString());
            assertEquals("TENANT_SUSPENDED", reply.errorCode());
        }
        Reply byPlatform = portcullis.get("/v1/keys", portcullis.adminKey(), "X-Tenant-ID", tenant.id());
        assertEquals(200, byPlatform.status(), "the platform admin can still manage a suspended tenant");

        portcullis.patch("/v1/tenants/" + tenant.id(), portcullis.adminKey(), "{\"status\":\"active\"}");
        assertEquals(200, portcullis.get("/v1/health", member).status());
    }

    @Test
    void thePlatformTenantCannotBeSuspended(Portcullis portcullis) {
        Reply refused = portcullis.patch("/v1/tenants/tenant_platform", portcullis.adminKey(), "{\"status\":\"suspended\"}");
        assertEquals(400, refused.status());
        assertEquals("VALIDATION_FAILED", refused.errorCode());
    }

    @Test
    void badTenantInputGets400NamingTheField(Portcullis portcullis) {
        String admin = portcullis.adminKey();
        assertField(portcullis.post("/v1/tenants", admin, "{}"), "name");
        assertField(portcullis.post("/v1/tenants", admin, "{\"name\":\"  \"}"), "name");
        assertField(portcullis.post("/v1/tenants", admin, "{\"name\":\"" + "n".repeat(201) + "\"}"), "name");
        assertField(portcullis.post("/v1/tenants", admin, "{\"name\":\"x\",\"plan\":\"platinum\"}"), "plan");
        var tenant = portcullis.newTenant();
        assertField(portcullis.patch("/v1/tenants/" + tenant.id(), admin, "{\"status\":\"deleted\"}"), "status");
        assertEquals(404, portcullis.patch("/v1/tenants/tenant_nope", admin, "{\"name\":\"x\"}").status());
    }

    private static void assertField(Reply reply, String field) {
        assertEquals(400, reply.status(), reply.toString());
        assertEquals(field, reply.error().getString("field"), reply.toString());
    }
}
