package dev.portcullis.tenants;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.testing.DatabaseIndependent;
import dev.portcullis.testing.PayaraMicro;
import dev.portcullis.testing.TestDatabase;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The first start with a configured platform-admin key that is not a key of this server. */
@DatabaseIndependent
class BootstrapIT {

    @Test
    void aMalformedConfiguredAdminKeyStopsTheFirstStartWithoutLoggingTheKey() {
        // Looks like a key, but its checksum is wrong: a typo in the deployment's secret store.
        String typo = "sk_live_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
        String log = PayaraMicro.logOfRefusedStart("bootstrap-malformed",
                TestDatabase.freshWith("bootstrap", Map.of("PORTCULLIS_BOOTSTRAP_ADMIN_KEY", typo)));

        assertTrue(log.contains("is not a well-formed secret key of this server's prefix family; refusing to start"), log);
        assertFalse(log.contains(typo), "the configured key was written to the log");
        assertFalse(log.contains("Created the platform tenant"), "a platform tenant was created anyway");
    }
}
