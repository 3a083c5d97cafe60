package dev.portcullis.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.testing.Concurrently;
import dev.portcullis.testing.DatabaseIndependent;
import dev.portcullis.testing.PayaraMicro;
import dev.portcullis.testing.Portcullis;
import dev.portcullis.testing.SharedServer;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A node whose Data Grid member is up while its WAR is not (yet) deployed owns part of the grid's
 * partitions, so part of every other node's charges run there: with {@code portcullis-grid.jar} on its
 * {@code --addlibs} they run exactly as anywhere else. The member here never deploys the WAR, so every
 * charge it owns proves it.
 */
@DatabaseIndependent
class GridMemberWithoutTheApplicationIT {

    private static final int KEYS = 40;
    private static final int PER_DAY = 3;

    @Test
    void chargesOwnedByAMemberWithoutTheApplicationAreExact() {
        List<Integer> members = List.of(PayaraMicro.freePort(), PayaraMicro.freePort());
        String adminKey = SharedServer.newAdminKey();
        try (PayaraMicro bare = PayaraMicro.startGridMemberWithoutTheApplication("bare-member", members.get(0), members);
             PayaraMicro node = PayaraMicro.start("with-application", SharedServer.environment("bare", adminKey),
                     members.get(1), members, List.of())) {
            assertTrue(node.logText().contains("DG Size: 2"), "the node did not join the bare member");
            Portcullis portcullis = new Portcullis(node, adminKey);
            var tenant = portcullis.newTenant();
            List<String> keys = new ArrayList<>();
            for (int i = 0; i < KEYS; i++) {
                keys.add(portcullis.newKey(tenant.adminKey(),
                        "{\"name\":\"spread " + i + "\",\"rate_limit\":{\"per_day\":" + PER_DAY + "}}").string("key"));
            }

            // Forty keys over 271 partitions: the chance that none is owned by the bare member is 2^-40.
            Map<Integer, Integer> statuses = Concurrently.send(KEYS * (PER_DAY + 1), i -> HttpRequest.newBuilder(
                    portcullis.uri("/v1/health")).header("Authorization", "Bearer " + keys.get(i % KEYS)).build());

            assertEquals(Map.of(200, KEYS * PER_DAY, 429, KEYS), statuses);
        }
    }
}
