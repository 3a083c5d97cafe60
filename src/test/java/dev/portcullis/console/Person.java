package dev.portcullis.console;

import dev.portcullis.testing.Portcullis;
import java.util.Map;

/** Someone who signs in to the console with a password: a user made through the API, as the platform admin. */
record Person(String email, String password, String tenantId, String role, String id) {

    static final String PASSWORD = "correct horse battery staple";

    static Person in(Portcullis portcullis, String tenantId, String role) {
        return in(portcullis, tenantId, role, "live");
    }

    /** A test user is made with a test key of the tenant: users take the environment of the credential making them. */
    static Person in(Portcullis portcullis, String tenantId, String role, String environment) {
        String email = role.replace('_', '-') + "-" + System.nanoTime() + "@example.test";
        String body = Portcullis.json(Map.of("email", email, "password", PASSWORD, "role", role));
        var created = environment.equals("test")
                ? portcullis.post("/v1/users", testAdminKey(portcullis, tenantId), body)
                : portcullis.post("/v1/users", portcullis.adminKey(), body, "X-Tenant-ID", tenantId);
        String id = Portcullis.expect(created, 201).string("id");
        return new Person(email, PASSWORD, tenantId, role, id);
    }

    private static String testAdminKey(Portcullis portcullis, String tenantId) {
        return portcullis.newKey(portcullis.adminKey(), "{\"name\":\"test admin\",\"role\":\"admin\",\"environment\":\"test\"}",
                "X-Tenant-ID", tenantId).string("key");
    }

    /** An access token of this person's own, for asking the API what the console was told. */
    String accessToken(Portcullis portcullis) {
        return Portcullis.expect(portcullis.login(email, password, tenantId), 200).string("access_token");
    }
}
