package dev.portcullis.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.access.Environment;
import dev.portcullis.keys.control.KeyFormat;
import dev.portcullis.keys.entity.KeyType;
import dev.portcullis.testing.Portcullis;
import dev.portcullis.testing.Reply;
import dev.portcullis.testing.StrictPortcullisTest;
import dev.portcullis.testing.StrictServer;
import jakarta.json.JsonObject;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/** Against the strict server, whose failed-authentication budget per address is small. */
@StrictPortcullisTest
class KeyVerificationThrottlingIT {

    @Test
    void keysGuessedThroughABackendAreThrottledPerClientAddressNotPerBackend(Portcullis strict) {
        Portcullis portcullis = strict.overTls();
        var tenant = portcullis.newTenant();
        String genuine = portcullis.newKey(tenant.adminKey(), "{\"name\":\"genuine\"}").string("key");
        String guesser = "198.51.100." + ThreadLocalRandom.current().nextInt(1, 255);
        KeyFormat format = new KeyFormat("sk", "tk");
        for (int i = 0; i < StrictServer.FAILED_AUTH_PER_MINUTE; i++) {
            String guess = format.generate(KeyType.SECRET, Environment.LIVE, null);
            assertEquals("INVALID_API_KEY", verdict(portcullis, tenant.adminKey(), guess, guesser).getString("code"));
        }

        JsonObject blocked = verdict(portcullis, tenant.adminKey(), format.generate(KeyType.SECRET, Environment.LIVE, null), guesser);
        assertEquals("RATE_LIMIT_EXCEEDED", blocked.getString("code"), blocked.toString());
        assertTrue(blocked.getInt("retry_after") >= 1);
        assertEquals("RATE_LIMIT_EXCEEDED", verdict(portcullis, tenant.adminKey(), genuine, guesser).getString("code"),
                "a key not yet looked up is not looked up for a blocked address");
        assertTrue(verdict(portcullis, tenant.adminKey(), genuine, "203.0.113.50").getBoolean("valid"),
                "other clients of the same backend are not blocked");
        assertEquals(200, portcullis.get("/v1/health", tenant.adminKey()).status(), "nor is the backend itself");
    }

    private static JsonObject verdict(Portcullis portcullis, String verifier, String key, String clientIp) {
        Reply reply = portcullis.post("/v1/keys/verify", verifier, "{\"key\":\"" + key + "\",\"client_ip\":\"" + clientIp + "\"}");
        assertEquals(200, reply.status(), reply.toString());
        return reply.json();
    }
}
