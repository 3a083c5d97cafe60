package dev.portcullis.client;

import java.util.Map;
import java.util.UUID;

/** The server under test, from the environment, and a fresh tenant of it per test. */
final class TestServer {

    static final String BASE_URL = required("PORTCULLIS_BASE_URL");
    static final String ADMIN_KEY = required("PORTCULLIS_ADMIN_KEY");

    private TestServer() {
    }

    private static String required(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("Set " + name + ": these tests run against a real Portcullis server "
                    + "(PORTCULLIS_BASE_URL such as http://127.0.0.1:8080/v1, PORTCULLIS_ADMIN_KEY a platform-admin key)");
        }
        return value;
    }

    static PortcullisClient admin() {
        return new PortcullisClient(ADMIN_KEY, BASE_URL);
    }

    /** Moves the server's clock forward (a server started with PORTCULLIS_CLOCK_ADJUSTABLE=true). */
    static void advanceClock(long seconds) {
        admin().request("POST", "/test-clock", Map.of("seconds", seconds), Void.class);
    }

    static String unique() {
        return UUID.randomUUID().toString().substring(0, 12);
    }

    /** A fresh tenant and a live admin key of it. */
    record TestTenant(String id, String adminKey, PortcullisClient client) {

        static TestTenant create() {
            PortcullisClient platform = admin();
            String id = platform.tenants().create(new NewTenant("java client test", "enterprise", null)).id();
            String key = platform.forTenant(id).keys().create(NewKey.named("tenant admin").withRole("admin")).key();
            return new TestTenant(id, key, new PortcullisClient(key, BASE_URL));
        }

        Key key(NewKey key) {
            return client.keys().create(key.withRole(key.role() == null ? "member" : key.role()));
        }

        Key key() {
            return key(NewKey.named("key " + unique()));
        }

        /** A member user; its email. The password is {@link #PASSWORD}. */
        String user() {
            String email = "user." + unique() + "@example.com";
            client.users().create(new NewUser(email, PASSWORD, "member"));
            return email;
        }

        static final String PASSWORD = "a long passphrase";
    }
}
