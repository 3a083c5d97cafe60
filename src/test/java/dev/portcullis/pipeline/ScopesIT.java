package dev.portcullis.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.portcullis.testing.Portcullis;
import dev.portcullis.testing.PortcullisTest;
import dev.portcullis.testing.Reply;
import org.junit.jupiter.api.Test;

@PortcullisTest
class ScopesIT {

    private static final String FILE = "{\"name\":\"notes.txt\",\"content\":\"hello\"}";

    @Test
    void aKeyWithoutScopesHasItsRolesFullRightsAFilesReadKeyCannotWrite(Portcullis portcullis) {
        var tenant = portcullis.newTenant();
        String unscoped = portcullis.newKey(tenant.adminKey(), "{\"name\":\"all\",\"role\":\"member\"}").string("key");
        String reader = portcullis.newKey(tenant.adminKey(),
                "{\"name\":\"reader\",\"role\":\"member\",\"scopes\":[\"files:read\"]}").string("key");

        Reply written = portcullis.post("/v1/files", unscoped, FILE);
        assertEquals(201, written.status(), written.toString());
        assertEquals("hello", portcullis.get("/v1/files/" + written.string("id"), reader).string("content"));
        assertEquals(portcullis.get("/v1/health", unscoped).string("tenant_id"), written.string("tenant_id"));
        Reply refused = portcullis.post("/v1/files", reader, FILE);
        assertEquals(403, refused.status());
        assertEquals("INSUFFICIENT_PERMISSIONS", refused.errorCode());
        assertEquals("files:write", refused.error().getString("required_scope"));
        assertEquals(200, portcullis.get("/v1/files/" + written.string("id"), reader).status());
        assertEquals(200, portcullis.get("/v1/files", reader).status());
    }

    @Test
    void scopesNarrowARoleButNeverWidenIt(Portcullis portcullis) {
        var tenant = portcullis.newTenant();
        String readOnlyWithWrite = portcullis.newKey(tenant.adminKey(),
                "{\"name\":\"ro\",\"role\":\"read_only\",\"scopes\":[\"files:write\",\"keys:manage\"]}").string("key");
        Reply write = portcullis.post("/v1/files", readOnlyWithWrite, FILE);
        assertEquals(403, write.status());
        assertEquals("member", write.error().getString("required_role"));
        assertEquals("admin", portcullis.get("/v1/keys", readOnlyWithWrite).error().getString("required_role"));
    }

    @Test
    void aScopedKeyCanCallNothingItsScopesDoNotName(Portcullis portcullis) {
        var tenant = portcullis.newTenant();
        String filesOnly = portcullis.newKey(tenant.adminKey(),
                "{\"name\":\"files\",\"role\":\"admin\",\"scopes\":[\"files:read\",\"files:write\"]}").string("key");
        Reply keys = portcullis.get("/v1/keys", filesOnly);
        assertEquals(403, keys.status());
        assertEquals("keys:read", keys.error().getString("required_scope"));
        assertEquals(403, portcullis.get("/v1/users", filesOnly).status());
        assertEquals(403, portcullis.get("/v1/tenants", filesOnly).status());
        assertEquals(200, portcullis.get("/v1/health", filesOnly).status(), "health needs no scope");
    }

    @Test
    void aScopedKeyCannotHandOutScopesItLacks(Portcullis portcullis) {
        var tenant = portcullis.newTenant();
        String keyManager = portcullis.newKey(tenant.adminKey(),
                "{\"name\":\"km\",\"role\":\"admin\",\"scopes\":[\"keys:manage\",\"keys:read\"]}").string("key");
        Reply wider = portcullis.post("/v1/keys", keyManager, "{\"name\":\"x\",\"scopes\":[\"files:write\"]}");
        assertEquals(403, wider.status());
        assertEquals("files:write", wider.error().getString("required_scope"));
        assertEquals(403, portcullis.post("/v1/keys", keyManager, "{\"name\":\"unscoped\"}").status(),
                "an unscoped key would have every scope");
        assertEquals(201, portcullis.post("/v1/keys", keyManager, "{\"name\":\"y\",\"scopes\":[\"keys:read\"]}").status());
    }

    @Test
    void unknownScopesAre400ListingTheKnownOnes(Portcullis portcullis) {
        var tenant = portcullis.newTenant();
        Reply reply = portcullis.post("/v1/keys", tenant.adminKey(), "{\"name\":\"x\",\"scopes\":[\"files:delete\"]}");
        assertEquals(400, reply.status());
        assertEquals("scopes", reply.error().getString("field"));
        Reply patched = portcullis.patch("/v1/keys/" + tenant.adminKeyId(), tenant.adminKey(), "{\"scopes\":[\"everything\"]}");
        assertEquals(400, patched.status());
    }

    @Test
    void keysCarryTheApplicationsOwnScopesButOnlyPortcullisScopesOfItsOwnResources(Portcullis portcullis) {
        var tenant = portcullis.newTenant();
        Reply created = portcullis.post("/v1/keys", tenant.adminKey(),
                "{\"name\":\"app\",\"scopes\":[\"orders:read\",\"reports:export-csv\"]}");
        assertEquals(201, created.status(), created.toString());
        assertEquals("[\"orders:read\",\"reports:export-csv\"]", created.json().getJsonArray("scopes").toString());
        Reply reserved = portcullis.post("/v1/keys", tenant.adminKey(), "{\"name\":\"x\",\"scopes\":[\"keys:delete\"]}");
        assertEquals(400, reserved.status());
        assertEquals("scopes", reserved.error().getString("field"));
        Reply malformed = portcullis.post("/v1/keys", tenant.adminKey(), "{\"name\":\"x\",\"scopes\":[\"Orders:Read\"]}");
        assertEquals(400, malformed.status());
    }

    @Test
    void scopesCanBeChangedAndApplyAtTheNextRequest(Portcullis portcullis) {
        var tenant = portcullis.newTenant();
        Reply created = portcullis.newKey(tenant.adminKey(), "{\"name\":\"m\",\"role\":\"member\"}");
        assertEquals(201, portcullis.post("/v1/files", created.string("key"), FILE).status());
        portcullis.patch("/v1/keys/" + created.string("id"), tenant.adminKey(), "{\"scopes\":[\"files:read\"]}");
        assertEquals(403, portcullis.post("/v1/files", created.string("key"), FILE).status());
        portcullis.patch("/v1/keys/" + created.string("id"), tenant.adminKey(), "{\"scopes\":[]}");
        assertEquals(201, portcullis.post("/v1/files", created.string("key"), FILE).status());
    }
}
