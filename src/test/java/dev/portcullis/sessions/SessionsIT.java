package dev.portcullis.sessions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import dev.portcullis.tenants.entity.Tenant;
import dev.portcullis.testing.Concurrently;
import dev.portcullis.testing.Portcullis;
import dev.portcullis.testing.PortcullisTest;
import dev.portcullis.testing.Reply;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@PortcullisTest
class SessionsIT {

    private static final String PASSWORD = "correct horse battery staple";

    private record Session(Portcullis.Tenant tenant, String userId, String email, Reply login) {
        String accessToken() {
            return login.string("access_token");
        }

        String refreshToken() {
            return login.string("refresh_token");
        }
    }

    private static Session loggedIn(Portcullis portcullis, String role) {
        var tenant = portcullis.newTenant();
        String email = role + "." + System.nanoTime() + "@example.com";
        String userId = portcullis.newUser(tenant.adminKey(), email, PASSWORD, role).string("id");
        Reply login = portcullis.login(email, PASSWORD, tenant.id());
        assertEquals(200, login.status(), login.toString());
        return new Session(tenant, userId, email, login);
    }

    @Test
    void theLoginResponseIsTheSeedsFieldByField(Portcullis portcullis) {
        Session session = loggedIn(portcullis, "admin");
        JsonObject body = session.login().json();
        assertEquals(List.of("access_token", "refresh_token", "token_type", "expires_in", "user"), List.copyOf(body.keySet()));
        assertEquals("Bearer", body.getString("token_type"));
        assertEquals(3600, body.getJsonNumber("expires_in").longValue());
        JsonObject user = body.getJsonObject("user");
        assertEquals(List.of("id", "email", "role", "tenant_id"), List.copyOf(user.keySet()));
        assertEquals(session.userId(), user.getString("id"));
        assertTrue(user.getString("id").startsWith("user_"));
        assertEquals(session.email(), user.getString("email"));
        assertEquals("admin", user.getString("role"));
        assertEquals(session.tenant().id(), user.getString("tenant_id"));
        assertEquals("no-store", session.login().header("Cache-Control"));
    }

    @Test
    void theAccessTokenCarriesTheAgreedClaimsAndVerifiesAgainstThePublishedJwksWithAStandardLibrary(Portcullis portcullis)
            throws Exception {
        Session session = loggedIn(portcullis, "member");
        SignedJWT jwt = SignedJWT.parse(session.accessToken());
        assertEquals(JWSAlgorithm.RS256, jwt.getHeader().getAlgorithm());
        JWKSet jwks = JWKSet.parse(portcullis.get("/.well-known/jwks.json", null).body());
        assertEquals(jwks.toString(), JWKSet.parse(portcullis.get("/v1/auth/jwks", null).body()).toString());
        RSAKey key = (RSAKey) jwks.getKeyByKeyId(jwt.getHeader().getKeyID());
        assertTrue(key.size() >= 2048);
        assertTrue(jwt.verify(new RSASSAVerifier(key)), "signature verified by nimbus-jose-jwt");

        var claims = jwt.getJWTClaimsSet();
        assertEquals("portcullis", claims.getIssuer());
        assertEquals(List.of("portcullis-api"), claims.getAudience());
        assertEquals(session.userId(), claims.getSubject());
        assertEquals(session.tenant().id(), claims.getStringClaim("tenant_id"));
        assertEquals("member", claims.getStringClaim("role"));
        assertEquals(List.of("read_only", "member"), claims.getStringListClaim("groups"));
        assertTrue(claims.getJWTID() != null && claims.getIssueTime() != null);
        assertEquals(3600, (claims.getExpirationTime().getTime() - claims.getIssueTime().getTime()) / 1000);
    }

    @Test
    void tokensAndKeysAreAcceptedByTheSameRolesAllowedEndpoint(Portcullis portcullis) {
        Session admin = loggedIn(portcullis, "admin");
        assertEquals(200, portcullis.get("/v1/keys", admin.accessToken()).status());
        assertEquals(200, portcullis.get("/v1/keys", admin.tenant().adminKey()).status());
        Reply health = portcullis.get("/v1/health", admin.accessToken());
        assertEquals(admin.tenant().id(), health.string("tenant_id"));
        assertEquals("600", health.header("X-RateLimit-Limit"), "session callers are rate limited too (per user)");

        String memberEmail = "member." + System.nanoTime() + "@example.com";
        portcullis.newUser(admin.accessToken(), memberEmail, PASSWORD, "member");
        String member = portcullis.login(memberEmail, PASSWORD, admin.tenant().id()).string("access_token");
        Reply refused = portcullis.get("/v1/keys", member);
        assertEquals(403, refused.status());
        assertEquals("admin", refused.error().getString("required_role"));
    }

