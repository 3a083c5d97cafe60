package dev.portcullis.tenants;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.testing.DatabaseIndependent;
import dev.portcullis.testing.OwnServer;
import dev.portcullis.testing.PayaraMicro;
import dev.portcullis.testing.Portcullis;
import jakarta.json.JsonString;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A server of its own (no configured admin key, its own data) that each test restarts: what was
 * stored before the restart must be there after it. H2 only: what a restart keeps is the application's
 * doing (writes at stop, reloads at start); that a committed change survives on PostgreSQL, even a
 * {@code kill -9}, is {@code AcknowledgedChangesSurviveACrashIT}'s, which runs on both.
 */
@DatabaseIndependent
class RestartIT {

    @RegisterExtension
    static final OwnServer RESTARTED = OwnServer.withSettings("restart", Map.of("PORTCULLIS_CLOCK_ADJUSTABLE", "true"));

    private final PayaraMicro server = RESTARTED.server();
    private final String printedKey = RESTARTED.printedAdminKey();
    private final Portcullis portcullis = RESTARTED.portcullis();

    @Test
    void aGeneratedBootstrapKeyIsPrintedOnceAndStillWorksAfterARestart() {
        assertTrue(printedKey != null, "no platform-admin key was printed at first start");
        assertTrue(printedKey.matches("sk_live_[A-Za-z0-9]{38}"), "not a live secret key");
        assertEquals("tenant_platform", portcullis.get("/v1/health", printedKey).string("tenant_id"));

        server.restart();

        assertEquals(1, occurrences(server.logText(), printedKey), "printed again after the restart");
        assertEquals("tenant_platform", portcullis.get("/v1/health", printedKey).string("tenant_id"));
    }

    @Test
    void tenantsAndKeysSurviveARestart() {
        var tenant = portcullis.newTenant();
        String member = portcullis.newKey(tenant.adminKey(), "{\"name\":\"survivor\",\"role\":\"member\"}").string("key");

        server.restart();

        assertEquals(tenant.id(), portcullis.get("/v1/health", member).string("tenant_id"));
        assertEquals(200, portcullis.get("/v1/tenants/" + tenant.id(), printedKey).status());
        assertEquals(2, portcullis.get("/v1/keys", tenant.adminKey()).data().size());
    }

    @Test
    void aRestartDoesNotHandOutAFreshDay() {
        var tenant = portcullis.newTenant();
        String key = portcullis.newKey(tenant.adminKey(), "{\"name\":\"quota\",\"rate_limit\":{\"per_day\":5}}").string("key");
        for (int i = 0; i < 3; i++) {
            assertEquals(200, portcullis.get("/v1/health", key).status());
        }

        server.restart();

        var afterRestart = portcullis.get("/v1/health", key);
        assertEquals(200, afterRestart.status());
        assertEquals("1", afterRestart.header("X-RateLimit-Remaining"), "the day's count was reloaded: 4 of 5 used");
        assertEquals(200, portcullis.get("/v1/health", key).status());
        assertEquals(429, portcullis.get("/v1/health", key).status());
    }

    @Test
    void keysStillShowWhenTheyWereLastUsedAfterARestart() {
        var tenant = portcullis.newTenant();
        var used = portcullis.newKey(tenant.adminKey(), "{\"name\":\"used\",\"role\":\"member\"}");
        var unused = portcullis.newKey(tenant.adminKey(), "{\"name\":\"unused\",\"role\":\"member\"}");
        assertEquals(200, portcullis.get("/v1/health", used.string("key")).status());
        String lastUsed = portcullis.get("/v1/keys/" + used.string("id"), tenant.adminKey()).string("last_used_at");
        assertNotNull(lastUsed, "shown from the live counters before the restart");

        server.restart();

        assertEquals(lastUsed, portcullis.get("/v1/keys/" + used.string("id"), tenant.adminKey()).string("last_used_at"));
        assertNull(portcullis.get("/v1/keys/" + unused.string("id"), tenant.adminKey()).string("last_used_at"));
        Map<String, String> listed = new HashMap<>();
        portcullis.get("/v1/keys", tenant.adminKey()).data().forEach(key -> listed.put(key.asJsonObject().getString("id"),
                key.asJsonObject().get("last_used_at") instanceof JsonString at ? at.getString() : null));
        assertEquals(lastUsed, listed.get(used.string("id")));
        assertTrue(listed.containsKey(unused.string("id")) && listed.get(unused.string("id")) == null);
        assertEquals(lastUsed, portcullis.post("/v1/keys/" + used.string("id") + "/roll", tenant.adminKey(), "{}")
                .string("last_used_at"), "a rolled key keeps its last use");
    }

    @Test
    void accessAndRefreshTokensStillWorkAfterARestart() {
        var tenant = portcullis.newTenant();
        String email = "restart." + System.nanoTime() + "@example.com";
        portcullis.newUser(tenant.adminKey(), email, "correct horse battery staple", "member");
        var login = portcullis.login(email, "correct horse battery staple", tenant.id());

        server.restart();

        assertEquals(tenant.id(), portcullis.get("/v1/health", login.string("access_token")).string("tenant_id"));
        assertEquals(200, portcullis.refresh(login.string("refresh_token")).status());
    }

    private static int occurrences(String text, String needle) {
        int count = 0;
        for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
            count++;
        }
        return count;
    }
}
