"""Errors of the simulated Wix APIs: the rejections a real call would give, as exceptions.

A Velo API call that fails rejects its promise with an ``Error`` carrying a
``message`` and often a ``code``; here the call raises :class:`VeloError` (or a
subclass) with the same two attributes. The JavaScript shims pass ``code`` on to
the ``Error`` they reject with.

Codes: ``wix-data`` errors use Wix's ``WDE`` codes where Wix's error list gives
one for the case (``WDE0001`` collection name, ``WDE0004`` item not an object,
``WDE0006`` too many items, ``WDE0007`` update without ``_id``); other cases use
Wix's standard application error codes (``ALREADY_EXISTS``, ``NOT_FOUND``,
``PERMISSION_DENIED``, ``INVALID_ARGUMENT``) -- a choice, where the exact Velo
code is not documented.
"""

from __future__ import annotations

from ..errors import WixEventsError

__all__ = ["CascadeLimitError", "HookTimeout", "SecretNotFound", "UnknownExport", "UnknownWixModule",
           "UnstubbedRequest", "VeloError", "WixDataError"]


class VeloError(WixEventsError, RuntimeError):
    """A simulated Wix API call failed as the real one would; ``message`` and ``code`` as on Wix's errors."""

    def __init__(self, message: str, code: str | None = None) -> None:
        super().__init__(message)
        self.message, self.code = message, code


class WixDataError(VeloError):
    """A ``wix-data`` operation failed (bad arguments, a missing or duplicate item, permissions)."""


class HookTimeout(WixDataError):
    """A data hook ran past the site's timeout; the operation fails as if the hook had rejected."""


class CascadeLimitError(WixDataError):
    """A data hook would run deeper than ``site.cascade_limit``; the operation fails (a loop, usually)."""


class UnstubbedRequest(VeloError):
    """``wix-fetch`` was asked for a URL no stub answers; wixevents never uses the network."""


class SecretNotFound(VeloError, KeyError):
    """``getSecret`` asked for a name that ``site.secrets`` does not hold."""


class UnknownExport(WixEventsError, AttributeError):
    """A name a known Wix module does not export; the message lists its exports and the closest one."""


class UnknownWixModule(WixEventsError, ModuleNotFoundError):
    """A ``wix-*`` / ``@wix/*`` module name that is not in Wix's reference."""
