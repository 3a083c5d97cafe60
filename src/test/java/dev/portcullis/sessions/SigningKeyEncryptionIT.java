package dev.portcullis.sessions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.testing.OwnServer;
import dev.portcullis.testing.Portcullis;
import dev.portcullis.testing.Reply;
import java.security.SecureRandom;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Signing keys' private halves at rest, read straight from the database: a server that ran without
 * {@code SESSIONS_SIGNING_KEY_ENCRYPTION_KEY} gets it set and restarts. Runs in the {@code postgres}
 * profile, where the test can read the database while the server holds it.
 */
@EnabledIfSystemProperty(named = "it.db.url", matches = ".+")
class SigningKeyEncryptionIT {

    private static final String SETTING = "SESSIONS_SIGNING_KEY_ENCRYPTION_KEY";
    private static final String PASSWORD = "correct horse battery staple";

    @RegisterExtension
    static final OwnServer SERVER = OwnServer.withSettings("sealed", Map.of());

    private final Portcullis portcullis = SERVER.portcullis();

    @Test
    void settingAnEncryptionKeySealsTheStoredKeysAndEveryNewOneAndAStartWithoutItIsRefused() throws Exception {
        var tenant = portcullis.newTenant();
        portcullis.newUser(tenant.adminKey(), "signer@example.com", PASSWORD, "member");
        String before = accessToken(tenant.id());
        assertTrue(storedPrivateKeys().stream().noneMatch(stored -> stored.startsWith("aes256gcm:")),
                "without the setting, keys are stored as they were");

        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        SERVER.server().restartWith(Map.of(SETTING, Base64.getEncoder().encodeToString(key)));

        assertTrue(storedPrivateKeys().stream().allMatch(stored -> stored.startsWith("aes256gcm:")), "sealed at the start");
        assertEquals(200, portcullis.get("/v1/health", before).status(), "tokens signed before still verify");
        assertEquals(200, portcullis.get("/v1/health", accessToken(tenant.id())).status(), "the sealed key signs");
        Reply rotated = portcullis.post("/v1/auth/signing-keys/rotate", portcullis.adminKey(), "{}");
        assertEquals(200, rotated.status(), rotated.toString());
        List<String> stored = storedPrivateKeys();
        assertEquals(2, stored.size());
        assertTrue(stored.stream().allMatch(s -> s.startsWith("aes256gcm:")), "a new key is sealed when generated");
        assertEquals(200, portcullis.get("/v1/health", accessToken(tenant.id())).status(), "the new sealed key signs");

        String refused = SERVER.server().logOfRefusedRestartWith(Map.of(SETTING, ""));
        assertTrue(refused.contains("The stored signing keys are encrypted; set sessions.signing-key.encryption-key"), refused);
        assertFalse(refused.contains(Base64.getEncoder().encodeToString(key)), "the encryption key was logged");
    }

    private String accessToken(String tenantId) {
        Reply login = portcullis.login("signer@example.com", PASSWORD, tenantId);
        assertEquals(200, login.status(), login.toString());
        return login.string("access_token");
    }

    private static List<String> storedPrivateKeys() throws Exception {
        Map<String, String> environment = SERVER.server().environment();
        try (var connection = DriverManager.getConnection(environment.get("DB_URL"), environment.get("DB_USER"),
                environment.get("DB_PASSWORD"));
             var rows = connection.createStatement().executeQuery("SELECT private_key FROM signing_keys")) {
            List<String> keys = new ArrayList<>();
            while (rows.next()) {
                keys.add(rows.getString(1));
            }
            return keys;
        }
    }
}
