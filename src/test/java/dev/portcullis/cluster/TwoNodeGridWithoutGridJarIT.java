package dev.portcullis.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.testing.Concurrently;
import dev.portcullis.testing.PayaraMicro;
import dev.portcullis.testing.Portcullis;
import dev.portcullis.testing.SharedServer;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Two nodes started without {@code portcullis-grid.jar} on {@code --addlibs}: the rate limiter falls
 * back to a counter map bound to the application, says so in the log, and stays exact across nodes.
 */
@EnabledIfSystemProperty(named = "it.db.url", matches = ".+")
class TwoNodeGridWithoutGridJarIT {

    private static PayaraMicro first;
    private static PayaraMicro second;
    private static String adminKey;

    @BeforeAll
    static void startTwoNodesWithoutTheGridJar() {
        adminKey = SharedServer.newAdminKey();
        Map<String, String> environment = SharedServer.environment("nojar", adminKey);
        List<Integer> members = List.of(PayaraMicro.freePort(), PayaraMicro.freePort());
        first = PayaraMicro.startWithoutGridJar("nojar-1", environment, members.get(0), members);
        second = PayaraMicro.startWithoutGridJar("nojar-2", environment, members.get(1), members);
    }

    @AfterAll
    static void stop() {
        PayaraMicro.stopAll(second, first);
    }

    @Test
    void withoutTheGridJarChargesStayExactAcrossNodesAndTheLogSaysWhy() {
        Portcullis one = new Portcullis(first, adminKey);
        Portcullis two = new Portcullis(second, adminKey);
        var tenant = one.newTenant();
        String key = one.newKey(tenant.adminKey(), "{\"name\":\"no jar\",\"rate_limit\":{\"per_day\":20}}").string("key");
        Map<Integer, Integer> statuses = Concurrently.send(100, i -> HttpRequest.newBuilder(
                        (i % 2 == 0 ? one : two).uri("/v1/health"))
                .header("Authorization", "Bearer " + key).build());
        assertEquals(Map.of(200, 20, 429, 80), statuses);
        assertTrue(first.logText().contains("portcullis-grid.jar"), "the fallback is announced");
    }
}
