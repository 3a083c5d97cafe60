import unittest

from support import BASE_URL, Tenant

from portcullis import AuthenticationError, Client


class KeysTest(unittest.TestCase):

    def setUp(self):
        self.tenant = Tenant()

    def test_health_with_a_key_names_its_tenant(self):
        self.assertEqual(self.tenant.client.health().tenant_id, self.tenant.id)

    def test_base_url_with_a_trailing_slash_is_the_same(self):
        client = Client(api_key=self.tenant.admin_key, base_url=BASE_URL + "/")
        self.assertEqual(client.health().tenant_id, self.tenant.id)

    def test_a_created_key_works_keeps_working_during_its_grace_after_a_roll_and_is_refused_once_revoked(self):
        created = self.tenant.key()
        old = Client(api_key=created.key, base_url=BASE_URL)
        self.assertEqual(old.health().tenant_id, self.tenant.id)

        rolled = self.tenant.client.keys.roll(created.id, grace_period_seconds=600)
        new = Client(api_key=rolled.key, base_url=BASE_URL)
        self.assertNotEqual(rolled.key, created.key)
        self.assertEqual(rolled.id, created.id)
        self.assertIsNotNone(rolled.previous_key_valid_until)
        self.assertEqual(old.health().tenant_id, self.tenant.id, "the old secret works during the grace period")
        self.assertEqual(new.health().tenant_id, self.tenant.id)

        self.tenant.client.keys.revoke(created.id)
        for revoked in (new, old):
            with self.assertRaises(AuthenticationError) as refused:
                revoked.health()
            self.assertEqual(refused.exception.status, 401)
            self.assertEqual(refused.exception.code, "INVALID_API_KEY")
        self.assertEqual(self.tenant.client.keys.get(created.id).status, "revoked")

    def test_update_changes_a_key(self):
        created = self.tenant.key()
        updated = self.tenant.client.keys.update(created.id, name="renamed", rate_limit={"per_minute": 5})
        self.assertEqual(updated.name, "renamed")
        self.assertEqual(updated.rate_limit.per_minute, 5)
        self.assertEqual(self.tenant.client.keys.get(created.id).name, "renamed")

    def test_list_follows_next_cursor_over_every_page(self):
        created = {self.tenant.key().id for _ in range(5)}
        listed = [key.id for key in self.tenant.client.keys.list(limit=2)]
        self.assertEqual(len(listed), 6, "five keys and the tenant's admin key, two per page")
        self.assertEqual(len(set(listed)), 6)
        self.assertTrue(created <= set(listed))

    def test_verify_key_says_valid_for_a_live_key_and_invalid_once_it_is_revoked(self):
        member = self.tenant.key()
        verdict = self.tenant.client.verify_key(member.key, client_ip="203.0.113.7")
        self.assertTrue(verdict.valid)
        self.assertEqual(verdict.key_id, member.id)
        self.assertEqual(verdict.tenant_id, self.tenant.id)
        self.assertEqual(verdict.role, "member")

        self.tenant.client.keys.revoke(member.id)
        verdict = self.tenant.client.verify_key(member.key, client_ip="203.0.113.7")
        self.assertFalse(verdict.valid)
        self.assertEqual(verdict.code, "INVALID_API_KEY")

    def test_verify_key_says_a_route_restricted_key_is_valid_only_for_the_method_and_path_of_its_routes(self):
        rubrics = self.tenant.key(allowed_routes=["GET /v1/rubrics/**"])
        verdict = self.tenant.client.verify_key(rubrics.key, method="GET", path="/v1/rubrics/7")
        self.assertTrue(verdict.valid)
        self.assertEqual(verdict.key_id, rubrics.id)

        verdict = self.tenant.client.verify_key(rubrics.key, method="POST", path="/v1/rubrics/7")
        self.assertFalse(verdict.valid)
        self.assertEqual(verdict.code, "INSUFFICIENT_PERMISSIONS")

        verdict = self.tenant.client.verify_key(rubrics.key)
        self.assertFalse(verdict.valid, "without a method and path a route-restricted key is refused")
        self.assertEqual(verdict.code, "INSUFFICIENT_PERMISSIONS")

    def test_a_platform_admin_acts_for_a_tenant_it_creates(self):
        from support import admin
        platform = admin()
        self.assertEqual(platform.health().tenant_id, "tenant_platform")
        tenant = platform.tenants.create("acting for", plan="standard")
        self.assertEqual(platform.tenants.get(tenant.id).plan, "standard")
        self.assertEqual(platform.tenants.update(tenant.id, name="renamed").name, "renamed")
        acting = platform.for_tenant(tenant.id)
        acting.users.create("someone@example.com", "a long passphrase")
        self.assertEqual([user.email for user in acting.users.list()], ["someone@example.com"])
        self.assertEqual(acting.allowlist.set(["10.0.0.0/8"]), ["10.0.0.0/8"])
        self.assertEqual(acting.allowlist.get(), ["10.0.0.0/8"])
        acting.allowlist.clear()
        self.assertEqual(acting.allowlist.get(), [])

    def test_plans_and_usage_are_read(self):
        self.assertIn("standard", [plan.name for plan in self.tenant.client.plans.list()])
        self.assertEqual(self.tenant.client.plans.get("standard").per_minute, 60)
        usage = self.tenant.client.usage()
        self.assertEqual(usage.tenant_id, self.tenant.id)
        self.assertIsInstance(usage.data, list)


if __name__ == "__main__":
    unittest.main()
