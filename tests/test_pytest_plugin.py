"""The pytest plugin (wixevents_pytest) as a site repository uses it, run through pytest's own pytester.

Every behaviour runs in a fresh pytest session on files written for the test:
fixtures, the wix_samples marker and its ids, the assertions and their failure
messages, snapshots, backend discovery, and the plugin's import cost.
"""

from __future__ import annotations

import importlib
import subprocess
import sys
from pathlib import Path

import pandas  # noqa: F401 - imported here, once: pytester's in-process runs drop modules they import
import pytest
import tomllib

import wixevents.testing  # noqa: F401 - as pandas
import wixevents_pytest  # noqa: F401 - as pandas

pytest_plugins = ["pytester"]

ROOT = Path(__file__).resolve().parent.parent
PLUGIN = ("-p", "wixevents_pytest")
EVENTS_JS = """\
import wixData from 'wix-data';

export async function wixEcom_onOrderCreated(event) {
  console.log("order", event.entity.number);
  await wixData.insert("Orders", {_id: event.entity._id, number: event.entity.number});
}
"""
PYPROJECT = '[tool.wixevents]\nbackend = "src/backend"\n'


def site_repo(pytester: pytest.Pytester, pyproject: str = PYPROJECT) -> None:
    backend = pytester.mkdir("src").joinpath("backend")
    backend.mkdir()
    backend.joinpath("events.js").write_text(EVENTS_JS, encoding="utf-8")
    if pyproject:
        pytester.makefile(".toml", pyproject=pyproject)


def run(pytester: pytest.Pytester, *args: str) -> pytest.RunResult:
    return pytester.runpytest(*PLUGIN, "-p", "no:cacheprovider", *args)


# -- fixtures -------------------------------------------------------------------------------------

def test_wix_site_is_a_fresh_site_per_test_with_a_fixed_clock_and_is_closed_after(pytester: pytest.Pytester) -> None:
    pytester.makepyfile("""
        import wixevents
        seen = []

        def test_first(wix_site):
            wix_site.load_js_source = None
            wix_site.register(lambda event: None, name="wixEcom_onOrderCreated")
            wix_site.js_engine  # made on first use
            seen.append((wix_site, wix_site.fire("wixEcom_onOrderCreated").fire.event_id))

        def test_second(wix_site):
            first, first_id = seen[0]
            assert wix_site is not first and wix_site.handlers == []
            assert first._js is None, "the first test's site was closed"
            assert wix_site.clock.fixed
            wix_site.register(lambda event: None, name="wixEcom_onOrderCreated")
            assert wix_site.fire("wixEcom_onOrderCreated").fire.event_id == first_id
    """)
    run(pytester).assert_outcomes(passed=2)


def test_wix_backend_loads_the_folder_named_in_pyproject(pytester: pytest.Pytester) -> None:
    site_repo(pytester)
    pytester.makepyfile("""
        def test_backend(wix_backend):
            assert [h.name for h in wix_backend.handlers] == ["wixEcom_onOrderCreated"]
            assert wix_backend.fire("wixEcom_onOrderCreated").ok
    """)
    run(pytester).assert_outcomes(passed=1)


def test_wix_backend_option_wins_over_pyproject_and_the_ini_option_works(pytester: pytest.Pytester) -> None:
    site_repo(pytester, pyproject='[tool.wixevents]\nbackend = "nowhere"\n')
    pytester.makepyfile("""
        def test_backend(wix_backend):
            assert wix_backend.handlers
    """)
    run(pytester, "--wix-backend", "src/backend").assert_outcomes(passed=1)
    pytester.makeini("[pytest]\nwix_backend = src/backend\n")
    run(pytester).assert_outcomes(passed=1)


def test_wix_backend_without_configuration_fails_saying_how_to_configure_it(pytester: pytest.Pytester) -> None:
    pytester.makepyfile("""
        def test_backend(wix_backend):
            pass
    """)
    result = run(pytester)
    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines(["*no Wix backend folder is configured*--wix-backend PATH*",
                                 "*backend = \"src/backend\"*"])


