"""Loading a site's events.js with its imports: site files load, Wix modules resolve, npm packages fail.

Module syntax is rewritten in place, so errors point at the user's file and line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("py_mini_racer", reason='mini-racer is not installed: pip install "wixevents[js]"')

from wixevents.js import WIX_MODULES, JsEngine, JsError, JsLoadError, load_file, load_source
from wixevents.js.shims.modules import wix_exports


@pytest.fixture(scope="module")
def engine() -> Iterator[JsEngine]:
    with JsEngine() as shared:
        yield shared


def site(tmp_path: Path, files: dict[str, str]) -> Path:
    """Write a Wix IDE layout (src/backend, src/public) and return the backend folder."""
    for name, text in files.items():
        path = tmp_path / "src" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return tmp_path / "src" / "backend"


def test_relative_and_backend_absolute_imports_load_the_sibling_files(engine: JsEngine, tmp_path: Path) -> None:
    backend = site(tmp_path, {
        "backend/events.js": "import { total } from './utils';\n"
                             "import { money } from 'backend/lib/format.js';\n"
                             "import * as shared from 'public/shared';\n"
                             "export function wixBilling_onInvoicePaid(event) {\n"
                             "  return money(total(event.items)) + shared.SUFFIX;\n}\n",
        "backend/utils.js": "export const total = (items) => items.reduce((a, b) => a + b, 0);\n",
        "backend/lib/format.js": "export * from './currency.js';\nexport function money(x) { return CUR + x; }\n"
                                 "import { CUR } from './currency.js';\n",
        "backend/lib/currency.js": "export const CUR = '$';\n",
        "public/shared.js": "export const SUFFIX = ' paid';\n",
    })
    module = load_file(engine, backend / "events.js", source="site")
    assert module.id == "site/events.js" and module.file == "events.js"
    assert module.handlers[0]({"items": [1, 2, 3]}) == "$6 paid"


def test_circular_imports_between_site_files_load(engine: JsEngine, tmp_path: Path) -> None:
    backend = site(tmp_path, {
        "backend/events.js": "import { a } from './a.js';\nexport function wixBilling_onInvoicePaid() { return a(); }",
        "backend/a.js": "import { b } from './b.js';\nexport function a() { return 'a' + b(); }",
        "backend/b.js": "import { a } from './a.js';\nexport function b() { return typeof a; }",
    })
    assert load_file(engine, backend / "events.js").handlers[0]({}) == "afunction"  # as ES modules link


def test_a_package_not_installed_fails_at_load_naming_it_the_file_line_and_npm_install(engine: JsEngine) -> None:
    with pytest.raises(JsLoadError) as caught:
        load_source(engine, "import wixData from 'wix-data';\nimport axios from 'axios';\n"
                            "export function wixBilling_onInvoicePaid() {}")
    problem = caught.value.problems[0]
    assert (problem.file, problem.line, problem.code) == ("events.js", 2, "npm-module")
    assert "'axios'" in str(caught.value) and "events.js:2" in str(caught.value)
    assert "npm install axios" in problem.message and "site.js_modules" in problem.message


def test_all_problems_of_a_file_and_its_imports_are_reported_together(engine: JsEngine, tmp_path: Path) -> None:
    backend = site(tmp_path, {
        "backend/events.js": "import lodash from 'lodash';\nimport { x } from './helpers';\n"
                             "export function wixBilling_onInvoicePayed(event) {}\n",
        "backend/helpers.js": "import moment from 'moment';\nexport const x = 1;\n",
    })
    with pytest.raises(JsLoadError) as caught:
        load_file(engine, backend / "events.js")
    assert sorted((p.file, p.line, p.code) for p in caught.value.problems) == [
        ("events.js", 1, "npm-module"), ("events.js", 3, "unknown-name"), ("helpers.js", 1, "npm-module")]


def test_missing_and_outside_site_files_are_refused(engine: JsEngine, tmp_path: Path) -> None:
    (tmp_path / "secret.js").write_text("export const key = 'x';")
    backend = site(tmp_path, {"backend/events.js": "import { nope } from './nope';\n"
                                                   "import { key } from '../../secret.js';\n"})
    with pytest.raises(JsLoadError) as caught:
        load_file(engine, backend / "events.js")
    assert [(p.line, p.code) for p in caught.value.problems] == [(1, "missing-module"), (2, "outside-site")]


def test_a_relative_import_without_a_folder_finds_a_module_loaded_before(engine: JsEngine) -> None:
    load_source(engine, "export const greet = (n) => `hi ${n}`;", filename="greet.js", source="cells")
    handler = load_source(engine, "import { greet } from './greet';\n"
                                  "export function wixBilling_onInvoicePaid(e) { return greet(e.name); }",
                          source="cells").handlers[0]
    assert handler({"name": "Ana"}) == "hi Ana"


@pytest.mark.parametrize("name", WIX_MODULES)
def test_every_wix_module_name_resolves_and_an_undocumented_name_fails_the_load(engine: JsEngine, name: str) -> None:
    known = wix_exports(name)
    if known is not None:  # a module of Wix's reference: its real exports are listed
        with pytest.raises(JsLoadError, match=rf"'{re.escape(name)}' has no export named 'anything'"):
            load_source(engine, f"import {{ anything }} from '{name}';\n", source=f"wix-{name}")
        for real in known:
            load_source(engine, f"import {{ {real} as x }} from '{name}';\n", source=f"wix-{name}")
        return
    handler = load_source(engine, f"import api, {{ anything }} from '{name}';\n"
                                  "export function wixBilling_onInvoicePaid() { return anything.call(1); }",
                          source=f"wix-{name}").handlers[0]
    with pytest.raises(JsError, match=rf"{name}\.anything\.call\(\) is not available yet"):
        handler({})


def test_sdk_spellings_import_as_wix_documents_them(engine: JsEngine) -> None:
    handler = load_source(engine, "import { items } from '@wix/data';\nimport { auth } from '@wix/essentials';\n"
                                  "export async function wixBilling_onInvoicePaid() {\n"
                                  "  const insert = auth.elevate(items.insert);\n  return insert('Orders', {});\n}",
                          source="sdk").handlers[0]
    with pytest.raises(JsError, match=r"@wix/essentials.auth.elevate\(\) is not available yet") as caught:
        handler({})
    assert caught.value.line == 4


def test_errors_keep_the_users_file_and_line_after_the_rewrite(engine: JsEngine, tmp_path: Path) -> None:
    backend = site(tmp_path, {
        "backend/events.js": "import { parse } from './util.js'; export function wixBilling_onInvoicePaid(event) {\n"
                             "\n"
                             "  return parse(event);\n"
                             "}\n",
        "backend/util.js": "// helpers\n\nexport function parse(event) {\n  return event.missing.value;\n}\n",
    })
    with pytest.raises(JsError) as caught:
        load_file(engine, backend / "events.js").handlers[0]({})
    assert caught.value.js_name == "TypeError" and (caught.value.file, caught.value.line) == ("util.js", 4)
    assert "at parse (util.js:4:24)" in caught.value.stack
    assert "at wixBilling_onInvoicePaid (events.js:3:" in caught.value.stack


def test_a_syntax_error_only_v8_sees_names_the_file_and_line(engine: JsEngine) -> None:
    with pytest.raises(JsLoadError) as caught:
        load_source(engine, "export function wixBilling_onInvoicePaid() {}\nlet a = 1;\n\nlet a = 2;\n")
    problem = caught.value.problems[0]
    assert (problem.file, problem.line, problem.code) == ("events.js", 4, "syntax")
    assert "SyntaxError: Identifier 'a' has already been declared" in problem.message


def test_an_error_while_the_module_runs_fails_the_load_with_its_line(engine: JsEngine) -> None:
    with pytest.raises(JsLoadError, match="ReferenceError while loading: config is not defined") as caught:
        load_source(engine, "export function wixBilling_onInvoicePaid() {}\n\nconst url = config.url;\n")
    assert caught.value.problems[0].line == 3


def test_loading_the_same_file_again_replaces_its_handlers(engine: JsEngine) -> None:
    first = load_source(engine, "export function wixBilling_onInvoicePaid() { return 1; }", source="again")
    second = load_source(engine, "export function wixBilling_onInvoicePaid() { return 2; }", source="again")
    assert second.handlers[0]({}) == 2 and first.handlers[0]({}) == 2


def test_data_js_hooks_load_and_receive_item_and_context(engine: JsEngine) -> None:
    module = load_source(engine, "export function Orders_beforeInsert(item, context) {\n"
                                 "  return { ...item, by: context.userRole };\n}", filename="data.js")
    hook = module.handlers[0]
    assert (hook.__name__, hook.kind) == ("Orders_beforeInsert", "data")
    assert hook({"_id": "1"}, {"collectionName": "Orders", "userRole": "siteOwner"}) == {"_id": "1", "by": "siteOwner"}


def test_lenient_loading_keeps_unknown_names_as_problems_not_handlers(engine: JsEngine) -> None:
    module = load_source(engine, "export function wixBilling_onInvoicePayed() {}\n"
                                 "export function wixBilling_onInvoicePaid() {}", source="lenient", strict=False)
    assert [h.__name__ for h in module.handlers] == ["wixBilling_onInvoicePaid"]
    assert [p.code for p in module.problems] == ["unknown-name"]


def test_lenient_loading_runs_a_file_with_export_forms_wix_loads_but_never_calls(engine: JsEngine) -> None:
    load_source(engine, "export function helper() { return 'h'; }", filename="h.js", source="forms")
    module = load_source(engine, "import { helper } from './h';\n"
                                 "export { helper as wixBilling_onInvoiceSent } from './h';\n"
                                 "export * from './h';\n"
                                 "export { helper as wixBilling_onInvoiceCreated };\n"
                                 "function paid() { return helper(); }\n"
                                 "export { paid as 'wixBilling_onInvoiceOverdue' };\n"
                                 "export const wixBilling_onPriceQuoteSent = ((f) => f)(paid);\n"
                                 "export function wixBilling_onInvoicePaid(event) { return paid(); }\n",
                         source="forms", strict=False)
    assert [h.__name__ for h in module.handlers] == ["wixBilling_onInvoicePaid"]
    assert module.handlers[0]({}) == "h"
    assert [(p.line, p.code) for p in module.problems] == [
        (2, "reexport"), (3, "export-star"), (4, "reexport"), (6, "computed-name"), (7, "dynamic-export")]
    with pytest.raises(JsLoadError, match="CommonJS"):
        load_source(engine, "module.exports = {};\nexport function wixBilling_onInvoicePaid() {}", strict=False)
