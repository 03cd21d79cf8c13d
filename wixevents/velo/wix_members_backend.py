"""``wix-members-backend``, simulated: ``members`` and ``authentication``.

::

    from wixevents.velo.wix_members_backend import members, authentication
    member = members.getMember(event.entity._id)
    members.updateMember(member._id, {"profile": {"nickname": "Ana S."}})
    authentication.approveByEmail(member.loginEmail)

The site's members start as those of the ``wixMembers_onMemberCreated`` sample
payloads (so firing a member sample and looking the member up works), plus any
seeded with ``site.seed(members=[...])``; they are shaped as this legacy module
returns them (``contactDetails``, ``profile``, ``status``...). ``getMember``
rejects an unknown ID; ``updateMember`` changes only the fields it is given
(inside ``contactDetails`` and ``profile`` too) and moves ``_updatedDate``;
``approveByEmail`` sets status ``APPROVED`` and returns a session token (a
made-up, deterministic text here); ``blockByEmail`` sets ``BLOCKED``, and
approving unblocks, as Wix documents. ``deleteMember`` removes the member.
``currentMember`` is the member of ``site.velo.identity`` (none by default: backend
events run as no one); ``authorization.assignRole``/``removeRole`` keep role IDs
in the member's ``roles`` list. The other documented functions of the module
(``badges``...) are generic-tier calls (:mod:`.generic`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from ..events.event import WixObject
from ..runtime.clock import iso
from .errors import VeloError
from .items import normalise, returned
from .record import recorded

if TYPE_CHECKING:
    from .site_api import VeloSite

__all__ = ["authentication", "authorization", "currentMember", "members"]

MODULE = "wix-members-backend"
T = TypeVar("T")


def _member(site: VeloSite, member_id: Any) -> dict[str, Any]:
    found = site.velo.members.get(member_id) if isinstance(member_id, str) else None
    if found is None:
        raise VeloError(f"Member {member_id!r} not found.", "NOT_FOUND")
    return found


def _by_email(site: VeloSite, email: Any) -> dict[str, Any]:
    wanted = str(email).lower()
    found = next((m for m in site.velo.members.values() if str(m.get("loginEmail", "")).lower() == wanted), None)
    if found is None:
        raise VeloError(f"No member logs in with {email!r}.", "NOT_FOUND")
    return found


def _call(function: str, args: dict[str, Any], body: Callable[[VeloSite], T]) -> T:
    def locked(site: VeloSite) -> T:
        with site.velo.lock:
            return body(site)
    return recorded(MODULE, function, args, locked)


def _merge(target: dict[str, Any], changes: Mapping[str, Any]) -> None:
    for key, value in changes.items():
        if isinstance(value, Mapping) and isinstance(target.get(key), dict):
            _merge(target[key], value)
        else:
            target[key] = normalise(value)


class Members:
    """``members`` of ``wix-members-backend``."""

    def getMember(self, id: str, options: Mapping[str, Any] | None = None) -> WixObject:
        return _call("members.getMember", {"id": id, "options": options}, lambda site: returned(_member(site, id)))

    def updateMember(self, id: str, member: Mapping[str, Any]) -> WixObject:
        def body(site: VeloSite) -> WixObject:
            found = _member(site, id)
            _merge(found, {k: v for k, v in member.items() if k in ("contactDetails", "profile")})
            found["_updatedDate"] = iso(site.clock.now())
            return returned(found)
        return _call("members.updateMember", {"id": id, "member": member}, body)

    def deleteMember(self, id: str) -> None:
        def body(site: VeloSite) -> None:
            site.velo.members.pop(_member(site, id)["_id"])
        _call("members.deleteMember", {"id": id}, body)


class Authentication:
    """``authentication`` of ``wix-members-backend`` (approving and blocking members)."""

    def approveByEmail(self, email: str) -> str:
        def body(site: VeloSite) -> str:
            found = _by_email(site, email)
            found["status"], found["_updatedDate"] = "APPROVED", iso(site.clock.now())
            return f"session-token-{found['_id']}"
        return _call("authentication.approveByEmail", {"email": email}, body)

    def blockByEmail(self, email: str) -> None:
        def body(site: VeloSite) -> None:
            found = _by_email(site, email)
            found["status"], found["_updatedDate"] = "BLOCKED", iso(site.clock.now())
        _call("authentication.blockByEmail", {"email": email}, body)


class CurrentMember:
    """``currentMember`` of ``wix-members-backend``: the member the code runs as (``site.velo.identity``).

    Backend events run as no one (Wix documents no identity for them), so by default
    ``getMember`` resolves to None and ``getRoles`` to ``[]``; set
    ``site.velo.identity = {"userId": member_id, "userRole": "member"}`` to act as a member.
    """

    def getMember(self, options: Mapping[str, Any] | None = None) -> WixObject | None:
        def body(site: VeloSite) -> WixObject | None:
            found = site.velo.members.get(str(site.velo.identity.get("userId")))
            return returned(found) if found is not None else None
        return _call("currentMember.getMember", {"options": options}, body)

    def getRoles(self) -> list[dict[str, Any]]:
        def body(site: VeloSite) -> list[dict[str, Any]]:
            found = site.velo.members.get(str(site.velo.identity.get("userId")))
            return [{"_id": r, "title": r} for r in (found or {}).get("roles", [])]
        return _call("currentMember.getRoles", {}, body)


class Authorization:
    """``authorization`` of ``wix-members-backend``: site roles of members, kept in the member's ``roles``."""

    def assignRole(self, roleId: str, memberId: str, options: Mapping[str, Any] | None = None) -> None:
        _call("authorization.assignRole", {"roleId": roleId, "memberId": memberId, "options": options},
              lambda site: assign_role(site, roleId, memberId))

    def removeRole(self, roleId: str, memberId: str, options: Mapping[str, Any] | None = None) -> None:
        _call("authorization.removeRole", {"roleId": roleId, "memberId": memberId, "options": options},
              lambda site: remove_role(site, roleId, memberId))


def assign_role(site: VeloSite, roleId: str, memberId: str) -> None:
    """Give member ``memberId`` role ``roleId`` (kept in the member's ``roles``; assigning twice keeps one)."""
    roles = _member(site, memberId).setdefault("roles", [])
    if roleId not in roles:
        roles.append(roleId)


def remove_role(site: VeloSite, roleId: str, memberId: str) -> None:
    """Take role ``roleId`` from member ``memberId``; NOT_FOUND when the member does not have it."""
    roles = _member(site, memberId).get("roles", [])
    if roleId not in roles:
        raise VeloError(f"Member {memberId!r} does not have role {roleId!r}.", "NOT_FOUND")
    roles.remove(roleId)


members = Members()
authentication = Authentication()
currentMember = CurrentMember()
authorization = Authorization()
