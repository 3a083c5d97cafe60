package dev.portcullis.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.testing.Portcullis;
import dev.portcullis.testing.PortcullisTest;
import dev.portcullis.testing.Reply;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

/** Live and test are two worlds: every object carries the environment of the credential that made it. */
@PortcullisTest
class EnvironmentsIT {

    private static final String PASSWORD = "correct horse battery staple";

    @Test
    void aTestKeyCannotSeeALiveObjectNorALiveKeyATestOne(Portcullis portcullis) {
        var tenant = portcullis.newTenant();
        String testKey = portcullis.newKey(tenant.adminKey(), "{\"name\":\"sandbox\",\"environment\":\"test\",\"role\":\"admin\"}").string("key");
        assertTrue(testKey.startsWith("sk_test_"), testKey);

        Reply liveFile = portcullis.post("/v1/files", tenant.adminKey(), "{\"name\":\"live.txt\",\"content\":\"l\"}");
        Reply testFile = portcullis.post("/v1/files", testKey, "{\"name\":\"test.txt\",\"content\":\"t\"}");
        assertEquals("live", liveFile.string("environment"));
        assertEquals("test", testFile.string("environment"));

        assertEquals(404, portcullis.get("/v1/files/" + liveFile.string("id"), testKey).status());
        assertEquals(404, portcullis.delete("/v1/files/" + liveFile.string("id"), testKey).status());
        assertEquals(404, portcullis.get("/v1/files/" + testFile.string("id"), tenant.adminKey()).status());
        assertEquals(1, portcullis.get("/v1/files", testKey).data().size());
        assertEquals(1, portcullis.get("/v1/files", tenant.adminKey()).data().size());
        assertEquals(200, portcullis.get("/v1/files/" + liveFile.string("id"), tenant.adminKey()).status());
    }

    @Test
    void testCredentialsSeeAndMakeTestUsersAndKeysOnly(Portcullis portcullis) {
        var tenant = portcullis.newTenant();
        String testAdmin = portcullis.newKey(tenant.adminKey(), "{\"name\":\"sandbox\",\"environment\":\"test\",\"role\":\"admin\"}").string("key");
        String liveUser = portcullis.newUser(tenant.adminKey(), "live." + System.nanoTime() + "@example.com", PASSWORD, "member").string("id");
        Reply testUser = portcullis.newUser(testAdmin, "test." + System.nanoTime() + "@example.com", PASSWORD, "member");
        assertEquals("test", testUser.string("environment"));
        assertEquals(404, portcullis.get("/v1/users/" + liveUser, testAdmin).status());
        assertEquals(404, portcullis.get("/v1/users/" + testUser.string("id"), tenant.adminKey()).status());

        assertEquals(404, portcullis.get("/v1/keys/" + tenant.adminKeyId(), testAdmin).status(), "a live key is invisible to test");
        for (JsonObject key : portcullis.get("/v1/keys", testAdmin).data().getValuesAs(JsonObject.class)) {
            assertEquals("test", key.getString("environment"));
        }
        Reply live = portcullis.post("/v1/keys", testAdmin, "{\"name\":\"escape\",\"environment\":\"live\"}");
        assertEquals(400, live.status());
        assertEquals("environment", live.error().getString("field"));
        assertTrue(portcullis.post("/v1/keys", testAdmin, "{\"name\":\"t\"}").string("key").startsWith("sk_test_"),
                "a test credential's keys default to test");
    }

    @Test
    void sessionsAreLiveUnlessTheLoginAsksForTest(Portcullis portcullis) {
        var tenant = portcullis.newTenant();
        String email = "env." + System.nanoTime() + "@example.com";
        portcullis.newUser(tenant.adminKey(), email, PASSWORD, "member");
        String live = portcullis.login(email, PASSWORD, tenant.id()).string("access_token");
        String test = portcullis.post("/v1/auth/login", null, Portcullis.json(java.util.Map.of("email", email, "password", PASSWORD,
                "tenant_id", tenant.id(), "environment", "test"))).string("access_token");
        Reply liveFile = portcullis.post("/v1/files", live, "{\"name\":\"a\",\"content\":\"a\"}");
        assertEquals("live", liveFile.string("environment"));
        assertEquals("test", portcullis.post("/v1/files", test, "{\"name\":\"b\",\"content\":\"b\"}").string("environment"));
        assertEquals(404, portcullis.get("/v1/files/" + liveFile.string("id"), test).status());
    }

    @Test
    void tenantKeysOfTestAreMarkedSo(Portcullis portcullis) {
        var tenant = portcullis.newTenant();
        String key = portcullis.newKey(tenant.adminKey(), "{\"name\":\"tt\",\"type\":\"tenant\",\"environment\":\"test\"}").string("key");
        assertTrue(key.startsWith("tk_" + tenant.id() + "_test_"), key);
        assertEquals(201, portcullis.post("/v1/files", key, "{\"name\":\"c\",\"content\":\"c\"}").status());
        assertEquals("test", portcullis.get("/v1/files", key).data().getJsonObject(0).getString("environment"));
    }
}