    @Test
    void refreshingRotatesBothTokensAndSpendsTheOldRefreshToken(Portcullis portcullis) {
        Session session = loggedIn(portcullis, "member");
        Reply refreshed = portcullis.refresh(session.refreshToken());
        assertEquals(200, refreshed.status(), refreshed.toString());
        assertNotEquals(session.refreshToken(), refreshed.string("refresh_token"));
        assertNotEquals(session.accessToken(), refreshed.string("access_token"));
        assertEquals("Bearer", refreshed.string("token_type"));
        assertEquals(200, portcullis.get("/v1/health", refreshed.string("access_token")).status());

        Reply again = portcullis.refresh(refreshed.string("refresh_token"));
        assertEquals(200, again.status(), "the new refresh token works once");
    }

    @Test
    void presentingASpentRefreshTokenRevokesTheWholeFamily(Portcullis portcullis) {
        Session session = loggedIn(portcullis, "member");
        Reply second = portcullis.refresh(session.refreshToken());
        Reply third = portcullis.refresh(second.string("refresh_token"));
        assertEquals(200, third.status());

        Reply reuse = portcullis.refresh(session.refreshToken());
        assertEquals(401, reuse.status());
        assertEquals("INVALID_REFRESH_TOKEN", reuse.errorCode());

        assertEquals(401, portcullis.refresh(third.string("refresh_token")).status(), "the newest token died with its family");
        Reply access = portcullis.get("/v1/health", third.string("access_token"));
        assertEquals(401, access.status());
        assertEquals("INVALID_TOKEN", access.errorCode());
    }

    @Test
    void ofTwentyConcurrentRefreshesWithTheSameTokenExactlyOneWins(Portcullis portcullis) {
        Session session = loggedIn(portcullis, "member");
        HttpRequest refresh = HttpRequest.newBuilder(portcullis.uri("/v1/auth/refresh"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"refresh_token\":\"" + session.refreshToken() + "\"}"))
                .build();
        Map<Integer, Integer> statuses = Concurrently.send(20, i -> refresh);
        assertEquals(Map.of(200, 1, 401, 19), statuses);
    }

    @Test
    void logoutEndsTheSessionsRefreshAndAccessTokens(Portcullis portcullis) {
        Session session = loggedIn(portcullis, "member");
        assertEquals(204, portcullis.post("/v1/auth/logout", session.accessToken(), null).status());
        assertEquals(401, portcullis.get("/v1/health", session.accessToken()).status());
        assertEquals(401, portcullis.refresh(session.refreshToken()).status());
        Reply byKey = portcullis.post("/v1/auth/logout", session.tenant().adminKey(), null);
        assertEquals(400, byKey.status(), "an API key has no session to end");
    }

    @Test
    void anExpiredAccessTokenGetsTheSeedsTokenExpiredWithItsExpiry(Portcullis portcullis) throws Exception {
        Session session = loggedIn(portcullis, "member");
        Instant exp = SignedJWT.parse(session.accessToken()).getJWTClaimsSet().getExpirationTime().toInstant();
        portcullis.advanceClock(Duration.ofHours(1).plusSeconds(5));
        Reply expired = portcullis.get("/v1/health", session.accessToken());
        assertEquals(401, expired.status());
        assertEquals("TOKEN_EXPIRED", expired.errorCode());
        assertEquals("Access token has expired", expired.error().getString("message"));
        assertEquals(exp.toString(), expired.error().getString("expires_at"));
        Reply refreshed = portcullis.refresh(session.refreshToken());
        assertEquals(200, refreshed.status(), "the refresh token outlives the access token");
    }

    @Test
    void disablingAUserEndsItsTokensAtOnceAndLoginsFail(Portcullis portcullis) {
        Session session = loggedIn(portcullis, "member");
        portcullis.patch("/v1/users/" + session.userId(), session.tenant().adminKey(), "{\"disabled\":true}");
        assertEquals(401, portcullis.get("/v1/health", session.accessToken()).status());
        assertEquals(401, portcullis.refresh(session.refreshToken()).status());
        assertEquals("INVALID_CREDENTIALS", portcullis.login(session.email(), PASSWORD, session.tenant().id()).errorCode());
        portcullis.patch("/v1/users/" + session.userId(), session.tenant().adminKey(), "{\"disabled\":false}");
        assertEquals(200, portcullis.login(session.email(), PASSWORD, session.tenant().id()).status());
    }

