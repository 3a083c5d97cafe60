package dev.portcullis.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.testing.DatabaseIndependent;
import dev.portcullis.testing.PayaraMicro;
import dev.portcullis.testing.Portcullis;
import dev.portcullis.testing.Reply;
import dev.portcullis.testing.SharedServer;
import dev.portcullis.testing.TestDatabase;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * examples/orders-api, an application's own resources laid over the Portcullis WAR (built by the
 * pre-integration-test phase, as its README says), running on Payara Micro: its own scopes, roles, cost
 * and tenant isolation come from Portcullis's pipeline, and Portcullis's own API still works beside it.
 */
@DatabaseIndependent
class OrdersExampleIT {

    private static final String ADMIN = SharedServer.newAdminKey();
    private static PayaraMicro server;
    private static Portcullis portcullis;

    @BeforeAll
    static void startTheCombinedWar() {
        server = PayaraMicro.startWar("orders-example", TestDatabase.freshWith("orders-example",
                Map.of("PORTCULLIS_BOOTSTRAP_ADMIN_KEY", ADMIN)), Path.of(System.getProperty("portcullis.ordersExampleWar")));
        portcullis = new Portcullis(server, ADMIN);
    }

    @AfterAll
    static void stop() {
        PayaraMicro.stopAll(server);
    }

    @Test
    void aKeyWithOrdersReadReadsAndIsRefusedPlacingWithTheRequiredScope() {
        var tenant = portcullis.newTenant();
        String reader = portcullis.newKey(tenant.adminKey(), "{\"name\":\"reader\",\"role\":\"member\",\"scopes\":[\"orders:read\"]}").string("key");

        assertEquals(200, portcullis.get("/v1/orders", reader).status());
        Reply refused = portcullis.post("/v1/orders", reader, "{\"item\":\"tea\",\"quantity\":1}");
        assertEquals(403, refused.status(), refused.toString());
        assertEquals("INSUFFICIENT_PERMISSIONS", refused.errorCode());
        assertEquals("orders:write", refused.error().getString("required_scope"));
        assertEquals(403, portcullis.get("/v1/keys", reader).status(), "an application scope grants nothing of Portcullis's own");
    }

    @Test
    void placingAnOrderCostsFiveOfTheRateLimitAndIsInTheAuditTrail() {
        var tenant = portcullis.newTenant();
        String writer = portcullis.newKey(tenant.adminKey(),
                "{\"name\":\"writer\",\"role\":\"member\",\"scopes\":[\"orders:read\",\"orders:write\"],\"rate_limit\":{\"per_minute\":100}}")
                .string("key");

        long before = Long.parseLong(portcullis.get("/v1/orders", writer).header("X-RateLimit-Remaining"));
        Reply placed = portcullis.post("/v1/orders", writer, "{\"item\":\"tea\",\"quantity\":2}");

        assertEquals(201, placed.status(), placed.toString());
        assertEquals(before - 5, Long.parseLong(placed.header("X-RateLimit-Remaining")));
        assertEquals(tenant.id(), placed.string("tenant_id"));
        var trail = portcullis.get("/v1/audit-events?action=order.placed", tenant.adminKey()).data();
        assertEquals(1, trail.size(), trail.toString());
        assertEquals(placed.string("id"), trail.getJsonObject(0).getString("target_id"));
        assertEquals("tea", trail.getJsonObject(0).getJsonObject("changes").getString("item"));
    }

    @Test
    void eachTenantSeesOnlyItsOwnOrders() {
        var mine = portcullis.newTenant();
        var theirs = portcullis.newTenant();
        String id = portcullis.post("/v1/orders", mine.adminKey(), "{\"item\":\"coffee\",\"quantity\":3}").string("id");

        assertEquals(200, portcullis.get("/v1/orders/" + id, mine.adminKey()).status());
        assertEquals(404, portcullis.get("/v1/orders/" + id, theirs.adminKey()).status());
        assertTrue(portcullis.get("/v1/orders", theirs.adminKey()).data().isEmpty());
        assertEquals(1, portcullis.get("/v1/orders", mine.adminKey()).data().size());
    }

    @Test
    void portcullisItselfStillWorksInTheCombinedWar() {
        var tenant = portcullis.newTenant();
        assertEquals(tenant.id(), portcullis.get("/v1/health", tenant.adminKey()).string("tenant_id"));
        assertEquals(200, portcullis.get("/v1/keys", tenant.adminKey()).status());
        Reply invalid = portcullis.post("/v1/orders", tenant.adminKey(), "{\"item\":\"\",\"quantity\":0}");
        assertEquals(400, invalid.status());
        assertEquals("VALIDATION_FAILED", invalid.errorCode(), "the application's constraints answer in the envelope");
    }
}
