"""``wix-secrets-backend``, simulated: ``getSecret(name)`` reads ``site.secrets``.

::

    site.secrets["stripe-key"] = "sk_test_123"          # or site.seed(secrets={...})
    from wixevents.velo.wix_secrets_backend import getSecret
    key = getSecret("stripe-key")

``secrets.getSecretValue(name)`` (the ``@wix/secrets`` and
``wix-secrets-backend.v2`` spelling) answers ``{"value": ...}`` the same way.
An unknown name fails (:class:`~wixevents.velo.errors.SecretNotFound`) with a
message that says how to set it. The effect records the name, never the value
(``result`` is ``"***"``): effects end up in saved histories and notebooks.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .errors import SecretNotFound
from .record import recorded

if TYPE_CHECKING:
    from .site_api import VeloSite

__all__ = ["getSecret", "secrets"]


def getSecret(name: str) -> str:
    """The value of secret ``name`` on the current site."""
    def body(site: VeloSite) -> str:
        with site.velo.lock:
            value = site.velo.secrets.get(name)
        if value is None:
            known = ", ".join(sorted(site.velo.secrets)) or "none"
            raise SecretNotFound(f"No secret named {name!r} (known: {known}). Set it with "
                                 f"site.secrets[{name!r}] = '...' or site.seed(secrets={{...}}).", "NOT_FOUND")
        return value
    return recorded("wix-secrets-backend", "getSecret", {"name": name}, body, shown=lambda _: "***")


class Secrets:
    """``secrets`` of ``@wix/secrets`` / ``wix-secrets-backend.v2``: ``getSecretValue(name)`` -> ``{"value": ...}``.

    Read through :func:`getSecret` (one ``getSecret`` effect), as the JavaScript shim does.
    """

    def getSecretValue(self, name: str) -> dict[str, str]:
        return {"value": getSecret(name)}


secrets = Secrets()
