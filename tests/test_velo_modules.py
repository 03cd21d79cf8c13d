"""The Wix module surface in Python: the generic tier of every documented function, and the newly simulated modules."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import REFERENCE, ROOT

from wixevents import FixedClock, Site
from wixevents.velo import wix_auth
from wixevents.velo.errors import UnknownExport, UnknownWixModule, VeloError
from wixevents.velo.generic import entry, exports, module, modules_table, simulated
from wixevents.velo.wix_http_functions import badRequest, created, ok, response, serverError
from wixevents.velo.wix_media_backend import mediaManager
from wixevents.velo.wix_members_backend import authorization, currentMember, members
from wixevents.velo.wix_web_module import Permissions, webMethod


@pytest.fixture
def site() -> Iterator[Site]:
    with Site(clock=FixedClock()) as made, made.use():
        yield made


def first_function(name: str) -> tuple[str, dict[str, Any]] | None:
    """The first documented function of module ``name`` that wixevents does not simulate: (member path, entry)."""
    for key, value in modules_table()[name]["exports"].items():
        if value["kind"] == "function" and simulated(name, key) is None:
            return key, value
        if value["kind"] == "namespace":
            for fn in sorted(value["functions"]):
                if simulated(name, f"{key}.{fn}") is None:
                    return f"{key}.{fn}", value["functions"][fn]
    return None


WITH_FUNCTIONS = [n for n in modules_table() if first_function(n) is not None]


def test_the_table_covers_the_modules_real_sites_import() -> None:
    for name in ("wix-stores-backend", "wix-ecom-backend", "wix-bookings-backend", "wix-pricing-plans-backend",
                 "wix-events-backend", "wix-pay-backend", "wix-loyalty.v2", "wix-blog-backend", "wix-forum.v2",
                 "wix-groups-backend", "wix-realtime-backend", "wix-users-backend", "wix-router", "@wix/stores",
                 "@wix/ecom", "@wix/bookings", "wix-members.v2", "wix-stores.v2"):
        assert name in modules_table(), name
    assert len(WITH_FUNCTIONS) >= 70


@pytest.mark.parametrize("name", WITH_FUNCTIONS)
def test_every_documented_function_runs_recorded_with_its_arguments_by_name(site: Site, name: str) -> None:
    found = first_function(name)
    assert found is not None
    path, spec = found
    target: Any = module(name)
    for step in path.split("."):
        target = getattr(target, step)
    args = [f"value-{i}" for i in range(len(spec["params"]) + 1)]  # one more than documented
    value = target(*args)
    assert value == spec["returns"]
    effect = site.effects().iloc[-1]
    assert (effect["module"], effect["function"]) == (name, path)
    assert list(effect["args"]) == [*spec["params"], f"arg{len(spec['params'])}"]
    assert not effect["elevated"]


def test_a_generated_value_is_a_fresh_copy_each_call(site: Site) -> None:
    products = module("wix-stores.v2").products
    first = products.getProduct("p1")
    first["product"]["name"] = "changed"
    assert products.getProduct("p1")["product"]["name"] != "changed"


def test_a_stub_answers_with_its_value_or_by_calling_the_function(site: Site) -> None:
    site.api.stub("wix-stores.v2", "products.getProduct", returns={"product": {"name": "Mug"}})
    site.api.stub("wix-pay-backend", "createPayment", returns=lambda info: {"id": "p-1", "amount": info["amount"]})
    assert module("wix-stores.v2").products.getProduct("x") == {"product": {"name": "Mug"}}
    assert module("wix-pay-backend").createPayment({"amount": 5}) == {"id": "p-1", "amount": 5}
    assert site.effects()["result"].tolist() == [{"product": {"name": "Mug"}}, {"id": "p-1", "amount": 5}]


def test_stubbing_something_wix_does_not_document_is_refused_with_the_closest_name(site: Site) -> None:
    with pytest.raises(KeyError, match=r"did you mean 'products\.getProduct'"):
        site.api.stub("wix-stores.v2", "products.getProdcut", returns={})
    with pytest.raises(ValueError, match="'wix-data' insert is simulated"):
        site.api.stub("wix-data", "insert", returns={})
    with pytest.raises(UnknownWixModule, match="wix-storez-backend"):
        site.api.stub("wix-storez-backend", "getProduct", returns={})


def test_an_undocumented_name_or_module_fails_naming_what_there_is() -> None:
    with pytest.raises(UnknownExport, match=r"no export named 'produts'. Did you mean 'products'\? It exports: "):
        _ = module("wix-stores.v2").produts
    with pytest.raises(UnknownWixModule, match="did you mean 'wix-stores-backend'"):
        module("wix-store-backend")
    assert exports("wix-nothing") is None
    with pytest.raises(UnknownWixModule, match="'wix-window' is a frontend module"):
        module("wix-window")


def test_elevate_and_suppress_auth_mark_generic_calls_elevated(site: Site) -> None:
    wix_auth.elevate(module("wix-stores.v2").products.getProduct)("p1")
    wix_auth.call_elevated("wix-pay-backend:createPayment", {"amount": 1})
    module("wix-members.v2").members.getMember("m1", {"suppressAuth": True})
    frame = site.effects()
    assert frame[frame["module"] != "wix-auth"]["elevated"].tolist() == [True, True, True]
    with pytest.raises(KeyError, match="no simulated function"):
        wix_auth.call_elevated("wix-pay-backend:nothing")


def test_module_gives_the_simulated_function_where_there_is_one(site: Site) -> None:
    assert module("wix-http-functions").ok is ok and module("wix-web-module").webMethod is webMethod
    assert module("wix-media-backend").mediaManager.upload == mediaManager.upload
    assert module("wix-web-module").Permissions == {"Anyone": "anyone", "Admin": "admin", "SiteMember": "site-member"}


def test_a_web_method_is_its_function_and_permissions_are_checked() -> None:
    def double(x: int) -> int:
        return 2 * x
    assert webMethod(Permissions.Anyone, double)(4) == 8
    assert (Permissions.Admin, Permissions.SiteMember) == ("admin", "site-member")
    with pytest.raises(ValueError, match=r"Permissions\.Anyone"):
        webMethod("everyone", double)
    with pytest.raises(TypeError, match="needs a function"):
        webMethod(Permissions.Anyone, 3)  # type: ignore[type-var]


def test_http_function_helpers_build_wix_responses() -> None:
    assert ok({"body": {"a": 1}}) == {"status": 200, "body": {"a": 1}, "headers": {}}
    assert created()["status"] == 201 and badRequest()["status"] == 400 and serverError()["status"] == 500
    assert response({"status": 418, "headers": {"x": "y"}}) == {"status": 418, "body": None, "headers": {"x": "y"}}


def test_current_member_is_no_one_in_a_backend_event_unless_an_identity_is_set(site: Site) -> None:
    member_id = next(iter(site.velo.members))
    assert currentMember.getMember() is None and currentMember.getRoles() == []
    authorization.assignRole("gold", member_id)
    site.velo.identity = {"userId": member_id, "userRole": "member"}
    assert currentMember.getMember()["_id"] == member_id
    assert currentMember.getRoles() == [{"_id": "gold", "title": "gold"}]
    authorization.removeRole("gold", member_id)
    assert members.getMember(member_id).get("roles") == []
    with pytest.raises(VeloError, match="does not have role 'gold'"):
        authorization.removeRole("gold", member_id)


def test_the_media_manager_keeps_uploads_and_imports_in_folders(site: Site) -> None:
    up = mediaManager.upload("/photos/2026", b"12345", "mug.jpg", {"mediaOptions": {"mimeType": "image/jpeg"}})
    imported = mediaManager.importFile("/photos", "https://cdn.example.com/a/cup.png?x=1")
    assert up["fileUrl"].startswith("wix:image://v1/") and up["sizeInBytes"] == 5
    assert imported["originalFileName"] == "cup.png" and imported["sourceURL"].startswith("https://cdn")
    assert mediaManager.getFileInfo(up["fileUrl"]) == up
    assert mediaManager.getFileUrl(up["fileUrl"]).startswith("https://static.wixstatic.com/media/")
    assert "name=mug.jpg" in mediaManager.getDownloadUrl(up["fileUrl"])
    folders = mediaManager.listFolders()
    assert [f["folderName"] for f in folders] == ["photos", "2026"]
    assert mediaManager.getFolderInfo(up["parentFolderId"])["folderName"] == "2026"
    assert mediaManager.listFiles({"parentFolderId": up["parentFolderId"]}) == [up]
    assert site.media_files()["originalFileName"].tolist() == ["mug.jpg", "cup.png"]
    with pytest.raises(VeloError, match="No file 'wix:image://v1/none'"):
        mediaManager.getFileInfo("wix:image://v1/none")
    site.reset()
    assert site.media_files().empty


def test_an_upload_fires_on_file_uploaded_as_a_cascade_in_published_mode_only() -> None:
    seen: list[str] = []

    def wixMediaManager_onFileUploaded(event: Any) -> None:
        seen.append(event.fileInfo.originalFileName)

    def wixMembers_onMemberCreated(event: Any) -> None:
        mediaManager.upload("/", "aGk=", "welcome.pdf")

    with Site(clock=FixedClock()) as made:
        made.register(wixMediaManager_onFileUploaded)
        made.register(wixMembers_onMemberCreated)
        made.fire("wixMembers_onMemberCreated")
        frame = made.history.to_frame()
        assert frame["status"].tolist() == ["ok", "ok"] and frame["trigger"].tolist()[1] == "cascade"
        assert made.effects()["caused"].tolist() == [[2]]
    assert seen == ["welcome.pdf"]
    with Site(clock=FixedClock(), mode="preview") as made, made.use():
        made.register(wixMediaManager_onFileUploaded)
        mediaManager.upload("/", "aGk=", "later.pdf")
        assert made.history.to_frame()["status"].tolist() == ["not_triggered_in_preview"]
    assert seen == ["welcome.pdf"]


@pytest.mark.skipif(not REFERENCE.is_dir(), reason="the Velo reference is not beside this checkout")
def test_the_committed_module_table_is_what_the_generator_writes(tmp_path: Path) -> None:
    out = tmp_path / "modules.json"
    run = subprocess.run([sys.executable, str(ROOT / "tools" / "gen_modules.py"), "--reference", str(REFERENCE),
                          "--out", str(out)], capture_output=True, text=True, check=True)
    assert run.stdout.startswith("wrote ") and " modules (" in run.stdout
    committed = ROOT / "wixevents" / "velo" / "data" / "modules.json"
    assert out.read_bytes() == committed.read_bytes(), "modules.json is stale: run tools/gen_modules.py"


def test_the_table_lists_namespaces_with_their_functions_and_parameter_names() -> None:
    assert entry("wix-crm-backend", "notifications.notify") is not None
    assert entry("wix-members-backend", "currentMember.getMember") is not None
    assert entry("wix-media-backend", "mediaManager.upload")["params"] == ["path", "fileContent", "fileName",
                                                                          "options"]  # type: ignore[index]
    assert entry("wix-stores-backend", "nothing") is None and entry("wix-nothing", "x") is None


def test_query_contacts_filters_sorts_and_pages_the_sites_contacts(site: Site) -> None:
    from wixevents.velo.wix_crm_backend import contacts

    for first, email in (("Ana", "ana@example.com"), ("Bo", "bo@example.com"), ("Cy", "cy@example.com")):
        contacts.createContact({"name": {"first": first}, "emails": [{"email": email}]})
    found = contacts.queryContacts().ne("info.name.first", "Bo").ascending("info.name.first").limit(1).find()
    assert [c["info"]["name"]["first"] for c in found.items] == ["Ana"] and found.totalCount == 2
    assert [c["info"]["name"]["first"] for c in found.next().items] == ["Cy"]
    assert contacts.queryContacts().count() == 3
    assert site.effects()["function"].tolist()[-3:] == ["contacts.queryContacts.find", "contacts.queryContacts.find",
                                                        "contacts.queryContacts.count"]


def test_notify_keeps_notifications_and_refuses_unknown_channels(site: Site) -> None:
    from wixevents.velo.wix_crm_backend import notifications

    notifications.notify("New order", ["Dashboard", "Mobile"], {"title": "Shop"})
    assert site.notifications()[["body", "channels", "title"]].values.tolist() == [
        ["New order", ["Dashboard", "Mobile"], "Shop"]]
    with pytest.raises(VeloError, match="notify needs channels from Mobile, Dashboard, Browser; got \\['Email'\\]"):
        notifications.notify("x", ["Email"])
    assert len(site.notifications()) == 1


def test_the_legacy_users_module_acts_on_the_sites_members(site: Site) -> None:
    from wixevents.velo import wix_users_backend as users

    member_id, member = next(iter(site.velo.members.items()))
    user = users.getUser(member_id)
    assert (user["id"], user["loginEmail"]) == (member_id, member["loginEmail"])
    users.updateUserFields(member_id, {"firstName": "Zoe", "tier": "gold"})
    assert users.getUser(member_id)["firstName"] == "Zoe"
    assert members.getMember(member_id)["contactDetails"]["customFields"]["tier"] == "gold"
    users.blockByEmail(member["loginEmail"])
    assert users.getUser(member_id)["status"] == "BLOCKED"
    assert users.approveByEmail(member["loginEmail"]) == f"session-token-{member_id}"
    users.roles.assignRole("gold", member_id)
    assert members.getMember(member_id)["roles"] == ["gold"]
    users.emailUser("welcome", member_id, {"variables": {"name": "Zoe"}})
    assert site.emails()[["emailId", "recipient", "to"]].values.tolist() == [["welcome", member_id,
                                                                             member["loginEmail"]]]
    users.deleteUser(member_id)
    with pytest.raises(VeloError, match="not found"):
        users.getUser(member_id)
    assert set(site.effects()["module"]) == {"wix-users-backend", "wix-members-backend"}


def test_data_v2_items_answer_in_the_request_response_shape_on_the_same_collections(site: Site) -> None:
    from wixevents.velo import wix_data
    from wixevents.velo.data_v2 import items

    made = items.insertDataItem({"dataCollectionId": "Orders", "dataItem": {"data": {"title": "Mug"}}})
    item_id = made["dataItem"]["_id"]
    assert made["dataItem"]["dataCollectionId"] == "Orders" and wix_data.get("Orders", item_id)["title"] == "Mug"
    saved = items.saveDataItem({"dataCollectionId": "Orders", "dataItem": {"_id": item_id, "data": {"title": "Cup"}}})
    assert saved["action"] == "UPDATED" and saved["dataItem"]["data"]["title"] == "Cup"
    assert items.saveDataItem({"dataCollectionId": "Orders", "dataItem": {"data": {"t": 1}}})["action"] == "INSERTED"
    items.updateDataItem(item_id, {"dataCollectionId": "Orders", "dataItem": {"data": {"title": "Bowl"}}})
    assert items.getDataItem(item_id, {"dataCollectionId": "Orders"})["dataItem"]["data"]["title"] == "Bowl"
    assert items.removeDataItem(item_id, {"dataCollectionId": "Orders"})["dataItem"]["_id"] == item_id
    with pytest.raises(VeloError, match="No item found in Orders"):
        items.getDataItem(item_id, {"dataCollectionId": "Orders"})
    with pytest.raises(VeloError, match="dataCollectionId must name a collection"):
        items.insertDataItem({"dataItem": {"data": {}}})
    assert set(site.effects()["function"]) >= {"items.insertDataItem", "items.saveDataItem", "items.removeDataItem"}


@pytest.mark.parametrize(("name", "expected"), [
    ("wix-data", "simulated"), ("@wix/data", "simulated"), ("wix-media-backend", "simulated"),
    ("wix-http-functions", "simulated"), ("@wix/web-methods", "simulated"), ("wix-users-backend", "simulated"),
    ("wix-stores-backend", "generic"), ("@wix/ecom", "generic"), ("wix-realtime-backend", "generic"),
    ("wix-window", "frontend"), ("wix-stores-frontend", "frontend"), ("wix-nothing", "unknown"), ("axios", "unknown"),
])
def test_every_module_name_has_a_tier(name: str, expected: str) -> None:
    from wixevents.velo.generic import tier

    assert tier(name) == expected


def test_a_generic_query_finds_the_sample_item_none_after_limit_zero_and_a_stub_answers_find() -> None:
    from wixevents.velo.generic import module

    with Site(clock=FixedClock()) as site, site.use():
        products = module("wix-stores.v2").products
        assert products.queryProducts().find()["items"][0]["_id"]
        assert products.queryProducts().limit(0).find() | {"pageSize": None} == {
            "items": [], "totalCount": 0, "length": 0, "pageSize": None, "currentPage": 0, "totalPages": 0}
        with pytest.raises(AttributeError, match="has no method 'where'; it has ascending"):
            products.queryProducts().where("x")
        site.api.stub("wix-stores.v2", "products.queryProducts", returns=lambda steps: {"items": [], "steps": steps})
        assert products.queryProducts().eq("name", "Mug").find() == {"items": [], "steps": [["eq", ["name", "Mug"]]]}
        assert len(site.effects()) == 3  # find() is the recorded call; building a query records nothing
