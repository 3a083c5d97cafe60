"""The Portcullis client: one class for API keys and sessions alike."""

import json
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

from .errors import (AuthenticationError, RateLimitError, SessionEndedError, TransportError,
                     error_from_response, is_token_expired, redact)

VERSION = "0.1.0"
USER_AGENT = f"portcullis-python/{VERSION}"
_SECRET_FIELDS = ("key", "access_token", "refresh_token")


class ApiObject(dict):
    """A JSON object from the API: a dict whose fields are also attributes (``health.tenant_id``)."""

    def __init__(self, fields=()):
        super().__init__({name: _wrap(value) for name, value in dict(fields).items()})

    def __getattr__(self, name):
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None

    def __repr__(self):
        shown = {name: ("[REDACTED]" if name in _SECRET_FIELDS and value else value) for name, value in self.items()}
        return f"ApiObject({shown!r})"

    __str__ = __repr__


def _wrap(value):
    if isinstance(value, dict):
        return ApiObject(value)
    if isinstance(value, list):
        return [_wrap(item) for item in value]
    return value


class _Connection:
    """Where and how to send requests; shared by a client, its sessions and its for_tenant copies."""

    def __init__(self, base_url, timeout, max_retries, max_retry_wait, sleep, clock):
        if not base_url:
            raise ValueError("base_url is required, e.g. https://api.example.com/v1")
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.max_retries = max_retries
        self.max_retry_wait = max_retry_wait
        self.sleep = sleep
        self.clock = clock

    def send(self, method, path, body=None, params=None, bearer=None, tenant_id=None, secrets=()):
        """One request, retried on 429 as configured. Returns the decoded body (None for 204)."""
        waited = 0.0
        attempt = 0
        while True:
            try:
                return self._send_once(method, path, body, params, bearer, tenant_id, secrets)
            except RateLimitError as refused:
                delay = refused.retry_after if isinstance(refused.retry_after, (int, float)) else 1
                if attempt >= self.max_retries or waited + delay > self.max_retry_wait:
                    raise
                # A 429 is decided before anything is done, so even a POST is safe to send again.
                self.sleep(delay)
                waited += delay
                attempt += 1

    def _send_once(self, method, path, body, params, bearer, tenant_id, secrets):
        url = self.base_url + path
        query = {name: value for name, value in (params or {}).items() if value is not None}
        if query:
            url += "?" + urllib.parse.urlencode(query)
        headers = {"Accept": "application/json", "User-Agent": USER_AGENT}
        data = None
        if body is not None:
            data = json.dumps(body).encode("utf-8")
            headers["Content-Type"] = "application/json"
        if bearer:
            headers["Authorization"] = "Bearer " + bearer
        if tenant_id:
            headers["X-Tenant-ID"] = tenant_id
        request = urllib.request.Request(url, data=data, headers=headers, method=method)
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                content = response.read()
        except urllib.error.HTTPError as refused:
            with refused:
                raise error_from_response(refused.code, refused.headers, refused.read(), secrets) from None
        except (urllib.error.URLError, OSError) as failed:
            reason = getattr(failed, "reason", failed)
            raise TransportError(redact(f"{method} {path} failed: {reason}", secrets)) from None
        return json.loads(content) if content else None


class _ApiKey:
    def __init__(self, key):
        self.key = key

    def bearer(self):
        return self.key

    def secrets(self):
        return (self.key,)


class _Session:
    """Tokens of one login. Refreshes once per expiry, whoever asks, and forgets them when refused."""

    def __init__(self, connection, tokens):
        self._connection = connection
        self._lock = threading.Lock()
        self._accept(tokens)

    def _accept(self, tokens):
        self._access_token = tokens["access_token"]
        self._refresh_token = tokens["refresh_token"]
        lifetime = float(tokens.get("expires_in") or 0)
        # Refresh a little before the server would refuse the token, so no request is spent on the refusal.
        self._refresh_at = self._connection.clock() + lifetime - min(30.0, lifetime / 2)
        self.user = _wrap(tokens.get("user"))

    @property
    def access_token(self):
        with self._lock:
            return self._access_token

    def bearer(self):
        with self._lock:
            if self._access_token is None:
                raise SessionEndedError()
            if self._connection.clock() >= self._refresh_at:
                self._refresh()
            return self._access_token

    def refresh_after(self, refused_token):
        """After a TOKEN_EXPIRED for refused_token: refresh, unless another caller already has."""
        with self._lock:
            if self._access_token is None:
                raise SessionEndedError()
            if self._access_token == refused_token:
                self._refresh()

    def _refresh(self):
        # Called with the lock held: concurrent callers wait for this one refresh and use its token,
        # since a refresh token spent twice revokes the whole session.
        try:
            tokens = self._connection.send("POST", "/auth/refresh", {"refresh_token": self._refresh_token},
                                           secrets=self.secrets())
        except AuthenticationError:
            self.end()
            raise
        self._accept(tokens)

    def end(self):
        self._access_token = None
        self._refresh_token = None

    def secrets(self):
        return (self._access_token, self._refresh_token)


