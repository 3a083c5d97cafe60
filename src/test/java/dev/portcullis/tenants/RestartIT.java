package dev.portcullis.tenants;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.portcullis.testing.PayaraMicro;
import dev.portcullis.testing.Portcullis;
import dev.portcullis.testing.TestDatabase;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Its own server (no configured admin key, its own data): the generated bootstrap key is printed once,
 * and everything, that key included, survives a restart.
 */
class RestartIT {

    private static final Pattern PRINTED_KEY = Pattern.compile("Platform-admin API key \\(shown only this once, store it now\\): (sk_live_[A-Za-z0-9]{38})");

    @Test
    void aGeneratedBootstrapKeyIsPrintedOnceAndDataSurvivesARestart() {
        Map<String, String> environment = new HashMap<>(TestDatabase.fresh("restart"));
        try (PayaraMicro server = PayaraMicro.start("restart", environment)) {
            Matcher printed = PRINTED_KEY.matcher(server.logText());
            assertNotNull(printed.find() ? printed.group(1) : null, "the generated key was not printed");
            String adminKey = printed.group(1);
            Portcullis portcullis = new Portcullis(server, adminKey);

            var tenant = portcullis.newTenant();
            String member = portcullis.newKey(tenant.adminKey(), "{\"name\":\"survivor\",\"role\":\"member\"}").string("key");

            server.restart();

            assertEquals(1, occurrences(server.logText(), adminKey), "printed again after the restart");
            assertEquals(tenant.id(), portcullis.get("/v1/health", member).string("tenant_id"));
            assertEquals(200, portcullis.get("/v1/tenants/" + tenant.id(), adminKey).status());
            assertEquals(2, portcullis.get("/v1/keys", tenant.adminKey()).data().size());
        }
    }

    private static int occurrences(String text, String needle) {
        int count = 0;
        for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
            count++;
        }
        return count;
    }
}
