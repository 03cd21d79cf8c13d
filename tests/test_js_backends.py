"""Real site backends load and run: dynamic import(), npm packages, Node built-ins, the global fetch,
stand-in modules, load reports over every file, and the example site in examples/site."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("py_mini_racer", reason='mini-racer is not installed: pip install "wixevents[js]"')

from wixevents import FixedClock, Site, samples
from wixevents.js import JsLoadError

pytestmark = pytest.mark.filterwarnings("ignore:.*not Wix handler names:UserWarning")

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "site"


@pytest.fixture
def site() -> Iterator[Site]:
    with Site(clock=FixedClock()) as s:
        yield s


def write(folder: Path, files: dict[str, str]) -> Path:
    for rel, text in files.items():
        (folder / rel).parent.mkdir(parents=True, exist_ok=True)
        (folder / rel).write_text(text, encoding="utf-8")
    return folder


HANDLER = "export async function wixCrm_onContactCreated(event) {\n  %s\n}\n"


def fire_value(site: Site, tmp_path: Path, body: str, extra: dict[str, str] | None = None) -> object:
    backend = write(tmp_path / "src" / "backend", {"events.js": HANDLER % body, **(extra or {})})
    site.load_js(backend)
    result = site.fire("wixCrm_onContactCreated")
    assert result.statuses == ["ok"], result[0].error
    return result.value


def test_dynamic_import_loads_backend_files_and_wix_modules_when_the_line_runs(site: Site, tmp_path: Path) -> None:
    body = ("const { twice } = await import('./lib/math.js');\n  const wd = await import('wix-data');\n"
            "  return [twice(21), typeof wd.default.insert];")
    assert fire_value(site, tmp_path, body, {"lib/math.js": "export const twice = (x) => 2 * x;"}) == [42, "function"]


def test_a_dynamic_import_of_a_missing_file_warns_at_load_and_rejects_when_it_runs(site: Site, tmp_path: Path) -> None:
    body = "try { await import('./gone.js'); return 'loaded'; } catch (e) { return e.message; }"
    value = fire_value(site, tmp_path, body)
    assert isinstance(value, str) and "Cannot find module './gone.js'" in value
    [problem] = site.load_js(tmp_path / "src" / "backend").problems
    assert (problem.severity, problem.code, problem.line) == ("warning", "missing-module", 2)



def test_require_in_a_site_file_loads_site_files_packages_and_wix_modules(site: Site, tmp_path: Path) -> None:
    """Wix bundles backend code, so real sites mix ``require()`` with ``import``: it resolves like an import."""
    body = ("const { twice } = require('./lib/math.js');\n  const wd = require('wix-data');\n"
            "  const pad = require('cjs-pkg').pad;\n  return [twice(21), typeof wd.default.insert, pad('x')];")
    assert fire_value(site, tmp_path, body, {"lib/math.js": "export const twice = (x) => 2 * x;", **PACKAGES}) == [
        42, "function", "**x"]


def test_a_require_of_a_missing_package_warns_at_load_and_throws_when_it_runs(site: Site, tmp_path: Path) -> None:
    body = "try { require('left-pad'); return 'loaded'; } catch (e) { return e.message; }"
    value = fire_value(site, tmp_path, body)
    assert isinstance(value, str) and "Cannot find module 'left-pad'" in value
    [problem] = site.load_js(tmp_path / "src" / "backend").problems
    assert (problem.severity, problem.line) == ("warning", 2) and "a require()" in problem.message

PACKAGES = {
    "node_modules/esm-pkg/package.json": json.dumps({"name": "esm-pkg", "type": "module", "exports": {
        ".": {"import": "./main.js", "require": "./nope.cjs"}, "./extra": "./extra.js"}}),
    "node_modules/esm-pkg/main.js": ("import { pad } from 'cjs-pkg';\n"
                                     "export const shout = (t) => pad(t.toUpperCase());\n"),
    "node_modules/esm-pkg/extra.js": "export default 'extra';\n",
    "node_modules/cjs-pkg/package.json": json.dumps({"name": "cjs-pkg", "main": "lib/index"}),
    "node_modules/cjs-pkg/lib/index.js": "const r = require('./repeat.js');\nmodule.exports.pad = (t) => r('*') + t;\n",
    "node_modules/cjs-pkg/lib/repeat.js": "module.exports = function repeat(c) { return c + c; };\n",
}


def test_npm_packages_resolve_from_node_modules_by_exports_main_and_commonjs(site: Site, tmp_path: Path) -> None:
    write(tmp_path, PACKAGES)
    events = ("import { shout } from 'esm-pkg';\nimport extra from 'esm-pkg/extra';\n"
              "import cjs, { pad } from 'cjs-pkg';\n"
              + HANDLER % "return [shout('hi'), extra, pad('x'), typeof cjs.pad];")
    site.load_js(write(tmp_path / "src" / "backend", {"events.js": events}))
    assert site.fire("wixCrm_onContactCreated").value == ["**HI", "extra", "**x", "function"]


def test_a_missing_npm_package_names_the_package_and_the_npm_install_line(site: Site, tmp_path: Path) -> None:
    backend = write(tmp_path / "src" / "backend", {"events.js": "import axios from 'axios';\n" + HANDLER % ""})
    with pytest.raises(JsLoadError) as info:
        site.load_js(backend)
    [problem] = info.value.problems
    assert problem.code == "npm-module" and problem.line == 1 and "npm install axios" in problem.message


def test_a_node_builtin_wixevents_does_not_provide_is_an_error_naming_it(site: Site, tmp_path: Path) -> None:
    backend = write(tmp_path / "src" / "backend", {"events.js": "import fs from 'node:fs';\n" + HANDLER % ""})
    with pytest.raises(JsLoadError, match="'node:fs' is a Node built-in that wixevents does not provide"):
        site.load_js(backend)


@pytest.mark.parametrize("text", ["", "hello", "héllo wörld ✓", "x" * 200])
def test_crypto_digests_and_hmac_match_python(site: Site, tmp_path: Path, text: str) -> None:
    body = (f"const t = {json.dumps(text)};\n  return [createHash('sha256').update(t).digest('hex'), "
            "createHash('sha1').update(t).digest('hex'), createHmac('sha256', 'k3y').update(t).digest('base64'), "
            "Buffer.from(t).toString('base64'), randomUUID().length];")
    backend = write(tmp_path / "src" / "backend", {"events.js": "import { createHash, createHmac, randomUUID } "
                                                   "from 'crypto';\nimport { Buffer } from 'node:buffer';\n"
                                                   + HANDLER % body})
    site.load_js(backend)
    value = site.fire("wixCrm_onContactCreated").value
    data = text.encode()
    assert value == [hashlib.sha256(data).hexdigest(), hashlib.sha1(data).hexdigest(),
                     base64.b64encode(hmac.new(b"k3y", data, hashlib.sha256).digest()).decode(),
                     base64.b64encode(data).decode(), 36]


def test_timing_safe_equal_compares_signatures(site: Site, tmp_path: Path) -> None:
    body = ("const a = Buffer.from('abc'), b = Buffer.from('abd');\n"
            "  return [timingSafeEqual(a, Buffer.from('abc')), timingSafeEqual(a, b)];")
    backend = write(tmp_path / "src" / "backend", {"events.js": "import { timingSafeEqual } from 'crypto';\n"
                                                   "import { Buffer } from 'buffer';\n" + HANDLER % body})
    site.load_js(backend)
    assert site.fire("wixCrm_onContactCreated").value == [True, False]


def test_the_global_fetch_is_answered_by_the_same_stubs_as_wix_fetch(site: Site, tmp_path: Path) -> None:
    site.http.stub("https://api.example.com/rates", json={"eur": 1.1}, status=200)
    body = "const r = await fetch('https://api.example.com/rates');\n  return [r.status, (await r.json()).eur];"
    assert fire_value(site, tmp_path, body) == [200, 1.1]
    assert site.effects()[["module", "function"]].values.tolist() == [["wix-fetch", "fetch"]]


def test_js_modules_stand_in_for_npm_packages_as_source_or_python(site: Site, tmp_path: Path) -> None:
    site.js_modules["axios"] = {"get": lambda url: {"data": f"got {url}"}}
    site.js_modules["left-pad"] = "module.exports = (s, n) => String(s).padStart(n, '0');"
    events = ("import axios, { get } from 'axios';\nimport leftPad from 'left-pad';\n"
              + HANDLER % "return [(await get('u')).data, leftPad(7, 3)];")
    site.load_js(write(tmp_path / "src" / "backend", {"events.js": events}))
    assert site.fire("wixCrm_onContactCreated").value == ["got u", "007"]


def test_a_load_report_lists_the_problems_of_events_js_data_js_and_their_imports_at_once(
        site: Site, tmp_path: Path) -> None:
    backend = write(tmp_path / "src" / "backend", {
        "events.js": "import { x } from './helper.js';\nexport function wixCrm_onContactCreatd(event) {}\n",
        "helper.js": "import nope from 'not-installed';\nexport const x = 1;\n",
        "data.js": "export function Items_beforeInsert(item) { return (; }\n",
    })
    with pytest.raises(JsLoadError) as info:
        site.load_js(backend)
    found = {(p.file, p.line, p.code, p.severity) for p in info.value.problems}
    assert ("helper.js", 1, "npm-module", "error") in found
    assert ("data.js", 1, "syntax", "error") in found
    assert ("events.js", 2, "unknown-name", "warning") in found


def test_an_unknown_handler_name_has_the_same_severity_alone_and_next_to_another_problem(
        site: Site, tmp_path: Path) -> None:
    misspelt = "export function wixCrm_onContactCreatd(event) {}\n"
    alone = site.load_js(write(tmp_path / "a", {"events.js": misspelt})).problems
    with pytest.raises(JsLoadError) as info:
        site.load_js(write(tmp_path / "b", {"events.js": "import 'nowhere-pkg';\n" + misspelt}))
    beside = [p for p in info.value.problems if p.code == "unknown-name"]
    assert [p.severity for p in alone] == [p.severity for p in beside] == ["warning"]


def test_a_data_hook_exported_from_events_js_is_explained(site: Site, tmp_path: Path) -> None:
    report = site.load_js(write(tmp_path, {"events.js": "export function Orders_afterInsert(item, ctx) {}\n"}))
    [problem] = report.problems
    assert problem.code == "hook-in-events" and "data hooks run from data.js" in problem.message
    assert report.registered == []


def test_a_hook_on_a_collection_with_a_slash_is_named_with_a_dollar(site: Site, tmp_path: Path) -> None:
    site.load_js(write(tmp_path, {
        "data.js": ("export function Members$PrivateMembersData_beforeInsert(item) {\n"
                    "  return { ...item, hooked: true };\n}\n"),
        "events.js": "import wixData from 'wix-data';\n" + HANDLER % (
            "return (await wixData.insert('Members/PrivateMembersData', { title: 'a' })).hooked;"),
    }))
    assert site.fire("wixCrm_onContactCreated").value is True


# The example site (examples/site): every handler, every sample.

def _needs_modules(site: Site) -> bool:
    return not site.js_engine.provides("wix-web-module")


def test_the_example_site_loads_with_no_problem(site: Site) -> None:
    if _needs_modules(site):
        pytest.skip("members.web.js imports wix-web-module, which this build does not simulate")
    report = site.load_js(EXAMPLE / "src" / "backend")
    assert report.problems == [] and len(report.registered) == 6


EXAMPLE_HANDLERS = ["wixCrm_onContactCreated", "wixMediaManager_onFileUploaded", "wixMembers_onMemberCreated",
                    "wixEcom_onOrderApproved"]
NEEDS_MODULES = {"wixMembers_onMemberCreated", "wixEcom_onOrderApproved"}


@pytest.mark.parametrize(("name", "variant"), [(n, v) for n in EXAMPLE_HANDLERS for v in samples(n)])
def test_every_example_handler_fires_ok_with_every_sample(site: Site, name: str, variant: str) -> None:
    if name in NEEDS_MODULES and _needs_modules(site):
        pytest.skip(f"{name} uses wix-web-module / the generic tier, which this build does not simulate")
    site.load_js(EXAMPLE / "src" / "backend")
    result = site.fire(name, variant)
    assert result.statuses == ["ok"], result[0].error
    assert result.value is not None


# wixevents check: the static report.

def test_check_reports_names_wix_never_calls_deprecated_events_forms_and_imports_by_tier(tmp_path: Path) -> None:
    from wixevents import check

    write(tmp_path, PACKAGES)
    frame = check(write(tmp_path / "src" / "backend", {
        "events.js": ("import 'esm-pkg';\nimport 'lodash';\nimport 'wix-data';\nimport 'wix-bookings-backend';\n"
                      "import 'wix-nonsense';\nexport function wixEcommerce_onOrderCreated(e) {}\n"
                      "export function wixStores_onNewOrder(e) {}\nexport function wixCrm_onFormSubmit(e) {}\n"
                      "export function Orders_afterInsert(item) {}\n"
                      "const impl = { run() {} };\nexport const wixCrm_onContactCreated = impl.run;\n"),
    }))
    rows = {(r.line, r.category, r.verdict) for r in frame.itertuples()}
    assert {(6, "name", "never-called"), (9, "name", "never-called"), (7, "deprecated", "warning"),
            (8, "forms", "warning"), (11, "export-form", "never-called")} <= rows
    tiers = dict(zip(frame[frame.category == "import"].name, frame[frame.category == "import"].message, strict=True))
    assert [tiers[s].rpartition(": ")[2] for s in ("esm-pkg", "lodash", "wix-data", "wix-bookings-backend",
                                                   "wix-nonsense")] == [
        "npm present", "npm missing", "simulated", "generic", "unknown"]
    deprecated = frame[frame.category == "deprecated"].iloc[0]
    assert "wixEcom_onOrderApproved" in deprecated.message and deprecated.suggestions == "wixEcom_onOrderApproved"
    assert "wixEcommerce_onOrderCreated" in frame.name.tolist()
    assert "wixEcom_onOrderCreated" in frame[frame.name == "wixEcommerce_onOrderCreated"].suggestions.iloc[0]


def test_check_accepts_a_backend_of_web_modules_only_and_skips_generated_folders(tmp_path: Path) -> None:
    from wixevents import check

    frame = check(write(tmp_path, {"src/backend/api.web.js": "import { webMethod } from 'wix-web-module';\n",
                                   "src/backend/___spi___/x/__schema__.js": "export interface Payload {}\n"}))
    assert frame.file.tolist() == ["api.web.js"] and frame.category.tolist() == ["import"]


def test_check_exits_0_when_wix_calls_every_handler_1_otherwise_2_on_bad_input(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from wixevents.cli import main

    good = write(tmp_path / "good", {"events.js": "export function wixCrm_onContactCreated(e) {}\n"})
    bad = write(tmp_path / "bad", {"events.js": "export function wixCrm_onContactCreatd(e) {}\n"})
    assert main(["check", str(good)]) == 0
    assert "Wix would call every handler." in capsys.readouterr().out
    assert main(["check", str(bad)]) == 1
    assert "Did you mean wixCrm_onContactCreated" in capsys.readouterr().out
    assert main(["check", str(tmp_path / "nowhere")]) == 2
    assert "not a site backend" in capsys.readouterr().err


def test_a_json_file_of_the_site_imports_as_its_value(site: Site, tmp_path: Path) -> None:
    write(tmp_path / "src" / "backend", {"config/settings.json": '{"plans": ["basic", "pro"]}'})
    events = "import settings from './config/settings.json';\n" + HANDLER % "return settings.plans;"
    site.load_js(write(tmp_path / "src" / "backend", {"events.js": events}))
    assert site.fire("wixCrm_onContactCreated").value == ["basic", "pro"]


def test_check_fails_a_backend_that_imports_a_site_file_that_is_not_there(tmp_path: Path) -> None:
    from wixevents import check
    from wixevents.js.check import calls_every_handler

    frame = check(write(tmp_path, {"events.js": "import { x } from './gone.js';\n"
                                                "export function wixCrm_onContactCreated(e) {}\n"}))
    assert not calls_every_handler(frame)
    assert ("./gone.js", "error") in set(zip(frame.name, frame.verdict, strict=True))


def test_the_survey_loads_the_example_site_and_fires_its_handlers() -> None:
    import importlib.util
    import sys

    spec = importlib.util.spec_from_file_location("survey_sites", EXAMPLE.parents[1] / "tools" / "survey_sites.py")
    assert spec is not None and spec.loader is not None
    survey = importlib.util.module_from_spec(spec)
    sys.modules["survey_sites"] = survey
    spec.loader.exec_module(survey)
    result = survey.survey_site(EXAMPLE / "src" / "backend")
    assert result["loaded"] and result["stand_ins"] == []
    fired = {f["name"]: f["status"] for f in result["fires"]}
    assert fired["wixCrm_onContactCreated"] == fired["wixMediaManager_onFileUploaded"] == "ok"


def test_a_new_member_uploads_a_welcome_card_whose_upload_fires_on_file_uploaded(site: Site) -> None:
    if _needs_modules(site):
        pytest.skip("members.web.js imports wix-web-module, which this build does not simulate")
    site.load_js(EXAMPLE / "src" / "backend")
    site.fire("wixMembers_onMemberCreated")
    frame = site.history.to_frame()
    assert frame["event"].tolist() == ["wixMembers_onMemberCreated", "wixMediaManager_onFileUploaded",
                                       "AuditLog_beforeInsert", "AuditLog_afterInsert"]
    assert set(frame["status"]) == {"ok"}


def test_a_commonjs_package_whose_comments_look_like_imports_still_runs_as_commonjs(site: Site, tmp_path: Path) -> None:
    write(tmp_path, {
        "node_modules/doc-pkg/package.json": json.dumps({"name": "doc-pkg", "main": "index.js"}),
        "node_modules/doc-pkg/index.js": "/**\n import doc from 'doc-pkg';\n */\nmodule.exports = () => 'cjs';\n",
    })
    events = "import doc from 'doc-pkg';\n" + HANDLER % "return doc();"
    site.load_js(write(tmp_path / "src" / "backend", {"events.js": events}))
    assert site.fire("wixCrm_onContactCreated").value == "cjs"


def test_the_global_web_crypto_gives_random_values_and_uuids(site: Site, tmp_path: Path) -> None:
    body = ("const words = crypto.getRandomValues(new Uint32Array(64));\n"
            "  return [words.length, words.some((w) => w > 255), /^[0-9a-f-]{36}$/.test(crypto.randomUUID())];")
    assert fire_value(site, tmp_path, body) == [64, True, True]
