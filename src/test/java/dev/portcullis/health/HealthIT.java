package dev.portcullis.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.testing.Portcullis;
import dev.portcullis.testing.PortcullisTest;
import dev.portcullis.testing.Reply;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

@PortcullisTest
class HealthIT {

    @Test
    void healthAnswersWithoutCredentialsAndWithoutATenant(Portcullis portcullis) {
        Reply health = portcullis.get("/v1/health", null);
        assertEquals(200, health.status());
        assertEquals("healthy", health.string("status"));
        assertEquals("portcullis", health.string("service"));
        assertFalse(health.string("version").isBlank());
        assertFalse(health.json().containsKey("tenant_id"));
        Instant.parse(health.string("timestamp"));
    }

    @Test
    void withAValidKeyHealthNamesTheCallersTenantWithTheSeedsFields(Portcullis portcullis) {
        var tenant = portcullis.newTenant();
        Reply health = portcullis.get("/v1/health", tenant.adminKey());
        assertEquals(List.of("status", "service", "version", "tenant_id", "timestamp"), List.copyOf(health.json().keySet()));
        assertEquals(tenant.id(), health.string("tenant_id"));
        assertTrue(health.string("timestamp").matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"), health.string("timestamp"));
    }

    @Test
    void withAnInvalidKeyHealthSays401SoClientsCanTestTheirKey(Portcullis portcullis) {
        Reply health = portcullis.get("/v1/health", "sk_live_nonsense");
        assertEquals(401, health.status());
        assertEquals("INVALID_API_KEY", health.errorCode());
    }

    @Test
    void readinessReportsTheDatabase(Portcullis portcullis) {
        Reply ready = portcullis.get("/health/ready", null);
        assertEquals(200, ready.status(), ready.toString());
        assertTrue(ready.body().contains("\"database\""), ready.body());
    }
}
