package dev.portcullis.sessions;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.portcullis.testing.Portcullis;
import dev.portcullis.testing.PortcullisTest;
import dev.portcullis.testing.Reply;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

@PortcullisTest
class LoginIT {

    private static final String PASSWORD = "correct horse battery staple";

    @Test
    void everyFailedLoginGetsTheSameBody(Portcullis portcullis) {
        var tenant = portcullis.newTenant();
        var other = portcullis.newTenant();
        String email = "same." + System.nanoTime() + "@example.com";
        portcullis.newUser(tenant.adminKey(), email, PASSWORD, "member");
        String disabled = "off." + System.nanoTime() + "@example.com";
        String disabledId = portcullis.newUser(tenant.adminKey(), disabled, PASSWORD, "member").string("id");
        portcullis.patch("/v1/users/" + disabledId, tenant.adminKey(), "{\"disabled\":true}");
        var suspended = portcullis.newTenant();
        String suspendedEmail = "s." + System.nanoTime() + "@example.com";
        portcullis.newUser(suspended.adminKey(), suspendedEmail, PASSWORD, "member");
        portcullis.patch("/v1/tenants/" + suspended.id(), portcullis.adminKey(), "{\"status\":\"suspended\"}");

        List<Reply> failures = new ArrayList<>();
        failures.add(portcullis.login("nobody@example.com", PASSWORD, tenant.id()));
        failures.add(portcullis.login(email, PASSWORD + "!", tenant.id()));
        failures.add(portcullis.login(email, PASSWORD, other.id()));
        failures.add(portcullis.login(email, PASSWORD, "tenant_doesnotexist"));
        failures.add(portcullis.login(disabled, PASSWORD, tenant.id()));
        failures.add(portcullis.login(suspendedEmail, PASSWORD, suspended.id()));
        for (Reply failure : failures) {
            assertEquals(401, failure.status(), failure.toString());
            JsonObject error = failure.error();
            assertEquals("INVALID_CREDENTIALS", error.getString("code"));
            assertEquals("Invalid email, password or tenant", error.getString("message"));
            assertEquals(3, error.size(), "code, message, request_id: nothing that tells the cases apart");
        }
    }

    @Test
    void aLoginWithoutEmailPasswordOrTenantIs400NamingTheFieldAndLocksNothing(Portcullis portcullis) {
        var tenant = portcullis.newTenant();
        String email = "incomplete." + System.nanoTime() + "@example.com";
        portcullis.newUser(tenant.adminKey(), email, PASSWORD, "member");
        String[][] incomplete = {
                {"password", "{\"email\":\"" + email + "\",\"tenant_id\":\"" + tenant.id() + "\"}"},
                {"password", "{\"email\":\"" + email + "\",\"password\":\"\",\"tenant_id\":\"" + tenant.id() + "\"}"},
                {"email", "{\"password\":\"" + PASSWORD + "\",\"tenant_id\":\"" + tenant.id() + "\"}"},
                {"tenant_id", "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}"},
        };
        // More than the lockout threshold (5) of them: none may count as a wrong password.
        for (int round = 0; round < 2; round++) {
            for (String[] request : incomplete) {
                Reply reply = portcullis.post("/v1/auth/login", null, request[1]);
                assertEquals(400, reply.status(), reply.toString());
                assertEquals("VALIDATION_FAILED", reply.error().getString("code"));
                assertEquals(request[0], reply.error().getString("field"));
            }
        }
        assertEquals(200, portcullis.login(email, PASSWORD, tenant.id()).status(), "the account was locked");
    }

    @Test
    void emailsMatchWhateverTheirCaseAndSurroundingSpace(Portcullis portcullis) {
        var tenant = portcullis.newTenant();
        String email = "Mixed.Case." + System.nanoTime() + "@Example.COM";
        portcullis.newUser(tenant.adminKey(), email, PASSWORD, "member");
        assertEquals(200, portcullis.login("  " + email.toLowerCase() + " ", PASSWORD, tenant.id()).status());
    }

    @Test
    void afterFiveWrongPasswordsTheAccountLocksForAGrowingDelay(Portcullis portcullis) {
        var tenant = portcullis.newTenant();
        String email = "locked." + System.nanoTime() + "@example.com";
        portcullis.newUser(tenant.adminKey(), email, PASSWORD, "member");
        for (int i = 0; i < 5; i++) {
            assertEquals(401, portcullis.login(email, "wrong password " + i, tenant.id()).status());
        }
        Reply whileLocked = portcullis.login(email, PASSWORD, tenant.id());
        assertEquals(401, whileLocked.status(), "even the right password is refused while locked");
        assertEquals("INVALID_CREDENTIALS", whileLocked.errorCode());

        portcullis.advanceClock(Duration.ofSeconds(31));
        assertEquals(401, portcullis.login(email, "a sixth wrong one", tenant.id()).status());
        portcullis.advanceClock(Duration.ofSeconds(31));
        assertEquals(401, portcullis.login(email, PASSWORD, tenant.id()).status(), "the sixth failure locks for 60 s");
        portcullis.advanceClock(Duration.ofSeconds(30));
        assertEquals(200, portcullis.login(email, PASSWORD, tenant.id()).status(), "the 60 s lock has expired");

        for (int i = 0; i < 4; i++) {
            portcullis.login(email, "wrong after success " + i, tenant.id());
        }
        assertEquals(200, portcullis.login(email, PASSWORD, tenant.id()).status(), "a success starts the count again");
    }

    @Test
    void aLockedAccountDoesNotLockOthers(Portcullis portcullis) {
        var tenant = portcullis.newTenant();
        String locked = "a." + System.nanoTime() + "@example.com";
        String free = "b." + System.nanoTime() + "@example.com";
        portcullis.newUser(tenant.adminKey(), locked, PASSWORD, "member");
        portcullis.newUser(tenant.adminKey(), free, PASSWORD, "member");
        for (int i = 0; i < 5; i++) {
            portcullis.login(locked, "nope nope nope " + i, tenant.id());
        }
        assertEquals(200, portcullis.login(free, PASSWORD, tenant.id()).status());
    }

    @Test
    void badLoginBodiesAre400(Portcullis portcullis) {
        assertEquals(400, portcullis.post("/v1/auth/login", null, "{\"email\":1}").status());
        assertEquals(400, portcullis.post("/v1/auth/login", null, "{\"email\":\"a@b.co\",\"password\":\"x\",\"tenant_id\":\"t\",\"environment\":\"prod\"}").status());
        assertEquals(400, portcullis.post("/v1/auth/login", null, "not json").status());
        assertEquals(400, portcullis.post("/v1/auth/refresh", null, "{}").status());
        Reply unknown = portcullis.refresh("rt_unknown");
        assertEquals(401, unknown.status());
        assertEquals("INVALID_REFRESH_TOKEN", unknown.errorCode());
    }

    @Test
    void loginIgnoresAStaleAuthorizationHeader(Portcullis portcullis) {
        var tenant = portcullis.newTenant();
        String email = "stale." + System.nanoTime() + "@example.com";
        portcullis.newUser(tenant.adminKey(), email, PASSWORD, "member");
        Reply login = portcullis.post("/v1/auth/login", "eyJhbGciOiJub25lIn0.e30.", Portcullis.json(
                java.util.Map.of("email", email, "password", PASSWORD, "tenant_id", tenant.id())));
        assertEquals(200, login.status());
    }
}
