"""Client for the Portcullis API. Standard library only."""

from .client import VERSION as __version__
from .client import ApiObject, Client
from .errors import (AuthenticationError, BadRequestError, ConflictError, NotFoundError, PermissionDeniedError,
                     PortcullisError, RateLimitError, ServerError, SessionEndedError, TransportError)

__all__ = ["Client", "ApiObject", "PortcullisError", "BadRequestError", "AuthenticationError", "SessionEndedError",
           "PermissionDeniedError", "NotFoundError", "ConflictError", "RateLimitError", "ServerError",
           "TransportError"]
