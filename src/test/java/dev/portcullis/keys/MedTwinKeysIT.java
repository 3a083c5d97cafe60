package dev.portcullis.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.keys.control.KeyFormat;
import dev.portcullis.keys.entity.KeyType;
import dev.portcullis.security.Environment;
import dev.portcullis.testing.PayaraMicro;
import dev.portcullis.testing.Portcullis;
import dev.portcullis.testing.Reply;
import dev.portcullis.testing.TestDatabase;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A server configured with MedTWIN's key family ({@code KEYS_PREFIX=mt}), from its first start on. */
class MedTwinKeysIT {

    private static PayaraMicro server;
    private static Portcullis portcullis;
    private static String printedKey;

    @BeforeAll
    static void startWithTheMedTwinKeyFamily() {
        server = PayaraMicro.start("medtwin", TestDatabase.freshWith("medtwin", Map.of("KEYS_PREFIX", "mt")));
        printedKey = server.printedAdminKey().orElse(null);
        portcullis = new Portcullis(server, printedKey);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theGeneratedPlatformAdminKeyAndEveryNewSecretKeyAreMtLiveOrMtTest() {
        assertNotNull(printedKey, "no platform-admin key was printed at first start");
        assertTrue(printedKey.matches("mt_live_[A-Za-z0-9]{38}"), printedKey.substring(0, 8));
        var tenant = portcullis.newTenant();
        assertTrue(tenant.adminKey().startsWith("mt_live_"));

        String live = portcullis.newKey(tenant.adminKey(), "{\"name\":\"production\",\"role\":\"member\"}").string("key");
        String test = portcullis.newKey(tenant.adminKey(),
                "{\"name\":\"sandbox\",\"role\":\"member\",\"environment\":\"test\"}").string("key");
        assertTrue(live.matches("mt_live_[A-Za-z0-9]{38}"));
        assertTrue(test.matches("mt_test_[A-Za-z0-9]{38}"));
        assertEquals(tenant.id(), portcullis.get("/v1/health", live).string("tenant_id"));
        assertEquals(tenant.id(), portcullis.get("/v1/health", test).string("tenant_id"));
    }

    @Test
    void aWellFormedKeyOfTheDefaultSkFamilyIsJustAnInvalidApiKeyHere() {
        String skKey = new KeyFormat("sk", "tk").generate(KeyType.SECRET, Environment.LIVE, null);
        Reply refused = portcullis.get("/v1/keys", skKey);
        assertEquals(401, refused.status(), refused.toString());
        assertEquals("INVALID_API_KEY", refused.errorCode());
        assertEquals("Bearer", refused.header("WWW-Authenticate"));
    }
}
