"""What every test needs: the server from the environment and a tenant of its own."""

import os
import sys
import uuid

# The tests run from any directory (the repository's root or this client's folder).
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from portcullis import Client  # noqa: E402

try:
    BASE_URL = os.environ["PORTCULLIS_BASE_URL"]
    ADMIN_KEY = os.environ["PORTCULLIS_ADMIN_KEY"]
except KeyError as missing:
    raise RuntimeError(f"Set {missing.args[0]}: these tests run against a real Portcullis server "
                       "(PORTCULLIS_BASE_URL such as http://127.0.0.1:8080/v1, PORTCULLIS_ADMIN_KEY a platform-admin key)")


def admin():
    return Client(api_key=ADMIN_KEY, base_url=BASE_URL)


class Tenant:
    """A fresh tenant and a live admin key of it."""

    def __init__(self):
        platform = admin()
        self.id = platform.tenants.create("python client test", plan="enterprise").id
        self.admin_key = platform.for_tenant(self.id).keys.create("tenant admin", role="admin").key
        self.client = Client(api_key=self.admin_key, base_url=BASE_URL)

    def key(self, role="member", **fields):
        return self.client.keys.create(f"key {uuid.uuid4().hex[:8]}", role=role, **fields)

    def user(self, role="member", password="a long passphrase"):
        email = f"user.{uuid.uuid4().hex[:12]}@example.com"
        self.client.users.create(email, password, role=role)
        return email, password


def advance_server_clock(seconds):
    """Moves the server's clock forward (only a server started with PORTCULLIS_CLOCK_ADJUSTABLE=true)."""
    admin().request("POST", "/test-clock", {"seconds": seconds})