class Client:
    """A Portcullis client acting with an API key, or with a session after ``login``.

    ``base_url`` includes ``/v1``. 429 answers are raised at once unless ``max_retries`` > 0: then
    the client waits ``Retry-After`` seconds (with ``sleep``) up to that many times, as long as the
    waits add up to no more than ``max_retry_wait`` seconds.
    """

    def __init__(self, api_key=None, base_url=None, *, timeout=30.0, max_retries=0, max_retry_wait=60.0,
                 sleep=time.sleep, clock=time.monotonic):
        self._attach(_Connection(base_url, timeout, max_retries, max_retry_wait, sleep, clock),
                     _ApiKey(api_key) if api_key else None, None)

    def _attach(self, connection, credential, tenant_id):
        self._connection = connection
        self._credential = credential
        self._tenant_id = tenant_id
        self.keys = Keys(self)
        self.users = Users(self)
        self.tenants = Tenants(self)
        self.allowlist = Allowlist(self)
        self.plans = Plans(self)

    @classmethod
    def _sharing(cls, connection, credential, tenant_id):
        client = cls.__new__(cls)
        client._attach(connection, credential, tenant_id)
        return client

    def __repr__(self):
        kind = type(self._credential).__name__.strip("_").lower() if self._credential else "anonymous"
        tenant = f", tenant_id={self._tenant_id!r}" if self._tenant_id else ""
        return f"<portcullis.Client {self._connection.base_url} ({kind}){tenant}>"

    @property
    def base_url(self):
        return self._connection.base_url

    def for_tenant(self, tenant_id):
        """The same credential acting for another tenant (X-Tenant-ID): for a platform admin's key."""
        return Client._sharing(self._connection, self._credential, tenant_id)

    # -- sessions --

    def login(self, email, password, tenant_id, environment=None):
        """A client acting as this user; it refreshes its access token by itself."""
        body = {"email": email, "password": password, "tenant_id": tenant_id}
        if environment is not None:
            body["environment"] = environment
        tokens = self._connection.send("POST", "/auth/login", body, secrets=(password,))
        return Client._sharing(self._connection, _Session(self._connection, tokens), None)

    @property
    def user(self):
        """The logged-in user ({id, email, role, tenant_id}); None for an API-key client."""
        return self._credential.user if isinstance(self._credential, _Session) else None

    @property
    def access_token(self):
        """The session's current access token, for handing on; None for an API-key client or after logout."""
        return self._credential.access_token if isinstance(self._credential, _Session) else None

    def logout(self):
        """Ends the session on the server: its access and refresh tokens stop working."""
        session = self._credential
        if not isinstance(session, _Session):
            raise TypeError("logout() ends a session; API keys are revoked with keys.revoke()")
        try:
            self.request("POST", "/auth/logout")
        except SessionEndedError:
            return
        except AuthenticationError:
            pass  # the server had ended it already
        session.end()

    # -- requests --

    def request(self, method, path, body=None, params=None):
        """Any call of the API, such as ``request("GET", "/files")``; path is below base_url."""
        return self._call(method, path, body, params)

    def _call(self, method, path, body=None, params=None, secrets_sent=()):
        credential = self._credential
        refreshed = False
        while True:
            bearer = credential.bearer() if credential else None
            secrets = (credential.secrets() if credential else ()) + secrets_sent
            try:
                return self._connection.send(method, path, body, params, bearer, self._tenant_id, secrets)
            except AuthenticationError as refused:
                if not isinstance(credential, _Session) or refreshed or not is_token_expired(refused):
                    raise
                credential.refresh_after(bearer)
                refreshed = True

    def _paged(self, path, limit, params=None):
        cursor = None
        while True:
            page = self.request("GET", path, params={**(params or {}), "cursor": cursor, "limit": limit})
            for item in page["data"]:
                yield ApiObject(item)
            cursor = page.get("next_cursor")
            if not cursor:
                return

    def health(self):
        """{status, service, version, tenant_id, timestamp}; tenant_id names the credential's tenant."""
        return ApiObject(self.request("GET", "/health"))

    def verify_key(self, key, client_ip=None, method=None, path=None):
        """For backends handed a key: the verdict {valid, key_id, tenant_id, role, ...} or {valid: false, code, ...}.

        ``method`` and ``path`` are the client's request's (the path as sent, a query may follow): a key
        restricted to certain routes is refused with INSUFFICIENT_PERMISSIONS unless they name one of them.
        """
        body = {"key": key, **_fields({"client_ip": client_ip, "method": method, "path": path})}
        return ApiObject(self._call("POST", "/keys/verify", body, secrets_sent=(key,)))

    def usage(self, from_=None, to=None):
        """Requests allowed and refused per subject per UTC day; dates as date objects or 'YYYY-MM-DD'."""
        params = {"from": from_ and str(from_), "to": to and str(to)}
        return ApiObject(self.request("GET", "/usage", params=params))


