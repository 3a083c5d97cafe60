package dev.portcullis.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.testing.Portcullis;
import dev.portcullis.testing.PortcullisTest;
import dev.portcullis.testing.Reply;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Input an attacker would try: second spellings of tokens, look-alike accounts, invisible characters in
 * names, bytes that are not UTF-8, bodies over the limit however they are sent.
 */
@PortcullisTest
class InputHygieneIT {

    private static final String PASSWORD = "correct horse battery staple";

    @Test
    void aTokenIsAcceptedInItsOneSpellingOnly(Portcullis portcullis) {
        var tenant = portcullis.newTenant();
        portcullis.newUser(tenant.adminKey(), "spelling@example.com", PASSWORD, "member");
        Reply login = Portcullis.expect(portcullis.login("spelling@example.com", PASSWORD, tenant.id()), 200);
        String token = login.string("access_token");
        String refresh = login.string("refresh_token");
        assertEquals(200, portcullis.get("/v1/health", token).status());

        for (String respelt : List.of(token + "=", token + "==", token.replace(".", ". "), token + " x",
                token.substring(0, token.length() - 1) + nextBase64Char(token.charAt(token.length() - 1)))) {
            Reply refused = portcullis.get("/v1/health", respelt);
            assertEquals(401, refused.status(), respelt);
            assertEquals("INVALID_TOKEN", refused.errorCode(), respelt);
        }
        String paddedPayload = token.substring(0, token.indexOf('.', token.indexOf('.') + 1)) + "=="
                + token.substring(token.indexOf('.', token.indexOf('.') + 1));
        assertEquals("INVALID_TOKEN", portcullis.get("/v1/health", paddedPayload).errorCode());

        assertEquals(401, portcullis.refresh(" " + refresh + " ").status(), "a refresh token with spaces around it");
        assertEquals(401, portcullis.refresh(refresh + "=").status());
        assertEquals(200, portcullis.refresh(refresh).status(), "and the token itself still works");
    }

    @Test
    void anApiKeyIsAcceptedInItsOneSpellingOnly(Portcullis portcullis) {
        var tenant = portcullis.newTenant();
        String key = portcullis.newKey(tenant.adminKey(), "{\"name\":\"relayed\"}").string("key");
        assertEquals(true, verify(portcullis, tenant.adminKey(), key).getBoolean("valid"));
        assertEquals(false, verify(portcullis, tenant.adminKey(), " " + key + " ").getBoolean("valid"), "a relayed key with spaces around it");
        assertEquals(false, verify(portcullis, tenant.adminKey(), key + "\n").getBoolean("valid"));
        assertEquals(200, portcullis.send(HttpRequest.newBuilder(portcullis.uri("/v1/health"))
                .header("Authorization", "Bearer  " + tenant.adminKey()).build()).status(), "RFC 7235 allows more spaces after the scheme");
    }

    @Test
    void lookAlikeEmailsNeverMakeASecondAccount(Portcullis portcullis) {
        var tenant = portcullis.newTenant();
        String original = portcullis.newUser(tenant.adminKey(), "admin@x.test", PASSWORD, "member").string("id");
        List<String> lookAlikes = List.of("\uff41dmin@x.test", "\u0430dmin@x.test", "a\u200ddmin@x.test", "a\u00addmin@x.test",
                "\u202eadmin@x.test", "\ud835\udc1admin@x.test", "ADMIN@X.TEST", "admin@\uff58.test");
        for (String lookAlike : lookAlikes) {
            Reply refused = portcullis.post("/v1/users", tenant.adminKey(), Portcullis.json(java.util.Map.of(
                    "email", lookAlike, "password", PASSWORD, "role", "member")));
            assertTrue(refused.status() == 400 || refused.status() == 409, lookAlike + " -> " + refused);
            if (refused.status() == 400) {
                assertEquals("email", refused.error().getString("field"));
            }
        }
        assertEquals(1, portcullis.get("/v1/users", tenant.adminKey()).data().size(), "still one account");
        Reply folded = portcullis.login("\uff41dmin@x.test", PASSWORD, tenant.id());
        assertEquals(200, folded.status(), "the fullwidth spelling is the same account");
        assertEquals(original, folded.json().getJsonObject("user").getString("id"));
    }

