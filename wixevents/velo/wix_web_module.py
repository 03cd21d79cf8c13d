"""``wix-web-module``, simulated: ``webMethod(permissions, fn)`` is ``fn``, so a web module's functions can be called.

::

    from wixevents.velo.wix_web_module import Permissions, webMethod
    multiply = webMethod(Permissions.Anyone, lambda a, b: a * b)
    multiply(2, 3)                                   # 6

On Wix, ``webMethod`` marks a function of a ``.web.js`` file as callable from
page code with the given permissions; backend code (events.js, a data hook)
that imports it calls the function directly, and permissions only guard calls
from the browser. wixevents runs backend code only, so ``webMethod`` returns
the function itself and records nothing (declaring is not an API call); the
permissions are checked to be one of :class:`Permissions`'s values.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, TypeVar

__all__ = ["Permissions", "webMethod"]

F = TypeVar("F", bound=Callable[..., Any])


class Permissions:
    """Who may call a web method from page code (the values Wix uses)."""

    Anyone = "anyone"
    Admin = "admin"
    SiteMember = "site-member"


def webMethod(permissions: str, function: F, options: Mapping[str, Any] | None = None) -> F:
    """``function`` itself: the web method a backend file exports."""
    if permissions not in (Permissions.Anyone, Permissions.Admin, Permissions.SiteMember):
        raise ValueError(f"webMethod permissions must be Permissions.Anyone, .Admin or .SiteMember, got "
                         f"{permissions!r}")
    if not callable(function):
        raise TypeError(f"webMethod(permissions, function) needs a function, got {type(function).__name__}")
    return function