    @Test
    void aNewPasswordEndsEveryEarlierTokenButNotTheNextLogin(Portcullis portcullis) {
        Session session = loggedIn(portcullis, "member");
        String newPassword = "an entirely new passphrase";
        portcullis.patch("/v1/users/" + session.userId(), session.tenant().adminKey(), "{\"password\":\"" + newPassword + "\"}");
        assertEquals(401, portcullis.get("/v1/health", session.accessToken()).status());
        assertEquals(401, portcullis.refresh(session.refreshToken()).status());
        assertEquals(401, portcullis.login(session.email(), PASSWORD, session.tenant().id()).status());
        Reply fresh = portcullis.login(session.email(), newPassword, session.tenant().id());
        assertEquals(200, fresh.status());
        assertEquals(200, portcullis.get("/v1/health", fresh.string("access_token")).status());
    }

    @Test
    void deletingAUserEndsItsTokens(Portcullis portcullis) {
        Session session = loggedIn(portcullis, "member");
        assertEquals(204, portcullis.delete("/v1/users/" + session.userId(), session.tenant().adminKey()).status());
        assertEquals(401, portcullis.get("/v1/health", session.accessToken()).status());
        assertEquals(401, portcullis.refresh(session.refreshToken()).status());
    }

    @Test
    void suspendingTheTenantEndsItsSessions(Portcullis portcullis) {
        Session session = loggedIn(portcullis, "member");
        portcullis.patch("/v1/tenants/" + session.tenant().id(), portcullis.adminKey(), "{\"status\":\"suspended\"}");
        assertEquals(401, portcullis.get("/v1/health", session.accessToken()).status(), "its session family was revoked");
        assertEquals(401, portcullis.refresh(session.refreshToken()).status());
        portcullis.patch("/v1/tenants/" + session.tenant().id(), portcullis.adminKey(), "{\"status\":\"active\"}");
        assertEquals(401, portcullis.get("/v1/health", session.accessToken()).status(), "revoked, not merely paused");
    }

    @Test
    void anUnusedRefreshTokenExpiresAfterTheIdleTimeout(Portcullis portcullis) {
        Session session = loggedIn(portcullis, "member");
        Reply used = portcullis.refresh(session.refreshToken());
        portcullis.advanceClock(Duration.ofDays(7).plusMinutes(1));
        Reply idle = portcullis.refresh(used.string("refresh_token"));
        assertEquals(401, idle.status());
        assertEquals("INVALID_REFRESH_TOKEN", idle.errorCode());
    }

    @Test
    void passwordsAndTokensNeverAppearInTheServerLog(Portcullis portcullis) {
        Session session = loggedIn(portcullis, "member");
        portcullis.refresh(session.refreshToken());
        portcullis.login(session.email(), "a wrong password for the log", session.tenant().id());
        String log = portcullis.server().logText();
        for (String secret : new String[] {PASSWORD, "a wrong password for the log", session.refreshToken(),
                session.accessToken().substring(session.accessToken().lastIndexOf('.') + 1)}) {
            assertTrue(!log.contains(secret), "found in the log: " + secret.substring(0, 6) + "…");
        }
    }

    @Test
    void aRotatedSigningKeySignsNewTokensWhileTheOldKeyStaysPublishedForItsTokens(Portcullis portcullis) throws Exception {
        Session before = loggedIn(portcullis, "member");
        String oldKid = SignedJWT.parse(before.accessToken()).getHeader().getKeyID();

        Reply rotated = portcullis.post("/v1/auth/signing-keys/rotate", portcullis.adminKey(), null);
        assertEquals(200, rotated.status());
        String newKid = rotated.string("kid");
        assertNotEquals(oldKid, newKid);

        Reply after = portcullis.login(before.email(), PASSWORD, before.tenant().id());
        assertEquals(newKid, SignedJWT.parse(after.string("access_token")).getHeader().getKeyID());
        assertEquals(200, portcullis.get("/v1/health", before.accessToken()).status(), "old tokens still verify");
        JWKSet jwks = JWKSet.parse(portcullis.get("/v1/auth/jwks", null).body());
        assertTrue(jwks.getKeyByKeyId(oldKid) != null && jwks.getKeyByKeyId(newKid) != null);

        portcullis.advanceClock(Duration.ofHours(1).plusMinutes(2));
        JWKSet later = JWKSet.parse(portcullis.get("/v1/auth/jwks", null).body());
        assertTrue(later.getKeyByKeyId(oldKid) == null, "dropped once its last token expired");
        assertTrue(later.getKeyByKeyId(newKid) != null);
        assertEquals(403, portcullis.post("/v1/auth/signing-keys/rotate", before.tenant().adminKey(), null).status());
    }
}
