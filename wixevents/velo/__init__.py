"""Simulated Wix APIs for handler code: every call works in memory, is recorded, and shows as a table.

Velo import -> Python import::

    import wixData from 'wix-data'                      from wixevents.velo import wix_data
    import { items } from '@wix/data'                   from wixevents.velo.sdk_data import items
    import { contacts, triggeredEmails }                from wixevents.velo.wix_crm_backend import (
        from 'wix-crm-backend'                              contacts, triggeredEmails)
    import { members, authentication }                  from wixevents.velo.wix_members_backend import (
        from 'wix-members-backend'                          members, authentication)
    import { fetch, getJSON } from 'wix-fetch'          from wixevents.velo.wix_fetch import fetch, getJSON
    import { getSecret } from 'wix-secrets-backend'     from wixevents.velo.wix_secrets_backend import getSecret
    import { elevate } from 'wix-auth'                  from wixevents.velo.wix_auth import elevate
    import { mediaManager } from 'wix-media-backend'    from wixevents.velo.wix_media_backend import mediaManager
    import { webMethod } from 'wix-web-module'          from wixevents.velo.wix_web_module import webMethod
    import { ok } from 'wix-http-functions'             from wixevents.velo.wix_http_functions import ok
    import { getUser } from 'wix-users-backend'         from wixevents.velo.wix_users_backend import getUser
    import { products } from '@wix/stores'              from wixevents.velo.generic import module
                                                        products = module("@wix/stores").products

**Two tiers.** The modules above are simulated: state and Wix's rules. Every
other documented backend function of every Wix module is a generic-tier call
(:mod:`.generic`): recorded, answered with a generated value of its documented
type or with a ``site.api.stub``.

**Sync, on purpose.** Velo functions return promises; these return their value
(or raise what the promise would reject with). Everything is in memory, so
there is nothing to wait for, and a plain call reads the same in a sync handler,
an ``async def`` handler and a notebook cell. Write ``item = wix_data.insert(...)``
where JavaScript says ``await``; there are no async twins (``await`` on a result
is a TypeError). The JavaScript shims of ``wixevents.js`` wrap these same
functions in promises (:func:`modules` lists them by Velo module and name).

**Which site.** Each call acts on the site of the handler run it is made in
(``wixevents.runtime.context.current_site``): inside ``site.fire(...)`` that site;
outside any run, the site of ``with site.use():``, else ``Site.default()``.

**Recorded.** Every call becomes one effect on the run that made it (module,
function, arguments, result or error, elevated or not, the runs it caused):
``result.effects``, ``site.effects()`` (:mod:`wixevents.runtime.effects`). What the
calls changed is in ``site.collection(name)``, ``site.contacts()``,
``site.members()``, ``site.emails()``, ``site.http_calls()``
(:mod:`wixevents.velo.site_api`). Data hooks: :mod:`.datahooks`; cascaded data
events: :mod:`.cascade`. No network is ever used.
"""

from __future__ import annotations

from typing import Any

__all__ = ["modules"]


def modules() -> dict[str, dict[str, Any]]:
    """Every simulated function by Velo module name and member path (what a JavaScript shim exposes).

    ``modules()["wix-data"]["insert"]``, ``modules()["@wix/data"]["items"]["insert"]``,
    ``modules()["wix-crm-backend"]["contacts"]["createContact"]``. Query builders do not cross
    into JavaScript: ``wix-data``'s ``query_find(spec, options)`` and ``query_count`` take a query
    as JSON data (``WixDataQuery.to_spec``) and return JSON data.
    """
    from . import (
        data_v2,
        sdk_data,
        wix_auth,
        wix_crm_backend,
        wix_data,
        wix_fetch,
        wix_media_backend,
        wix_members_backend,
        wix_secrets_backend,
        wix_users_backend,
    )

    def members(obj: Any) -> dict[str, Any]:
        return {n: getattr(obj, n) for n in dir(obj) if not n.startswith("_") and callable(getattr(obj, n))}

    data = {n: getattr(wix_data, n) for n in wix_data.__all__}
    return {
        "wix-data": data,
        "wix-data.v2": {"items": members(data_v2.items)},
        "@wix/data": {"items": {n: getattr(sdk_data.items, n) for n in sdk_data.FUNCTIONS}},
        "wix-crm-backend": {"contacts": members(wix_crm_backend.contacts),
                            "notifications": members(wix_crm_backend.notifications),
                            "triggeredEmails": members(wix_crm_backend.triggeredEmails)},
        "wix-members-backend": {"members": members(wix_members_backend.members),
                                "authentication": members(wix_members_backend.authentication),
                                "currentMember": members(wix_members_backend.currentMember),
                                "authorization": members(wix_members_backend.authorization)},
        "wix-users-backend": {**{n: getattr(wix_users_backend, n) for n in wix_users_backend.__all__
                                 if n != "roles"}, "roles": members(wix_users_backend.roles)},
        "wix-media-backend": {"mediaManager": members(wix_media_backend.mediaManager)},
        "wix-fetch": {"fetch": wix_fetch.fetch_json, "getJSON": wix_fetch.getJSON},
        "wix-secrets-backend": {"getSecret": wix_secrets_backend.getSecret},
        "wix-auth": {"elevate": wix_auth.elevate, "call_elevated": wix_auth.call_elevated},
    }
