"""Errors raised for Portcullis's refusals, in either of its two error styles."""

import json
import re

# Keys of any family and JWTs, for secrets the client was never told about (a key pasted into the
# wrong field and echoed back by a validation message).
_SECRET_SHAPES = re.compile(
    r"\b[A-Za-z]{2,}_(?:live|test)_[A-Za-z0-9]{20,}"
    r"|\b[A-Za-z]{2,}_tenant_[A-Za-z0-9]+_(?:test_)?[A-Za-z0-9]{20,}"
    r"|\beyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*"
    r"|\brt_[A-Za-z0-9_-]{20,}"
)
REDACTED = "[REDACTED]"


def redact(value, secrets=()):
    """The value with every secret in it replaced; strings inside lists and dicts too."""
    if isinstance(value, str):
        for secret in secrets:
            if secret:
                value = value.replace(secret, REDACTED)
        return _SECRET_SHAPES.sub(REDACTED, value)
    if isinstance(value, list):
        return [redact(item, secrets) for item in value]
    if isinstance(value, dict):
        return {name: redact(item, secrets) for name, item in value.items()}
    return value


class PortcullisError(Exception):
    """A refusal by the server (or, with status None, a failure to reach it).

    ``details`` holds every field of the error body besides code, message and request_id;
    the usual ones are also properties.
    """

    def __init__(self, status, code, message, request_id=None, details=None):
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.request_id = request_id
        self.details = dict(details or {})

    @property
    def required_role(self):
        return self.details.get("required_role")

    @property
    def required_scope(self):
        return self.details.get("required_scope")

    @property
    def retry_after(self):
        return self.details.get("retry_after")

    @property
    def expires_at(self):
        return self.details.get("expires_at")

    @property
    def field(self):
        return self.details.get("field")

    def __str__(self):
        where = f" (request_id {self.request_id})" if self.request_id else ""
        status = f"{self.status} " if self.status is not None else ""
        return f"{status}{self.code}: {self.message}{where}"

    def __repr__(self):
        return (f"{type(self).__name__}(status={self.status!r}, code={self.code!r}, "
                f"message={self.message!r}, request_id={self.request_id!r}, details={self.details!r})")


class BadRequestError(PortcullisError):
    """400: VALIDATION_FAILED (see ``field``), MALFORMED_REQUEST, INVALID_FORWARDING_HEADER."""


class AuthenticationError(PortcullisError):
    """401: INVALID_API_KEY, INVALID_TOKEN, TOKEN_EXPIRED, INVALID_CREDENTIALS, INVALID_REFRESH_TOKEN."""


class SessionEndedError(AuthenticationError):
    """A session client used after logout or after its refresh token was refused."""

    def __init__(self):
        super().__init__(None, "SESSION_ENDED", "The session has ended; log in again")


class PermissionDeniedError(PortcullisError):
    """403: INSUFFICIENT_PERMISSIONS (see ``required_role``, ``required_scope``), TENANT_SUSPENDED, ..."""


class NotFoundError(PortcullisError):
    """404."""


class ConflictError(PortcullisError):
    """409."""


class RateLimitError(PortcullisError):
    """429: ``retry_after`` is the number of seconds until a request would be admitted."""


class ServerError(PortcullisError):
    """5xx, such as 503 RATE_LIMIT_UNAVAILABLE."""


class TransportError(PortcullisError):
    """The server could not be reached or did not answer in time (status None)."""

    def __init__(self, message):
        super().__init__(None, "TRANSPORT_ERROR", message)


_BY_STATUS = {400: BadRequestError, 401: AuthenticationError, 403: PermissionDeniedError,
              404: NotFoundError, 409: ConflictError, 429: RateLimitError}


def error_from_response(status, headers, body, secrets=()):
    """The error for a refused request, from either style of body.

    AudiModal style: ``{"error": {"code": "RATE_LIMIT_EXCEEDED", "message": ..., "request_id": ...}}``.
    MedTWIN style, flat: ``{"error": "rate_limit_exceeded", "message": ..., "retry_after": 30}``, where
    the code is the upper-cased ``error`` (a 401 is always UNAUTHORIZED and a 403 FORBIDDEN).
    ``headers`` is a mapping with case-insensitive ``get``; ``body`` bytes or text.
    """
    try:
        payload = json.loads(body) if body else {}
    except ValueError:
        payload = {}
    if not isinstance(payload, dict):
        payload = {}
    error = payload.get("error")
    if isinstance(error, dict):
        fields = dict(error)
        code = fields.pop("code", None)
    elif isinstance(error, str):
        fields = dict(payload)
        code = fields.pop("error").upper()
    else:
        fields = {}
        code = None
    message = fields.pop("message", None) or f"HTTP {status}"
    request_id = fields.pop("request_id", None) or headers.get("X-Request-ID")
    if "retry_after" not in fields and headers.get("Retry-After", "").isdigit():
        fields["retry_after"] = int(headers.get("Retry-After"))
    kind = _BY_STATUS.get(status, ServerError if status >= 500 else PortcullisError)
    return kind(status, code or f"HTTP_{status}", redact(message, secrets), request_id, redact(fields, secrets))


def is_token_expired(error):
    """TOKEN_EXPIRED; in the MedTWIN style every 401 is UNAUTHORIZED, and only an expired token has expires_at."""
    return isinstance(error, AuthenticationError) and error.status == 401 and (
        error.code == "TOKEN_EXPIRED" or "expires_at" in error.details)
