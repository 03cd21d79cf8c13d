"""``wix-users-backend`` (Wix's legacy users API), simulated on the site's members.

::

    from wixevents.velo.wix_users_backend import getUser, emailUser, roles
    user = getUser(member_id)                      # {id, loginEmail, firstName, ..., status}
    emailUser("welcome", member_id, {"variables": {"name": "Ana"}})
    roles.assignRole("gold", member_id)

Wix replaced this module with ``wix-members-backend``; a site that still uses
it acts on the same members here: ``getUser`` returns the member in the legacy
``User`` shape (``id``, ``loginEmail``, ``firstName``, ``lastName``,
``nickname``, ``slug``, ``status``, ``creationDate``, ``lastUpdateDate``),
``updateUserFields`` changes the member's contact details, ``deleteUser``
removes it, ``approveByEmail``/``blockByEmail`` change its status as
``authentication`` does, ``emailUser`` is a triggered email in
``site.emails()``, ``roles`` keeps role IDs as ``authorization`` does. Each is
recorded under ``wix-users-backend``. The rest (``register``, ``login``,
``currentUser``, ``badges``...) are generic-tier calls (:mod:`.generic`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from ..runtime.clock import iso
from .record import recorded
from .wix_crm_backend import triggeredEmails
from .wix_members_backend import _by_email, _member, assign_role, remove_role

if TYPE_CHECKING:
    from .site_api import VeloSite

__all__ = ["approveByEmail", "blockByEmail", "deleteUser", "emailUser", "getUser", "roles", "updateUserFields"]

MODULE = "wix-users-backend"
T = TypeVar("T")


def _call(function: str, args: dict[str, Any], body: Callable[[VeloSite], T]) -> T:
    def locked(site: VeloSite) -> T:
        with site.velo.lock:
            return body(site)
    return recorded(MODULE, function, args, locked)


def _user(member: Mapping[str, Any]) -> dict[str, Any]:
    details, profile = member.get("contactDetails") or {}, member.get("profile") or {}
    return {"id": member["_id"], "loginEmail": member.get("loginEmail"), "firstName": details.get("firstName"),
            "lastName": details.get("lastName"), "nickname": profile.get("nickname"), "slug": profile.get("slug"),
            "status": member.get("status"), "creationDate": member.get("_createdDate"),
            "lastUpdateDate": member.get("_updatedDate")}


def getUser(userId: str) -> dict[str, Any]:
    return _call("getUser", {"userId": userId}, lambda site: _user(_member(site, userId)))


def updateUserFields(userId: str, userInfo: Mapping[str, Any]) -> None:
    def body(site: VeloSite) -> None:
        found = _member(site, userId)
        details = found.setdefault("contactDetails", {})
        for key, value in userInfo.items():
            if key in ("firstName", "lastName", "phones", "emails", "picture"):
                details[key] = value
            else:
                details.setdefault("customFields", {})[key] = value
        found["_updatedDate"] = iso(site.clock.now())
    _call("updateUserFields", {"userId": userId, "userInfo": userInfo}, body)


def deleteUser(userId: str) -> None:
    _call("deleteUser", {"userId": userId}, lambda site: site.velo.members.pop(_member(site, userId)["_id"]) and None)


def _status(function: str, email: str, status: str) -> Callable[[VeloSite], dict[str, Any]]:
    def body(site: VeloSite) -> dict[str, Any]:
        found = _by_email(site, email)
        found["status"], found["_updatedDate"] = status, iso(site.clock.now())
        return found
    return body


def approveByEmail(email: str) -> str:
    body = _status("approveByEmail", email, "APPROVED")
    return _call("approveByEmail", {"email": email}, lambda site: f"session-token-{body(site)['_id']}")


def blockByEmail(email: str) -> None:
    body = _status("blockByEmail", email, "BLOCKED")
    _call("blockByEmail", {"email": email}, lambda site: body(site) and None)


def emailUser(emailId: str, toUser: str, options: Mapping[str, Any] | None = None) -> None:
    triggeredEmails._send("emailUser", "member", emailId, toUser, options, module=MODULE, key="toUser")


class Roles:
    """``roles`` of ``wix-users-backend``: role IDs kept in the member's ``roles``, as ``authorization`` keeps them."""

    def assignRole(self, roleId: str, memberId: str, options: Mapping[str, Any] | None = None) -> None:
        _call("roles.assignRole", {"roleId": roleId, "memberId": memberId, "options": options},
              lambda site: assign_role(site, roleId, memberId))

    def removeRole(self, roleId: str, memberId: str, options: Mapping[str, Any] | None = None) -> None:
        _call("roles.removeRole", {"roleId": roleId, "memberId": memberId, "options": options},
              lambda site: remove_role(site, roleId, memberId))


roles = Roles()
