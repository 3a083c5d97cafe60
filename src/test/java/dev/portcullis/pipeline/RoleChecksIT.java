package dev.portcullis.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.portcullis.testing.Portcullis;
import dev.portcullis.testing.PortcullisTest;
import dev.portcullis.testing.Reply;
import org.junit.jupiter.api.Test;

@PortcullisTest
class RoleChecksIT {

    @Test
    void membersAndReadOnlyKeysCannotManageKeys(Portcullis portcullis) {
        var tenant = portcullis.newTenant();
        String member = portcullis.newKey(tenant.adminKey(), "{\"name\":\"m\",\"role\":\"member\"}").string("key");
        String readOnly = portcullis.newKey(tenant.adminKey(), "{\"name\":\"r\",\"role\":\"read_only\"}").string("key");
        for (String key : new String[] {member, readOnly}) {
            assertRequires("admin", portcullis.get("/v1/keys", key));
            assertRequires("admin", portcullis.post("/v1/keys", key, "{\"name\":\"escalate\",\"role\":\"admin\"}"));
            assertRequires("admin", portcullis.delete("/v1/keys/" + tenant.adminKeyId(), key));
        }
        assertEquals("active", portcullis.get("/v1/keys/" + tenant.adminKeyId(), tenant.adminKey()).string("status"));
    }

    @Test
    void aTenantAdminCannotMintAPlatformAdminKey(Portcullis portcullis) {
        var tenant = portcullis.newTenant();
        assertRequires("platform_admin", portcullis.post("/v1/keys", tenant.adminKey(), "{\"name\":\"x\",\"role\":\"platform_admin\"}"));
    }

    @Test
    void platformAdminKeysExistOnlyInThePlatformTenant(Portcullis portcullis) {
        var tenant = portcullis.newTenant();
        Reply refused = portcullis.post("/v1/keys", portcullis.adminKey(), "{\"name\":\"x\",\"role\":\"platform_admin\"}",
                "X-Tenant-ID", tenant.id());
        assertEquals(400, refused.status());
        assertEquals("role", refused.error().getString("field"));
    }

    @Test
    void onlyPlatformAdminsMoveTheTestClock(Portcullis portcullis) {
        var tenant = portcullis.newTenant();
        assertRequires("platform_admin", portcullis.post("/v1/test-clock", tenant.adminKey(), "{\"seconds\":0}"));
    }

    @Test
    void anAdminKeyCanCreateKeysOfEveryTenantRole(Portcullis portcullis) {
        var tenant = portcullis.newTenant();
        for (String role : new String[] {"admin", "member", "read_only"}) {
            Reply created = portcullis.newKey(tenant.adminKey(), "{\"name\":\"k\",\"role\":\"" + role + "\"}");
            assertEquals(role, created.string("role"));
        }
    }

    private static void assertRequires(String role, Reply reply) {
        assertEquals(403, reply.status(), reply.toString());
        assertEquals("INSUFFICIENT_PERMISSIONS", reply.errorCode());
        assertEquals("Insufficient permissions for this operation", reply.error().getString("message"));
        assertEquals(role, reply.error().getString("required_role"));
    }
}
