"""checker.budget.repeated_limit: the per-call budget of a loop of rule calls, as
time_limit's, with the alarm handler installed once for the loop."""

from __future__ import annotations

import signal

import pytest

from checker.budget import BudgetExceeded, repeated_limit, time_limit


def _spin() -> None:
    while True:
        pass


def test_each_call_of_the_loop_has_its_budget_and_the_handler_is_put_back() -> None:
    before = signal.getsignal(signal.SIGALRM)
    outcomes = []
    with repeated_limit(0.05, "rule x") as limit:
        for spins in (False, True, False, True):
            try:
                with limit():
                    if spins:
                        _spin()
                outcomes.append("done")
            except BudgetExceeded as exc:
                outcomes.append(str(exc))
    assert outcomes[0] == outcomes[2] == "done"
    assert "rule x" in outcomes[1] and outcomes[1] == outcomes[3]
    assert signal.getsignal(signal.SIGALRM) == before
    assert signal.getitimer(signal.ITIMER_REAL)[0] == 0


def test_a_call_that_replaces_the_alarm_handler_does_not_take_the_next_calls_budget() -> None:
    with repeated_limit(0.05, "rule y") as limit:
        with limit():
            signal.signal(signal.SIGALRM, signal.SIG_IGN)
        with pytest.raises(BudgetExceeded), limit():
            _spin()


def test_under_an_outer_limit_each_call_is_a_time_limit_and_the_outer_one_goes_on() -> None:
    with time_limit(60, "outer"), repeated_limit(0.05, "inner") as limit:
        with pytest.raises(BudgetExceeded, match="inner"), limit():
            _spin()
        assert signal.getitimer(signal.ITIMER_REAL)[0] > 0  # the outer timer, re-armed
    assert signal.getitimer(signal.ITIMER_REAL)[0] == 0


def test_no_budget_means_no_limit() -> None:
    with repeated_limit(None, "free") as limit, limit():
        pass
    assert signal.getitimer(signal.ITIMER_REAL)[0] == 0
