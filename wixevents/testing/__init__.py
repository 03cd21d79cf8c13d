"""Testing a site's backend with pytest: assertions, snapshots, sample cases and the plugin's fixtures.

The pytest plugin (``wixevents_pytest``, registered as a ``pytest11`` entry point)
gives the fixtures ``wix_site``, ``wix_backend``, ``wix_sample`` and
``wix_snapshot``, the marker ``@pytest.mark.wix_samples(event, ...)`` and the
options ``--wix-backend`` and ``--wix-update-snapshots``; it imports this package
only when a test uses one of them. The assertions work in any test runner::

    from wixevents.testing import assert_effects, assert_state

    def test_order_is_saved(wix_backend):
        result = wix_backend.fire("wixEcom_onOrderCreated").assert_ok()
        assert_effects(result, [{"module": "wix-data", "function": "insert", "args": {"collectionId": "Orders"}}])
        assert_state(wix_backend, "Orders", [{"number": "10001"}])
"""

from .assertions import assert_effects, assert_state
from .backend import backend_path, load_backend
from .cases import Case, cases, register_cases
from .snapshot import Snapshot

__all__ = ["Case", "Snapshot", "assert_effects", "assert_state", "backend_path", "cases", "load_backend",
           "register_cases"]
