"""checker.schema: the claims table of the spec, its round trip, and lazy validation."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pandera.pandas as pa
import pytest
from _store_data import EXAMPLES, seed_units
from conftest import ADDED_CLAIM_FIELDS
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.errors import SchemaError, UsageError
from checker.records import CATEGORIES, HEDGES, MODALITIES, PROVENANCE_FIELDS, SCOPES, Claim
from checker.schema import (
    CLAIM_COLUMNS,
    ClaimSchema,
    claims_to_frame,
    frame_to_claims,
    validate_claims,
)

SPEC = Path(__file__).resolve().parents[1] / ".." / "shared" / "spec" / "records.md"

pytestmark = pytest.mark.skipif(not EXAMPLES.is_dir(), reason="examples/idlib is missing")


@pytest.fixture
def claims() -> list[Claim]:
    return [c for _, cs in seed_units() for c in cs]


def _spec_claim_fields() -> list[str]:
    """The spec's Claim fields in its order, then the ones the code adds after them."""
    text = SPEC.read_text(encoding="utf-8")
    table = text.split("## Claim", 1)[1].split("\n## ", 1)[0]
    names: list[str] = []
    for line in table.splitlines():
        cell = line.split("|")[1].strip() if line.startswith("|") else ""
        if cell and cell not in ("field", "---"):
            names += [n.strip() for n in cell.split(",")]
    return [*names, *ADDED_CLAIM_FIELDS]


def test_columns_are_the_spec_claim_fields_in_order() -> None:
    if not SPEC.is_file():
        pytest.skip(f"the spec is not at {SPEC}")
    spec = _spec_claim_fields()
    assert "claim_id" in spec and "scope" in spec
    spec += list(PROVENANCE_FIELDS)  # fields added after the spec's: where a claim came from
    assert list(CLAIM_COLUMNS) == spec
    assert list(ClaimSchema.to_schema().columns) == spec
    assert list(claims_to_frame([]).columns) == spec


def test_real_claims_round_trip_and_validate_clean(claims: list[Claim]) -> None:
    df = claims_to_frame(claims)
    assert len(df) == len(claims) == 12
    assert df["published"].dtype.kind == "M" and df["low"].dtype == np.float64
    assert df["in_title"].dtype == bool and df["start"].dtype == np.int64
    valid, errors = validate_claims(df)
    assert errors == []
    pd.testing.assert_frame_equal(valid, df)
    assert frame_to_claims(valid) == claims
    # nulls come back as None, not NaN/NaT
    back = frame_to_claims(valid)
    assert back[0].high is None and back[0].attribution is None
    assert back[5].period_start == dt.date(2019, 4, 28)


def test_empty_list_gives_an_empty_typed_table() -> None:
    df = claims_to_frame([])
    assert df.empty and list(df.columns) == list(CLAIM_COLUMNS)
    assert df["value"].dtype == np.float64 and df["as_of"].dtype.kind == "M"
    valid, errors = validate_claims(df)
    assert valid.empty and errors == []
    assert frame_to_claims(df) == []


def test_dates_round_trip_beyond_the_nanosecond_range(claims: list[Claim]) -> None:
    far = [
        dataclasses.replace(claims[0], claim_id="early", as_of=dt.date(1, 1, 1)),
        dataclasses.replace(claims[0], claim_id="late", period_start=dt.date(9999, 12, 31)),
        dataclasses.replace(claims[0], claim_id="none", published=None, as_of=None),
    ]
    valid, errors = validate_claims(claims_to_frame(far))
    assert errors == [] and frame_to_claims(valid) == far