def _fields(values):
    return {name: value for name, value in values.items() if value is not None}


class _Resource:
    def __init__(self, client):
        self._client = client


class Keys(_Resource):
    def create(self, name, **fields):
        """fields: environment, role, type, scopes, expires_at, allowed_ips, rate_limit, credits, rate_limits,
        allowed_routes, meta, external_id, identity_id. The answer's ``key`` is shown once."""
        return ApiObject(self._client.request("POST", "/keys", {"name": name, **fields}))

    def list(self, limit=None):
        """Every key of the tenant, fetched page by page (``limit`` per page) as you iterate."""
        return self._client._paged("/keys", limit)

    def get(self, key_id):
        return ApiObject(self._client.request("GET", f"/keys/{_segment(key_id)}"))

    def update(self, key_id, **fields):
        """fields: name, scopes, expires_at, allowed_ips, rate_limit, enabled, credits, rate_limits, allowed_routes,
        meta, external_id, identity_id."""
        return ApiObject(self._client.request("PATCH", f"/keys/{_segment(key_id)}", fields))

    def roll(self, key_id, grace_period_seconds=None):
        """A new secret for the key; the old one keeps working for the grace period."""
        body = _fields({"grace_period_seconds": grace_period_seconds})
        return ApiObject(self._client.request("POST", f"/keys/{_segment(key_id)}/roll", body))

    def revoke(self, key_id):
        self._client.request("DELETE", f"/keys/{_segment(key_id)}")


class Users(_Resource):
    def create(self, email, password, role=None):
        body = _fields({"email": email, "password": password, "role": role})
        return ApiObject(self._client.request("POST", "/users", body))

    def list(self, limit=None):
        return self._client._paged("/users", limit)

    def get(self, user_id):
        return ApiObject(self._client.request("GET", f"/users/{_segment(user_id)}"))

    def update(self, user_id, **fields):
        """fields: role, disabled, password. Disabling or a new password ends the user's sessions."""
        return ApiObject(self._client.request("PATCH", f"/users/{_segment(user_id)}", fields))

    def delete(self, user_id):
        self._client.request("DELETE", f"/users/{_segment(user_id)}")


class Tenants(_Resource):
    def create(self, name, plan=None, rate_limit=None):
        body = _fields({"name": name, "plan": plan, "rate_limit": rate_limit})
        return ApiObject(self._client.request("POST", "/tenants", body))

    def list(self, limit=None):
        return self._client._paged("/tenants", limit)

    def get(self, tenant_id):
        return ApiObject(self._client.request("GET", f"/tenants/{_segment(tenant_id)}"))

    def update(self, tenant_id, **fields):
        """fields: name, plan, status ("active" or "suspended"), rate_limit."""
        return ApiObject(self._client.request("PATCH", f"/tenants/{_segment(tenant_id)}", fields))


class Allowlist(_Resource):
    """The tenant-wide IP allowlist (/auth/ip-allowlist)."""

    def get(self):
        return self._client.request("GET", "/auth/ip-allowlist")["allowed_ips"]

    def set(self, allowed_ips):
        return self._client.request("POST", "/auth/ip-allowlist", {"allowed_ips": list(allowed_ips)})["allowed_ips"]

    def clear(self):
        self._client.request("DELETE", "/auth/ip-allowlist")


class Plans(_Resource):
    def list(self):
        return [ApiObject(plan) for plan in self._client.request("GET", "/plans")["data"]]

    def get(self, name):
        return ApiObject(self._client.request("GET", f"/plans/{_segment(name)}"))

    def create(self, name, per_minute, per_day):
        body = {"name": name, "per_minute": per_minute, "per_day": per_day}
        return ApiObject(self._client.request("POST", "/plans", body))

    def update(self, name, per_minute=None, per_day=None):
        body = _fields({"per_minute": per_minute, "per_day": per_day})
        return ApiObject(self._client.request("PATCH", f"/plans/{_segment(name)}", body))


def _segment(value):
    return urllib.parse.quote(str(value), safe="")
