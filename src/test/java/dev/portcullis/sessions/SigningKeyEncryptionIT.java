package dev.portcullis.sessions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.testing.PayaraMicro;
import dev.portcullis.testing.Portcullis;
import dev.portcullis.testing.Reply;
import dev.portcullis.testing.TestDatabase;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Signing keys' private halves at rest, read straight from the database while a server of the test's
 * own restarts with other settings. Runs in the {@code postgres} profile, where the test can read the
 * database while the server holds it.
 */
@EnabledIfSystemProperty(named = "it.db.url", matches = ".+")
class SigningKeyEncryptionIT {

    private static final String SETTING = "SESSIONS_SIGNING_KEY_ENCRYPTION_KEY";
    private static final String PREVIOUS = "SESSIONS_SIGNING_KEY_PREVIOUS_ENCRYPTION_KEY";
    private static final String PASSWORD = "correct horse battery staple";
    private static final String EMAIL = "signer@example.com";

    @Test
    void settingAnEncryptionKeySealsTheStoredKeysAndEveryNewOneAndAStartWithoutItIsRefused() throws Exception {
        try (PayaraMicro server = PayaraMicro.start("sealed", TestDatabase.fresh("sealed"))) {
            Portcullis portcullis = new Portcullis(server, server.printedAdminKey().orElseThrow());
            String tenantId = tenantWithAUser(portcullis);
            String before = accessToken(portcullis, tenantId);
            assertTrue(storedPrivateKeys(server).stream().noneMatch(SigningKeyEncryptionIT::isSealed),
                    "without the setting, keys are stored as they were");

            String key = randomKey();
            server.restartWith(Map.of(SETTING, key));

            assertTrue(storedPrivateKeys(server).stream().allMatch(SigningKeyEncryptionIT::isSealed), "sealed at the start");
            assertEquals(200, portcullis.get("/v1/health", before).status(), "tokens signed before still verify");
            assertEquals(200, portcullis.get("/v1/health", accessToken(portcullis, tenantId)).status(), "the sealed key signs");
            rotate(portcullis);
            List<String> stored = storedPrivateKeys(server);
            assertEquals(2, stored.size());
            assertTrue(stored.stream().allMatch(SigningKeyEncryptionIT::isSealed), "a new key is sealed when generated");
            assertEquals(200, portcullis.get("/v1/health", accessToken(portcullis, tenantId)).status(), "the new sealed key signs");

            String refused = server.logOfRefusedRestartWith(Map.of(SETTING, ""));
            assertTrue(refused.contains("is encrypted, as are the others; set sessions.signing-key.encryption-key"), refused);
            assertFalse(refused.contains(key), "the encryption key was logged");
        }
    }

    @Test
    void changingTheEncryptionKeyWithThePreviousOneForOneStartSealsEveryStoredKeyAgain() throws Exception {
        String first = randomKey();
        try (PayaraMicro server = PayaraMicro.start("resealed", TestDatabase.freshWith("resealed", Map.of(SETTING, first)))) {
            Portcullis portcullis = new Portcullis(server, server.printedAdminKey().orElseThrow());
            String tenantId = tenantWithAUser(portcullis);
            String before = accessToken(portcullis, tenantId);
            rotate(portcullis);
            List<String> sealedWithFirst = storedPrivateKeys(server);

            server.restartWith(Map.of(SETTING, randomKey(), PREVIOUS, first));

            List<String> sealedWithSecond = storedPrivateKeys(server);
            assertEquals(2, sealedWithSecond.size());
            assertTrue(sealedWithSecond.stream().allMatch(stored -> isSealed(stored) && !sealedWithFirst.contains(stored)),
                    "every stored key sealed again");
            server.restartWith(Map.of(PREVIOUS, ""));
            assertEquals(200, portcullis.get("/v1/health", before).status(), "tokens signed before still verify");
            assertEquals(200, portcullis.get("/v1/health", accessToken(portcullis, tenantId)).status(),
                    "the new encryption key alone opens the signer");
        }
    }

    private static String tenantWithAUser(Portcullis portcullis) {
        var tenant = portcullis.newTenant();
        portcullis.newUser(tenant.adminKey(), EMAIL, PASSWORD, "member");
        return tenant.id();
    }

    private static String accessToken(Portcullis portcullis, String tenantId) {
        Reply login = portcullis.login(EMAIL, PASSWORD, tenantId);
        assertEquals(200, login.status(), login.toString());
        return login.string("access_token");
    }

    private static void rotate(Portcullis portcullis) {
        Reply rotated = portcullis.post("/v1/auth/signing-keys/rotate", portcullis.adminKey(), "{}");
        assertEquals(200, rotated.status(), rotated.toString());
    }

    private static boolean isSealed(String storedPrivateKey) {
        return storedPrivateKey.startsWith("aes256gcm:");
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private static List<String> storedPrivateKeys(PayaraMicro server) throws Exception {
        try (var connection = server.openDatabase();
             var rows = connection.createStatement().executeQuery("SELECT private_key FROM signing_keys")) {
            List<String> keys = new ArrayList<>();
            while (rows.next()) {
                keys.add(rows.getString(1));
            }
            return keys;
        }
    }
}