# (change to one real claim, column the ErrorRecord names, words its message holds)
BAD: list[tuple[dict[str, Any], str, str]] = [
    ({"hedge": "roughly"}, "hedge", "'roughly' is not one of exact"),
    ({"category": "wounded"}, "category", "'wounded' is not one of killed"),
    ({"modality": "rumoured"}, "modality", "is not one of reported, projected, denied"),
    ({"scope": "total"}, "scope", "is not one of event, cumulative"),
    ({"value": -5.0, "low": None, "high": None}, "value", "-5.0 is negative"),
    ({"value": float("inf"), "low": None, "high": None}, "value", "inf is not a finite"),
    ({"value": float("nan"), "low": None, "high": None}, "value", "is null but required"),
    ({"low": 200000.0}, "value", "150000.0 is below its lower bound low=200000.0"),
    ({"high": 100.0}, "value", "is above its upper bound high=100.0"),
    ({"start": 900, "end": 894}, "end", "894 is before its start offset start=900"),
    ({"start": -1}, "start", "-1 is negative"),
    ({"surface": ""}, "surface", "'' is empty"),
    ({"high": float("inf")}, "high", "inf is not a finite number"),
]


@pytest.mark.parametrize(("change", "field", "words"), BAD)
def test_a_bad_claim_is_kept_out_with_an_error_record(
    claims: list[Claim], change: dict[str, Any], field: str, words: str
) -> None:
    bad = dataclasses.replace(claims[3], claim_id="bad-one", **change)  # reuters, 150,000
    table = claims_to_frame([*claims[:3], bad, *claims[3:]])
    valid, errors = validate_claims(table)
    assert frame_to_claims(valid) == claims  # every other claim passes, in order
    assert len(errors) == 1
    (err,) = errors
    assert err.stage == "schema" and err.field == field
    assert err.article_id == "001_50fb227fe682e39d" and err.claim_ids == ("bad-one",)
    assert words in err.message and "kept out" in err.message
    assert err.value is not None and err.value == repr(_plain(table.at[3, field]))


def _plain(v: Any) -> Any:
    return v.item() if isinstance(v, np.generic) else v


def test_all_failures_are_reported_at_once(claims: list[Claim]) -> None:
    table = claims_to_frame(claims)
    table.loc[0, "hedge"] = "roughly"
    table.loc[0, "scope"] = "total"
    table.loc[4, "category"] = "wounded"
    table.loc[7, "value"] = -1.0
    valid, errors = validate_claims(table)
    assert sorted((e.claim_ids[0], e.field) for e in errors) == sorted(
        [
            (claims[0].claim_id, "hedge"),
            (claims[0].claim_id, "scope"),
            (claims[4].claim_id, "category"),
            (claims[7].claim_id, "value"),
        ]
    )
    assert list(valid.index) == [1, 2, 3, 5, 6, 8, 9, 10, 11]


def test_a_repeated_claim_id_keeps_the_first(claims: list[Claim]) -> None:
    table = claims_to_frame([*claims, claims[2], claims[2]])
    valid, errors = validate_claims(table)
    assert frame_to_claims(valid) == claims
    assert [(e.field, e.value) for e in errors] == [("claim_id", repr(claims[2].claim_id))] * 2
    assert "the first was kept" in errors[0].message


def test_a_repeat_of_a_bad_row_is_kept(claims: list[Claim]) -> None:
    first_bad = dataclasses.replace(claims[1], hedge="roughly")
    valid, errors = validate_claims(claims_to_frame([first_bad, *claims[1:]]))
    assert frame_to_claims(valid) == claims[1:]
    assert [e.field for e in errors] == ["hedge"]


def test_values_of_the_wrong_kind_are_reported_per_row(claims: list[Claim]) -> None:
    table = claims_to_frame(claims).astype({"value": object, "start": object, "as_of": object})
    table.loc[1, "value"] = "many"
    table.loc[2, "start"] = None
    table.loc[3, "as_of"] = "2019-13-45"
    table.loc[4, "as_of"] = "2019-05-20"  # an ISO string is a date
    table.loc[5, "value"] = "18"  # so is a number written as text
    valid, errors = validate_claims(table)
    assert {(e.claim_ids[0], e.field, e.value) for e in errors} == {
        (claims[1].claim_id, "value", "'many'"),
        (claims[2].claim_id, "start", "None"),
        (claims[3].claim_id, "as_of", "'2019-13-45'"),
    }
    assert "cannot be read as float64" in next(e.message for e in errors if e.field == "value")
    kept = frame_to_claims(valid)
    assert [c.claim_id for c in kept] == [
        c.claim_id for i, c in enumerate(claims) if i not in (1, 2, 3)
    ]
    assert kept[1].as_of == dt.date(2019, 5, 20) and kept[2].value == 18.0