    @Test
    void namesWithInvisibleOrControlCharactersAre400NamingTheField(Portcullis portcullis) {
        var tenant = portcullis.newTenant();
        // JSON escapes, so that what arrives is exactly these characters (a lone surrogate cannot be sent as UTF-8)
        for (String bad : List.of("a\\u0001b", "a\\u0085b", "a\\u200db", "a\\u202eb", "\\ufeffab", "a\\ufffeb", "a\\ud800b", "a\\nb")) {
            String name = "{\"name\":\"" + bad + "\"}";
            assertRefused("name", portcullis.post("/v1/keys", tenant.adminKey(), name));
            assertRefused("name", portcullis.post("/v1/tenants", portcullis.adminKey(), name));
            assertRefused("name", portcullis.post("/v1/files", tenant.adminKey(), name.replace("}", ",\"content\":\"x\"}")));
            assertRefused("name", portcullis.patch("/v1/keys/" + tenant.adminKeyId(), tenant.adminKey(), name));
        }
        Reply composed = portcullis.newKey(tenant.adminKey(), "{\"name\":\"  caf\\u0065\\u0301  \"}");
        assertEquals("caf\u00e9", composed.string("name"), "stored in NFC, without the spaces around it");
    }

    @Test
    void bytesThatAreNotUtf8Are400NotQuietlyReplaced(Portcullis portcullis) {
        var tenant = portcullis.newTenant();
        byte[] latin1 = "{\"name\":\"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);
        Reply refused = portcullis.send(HttpRequest.newBuilder(portcullis.uri("/v1/keys"))
                .header("Authorization", "Bearer " + tenant.adminKey()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(latin1)).build());
        assertEquals(400, refused.status(), refused.toString());
        assertEquals("MALFORMED_REQUEST", refused.errorCode());
    }

    @Test
    void bodiesOverTheLimitAre413DeclaredOrChunkedOnAnyJsonEndpoint(Portcullis portcullis) {
        var tenant = portcullis.newTenant();
        String big = "{\"name\":\"" + "x".repeat(10 * 1024 * 1024) + "\"}";
        for (String path : List.of("/v1/keys", "/v1/auth/login")) {
            Reply declared = portcullis.send(HttpRequest.newBuilder(portcullis.uri(path))
                    .header("Authorization", "Bearer " + tenant.adminKey()).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(big)).build());
            assertEquals(413, declared.status(), path + " declared: " + declared.status());
            assertEquals("PAYLOAD_TOO_LARGE", declared.errorCode());
            Reply chunked = portcullis.send(HttpRequest.newBuilder(portcullis.uri(path))
                    .header("Authorization", "Bearer " + tenant.adminKey()).header("Content-Type", "application/json")
                    .POST(Portcullis.chunked(big)).build());
            assertEquals(413, chunked.status(), path + " chunked: " + chunked.status());
            assertEquals("PAYLOAD_TOO_LARGE", chunked.errorCode());
            assertEquals(65536, chunked.error().getInt("max_bytes"));
        }
    }

    private static jakarta.json.JsonObject verify(Portcullis portcullis, String backendKey, String relayed) {
        return Portcullis.expect(portcullis.post("/v1/keys/verify", backendKey, Portcullis.json(java.util.Map.of("key", relayed))), 200).json();
    }

    private static void assertRefused(String field, Reply reply) {
        assertEquals(400, reply.status(), reply.toString());
        assertEquals("VALIDATION_FAILED", reply.errorCode(), reply.toString());
        assertEquals(field, reply.error().getString("field"), reply.toString());
    }

    /** Another base64url character whose top bits are the same: the same signature bytes, spelt otherwise. */
    private static char nextBase64Char(char c) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        return alphabet.charAt(alphabet.indexOf(c) ^ 1);
    }
}
