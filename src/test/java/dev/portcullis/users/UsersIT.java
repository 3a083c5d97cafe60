package dev.portcullis.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.testing.Portcullis;
import dev.portcullis.testing.PortcullisTest;
import dev.portcullis.testing.Reply;
import org.junit.jupiter.api.Test;

@PortcullisTest
class UsersIT {

    private static final String PASSWORD = "correct horse battery staple";

    @Test
    void aTenantAdminCreatesReadsListsUpdatesAndDeletesUsers(Portcullis portcullis) {
        var tenant = portcullis.newTenant();
        Reply created = portcullis.newUser(tenant.adminKey(), "  New.User@Example.com ", PASSWORD, "member");
        String id = created.string("id");
        assertTrue(id.startsWith("user_"), id);
        assertEquals("new.user@example.com", created.string("email"));
        assertEquals("member", created.string("role"));
        assertEquals(tenant.id(), created.string("tenant_id"));
        assertFalse(created.body().contains("password"), created.body());
        assertFalse(created.body().contains("argon2"), created.body());

        assertEquals("new.user@example.com", portcullis.get("/v1/users/" + id, tenant.adminKey()).string("email"));
        assertEquals(1, portcullis.get("/v1/users", tenant.adminKey()).data().size());

        Reply promoted = portcullis.patch("/v1/users/" + id, tenant.adminKey(), "{\"role\":\"admin\"}");
        assertEquals("admin", promoted.string("role"));
        assertEquals(204, portcullis.delete("/v1/users/" + id, tenant.adminKey()).status());
        assertEquals(404, portcullis.get("/v1/users/" + id, tenant.adminKey()).status());
    }

    @Test
    void anEmailIsUniquePerTenantButMayExistInTwoTenants(Portcullis portcullis) {
        var a = portcullis.newTenant();
        var b = portcullis.newTenant();
        String email = "shared." + System.nanoTime() + "@example.com";
        portcullis.newUser(a.adminKey(), email, PASSWORD, "member");
        Reply duplicate = portcullis.post("/v1/users", a.adminKey(),
                "{\"email\":\"" + email.toUpperCase() + "\",\"password\":\"" + PASSWORD + "\"}");
        assertEquals(409, duplicate.status());
        assertEquals("CONFLICT", duplicate.errorCode());
        portcullis.newUser(b.adminKey(), email, "a different password", "member");
        assertEquals(200, portcullis.login(email, PASSWORD, a.id()).status());
        assertEquals(200, portcullis.login(email, "a different password", b.id()).status());
        assertEquals(401, portcullis.login(email, PASSWORD, b.id()).status());
    }

    @Test
    void passwordRulesAreTwelveToOneHundredTwentyEightCharactersOfAnything(Portcullis portcullis) {
        var tenant = portcullis.newTenant();
        Reply tooShort = portcullis.post("/v1/users", tenant.adminKey(), "{\"email\":\"s@example.com\",\"password\":\"elevenchars\"}");
        assertEquals(400, tooShort.status());
        assertEquals("password", tooShort.error().getString("field"));
        Reply tooLong = portcullis.post("/v1/users", tenant.adminKey(),
                "{\"email\":\"l@example.com\",\"password\":\"" + "x".repeat(129) + "\"}");
        assertEquals(400, tooLong.status());
        String unicode = "пароль 🔒 パスワード";
        portcullis.newUser(tenant.adminKey(), "u@example.com", unicode, "member");
        assertEquals(200, portcullis.login("u@example.com", unicode, tenant.id()).status());
        assertEquals(401, portcullis.login("u@example.com", unicode.substring(0, unicode.length() - 1), tenant.id()).status());
    }

    @Test
    void badUserInputIs400NamingTheField(Portcullis portcullis) {
        var tenant = portcullis.newTenant();
        assertEquals("email", portcullis.post("/v1/users", tenant.adminKey(), "{\"email\":\"not-an-email\",\"password\":\"" + PASSWORD + "\"}")
                .error().getString("field"));
        assertEquals("role", portcullis.post("/v1/users", tenant.adminKey(),
                "{\"email\":\"r@example.com\",\"password\":\"" + PASSWORD + "\",\"role\":\"owner\"}").error().getString("field"));
        assertEquals(400, portcullis.patch("/v1/users/x", tenant.adminKey(), "{\"disabled\":\"yes\"}").status());
    }

    @Test
    void usersOfAnotherTenantAreInvisibleAndRolesCannotBeRaisedAboveTheCallers(Portcullis portcullis) {
        var a = portcullis.newTenant();
        var b = portcullis.newTenant();
        String bUser = portcullis.newUser(b.adminKey(), "b." + System.nanoTime() + "@example.com", PASSWORD, "member").string("id");
        assertEquals(404, portcullis.get("/v1/users/" + bUser, a.adminKey()).status());
        assertEquals(404, portcullis.patch("/v1/users/" + bUser, a.adminKey(), "{\"disabled\":true}").status());
        assertEquals(404, portcullis.delete("/v1/users/" + bUser, a.adminKey()).status());
        assertTrue(portcullis.get("/v1/users", a.adminKey()).data().isEmpty());

        Reply escalation = portcullis.post("/v1/users", a.adminKey(),
                "{\"email\":\"x@example.com\",\"password\":\"" + PASSWORD + "\",\"role\":\"platform_admin\"}");
        assertEquals(403, escalation.status());
        String member = portcullis.newKey(a.adminKey(), "{\"name\":\"m\",\"role\":\"member\"}").string("key");
        assertEquals(403, portcullis.get("/v1/users", member).status());
    }
}
