package dev.portcullis.database;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.tenants.entity.Tenant;
import dev.portcullis.testing.OwnServer;
import dev.portcullis.testing.Portcullis;
import dev.portcullis.testing.Reply;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.function.Executable;

/**
 * Every kind of change the API acknowledges is made at once, and the server is killed with
 * {@code kill -9} the moment the last answer arrives: after a start on the same data each change must
 * be there. Run on H2 and, in the postgres profile, on PostgreSQL. With H2's default write delay (commits
 * reach the file up to half a second later) some of them are lost.
 */
class AcknowledgedChangesSurviveACrashIT {

    private static final String PASSWORD = "crash test password";
    private static final String NEW_PASSWORD = "a new crash test password";

    @RegisterExtension
    static final OwnServer CRASHED = OwnServer.withSettings("crash", Map.of());

    private final Portcullis portcullis = CRASHED.portcullis();
    private final String admin = CRASHED.printedAdminKey();

    @Test
    void everyChangeAcknowledgedJustBeforeAKillIsThereAfterTheRestart() {
        var tenant = portcullis.newTenant();
        var suspended = portcullis.newTenant();
        var allowlisted = portcullis.newTenant();
        String member = "{\"name\":\"member\",\"role\":\"member\"}";
        String suspendedKey = portcullis.newKey(suspended.adminKey(), member).string("key");
        var revoked = portcullis.newKey(tenant.adminKey(), member);
        var rolled = portcullis.newKey(tenant.adminKey(), member);
        var renamed = portcullis.newKey(tenant.adminKey(), member);
        String disabled = newUser(tenant, "disabled");
        String repassworded = newUser(tenant, "repassworded");
        String promoted = newUser(tenant, "promoted");
        String deleted = newUser(tenant, "deleted");
        newUser(tenant, "session");
        String loggedOut = login(tenant, "session").string("access_token");
        String rotatedRefresh = login(tenant, "session").string("refresh_token");
        String reusedRefresh = login(tenant, "session").string("refresh_token");
        String reusedFamilyNewest = portcullis.refresh(reusedRefresh).string("refresh_token");
        String metered = portcullis.newKey(tenant.adminKey(), "{\"name\":\"metered\",\"credits\":{\"remaining\":3}}").string("key");
        String plan = "crash" + System.nanoTime();
        Portcullis.expect(portcullis.post("/v1/plans", admin, "{\"name\":\"" + plan + "_old\",\"per_minute\":5,\"per_day\":50}"), 201);

        // The changes, all acknowledged within a moment of each other, the kill right after the last.
        Map<String, Supplier<Reply>> changes = new LinkedHashMap<>();
        changes.put("key created", () -> portcullis.post("/v1/keys", tenant.adminKey(), "{\"name\":\"created\",\"role\":\"member\"}"));
        changes.put("key revoked", () -> portcullis.delete("/v1/keys/" + revoked.string("id"), tenant.adminKey()));
        changes.put("key rolled", () -> portcullis.post("/v1/keys/" + rolled.string("id") + "/roll", tenant.adminKey(), "{}"));
        changes.put("key changed", () -> portcullis.patch("/v1/keys/" + renamed.string("id"), tenant.adminKey(), "{\"name\":\"renamed\"}"));
        changes.put("refresh token rotated", () -> portcullis.refresh(rotatedRefresh));
        changes.put("session logged out", () -> portcullis.post("/v1/auth/logout", loggedOut, null));
        changes.put("user created", () -> portcullis.post("/v1/users", tenant.adminKey(), userBody("created")));
        changes.put("user disabled", () -> portcullis.patch("/v1/users/" + disabled, tenant.adminKey(), "{\"disabled\":true}"));
        changes.put("password changed", () -> portcullis.patch("/v1/users/" + repassworded, tenant.adminKey(),
                "{\"password\":\"" + NEW_PASSWORD + "\"}"));
        changes.put("role changed", () -> portcullis.patch("/v1/users/" + promoted, tenant.adminKey(), "{\"role\":\"admin\"}"));
        changes.put("user deleted", () -> portcullis.delete("/v1/users/" + deleted, tenant.adminKey()));
        changes.put("tenant suspended", () -> portcullis.patch("/v1/tenants/" + suspended.id(), admin, "{\"status\":\"suspended\"}"));
        changes.put("allowlist set", () -> portcullis.post("/v1/auth/ip-allowlist", allowlisted.adminKey(),
                "{\"allowed_ips\":[\"192.0.2.0/24\"]}"));
        changes.put("plan created", () -> portcullis.post("/v1/plans", admin, "{\"name\":\"" + plan + "\",\"per_minute\":7,\"per_day\":70}"));
        changes.put("plan changed", () -> portcullis.patch("/v1/plans/" + plan + "_old", admin, "{\"per_minute\":6}"));
        changes.put("signing key rotated", () -> portcullis.post("/v1/auth/signing-keys/rotate", admin, null));
        changes.put("credit spent", () -> portcullis.get("/v1/health", metered));
        changes.put("another credit spent", () -> portcullis.get("/v1/health", metered));
        changes.put("identity created", () -> portcullis.post("/v1/identities", tenant.adminKey(), "{\"external_id\":\"crash\"}"));
        // Not acknowledged with a 2xx, but a change all the same: the reuse revokes the family.
        changes.put("family revoked for reuse", () -> portcullis.refresh(reusedRefresh));

        Map<String, Reply> answers = allAtOnce(changes);
        CRASHED.server().killAndRestart();

        answers.forEach((change, answer) -> assertTrue(change.equals("family revoked for reuse") ? answer.status() == 401
                : answer.status() / 100 == 2, change + " was answered " + answer));
        String createdKey = answers.get("key created").string("key");
        String rolledKey = answers.get("key rolled").string("key");
        String createdUser = answers.get("user created").string("id");
        String newRefresh = answers.get("refresh token rotated").string("refresh_token");
        String rotatedKid = answers.get("signing key rotated").string("kid");
        String identity = answers.get("identity created").string("id");
        assertAll(
                check("key created", () -> assertEquals(tenant.id(), portcullis.get("/v1/health", createdKey).string("tenant_id"))),
                check("key revoked", () -> {
                    assertEquals(401, portcullis.get("/v1/health", revoked.string("key")).status());
                    assertEquals("revoked", portcullis.get("/v1/keys/" + revoked.string("id"), tenant.adminKey()).string("status"));
                }),
                check("key rolled", () -> {
                    assertEquals(401, portcullis.get("/v1/health", rolled.string("key")).status());
                    assertEquals(200, portcullis.get("/v1/health", rolledKey).status());
                }),
                check("key changed", () -> assertEquals("renamed",
                        portcullis.get("/v1/keys/" + renamed.string("id"), tenant.adminKey()).string("name"))),
                check("refresh token rotated", () -> {
                    assertEquals(200, portcullis.refresh(newRefresh).status(), "the newest token of the family");
                    assertEquals(401, portcullis.refresh(rotatedRefresh).status(), "the spent one is reuse");
                }),
                check("session logged out", () -> assertEquals(401, portcullis.get("/v1/health", loggedOut).status())),
                check("user created", () -> assertEquals(200, portcullis.get("/v1/users/" + createdUser, tenant.adminKey()).status())),
                check("user disabled", () -> assertEquals(true,
                        portcullis.get("/v1/users/" + disabled, tenant.adminKey()).json().getBoolean("disabled"))),
                check("password changed", () -> {
                    assertEquals(401, portcullis.login(email("repassworded"), PASSWORD, tenant.id()).status());
                    assertEquals(200, portcullis.login(email("repassworded"), NEW_PASSWORD, tenant.id()).status());
                }),
                check("role changed", () -> assertEquals("admin", portcullis.get("/v1/users/" + promoted, tenant.adminKey()).string("role"))),
                check("user deleted", () -> assertEquals(404, portcullis.get("/v1/users/" + deleted, tenant.adminKey()).status())),
                check("tenant suspended", () -> assertEquals("TENANT_SUSPENDED", portcullis.get("/v1/health", suspendedKey).errorCode())),
                check("allowlist set", () -> assertEquals("[\"192.0.2.0/24\"]",
                        portcullis.get("/v1/auth/ip-allowlist", admin, "X-Tenant-ID", allowlisted.id())
                                .json().getJsonArray("allowed_ips").toString())),
                check("plan created", () -> assertEquals(7, portcullis.get("/v1/plans/" + plan, admin).json().getInt("per_minute"))),
                check("plan changed", () -> assertEquals(6, portcullis.get("/v1/plans/" + plan + "_old", admin).json().getInt("per_minute"))),
                check("signing key rotated", () -> assertEquals(rotatedKid, kidOf(login(tenant, "session").string("access_token")))),
                check("family revoked for reuse", () -> assertEquals(401, portcullis.refresh(reusedFamilyNewest).status())),
                check("identity created", () -> assertEquals(200, portcullis.get("/v1/identities/" + identity, tenant.adminKey()).status())),
                check("credits spent", () -> {
                    assertEquals(200, portcullis.get("/v1/health", metered).status(), "the one credit left");
                    assertEquals(402, portcullis.get("/v1/health", metered).status(), "no spent credit came back");
                }));
    }

