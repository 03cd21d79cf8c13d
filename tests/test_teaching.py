"""Exercise checks: pass, "not yet" with a hint, and no traceback when the answer raises."""

from __future__ import annotations

from wixevents.notebook import teaching
from wixevents.notebook.teaching import check, progress


def test_pass_and_fail_read_kindly() -> None:
    teaching.reset()
    done = check("adds up", lambda: 1 + 1 == 2, hint="use +")
    assert done and repr(done) == "✔ Well done: adds up" and "#d4edda" in done._repr_html_()
    not_yet = check("returns the ID", lambda: None == "x", hint="read event.entity._id")
    assert not not_yet
    assert repr(not_yet) == "✘ Not yet: returns the ID\n  Hint: read event.entity._id"


def test_errors_and_assertions_become_feedback() -> None:
    teaching.reset()
    raised = check("reads the email", lambda: {}["email"], hint="event.customer.email")
    assert not raised and "Your code raised KeyError: 'email'." in repr(raised)

    def asserts() -> None:
        assert 2 > 3, "two is not more than three"

    assert "two is not more than three" in repr(check("compares", asserts))
    assert check("no return value means no failed assert", lambda: None)
    assert list(progress().to_frame()["done"]) == [False, False, True]
    check("reads the email", lambda: True)
    assert progress().to_frame().set_index("exercise")["done"]["reads the email"]
