import threading
import unittest
from concurrent.futures import ThreadPoolExecutor

from support import BASE_URL, Tenant, advance_server_clock

from portcullis import AuthenticationError, Client, SessionEndedError

ACCESS_TOKEN_LIFETIME = 3600


class SessionsTest(unittest.TestCase):

    def setUp(self):
        self.tenant = Tenant()
        self.email, self.password = self.tenant.user()

    def login(self, **options):
        return Client(base_url=BASE_URL, **options).login(self.email, self.password, self.tenant.id)

    def test_login_then_an_expired_access_token_is_refreshed_transparently_and_logout_ends_the_session(self):
        session = self.login()
        self.assertEqual(session.user.email, self.email)
        self.assertEqual(session.health().tenant_id, self.tenant.id)
        first_token = session.access_token

        advance_server_clock(ACCESS_TOKEN_LIFETIME + 1)
        self.assertEqual(session.health().tenant_id, self.tenant.id)
        self.assertNotEqual(session.access_token, first_token, "refreshed after TOKEN_EXPIRED")

        last_token = session.access_token
        session.logout()
        with self.assertRaises(AuthenticationError) as refused:
            Client(api_key=last_token, base_url=BASE_URL).health()
        self.assertEqual(refused.exception.status, 401)
        with self.assertRaises(SessionEndedError):
            session.health()

    def test_concurrent_callers_with_an_expired_token_share_one_refresh(self):
        session = self.login()
        advance_server_clock(ACCESS_TOKEN_LIFETIME + 1)
        # Refreshing twice with one refresh token would revoke the whole session on the server.
        start = threading.Barrier(8)

        def call():
            start.wait()
            return session.health().tenant_id

        with ThreadPoolExecutor(8) as pool:
            tenants = list(pool.map(lambda _: call(), range(8)))
        self.assertEqual(tenants, [self.tenant.id] * 8)
        self.assertEqual(session.health().tenant_id, self.tenant.id)

    def test_the_token_is_refreshed_just_before_expires_in_runs_out(self):
        now = [1000.0]
        session = self.login(clock=lambda: now[0])
        first_token = session.access_token
        session.health()
        self.assertEqual(session.access_token, first_token)

        now[0] += ACCESS_TOKEN_LIFETIME - 5
        self.assertEqual(session.health().tenant_id, self.tenant.id)
        self.assertNotEqual(session.access_token, first_token)

    def test_a_refused_refresh_token_ends_the_session(self):
        session = self.login()
        user_id = session.user.id
        self.tenant.client.users.update(user_id, password="a new long passphrase")  # ends the user's sessions
        advance_server_clock(ACCESS_TOKEN_LIFETIME + 1)

        with self.assertRaises(AuthenticationError) as refused:
            session.health()
        self.assertEqual(refused.exception.code, "INVALID_REFRESH_TOKEN")
        with self.assertRaises(SessionEndedError):
            session.health()
        self.assertIsNone(session.access_token)

    def test_wrong_password_is_invalid_credentials(self):
        with self.assertRaises(AuthenticationError) as refused:
            Client(base_url=BASE_URL).login(self.email, "not the password", self.tenant.id)
        self.assertEqual(refused.exception.code, "INVALID_CREDENTIALS")
        self.assertNotIn("not the password", str(refused.exception) + repr(refused.exception))


if __name__ == "__main__":
    unittest.main()