@pytest.mark.parametrize(
    ("edit", "words"),
    [
        (lambda df: df.drop(columns=["scope"]), "lacks scope"),
        (lambda df: df.assign(confidence=0.5), "not in the Claim record: confidence"),
        (lambda df: df.astype({"in_title": object}).assign(in_title="yes"), "in_title"),
    ],
)
def test_a_table_of_the_wrong_shape_raises(claims: list[Claim], edit: Any, words: str) -> None:
    with pytest.raises(SchemaError, match=words):
        validate_claims(edit(claims_to_frame(claims)))


def test_not_a_frame_is_a_usage_error(claims: list[Claim]) -> None:
    with pytest.raises(UsageError, match="DataFrame"):
        validate_claims(claims)  # type: ignore[arg-type]


def test_columns_in_another_order_and_a_repeated_index(claims: list[Claim]) -> None:
    table = claims_to_frame(claims)[list(reversed(CLAIM_COLUMNS))]
    table.index = [0] * len(table)
    valid, errors = validate_claims(table)
    assert errors == [] and list(valid.columns) == list(CLAIM_COLUMNS)
    assert frame_to_claims(valid) == claims


def test_the_schema_validates_a_dask_frame(claims: list[Claim]) -> None:
    dd = pytest.importorskip("dask.dataframe")
    table = claims_to_frame(claims)
    out: Any = ClaimSchema.validate(dd.from_pandas(table, npartitions=3), lazy=True)
    assert type(out).__module__.startswith("dask")  # still lazy: validated per partition
    pd.testing.assert_frame_equal(out.compute(), table)
    bad = table.copy()
    bad.loc[7, "hedge"] = "roughly"
    with pytest.raises(pa.errors.SchemaErrors, match="roughly"):
        lazy: Any = ClaimSchema.validate(dd.from_pandas(bad, npartitions=3), lazy=True)
        lazy.compute()


_dates = st.one_of(st.none(), st.dates())
_text = st.text(min_size=1, max_size=30)


@st.composite
def _claims(draw: st.DrawFn) -> Claim:
    value = draw(st.floats(min_value=0, max_value=1e9, allow_nan=False))
    low = draw(st.one_of(st.none(), st.floats(min_value=0, max_value=value)))
    high = draw(st.one_of(st.none(), st.floats(min_value=value, max_value=2e9)))
    start = draw(st.integers(min_value=0, max_value=10_000))
    return Claim(
        claim_id=draw(_text),
        article_id=draw(_text),
        outlet=draw(st.text(max_size=10)),
        published=draw(_dates),
        in_title=draw(st.booleans()),
        start=start,
        end=start + draw(st.integers(min_value=0, max_value=50)),
        quote=draw(st.text()),
        surface=draw(_text),
        value=value,
        hedge=draw(st.sampled_from(HEDGES)),
        low=low,
        high=high,
        category=draw(st.sampled_from(CATEGORIES)),
        subject=draw(st.text()),
        location=draw(st.one_of(st.none(), _text)),
        as_of=draw(_dates),
        period_start=draw(_dates),
        attribution=draw(st.one_of(st.none(), _text)),
        modality=draw(st.sampled_from(MODALITIES)),
        scope=draw(st.sampled_from(SCOPES)),
    )


@settings(max_examples=60, deadline=None)
@given(st.lists(_claims(), max_size=8, unique_by=lambda c: c.claim_id))
def test_any_valid_claims_round_trip(generated: list[Claim]) -> None:
    valid, errors = validate_claims(claims_to_frame(generated))
    assert errors == []
    assert frame_to_claims(valid) == generated


def test_error_messages_name_the_claim_check_and_value(claims: list[Claim]) -> None:
    table = claims_to_frame(claims)
    table.loc[2, "hedge"] = "approximately"
    (err,) = validate_claims(table)[1]
    assert re.search(rf"claim {claims[2].claim_id}: hedge 'approximately'", err.message)
    assert "[check isin(" in err.message
    assert err.to_dict()["stage"] == "schema"
