import unittest

from support import BASE_URL, Tenant

from portcullis import (AuthenticationError, BadRequestError, Client, NotFoundError, PermissionDeniedError,
                        RateLimitError)
from portcullis.errors import error_from_response


class ErrorsTest(unittest.TestCase):

    def setUp(self):
        self.tenant = Tenant()

    def test_a_bad_key_is_an_authentication_error_with_the_request_id(self):
        member = self.tenant.key()
        self.tenant.client.keys.revoke(member.id)
        with self.assertRaises(AuthenticationError) as refused:
            Client(api_key=member.key, base_url=BASE_URL).health()
        error = refused.exception
        self.assertEqual((error.status, error.code), (401, "INVALID_API_KEY"))
        self.assertTrue(error.request_id.startswith("req_"))

    def test_a_member_listing_keys_is_permission_denied_naming_the_role(self):
        member = Client(api_key=self.tenant.key(role="member").key, base_url=BASE_URL)
        with self.assertRaises(PermissionDeniedError) as refused:
            list(member.keys.list())
        error = refused.exception
        self.assertEqual((error.status, error.code), (403, "INSUFFICIENT_PERMISSIONS"))
        self.assertEqual(error.required_role, "admin")

    def test_a_scoped_key_outside_its_scope_names_the_scope(self):
        reader = Client(api_key=self.tenant.key(role="admin", scopes=["keys:read"]).key, base_url=BASE_URL)
        with self.assertRaises(PermissionDeniedError) as refused:
            reader.users.create("x@example.com", "a long passphrase")
        self.assertIsNotNone(refused.exception.required_scope)

    def test_a_tenant_admin_acting_for_another_tenant_is_refused(self):
        with self.assertRaises(PermissionDeniedError) as refused:
            self.tenant.client.for_tenant("tenant_platform").health()
        self.assertEqual(refused.exception.required_role, "platform_admin")

    def test_an_unknown_key_is_not_found(self):
        with self.assertRaises(NotFoundError) as refused:
            self.tenant.client.keys.get("key_doesnotexist")
        self.assertEqual((refused.exception.status, refused.exception.code), (404, "NOT_FOUND"))

    def test_an_invalid_field_is_a_bad_request_naming_it(self):
        with self.assertRaises(BadRequestError) as refused:
            self.tenant.client.keys.create("", role="member")
        self.assertEqual((refused.exception.status, refused.exception.code), (400, "VALIDATION_FAILED"))
        self.assertEqual(refused.exception.field, "name")

    def test_a_key_echoed_by_the_server_never_appears_in_the_error(self):
        key = self.tenant.admin_key
        # The server's message quotes the unknown scope, here the client's own key pasted into the wrong field.
        with self.assertRaises(BadRequestError) as refused:
            self.tenant.client.keys.create("pasted", scopes=[key])
        error = refused.exception
        self.assertEqual(error.field, "scopes")
        for text in (str(error), repr(error), error.message, repr(error.details)):
            self.assertNotIn(key, text)
        self.assertIn("[REDACTED]", error.message)

    def test_the_client_and_a_created_key_do_not_show_the_secret(self):
        created = self.tenant.key()
        self.assertNotIn(created.key, repr(created))
        self.assertNotIn(created.key, str(created))
        self.assertNotIn(self.tenant.admin_key, repr(self.tenant.client))


class ErrorStylesTest(unittest.TestCase):
    """Both documented bodies, parsed as received (the server under test speaks one style only)."""

    def test_the_audimodal_body_nests_the_code(self):
        error = error_from_response(429, {"Retry-After": "60"}, b'{"error":{"code":"RATE_LIMIT_EXCEEDED",'
                                    b'"message":"API rate limit exceeded","retry_after":60,"request_id":"req_1"}}')
        self.assertIsInstance(error, RateLimitError)
        self.assertEqual((error.code, error.message, error.retry_after, error.request_id),
                         ("RATE_LIMIT_EXCEEDED", "API rate limit exceeded", 60, "req_1"))

    def test_the_medtwin_body_is_flat_with_a_lower_case_code(self):
        error = error_from_response(429, {"Retry-After": "30"}, b'{"error":"rate_limit_exceeded",'
                                    b'"message":"Too many requests. Retry after 30 seconds.","retry_after":30}')
        self.assertIsInstance(error, RateLimitError)
        self.assertEqual((error.code, error.retry_after), ("RATE_LIMIT_EXCEEDED", 30))

    def test_medtwin_401_and_403_carry_no_finer_code_but_keep_their_fields(self):
        forbidden = error_from_response(403, {"X-Request-ID": "req_2"}, b'{"error":"forbidden","message":"no",'
                                        b'"required_role":"admin"}')
        self.assertEqual((forbidden.code, forbidden.required_role, forbidden.request_id), ("FORBIDDEN", "admin", "req_2"))
        unauthorized = error_from_response(401, {}, b'{"error":"unauthorized","message":"Invalid or missing API key"}')
        self.assertIsInstance(unauthorized, AuthenticationError)
        self.assertEqual(unauthorized.code, "UNAUTHORIZED")

    def test_other_fields_are_kept(self):
        error = error_from_response(413, {}, b'{"error":{"code":"PAYLOAD_TOO_LARGE","message":"big","max_bytes":65536}}')
        self.assertEqual(error.details, {"max_bytes": 65536})


if __name__ == "__main__":
    unittest.main()
