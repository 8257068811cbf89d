"""checker.claim_check: the quick way past the claims table's schema says "passes" only for
claims pandera's ClaimSchema passes and gives back unchanged."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

import pytest
from _store_data import EXAMPLES, seed_units
from hypothesis import given, settings
from hypothesis import strategies as st
from test_schema import BAD

from checker.claim_check import passes_as_is
from checker.records import Claim
from checker.run.local import validated
from checker.schema import claims_to_frame, frame_to_claims, validate_claims

pytestmark = pytest.mark.skipif(not EXAMPLES.is_dir(), reason="examples/idlib is missing")


@pytest.fixture(scope="module")
def claims() -> list[Claim]:
    return [c for _, cs in seed_units() for c in cs]


def _pandera(claims: list[Claim]) -> tuple[list[Claim], list[Any]]:
    valid, errors = validate_claims(claims_to_frame(claims))
    return frame_to_claims(valid), errors


def test_real_claims_pass_as_they_are(claims: list[Claim]) -> None:
    assert passes_as_is(claims) and passes_as_is([])
    assert validated(claims) == (claims, []) == _pandera(claims)


@pytest.mark.parametrize(("change", "field", "words"), BAD)
def test_a_bad_claim_goes_to_pandera(
    claims: list[Claim], change: dict[str, Any], field: str, words: str
) -> None:
    bad = dataclasses.replace(claims[3], claim_id="bad-one", **change)
    batch = [*claims[:3], bad, *claims[3:]]
    assert not passes_as_is(batch)
    kept, errors = validated(batch)
    assert kept == claims and [e.field for e in errors] == [field]


@pytest.mark.parametrize(
    "change",
    [
        {"claim_id": ""},
        {"article_id": ""},
        {"outlet": None},
        {"published": dt.datetime(2019, 5, 14, 9, 30)},  # its time would be dropped
        {"in_title": 1},
        {"start": True},
        {"end": 2**63},
        {"value": 150000},  # an int would come back a float
        {"quote": "lone \ud800 surrogate"},
        {"location": 7},
        {"line": 0},
        {"row": -3},
    ],
)
def test_what_pandera_alone_decides_goes_to_it(claims: list[Claim], change: dict[str, Any]):
    assert not passes_as_is([dataclasses.replace(claims[3], **change)])


def test_a_repeated_claim_id_goes_to_pandera(claims: list[Claim]) -> None:
    assert not passes_as_is([*claims, claims[2]])
    assert validated([*claims, claims[2]])[0] == claims


_ANY = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-3, 3),
    st.sampled_from([0.0, -0.0, 1.0, 5.5, float("nan"), float("inf"), -2.0, 1e300]),
    st.sampled_from(["", "x", "people", "killed", "about", "event", "reported", "é", "\ud800"]),
    st.sampled_from([dt.date(2019, 5, 14), dt.date(1, 1, 1), dt.datetime(2019, 5, 14, 1)]),
)


@settings(max_examples=300, deadline=None)
@given(
    fields=st.lists(
        st.tuples(st.sampled_from([f.name for f in dataclasses.fields(Claim)]), _ANY),
        max_size=3,
    )
)
def test_passes_only_what_pandera_passes_unchanged(
    claims: list[Claim], fields: list[tuple[str, Any]]
) -> None:
    batch = [dataclasses.replace(claims[0], **dict(fields)), *claims[1:4]]
    if passes_as_is(batch):
        assert _pandera(batch) == (batch, [])