def test_wix_backend_naming_a_missing_folder_fails_with_that_folder(pytester: pytest.Pytester) -> None:
    pytester.makepyfile("def test_backend(wix_backend):\n    pass\n")
    result = run(pytester, "--wix-backend", "src/nothing")
    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines(["*the Wix backend folder *nothing does not exist*"])


def test_wix_sample_is_a_factory_of_fresh_payloads_with_overrides(pytester: pytest.Pytester) -> None:
    pytester.makepyfile("""
        def test_samples(wix_sample):
            one = wix_sample("wixEcom_onOrderCreated")
            one["entity"]["number"] = "changed"
            assert wix_sample("wixEcom_onOrderCreated")["entity"]["number"] != "changed"
            smallest, full = wix_sample("wixEcom_onOrderCreated", "minimal"), wix_sample("wixEcom_onOrderCreated")
            assert set(smallest["entity"]) < set(full["entity"])
            assert wix_sample("wixEcom_onOrderCreated", set={"entity.number": "42"})["entity"]["number"] == "42"
    """)
    run(pytester).assert_outcomes(passed=1)


# -- the marker -----------------------------------------------------------------------------------

def test_wix_samples_runs_once_per_variant_with_the_variant_names_as_ids(pytester: pytest.Pytester) -> None:
    import wixevents
    from wixevents.testing import cases

    pytester.makepyfile("""
        import pytest
        import wixevents

        @pytest.mark.wix_samples("wixEcom_onOrderCreated")
        def test_each(wix_site, wix_case):
            wix_site.register(lambda event: None, name="wixEcom_onOrderCreated")
            wix_case.fire(wix_site).assert_ok()
            if wix_case.kind == "sample":
                assert wix_case.payload == wixevents.sample(wix_case.event, wix_case.variant)
    """)
    result = run(pytester, "-v")
    variants = wixevents.samples("wixEcom_onOrderCreated")
    result.assert_outcomes(passed=len(cases("wixEcom_onOrderCreated")))  # the variants, then any scenarios
    result.stdout.fnmatch_lines([f"*test_each[[]{v}[]] PASSED*" for v in variants])


def test_wix_samples_over_several_events_prefixes_the_ids_with_the_event(pytester: pytest.Pytester) -> None:
    pytester.makepyfile("""
        import pytest

        @pytest.mark.wix_samples("wixEcom_onOrderCreated", "wixCrm_onContactCreated")
        def test_each(wix_case):
            pass
    """)
    result = run(pytester, "--collect-only", "-q")
    result.stdout.fnmatch_lines(["*test_each[[]wixEcom_onOrderCreated-default[]]*",
                                 "*test_each[[]wixCrm_onContactCreated-default[]]*"])


def test_wix_samples_errors_name_the_problem(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_unknown_event="""
        import pytest

        @pytest.mark.wix_samples("wixEcom_onOrderMade")
        def test_each(wix_case):
            pass
    """, test_no_case_arg="""
        import pytest

        @pytest.mark.wix_samples("wixEcom_onOrderCreated")
        def test_each():
            pass
    """)
    result = run(pytester, "test_unknown_event.py")
    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines(["*test_each: *wixEcom_onOrderMade*"])
    assert "Traceback" not in result.stdout.str()
    result = run(pytester, "test_no_case_arg.py")
    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines(["*test_each: @pytest.mark.wix_samples passes each case as the 'wix_case' argument*"])


