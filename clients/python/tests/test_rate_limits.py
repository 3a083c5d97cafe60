import unittest

from support import BASE_URL, Tenant, advance_server_clock

from portcullis import Client, RateLimitError


class RateLimitsTest(unittest.TestCase):

    def setUp(self):
        tenant = Tenant()
        self.tenant_id = tenant.id
        self.key = tenant.key(rate_limit={"per_minute": 60}).key

    def exhaust(self):
        """Calls until the key is refused; the 60 of a minute go in a burst, so that is after about 60."""
        client = Client(api_key=self.key, base_url=BASE_URL)
        for sent in range(1, 200):
            try:
                client.health()
            except RateLimitError as refused:
                self.assertGreater(sent, 60)
                return refused
        self.fail("never refused")

    def test_without_retry_the_429_is_raised_at_once_with_retry_after(self):
        refused = self.exhaust()
        self.assertEqual((refused.status, refused.code, refused.retry_after), (429, "RATE_LIMIT_EXCEEDED", 1))

    def test_with_retry_the_client_waits_retry_after_and_succeeds(self):
        waits = []

        def sleep_on_the_server_clock(seconds):
            waits.append(seconds)
            advance_server_clock(seconds)

        retrying = Client(api_key=self.key, base_url=BASE_URL, max_retries=3, sleep=sleep_on_the_server_clock)
        self.exhaust()
        self.assertEqual(retrying.health().tenant_id, self.tenant_id)
        self.assertEqual(waits, [1])

    def test_retries_stop_after_max_retries(self):
        waits = []
        retrying = Client(api_key=self.key, base_url=BASE_URL, max_retries=2, sleep=waits.append)
        self.exhaust()
        with self.assertRaises(RateLimitError):
            retrying.health()  # no time passes while "sleeping", so every attempt is refused
        self.assertEqual(waits, [1, 1])

    def test_no_retry_when_retry_after_exceeds_the_wait_allowed(self):
        waits = []
        retrying = Client(api_key=self.key, base_url=BASE_URL, max_retries=3, max_retry_wait=0.5, sleep=waits.append)
        self.exhaust()
        with self.assertRaises(RateLimitError):
            retrying.health()
        self.assertEqual(waits, [])


if __name__ == "__main__":
    unittest.main()
