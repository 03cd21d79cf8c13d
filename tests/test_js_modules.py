"""Real site backends' Wix imports load and run in JavaScript, with the same tables as Python handlers.

Each blocker below stopped real sites at load time or on call before: a web
module, http-functions helpers, exports of simulated modules that were missing
(``currentMember``, ``authorization``, ``notifications``), ``elevate`` of a
function wixevents did not simulate, the ``.v2`` / ``@wix/*`` spellings.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

pytest.importorskip("py_mini_racer", reason='mini-racer is not installed: pip install "wixevents[js]"')

from test_velo_modules import WITH_FUNCTIONS, first_function

from wixevents import FixedClock, Site
from wixevents.js import JsLoadError
from wixevents.velo.generic import module
from wixevents.velo.wix_media_backend import mediaManager
from wixevents.velo.wix_members_backend import authorization, currentMember


@pytest.fixture
def site() -> Iterator[Site]:
    with Site(clock=FixedClock()) as made:
        yield made


def backend(tmp_path: Path, files: dict[str, str]) -> Path:
    folder = tmp_path / "src" / "backend"
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def run(site: Site, tmp_path: Path, events_js: str, event: str = "wixStores_onOrderPaid", **files: str) -> Any:
    site.load_js(backend(tmp_path, {"events.js": events_js, **files}))
    found = site.fire(event).runs[0]
    assert found.error is None, found.error
    return found.value


def test_a_web_module_loads_and_its_web_methods_are_called_as_functions(site: Site, tmp_path: Path) -> None:
    value = run(site, tmp_path, "import { total } from 'backend/prices.web';\n"
                "export async function wixStores_onOrderPaid(event) { return total(2, 3); }\n",
                **{"prices.web.js": "import { Permissions, webMethod } from 'wix-web-module';\n"
                                    "export const total = webMethod(Permissions.Anyone, async (a, b) => a * b);\n"})
    assert value == 6


def test_files_importing_http_functions_load_and_its_helpers_build_responses(site: Site, tmp_path: Path) -> None:
    value = run(site, tmp_path, "import { reply } from './http-functions';\n"
                "export function wixStores_onOrderPaid(event) { return reply(); }\n",
                **{"http-functions.js": "import { ok, notFound, serverError, response } from 'wix-http-functions';\n"
                                        "export function reply() {\n"
                                        "  return [ok({ body: 'hi' }), notFound().status, serverError().status,\n"
                                        "          response({ status: 418 }).status];\n}\n"
                                        "export function get_ping(request) { return ok(); }\n"})
    assert value == [{"status": 200, "body": "hi", "headers": {}}, 404, 500, 418]


def test_documented_exports_of_simulated_modules_import_and_run(site: Site, tmp_path: Path) -> None:
    run(site, tmp_path, "import { currentMember, authorization } from 'wix-members-backend';\n"
        "import { notifications, contacts } from 'wix-crm-backend';\n"
        "import wixData from 'wix-data';\n"
        "export async function wixStores_onOrderPaid(event) {\n"
        "  await notifications.notify('New order', ['Dashboard']);\n"
        "  await wixData.aggregate('Orders');\n"
        "  return [await currentMember.getMember(), typeof authorization.assignRole];\n}\n")
    assert site.effects()["function"].tolist() == ["notifications.notify", "aggregate", "currentMember.getMember"]


def test_elevate_of_a_function_wixevents_does_not_simulate_runs_elevated(site: Site, tmp_path: Path) -> None:
    value = run(site, tmp_path, "import { elevate } from 'wix-auth';\nimport { auth } from '@wix/essentials';\n"
                "import wixStoresBackend from 'wix-stores-backend';\nimport { products } from '@wix/stores';\n"
                "export async function wixStores_onOrderPaid(event) {\n"
                "  await elevate(wixStoresBackend.getProductVariants)('p1');\n"
                "  return (await auth.elevate(products.getProduct)('p2')).product.name;\n}\n")
    frame = site.effects()
    assert value == module("@wix/stores").products.getProduct("x")["product"]["name"]
    inner = frame[frame["module"] != "wix-auth"].iloc[:2]
    assert inner["function"].tolist() == ["getProductVariants", "products.getProduct"]
    assert inner["elevated"].tolist() == [True, True]


def test_suppress_auth_marks_a_call_of_either_tier_elevated(site: Site, tmp_path: Path) -> None:
    member = site.members()["_id"].iloc[0]  # a member the site is seeded with
    run(site, tmp_path, "import { orders } from 'wix-pricing-plans-backend';\n"
        "import { authorization } from 'wix-members-backend';\n"
        "export async function wixStores_onOrderPaid(event) {\n"
        "  await orders.listCurrentMemberOrders({}, { suppressAuth: true });\n"
        f"  await authorization.assignRole('r', '{member}', {{ suppressAuth: true }});\n}}\n")
    assert site.effects()["elevated"].tolist() == [True, True]


def test_an_import_a_wix_module_does_not_export_fails_the_load_naming_its_exports(site: Site, tmp_path: Path) -> None:
    with pytest.raises(JsLoadError) as caught:
        site.load_js(backend(tmp_path, {"events.js": "import { curentMember } from 'wix-members-backend';\n"}))
    text = str(caught.value)
    assert "events.js:1" in text and "'wix-members-backend' has no export named 'curentMember'" in text
    assert "Did you mean 'currentMember'?" in text and "authentication, authorization, badges" in text


def test_an_unknown_wix_module_fails_the_load_naming_it(site: Site, tmp_path: Path) -> None:
    with pytest.raises(JsLoadError, match=r"'wix-store-backend' is not a Wix module.*Did you mean 'wix-stores-backend"):
        site.load_js(backend(tmp_path, {"events.js": "import x from 'wix-store-backend';\n"}))
    with pytest.raises(JsLoadError, match=r"'@wix/nothing' is not a Wix module"):
        site.load_js(backend(tmp_path, {"events.js": "import { x } from '@wix/nothing';\n"}))


@pytest.mark.parametrize("name", ["wix-window", "wix-location-frontend", "wix-members-frontend", "wix-stores-frontend"])
def test_a_frontend_module_fails_the_load_saying_only_page_code_imports_it(site: Site, tmp_path: Path,
                                                                          name: str) -> None:
    with pytest.raises(JsLoadError, match=rf"'{name}' is a frontend module: Wix lets only page code import it"):
        site.load_js(backend(tmp_path, {"events.js": f"import x from '{name}';\n"}))


def test_an_undocumented_function_of_a_namespace_fails_on_call_naming_its_functions(site: Site, tmp_path: Path) -> None:
    site.load_js(backend(tmp_path, {"events.js": "import { products } from '@wix/stores';\n"
                                                 "export async function wixStores_onOrderPaid(event) {\n"
                                                 "  return products.getProdcut('x');\n}\n"}))
    error = site.fire("wixStores_onOrderPaid").runs[0].error
    assert error is not None and error.message.startswith("@wix/stores.products.getProdcut is not a function")
    assert "getProduct" in error.message


SOME_MODULES = WITH_FUNCTIONS[::3]


@pytest.mark.parametrize("name", SOME_MODULES)
def test_any_documented_function_runs_in_javascript_as_in_python(tmp_path: Path, name: str) -> None:
    found = first_function(name)
    assert found is not None
    path, spec = found
    head, _, rest = path.partition(".")
    call = f"{head}.{rest}" if rest else head
    js = (f"import {{ {head} }} from '{name}';\nexport async function wixStores_onOrderPaid(event) {{\n"
          f"  return {call}({', '.join(repr(p) for p in spec['params'])});\n}}\n")

    def python(event: Any) -> Any:
        target: Any = module(name)
        for step in path.split("."):
            target = getattr(target, step)
        return target(*spec["params"])
    same_tables(tmp_path, {"wixStores_onOrderPaid": python}, {"events.js": js}, "wixStores_onOrderPaid")


def same_tables(tmp_path: Path, python: dict[str, Callable[..., Any]], js: dict[str, str], event: str,
                setup: Callable[[Site], None] = lambda site: None) -> None:
    """Fire ``event`` on a Python site and a JavaScript one: history, effects and state tables must match."""
    with Site(clock=FixedClock()) as py_site, Site(clock=FixedClock()) as js_site:
        for name, fn in python.items():
            py_site.register(fn, name=name)
        js_site.load_js(backend(tmp_path, js), source="notebook")
        for made in (py_site, js_site):
            setup(made)
            made.fire(event)
        history = [f.drop(columns=["source", "handler"], errors="ignore") for f in
                   (py_site.history.to_frame(), js_site.history.to_frame())]
        pd.testing.assert_frame_equal(*history, check_dtype=False)
        pd.testing.assert_frame_equal(py_site.effects(), js_site.effects(), check_dtype=False)
        for table in ("media_files", "members", "contacts", "notifications", "emails"):
            pd.testing.assert_frame_equal(getattr(py_site, table)(), getattr(js_site, table)(), check_dtype=False)


def test_parity_media_manager_upload_and_its_cascade(tmp_path: Path) -> None:
    def wixMembers_onMemberCreated(event: Any) -> Any:
        options = {"mediaOptions": {"mimeType": "application/pdf"}}
        info = mediaManager.upload("/welcome", "aGVsbG8=", "card.pdf", options)
        return [mediaManager.getFileUrl(info["fileUrl"]), len(mediaManager.listFiles())]

    def wixMediaManager_onFileUploaded(event: Any) -> None:
        print(event.fileInfo.originalFileName, event.fileInfo.mediaType)
        mediaManager.importFile("/copies", "https://cdn.example.com/" + event.fileInfo.originalFileName + ".bak")

    js = ("import { mediaManager } from 'wix-media-backend';\n"
          "export async function wixMembers_onMemberCreated(event) {\n"
          "  const info = await mediaManager.upload('/welcome', 'aGVsbG8=', 'card.pdf', "
          "{ mediaOptions: { mimeType: 'application/pdf' } });\n"
          "  return [await mediaManager.getFileUrl(info.fileUrl), (await mediaManager.listFiles()).length];\n}\n"
          "export async function wixMediaManager_onFileUploaded(event) {\n"
          "  console.log(event.fileInfo.originalFileName, event.fileInfo.mediaType);\n"
          "  if (!event.fileInfo.originalFileName.endsWith('.bak')) {\n"
          "    await mediaManager.importFile('/copies', 'https://cdn.example.com/' + event.fileInfo.originalFileName"
          " + '.bak');\n  }\n}\n")

    def guarded(event: Any) -> None:
        if not event.fileInfo.originalFileName.endswith(".bak"):
            wixMediaManager_onFileUploaded(event)
        else:
            print(event.fileInfo.originalFileName, event.fileInfo.mediaType)
    same_tables(tmp_path, {"wixMembers_onMemberCreated": wixMembers_onMemberCreated,
                           "wixMediaManager_onFileUploaded": guarded}, {"events.js": js}, "wixMembers_onMemberCreated")


def test_parity_members_roles_and_current_member(tmp_path: Path) -> None:
    def wixMembers_onMemberCreated(event: Any) -> Any:
        authorization.assignRole("gold", event.entity._id)
        return [currentMember.getMember(), currentMember.getRoles()]

    js = ("import { authorization, currentMember } from 'wix-members-backend';\n"
          "export async function wixMembers_onMemberCreated(event) {\n"
          "  await authorization.assignRole('gold', event.entity._id);\n"
          "  return [await currentMember.getMember() ?? null, await currentMember.getRoles()];\n}\n")
    same_tables(tmp_path, {"wixMembers_onMemberCreated": wixMembers_onMemberCreated}, {"events.js": js},
                "wixMembers_onMemberCreated")


def test_parity_a_stubbed_generic_call(tmp_path: Path) -> None:
    def wixStores_onOrderPaid(event: Any) -> Any:
        return module("wix-stores.v2").products.getProduct("p1")["product"]["name"]

    js = ("import { products } from 'wix-stores.v2';\nexport async function wixStores_onOrderPaid(event) {\n"
          "  return (await products.getProduct('p1')).product.name;\n}\n")
    same_tables(tmp_path, {"wixStores_onOrderPaid": wixStores_onOrderPaid}, {"events.js": js}, "wixStores_onOrderPaid",
                lambda site: site.api.stub("wix-stores.v2", "products.getProduct",
                                           returns={"product": {"name": "Stubbed mug"}}))


def test_parity_query_contacts_and_notifications(tmp_path: Path) -> None:
    from wixevents.velo.wix_crm_backend import contacts, notifications

    def wixStores_onOrderPaid(event: Any) -> Any:
        for first in ("Ana", "Bo", "Cy"):
            contacts.createContact({"name": {"first": first}, "emails": [{"email": f"{first}@example.com"}]})
        page = contacts.queryContacts().ne("info.name.first", "Bo").descending("info.name.first").limit(1).find()
        notifications.notify("Paid", ["Dashboard"], {"title": "Shop"})
        return [[c["info"]["name"]["first"] for c in page.next().items], page.totalCount,
                contacts.queryContacts().count()]

    js = ("import { contacts, notifications } from 'wix-crm-backend';\n"
          "export async function wixStores_onOrderPaid(event) {\n"
          "  for (const first of ['Ana', 'Bo', 'Cy']) {\n"
          "    await contacts.createContact({ name: { first }, emails: [{ email: `${first}@example.com` }] });\n  }\n"
          "  const page = await contacts.queryContacts().ne('info.name.first', 'Bo').descending('info.name.first')"
          ".limit(1).find();\n"
          "  await notifications.notify('Paid', ['Dashboard'], { title: 'Shop' });\n"
          "  return [(await page.next()).items.map((c) => c.info.name.first), page.totalCount,\n"
          "          await contacts.queryContacts().count()];\n}\n")
    same_tables(tmp_path, {"wixStores_onOrderPaid": wixStores_onOrderPaid}, {"events.js": js}, "wixStores_onOrderPaid")


def test_parity_legacy_users_backend(tmp_path: Path) -> None:
    from wixevents.velo import wix_users_backend as users

    def wixMembers_onMemberCreated(event: Any) -> Any:
        users.updateUserFields(event.entity._id, {"firstName": "Zoe"})
        users.roles.assignRole("gold", event.entity._id)
        users.emailUser("welcome", event.entity._id, {"variables": {"name": "Zoe"}})
        return users.getUser(event.entity._id)

    js = ("import wixUsersBackend, { roles } from 'wix-users-backend';\n"
          "export async function wixMembers_onMemberCreated(event) {\n"
          "  await wixUsersBackend.updateUserFields(event.entity._id, { firstName: 'Zoe' });\n"
          "  await roles.assignRole('gold', event.entity._id);\n"
          "  await wixUsersBackend.emailUser('welcome', event.entity._id, { variables: { name: 'Zoe' } });\n"
          "  return wixUsersBackend.getUser(event.entity._id);\n}\n")
    same_tables(tmp_path, {"wixMembers_onMemberCreated": wixMembers_onMemberCreated}, {"events.js": js},
                "wixMembers_onMemberCreated")


def test_parity_data_v2_items_with_the_data_event_cascade(tmp_path: Path) -> None:
    from wixevents.velo.data_v2 import items

    def wixStores_onOrderPaid(event: Any) -> Any:
        made = items.insertDataItem({"dataCollectionId": "Orders", "dataItem": {"data": {"title": "Mug"}}})
        items.updateDataItem(made["dataItem"]["_id"], {"dataCollectionId": "Orders",
                                                       "dataItem": {"data": {"title": "Cup"}}})
        return items.getDataItem(made["dataItem"]["_id"], {"dataCollectionId": "Orders"})

    def wixData_onDataItemCreated(event: Any) -> None:
        print("created", event.entity.data.title)

    js = ("import { items } from 'wix-data.v2';\n"
          "export async function wixStores_onOrderPaid(event) {\n"
          "  const made = await items.insertDataItem({ dataCollectionId: 'Orders',"
          " dataItem: { data: { title: 'Mug' } } });\n"
          "  await items.updateDataItem(made.dataItem._id, { dataCollectionId: 'Orders',"
          " dataItem: { data: { title: 'Cup' } } });\n"
          "  return items.getDataItem(made.dataItem._id, { dataCollectionId: 'Orders' });\n}\n"
          "export function wixData_onDataItemCreated(event) { console.log('created', event.entity.data.title); }\n")
    same_tables(tmp_path, {"wixStores_onOrderPaid": wixStores_onOrderPaid,
                           "wixData_onDataItemCreated": wixData_onDataItemCreated}, {"events.js": js},
                "wixStores_onOrderPaid")


def test_parity_web_methods_http_helpers_and_secrets_v2(tmp_path: Path) -> None:
    from wixevents.velo.wix_http_functions import created
    from wixevents.velo.wix_secrets_backend import secrets
    from wixevents.velo.wix_web_module import Permissions, webMethod

    def wixStores_onOrderPaid(event: Any) -> Any:
        twice = webMethod(Permissions.SiteMember, lambda n: n * 2)
        return [twice(21), created({"body": {"ok": True}}), secrets.getSecretValue("shop-key")]

    js = ("import { webMethod, Permissions } from '@wix/web-methods';\n"
          "import { created } from 'wix-http-functions';\nimport { secrets } from 'wix-secrets-backend.v2';\n"
          "export async function wixStores_onOrderPaid(event) {\n"
          "  const twice = webMethod(Permissions.SiteMember, (n) => n * 2);\n"
          "  return [twice(21), created({ body: { ok: true } }), await secrets.getSecretValue('shop-key')];\n}\n")
    same_tables(tmp_path, {"wixStores_onOrderPaid": wixStores_onOrderPaid}, {"events.js": js}, "wixStores_onOrderPaid",
                lambda site: site.secrets.update({"shop-key": "sk_live_1"}))


def test_parity_elevated_query_builders_run_find_and_count_elevated(tmp_path: Path) -> None:
    from wixevents.velo import wix_auth, wix_data
    from wixevents.velo.wix_crm_backend import contacts

    def wixStores_onOrderPaid(event: Any) -> Any:
        contacts.createContact({"name": {"first": "Ana"}})
        wix_data.insert("Orders", {"title": "Mug"})
        query_contacts, query = wix_auth.elevate(contacts.queryContacts), wix_auth.elevate(wix_data.query)
        first = query_contacts().limit(1).find()
        return [len(first.items), query("Orders").count(), len(query("Orders").find().next().items)]

    js = ("import { elevate } from 'wix-auth';\nimport wixData from 'wix-data';\n"
          "import { contacts } from 'wix-crm-backend';\n"
          "const queryContacts = elevate(contacts.queryContacts);\nconst query = elevate(wixData.query);\n"
          "export async function wixStores_onOrderPaid(event) {\n"
          "  await contacts.createContact({ name: { first: 'Ana' } });\n"
          "  await wixData.insert('Orders', { title: 'Mug' });\n"
          "  const first = await queryContacts().limit(1).find();\n"
          "  return [first.items.length, await query('Orders').count(),\n"
          "          (await (await query('Orders').find()).next()).items.length];\n}\n")
    same_tables(tmp_path, {"wixStores_onOrderPaid": wixStores_onOrderPaid}, {"events.js": js}, "wixStores_onOrderPaid")
    with Site(clock=FixedClock()) as made, made.use():
        wix_auth.elevate(wix_data.query)("Orders").find()
        frame = made.effects()
        assert frame["function"].tolist() == ["elevate", "query.find"] and frame["elevated"].tolist() == [True, True]


def test_parity_elevated_get_secret_value_as_wix_documents_it(tmp_path: Path) -> None:
    """Wix documents ``elevate(secrets.getSecretValue)`` for wix-secrets-backend.v2: it loads and runs elevated."""
    from wixevents.velo.wix_auth import elevate
    from wixevents.velo.wix_secrets_backend import secrets

    def wixStores_onOrderPaid(event: Any) -> Any:
        return elevate(secrets.getSecretValue)("shop-key")["value"]

    js = ("import { secrets } from 'wix-secrets-backend.v2';\nimport { elevate } from 'wix-auth';\n"
          "export async function wixStores_onOrderPaid(event) {\n"
          "  const getSecretValue = elevate(secrets.getSecretValue);\n"
          "  return (await getSecretValue('shop-key')).value;\n}\n")
    same_tables(tmp_path, {"wixStores_onOrderPaid": wixStores_onOrderPaid}, {"events.js": js}, "wixStores_onOrderPaid",
                lambda site: site.secrets.update({"shop-key": "sk_live_1"}))
    with Site(clock=FixedClock()) as site:
        site.secrets["shop-key"] = "sk_live_1"
        site.load_js(backend(tmp_path, {"events.js": js}))
        assert site.fire("wixStores_onOrderPaid").value == "sk_live_1"
        calls = site.effects()
        assert calls[calls["function"] == "getSecret"]["elevated"].tolist() == [True]


def test_parity_a_generic_query_builder_chains_and_find_is_the_one_recorded_call(tmp_path: Path) -> None:
    """``products.queryProducts()`` returns a builder (not a promise): filters chain, ``find()`` is recorded."""
    def wixStores_onOrderPaid(event: Any) -> Any:
        found = module("wix-stores.v2").products.queryProducts().eq("name", "Mug").limit(5).find()
        return [found["totalCount"], sorted(found["items"][0])[:3]]

    js = ("import { products } from 'wix-stores.v2';\n"
          "export async function wixStores_onOrderPaid(event) {\n"
          "  const found = await products.queryProducts().eq('name', 'Mug').limit(5).find();\n"
          "  return [found.totalCount, Object.keys(found.items[0]).sort().slice(0, 3)];\n}\n")
    same_tables(tmp_path, {"wixStores_onOrderPaid": wixStores_onOrderPaid}, {"events.js": js}, "wixStores_onOrderPaid")
    with Site(clock=FixedClock()) as site:
        site.load_js(backend(tmp_path, {"events.js": js}))
        assert site.fire("wixStores_onOrderPaid").value[0] == 1
        [call] = site.effects().to_dict("records")
        assert (call["module"], call["function"]) == ("wix-stores.v2", "products.queryProducts")
        assert call["args"] == {"query": [["eq", ["name", "Mug"]], ["limit", [5]]]}