    /** Sends every change at once and waits for all the answers. */
    private static Map<String, Reply> allAtOnce(Map<String, Supplier<Reply>> changes) {
        ExecutorService threads = Executors.newFixedThreadPool(changes.size());
        try {
            Map<String, CompletableFuture<Reply>> pending = new LinkedHashMap<>();
            changes.forEach((change, send) -> pending.put(change, CompletableFuture.supplyAsync(send, threads)));
            Map<String, Reply> answers = new LinkedHashMap<>();
            pending.forEach((change, answer) -> answers.put(change, answer.join()));
            return answers;
        } finally {
            threads.shutdownNow();
        }
    }

    private static Executable check(String change, Executable check) {
        return () -> {
            try {
                check.execute();
            } catch (AssertionError lost) {
                throw new AssertionError(change + ": not there after the kill: " + lost.getMessage(), lost);
            }
        };
    }

    private String newUser(Portcullis.Tenant tenant, String name) {
        return Portcullis.expect(portcullis.post("/v1/users", tenant.adminKey(), userBody(name)), 201).string("id");
    }

    private Reply login(Portcullis.Tenant tenant, String name) {
        return Portcullis.expect(portcullis.login(email(name), PASSWORD, tenant.id()), 200);
    }

    private static String userBody(String name) {
        return "{\"email\":\"" + email(name) + "\",\"password\":\"" + PASSWORD + "\",\"role\":\"member\"}";
    }

    private static String email(String name) {
        return name + "@crash.test";
    }

    private static String kidOf(String jwt) {
        String header = new String(Base64.getUrlDecoder().decode(jwt.substring(0, jwt.indexOf('.'))), StandardCharsets.UTF_8);
        return header.replaceAll(".*\"kid\":\"([^\"]+)\".*", "$1");
    }
}