def test_registered_case_providers_add_cases_after_the_samples(pytester: pytest.Pytester,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    # The in-process run registers into this process's list: give it a throwaway one.
    monkeypatch.setattr(importlib.import_module("wixevents.testing.cases"), "_providers", [])
    pytester.makeconftest("""
        from wixevents.testing import Case, register_cases

        @register_cases
        def twice(event):
            def run(site):
                site.fire(event)
                return site.fire(event)
            return [Case(event, "twice", kind="scenario", runner=run)]
    """)
    pytester.makepyfile("""
        import pytest

        @pytest.mark.wix_samples("wixEcom_onOrderCreated")
        def test_each(wix_site, wix_case):
            wix_site.register(lambda event: None, name="wixEcom_onOrderCreated")
            wix_case.fire(wix_site)
            assert len(wix_site.history.fires) == (2 if wix_case.kind == "scenario" else 1)
    """)
    result = run(pytester, "-v")
    result.stdout.fnmatch_lines(["*test_each[[]default[]] PASSED*", "*test_each[[]twice[]] PASSED*"])


# -- assertions -----------------------------------------------------------------------------------

def test_assert_ok_failure_shows_the_run_table_the_error_and_the_logs(pytester: pytest.Pytester) -> None:
    pytester.makepyfile("""
        def test_fails(wix_site):
            @wix_site.handler
            def wixEcom_onOrderCreated(event):
                print("looking at order", event.entity.number)
                raise ValueError("no warehouse for this order")

            wix_site.fire("wixEcom_onOrderCreated").assert_ok()

        def test_passes(wix_site):
            wix_site.register(lambda event: 7, name="wixEcom_onOrderCreated")
            assert wix_site.fire("wixEcom_onOrderCreated").assert_ok().value == 7
    """)
    result = run(pytester)
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines([
        "*CheckFailed: 1 of 1 run(s) failed: wixEcom_onOrderCreated sample 'default' fired*",
        "*status*seq*event*",
        "*error*1*wixEcom_onOrderCreated*default*",
        "*ValueError: no warehouse for this order*",
        "*[[]1 wixEcom_onOrderCreated[]] error: ValueError: no warehouse for this order*",
        "*logs:*",
        "*INFO looking at order 10001*",
    ])


def test_assert_ok_fails_when_no_handler_ran(pytester: pytest.Pytester) -> None:
    pytester.makepyfile("def test_fails(wix_site):\n    wix_site.fire('wixEcom_onOrderCreated').assert_ok()\n")
    result = run(pytester)
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*CheckFailed: no handler ran*", "*no_handler*"])


def test_assert_effects_matches_a_subset_in_order_and_explains_a_miss(pytester: pytest.Pytester) -> None:
    site_repo(pytester)
    pytester.makepyfile("""
        from wixevents.testing import assert_effects

        def test_passes(wix_backend):
            result = wix_backend.fire("wixEcom_onOrderCreated")
            assert_effects(result, [{"module": "wix-data", "function": "insert",
                                     "args": {"collectionId": "Orders", "item": {"number": "10001"}}}])
            assert_effects(result, [{"function": "insert"}], exact=True)

        def test_fails(wix_backend):
            result = wix_backend.fire("wixEcom_onOrderCreated")
            assert_effects(result, [{"module": "wix-data", "function": "insert", "args": {"collectionId": "Invoices"}}])
    """)
    result = run(pytester)
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines([
        "*expected call #1*'Invoices'*was not made (nearest: args.collectionId: expected 'Invoices', got 'Orders')*",
        "*calls made:*",
        "*wix-data insert*Orders*",
        "*INFO order 10001*",
    ])


def test_assert_effects_rejects_keys_an_effect_does_not_have(pytester: pytest.Pytester) -> None:
    pytester.makepyfile("""
        import pytest
        from wixevents.testing import assert_effects

        def test_typo(wix_site):
            with pytest.raises(ValueError, match="'collection'"):
                assert_effects(wix_site.fire("wixEcom_onOrderCreated"), [{"collection": "Orders"}])
    """)
    run(pytester).assert_outcomes(passed=1)


def test_assert_state_compares_rows_in_any_order_and_lists_the_items_on_failure(pytester: pytest.Pytester) -> None:
    site_repo(pytester)
    pytester.makepyfile("""
        from wixevents.testing import assert_state

        def test_passes(wix_backend):
            wix_backend.fire("wixEcom_onOrderCreated")
            wix_backend.fire("wixEcom_onOrderCreated", set={"entity._id": "second", "entity.number": "10002"})
            assert_state(wix_backend, "Orders", [{"number": "10002"}, {"number": "10001"}])
            assert_state(wix_backend, "Empty", [])

        def test_fails(wix_backend):
            wix_backend.fire("wixEcom_onOrderCreated")
            assert_state(wix_backend, "Orders", [{"number": "10001"}, {"number": "10002"}])
    """)
    result = run(pytester)
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines([
        "*collection 'Orders': no item matches {'number': '10002'}; expected 2 item(s), the collection holds 1*",
        "*items:*",
        "*'number': '10001'*",
        "*the site's last runs*",
    ])


# -- snapshots ------------------------------------------------------------------------------------

SNAPSHOT_TEST = """
    def test_order(wix_backend, wix_snapshot):
        result = wix_backend.fire("wixEcom_onOrderCreated", set={{"entity.number": "{number}"}})
        wix_snapshot(result)
        wix_snapshot(wix_backend)
"""


def test_snapshots_are_written_on_request_then_compared_with_a_readable_diff(pytester: pytest.Pytester) -> None:
    site_repo(pytester)
    pytester.makepyfile(test_order_snapshots=SNAPSHOT_TEST.format(number="10001"))
    missing = run(pytester)
    missing.assert_outcomes(failed=1)
    missing.stdout.fnmatch_lines(["*no snapshot test_order.json*--wix-update-snapshots*"])

    written = run(pytester, "--wix-update-snapshots")
    written.assert_outcomes(passed=1)
    written.stdout.fnmatch_lines(["*wixevents snapshots*", "*written: *test_order.json",
                                  "*written: *test_order-2.json"])
    folder = pytester.path / "snapshots" / "test_order_snapshots"
    assert sorted(p.name for p in folder.iterdir()) == ["test_order-2.json", "test_order.json"]
    assert '"function": "insert"' in (folder / "test_order.json").read_text(encoding="utf-8")
    assert '"Orders"' in (folder / "test_order-2.json").read_text(encoding="utf-8")

    run(pytester).assert_outcomes(passed=1)

    pytester.makepyfile(test_order_snapshots=SNAPSHOT_TEST.format(number="20002"))
    changed = run(pytester)
    changed.assert_outcomes(failed=1)
    changed.stdout.fnmatch_lines(["*snapshot test_order.json differs (- snapshot, + this run)*",
                                  "*--- test_order.json (snapshot)*", "*+++ test_order.json (this run)*",
                                  '*-*"number": "10001"*', '*+*"number": "20002"*'])


def test_a_snapshot_of_plain_json_and_unchanged_files_are_not_rewritten(pytester: pytest.Pytester) -> None:
    pytester.makepyfile("""
        def test_value(wix_snapshot):
            wix_snapshot({"b": [1, 2], "a": "Zoë"}, name="named")
    """)
    run(pytester, "--wix-update-snapshots").assert_outcomes(passed=1)
    (folder,) = (pytester.path / "snapshots").iterdir()
    path = folder / "named.json"
    assert path.read_text(encoding="utf-8") == '{\n  "a": "Zoë",\n  "b": [\n    1,\n    2\n  ]\n}\n'
    before = path.stat().st_mtime_ns
    again = run(pytester, "--wix-update-snapshots")
    assert "wixevents snapshots" not in again.stdout.str()
    assert path.stat().st_mtime_ns == before


# -- packaging ------------------------------------------------------------------------------------

def test_the_plugin_is_a_pytest11_entry_point_that_imports_no_wixevents_until_used() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["entry-points"]["pytest11"] == {"wixevents_pytest": "wixevents_pytest"}
    code = "import sys, wixevents_pytest; print(sorted(m for m in sys.modules if m.startswith('wixevents')))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert done.stdout.strip() == "['wixevents_pytest']"
