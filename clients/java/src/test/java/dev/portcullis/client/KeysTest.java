package dev.portcullis.client;

import static dev.portcullis.client.TestServer.BASE_URL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.client.TestServer.TestTenant;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KeysTest {

    private final TestTenant tenant = TestTenant.create();

    @Test
    void healthWithAKeyNamesItsTenant() {
        assertEquals(tenant.id(), tenant.client().health().tenantId());
    }

    @Test
    void aBaseUrlWithATrailingSlashIsTheSame() {
        assertEquals(tenant.id(), new PortcullisClient(tenant.adminKey(), BASE_URL + "/").health().tenantId());
    }

    @Test
    void aCreatedKeyWorksKeepsWorkingDuringItsGraceAfterARollAndIsRefusedOnceRevoked() {
        Key created = tenant.key();
        PortcullisClient old = new PortcullisClient(created.key(), BASE_URL);
        assertEquals(tenant.id(), old.health().tenantId());

        Key rolled = tenant.client().keys().roll(created.id(), Duration.ofMinutes(10));
        PortcullisClient renewed = new PortcullisClient(rolled.key(), BASE_URL);
        assertNotEquals(created.key(), rolled.key());
        assertEquals(created.id(), rolled.id());
        assertNotNull(rolled.previousKeyValidUntil());
        assertEquals(tenant.id(), old.health().tenantId(), "the old secret works during the grace period");
        assertEquals(tenant.id(), renewed.health().tenantId());

        tenant.client().keys().revoke(created.id());
        for (PortcullisClient revoked : List.of(renewed, old)) {
            AuthenticationException refused = assertThrows(AuthenticationException.class, revoked::health);
            assertEquals(401, refused.status());
            assertEquals("INVALID_API_KEY", refused.code());
        }
        assertEquals("revoked", tenant.client().keys().get(created.id()).status());
    }

    @Test
    void updateChangesAKey() {
        Key created = tenant.key();
        Key updated = tenant.client().keys().update(created.id(), KeyChange.none().withName("renamed").withRateLimit(RateLimit.perMinute(5)));
        assertEquals("renamed", updated.name());
        assertEquals(5L, updated.rateLimit().perMinute());
        assertEquals("renamed", tenant.client().keys().get(created.id()).name());
    }

    @Test
    void listFollowsNextCursorOverEveryPage() {
        Set<String> created = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            created.add(tenant.key().id());
        }
        List<String> listed = tenant.client().keys().list(2).map(Key::id).toList();
        assertEquals(6, listed.size(), "five keys and the tenant's admin key, two per page");
        assertEquals(6, new HashSet<>(listed).size());
        assertTrue(listed.containsAll(created));
    }

    @Test
    void verifyKeySaysWhomALiveKeyIsForAndWhereItsLimitsStandAndInvalidOnceItIsRevoked() {
        String externalId = "customer " + TestServer.unique();
        Key member = tenant.key(NewKey.named("key " + TestServer.unique()).withExternalId(externalId)
                .withRateLimit(RateLimit.perMinute(10)).withCredits(Credits.remaining(5)));
        KeyVerdict verdict = tenant.client().verifyKey(member.key(), "203.0.113.7");
        assertTrue(verdict.valid(), verdict::toString);
        assertEquals(member.id(), verdict.keyId());
        assertEquals(tenant.id(), verdict.tenantId());
        assertEquals("member", verdict.role());
        assertEquals(externalId, verdict.externalId());
        assertEquals(new KeyVerdict.CreditsLeft(4, null), verdict.credits(), "the verify's charge spent a credit");
        List<KeyVerdict.Limit> limits = verdict.limits();
        KeyVerdict.Limit minute = limits.stream().filter(limit -> limit.name().equals("minute")).findFirst()
                .orElseThrow(() -> new AssertionError("no minute limit in " + limits));
        assertEquals(10, minute.limit());
        assertEquals(9, minute.remaining(), "the verify's charge spent one of the minute's");
        assertTrue(minute.reset() > 0);

        tenant.client().keys().revoke(member.id());
        verdict = tenant.client().verifyKey(member.key(), "203.0.113.7");
        assertFalse(verdict.valid());
        assertEquals("INVALID_API_KEY", verdict.code());
    }

    @Test
    void verifyKeySaysARouteRestrictedKeyIsValidOnlyForTheMethodAndPathOfItsRoutes() {
        Key rubrics = tenant.key(NewKey.named("rubrics " + TestServer.unique()).withAllowedRoutes(List.of("GET /v1/rubrics/**")));
        assertEquals(List.of("GET /v1/rubrics/**"), rubrics.allowedRoutes());
        KeyVerdict verdict = tenant.client().verifyKey(rubrics.key(), null, "GET", "/v1/rubrics/7");
        assertTrue(verdict.valid(), verdict::toString);
        assertEquals(rubrics.id(), verdict.keyId());

        verdict = tenant.client().verifyKey(rubrics.key(), null, "POST", "/v1/rubrics/7");
        assertFalse(verdict.valid());
        assertEquals("INSUFFICIENT_PERMISSIONS", verdict.code());

        verdict = tenant.client().verifyKey(rubrics.key(), null);
        assertFalse(verdict.valid(), "without a method and path a route-restricted key is refused");
        assertEquals("INSUFFICIENT_PERMISSIONS", verdict.code());
    }

    @Test
    void aPlatformAdminActsForATenantItCreates() {
        PortcullisClient platform = TestServer.admin();
        assertEquals("tenant_platform", platform.health().tenantId());
        Tenant created = platform.tenants().create(new NewTenant("acting for", "standard", null));
        assertEquals("standard", platform.tenants().get(created.id()).plan());
        assertEquals("renamed", platform.tenants().update(created.id(), new TenantChange("renamed", null, null, null)).name());
        PortcullisClient acting = platform.forTenant(created.id());
        acting.users().create(new NewUser("someone@example.com", "a long passphrase", null));
        assertEquals(List.of("someone@example.com"), acting.users().list(null).map(User::email).toList());
        assertEquals(List.of("10.0.0.0/8"), acting.allowlist().set(List.of("10.0.0.0/8")));
        assertEquals(List.of("10.0.0.0/8"), acting.allowlist().get());
        acting.allowlist().clear();
        assertEquals(List.of(), acting.allowlist().get());
    }

    @Test
    void plansAndUsageAreRead() {
        assertTrue(tenant.client().plans().list().stream().anyMatch(plan -> plan.name().equals("standard")));
        assertEquals(60L, tenant.client().plans().get("standard").perMinute());
        Usage usage = tenant.client().usage(null, null);
        assertEquals(tenant.id(), usage.tenantId());
        assertNotNull(usage.data());
    }
}
