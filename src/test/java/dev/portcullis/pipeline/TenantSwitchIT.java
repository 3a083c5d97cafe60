package dev.portcullis.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.portcullis.testing.Portcullis;
import dev.portcullis.testing.PortcullisTest;
import dev.portcullis.testing.Reply;
import org.junit.jupiter.api.Test;

/** {@code X-Tenant-ID}: a platform admin's way into a tenant; nobody else's. */
@PortcullisTest
class TenantSwitchIT {

    @Test
    void aPlatformAdminActsForTheTenantItNames(Portcullis portcullis) {
        var tenant = portcullis.newTenant();
        Reply health = portcullis.get("/v1/health", portcullis.adminKey(), "X-Tenant-ID", tenant.id());
        assertEquals(tenant.id(), health.string("tenant_id"));

        Reply created = portcullis.post("/v1/keys", portcullis.adminKey(), "{\"name\":\"made by platform\"}", "X-Tenant-ID", tenant.id());
        assertEquals(201, created.status());
        assertEquals(tenant.id(), created.string("tenant_id"));
        assertEquals(200, portcullis.get("/v1/keys/" + created.string("id"), tenant.adminKey()).status());
    }

    @Test
    void anUnknownTenantIs404(Portcullis portcullis) {
        for (String unknown : new String[] {"tenant_doesnotexist", "nonsense", "tenant_" + "x".repeat(200), "tenant_a b"}) {
            Reply reply = portcullis.get("/v1/keys", portcullis.adminKey(), "X-Tenant-ID", unknown);
            assertEquals(404, reply.status(), unknown);
            assertEquals("NOT_FOUND", reply.errorCode());
        }
    }

    @Test
    void anyoneElseNamingATenantGets403WithTheRequiredRole(Portcullis portcullis) {
        var a = portcullis.newTenant();
        var b = portcullis.newTenant();
        String member = portcullis.newKey(a.adminKey(), "{\"name\":\"m\",\"role\":\"member\"}").string("key");
        for (String key : new String[] {a.adminKey(), member}) {
            for (String target : new String[] {b.id(), a.id(), "tenant_platform"}) {
                Reply reply = portcullis.get("/v1/health", key, "X-Tenant-ID", target);
                assertEquals(403, reply.status(), reply.toString());
                assertEquals("INSUFFICIENT_PERMISSIONS", reply.errorCode());
                assertEquals("platform_admin", reply.error().getString("required_role"));
            }
        }
    }

    @Test
    void evenAPlatformAdminsTenantKeyCannotSwitchTenants(Portcullis portcullis) {
        var tenant = portcullis.newTenant();
        String platformTenantKey = portcullis.newKey(portcullis.adminKey(),
                "{\"name\":\"bound\",\"type\":\"tenant\",\"role\":\"platform_admin\"}").string("key");
        Reply reply = portcullis.get("/v1/health", platformTenantKey, "X-Tenant-ID", tenant.id());
        assertEquals(403, reply.status(), "tenant keys never switch tenants, even a platform admin's");
    }
}
