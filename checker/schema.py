"""The claims table: a pandera model with the Claim names of ../shared/spec/records.md.

One row per :class:`~checker.records.Claim`, columns in spec order. Types:

- text columns are pandas strings (``str``; ``object`` on pandas 2), nullable only for
  ``location``, ``region``, ``country``, ``part_of``, ``attribution`` and ``incident_id``;
- ``in_title`` is ``bool``, ``start``/``end`` ``int64``, ``value``/``low``/``high`` ``float64``
  (``low``/``high`` null = unbounded);
- the provenance columns after the spec's (``source_file``, and ``line``, ``column``, ``row``
  as nullable ``Int64``) are null when unknown;
- the dates ``published``, ``as_of`` and ``period_start`` are **nullable datetime64**
  (NaT = unknown) at second resolution. ``datetime.date`` -> datetime64[s] -> ``date`` is
  exact for every date (year 1 to 9999), whereas nanosecond resolution stops at 2262 and
  ``object`` dates cannot be compared or sorted vectorised by the rules. pandera's dtype check
  accepts any datetime64 unit, so frames read with nanosecond dates validate too.

:func:`validate_claims` is the gate before the store and the rules: every failing row is kept
out and turned into an ``ErrorRecord(stage="schema")``; the rest is returned. The model
itself is plain pandera (no pandas-only hooks), so ``ClaimSchema.validate(dask_df)`` works
partition by partition (``claim_id`` uniqueness is then checked within each partition).
"""

from __future__ import annotations

import functools
import operator
from collections.abc import Hashable, Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from checker.errors import SchemaError, UsageError
from checker.records import (
    CATEGORIES,
    CLAIM_FIELDS,
    DATE_FIELDS,
    HEDGES,
    MODALITIES,
    SCOPES,
    UNITS,
    Claim,
    ErrorRecord,
)

#: The claims table's columns, in the order of the spec (and of :class:`Claim`).
CLAIM_COLUMNS: tuple[str, ...] = CLAIM_FIELDS
DATE_COLUMNS: tuple[str, ...] = DATE_FIELDS
_FLOAT_COLUMNS = ("value", "low", "high")
_NULLABLE_INT_COLUMNS = ("line", "column", "row")
_DATE_DTYPE = "datetime64[s]"
_NAT = int(np.datetime64("NaT", "D").astype(np.int64))
_CLAIM_FIELDS = operator.attrgetter(*CLAIM_COLUMNS)


class ClaimSchema(pa.DataFrameModel):
    """One numeric claim per row (spec: "Claim"). Rows failing a check are not claims."""

    claim_id: Series[str] = pa.Field(unique=True, str_length={"min_value": 1}, coerce=True)
    article_id: Series[str] = pa.Field(str_length={"min_value": 1}, coerce=True)
    outlet: Series[str] = pa.Field(coerce=True)
    published: Series[pa.DateTime] = pa.Field(nullable=True)
    in_title: Series[bool]
    start: Series[np.int64] = pa.Field(ge=0, coerce=True)
    end: Series[np.int64] = pa.Field(ge=0, coerce=True)
    quote: Series[str] = pa.Field(coerce=True)
    surface: Series[str] = pa.Field(str_length={"min_value": 1}, coerce=True)
    value: Series[float] = pa.Field(ge=0, coerce=True)
    hedge: Series[str] = pa.Field(isin=HEDGES, coerce=True)
    low: Series[float] = pa.Field(nullable=True, ge=0, coerce=True)
    high: Series[float] = pa.Field(nullable=True, ge=0, coerce=True)
    category: Series[str] = pa.Field(isin=CATEGORIES, coerce=True)
    subject: Series[str] = pa.Field(coerce=True)
    location: Series[str] = pa.Field(nullable=True, coerce=True)
    region: Series[str] = pa.Field(nullable=True, coerce=True)
    country: Series[str] = pa.Field(nullable=True, coerce=True)
    unit: Series[str] = pa.Field(isin=UNITS, coerce=True)
    part_of: Series[str] = pa.Field(nullable=True, coerce=True)
    as_of: Series[pa.DateTime] = pa.Field(nullable=True)
    period_start: Series[pa.DateTime] = pa.Field(nullable=True)
    attribution: Series[str] = pa.Field(nullable=True, coerce=True)
    modality: Series[str] = pa.Field(isin=MODALITIES, coerce=True)
    scope: Series[str] = pa.Field(isin=SCOPES, coerce=True)
    incident_id: Series[str] = pa.Field(nullable=True, coerce=True)
    reported: Series[pa.DateTime] = pa.Field(nullable=True)
    source_file: Series[str] = pa.Field(nullable=True, coerce=True)
    line: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=1, coerce=True)
    column: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=1, coerce=True)
    row: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=1, coerce=True)

    @pa.check("value", "low", "high", name="finite")
    def _finite(cls, s: pd.Series[float]) -> pd.Series[bool]:
        """A figure is a finite number: NaN and infinity are not figures (null bound = open)."""
        return pd.Series(np.isfinite(s.to_numpy(dtype="float64")), index=s.index, dtype=bool)

    @pa.dataframe_check(name="low_le_value")
    def _low_le_value(cls, df: pd.DataFrame) -> pd.Series[bool]:
        """The stated value lies inside the interval the wording allows: low <= value."""
        return df["low"].isna() | (df["low"] <= df["value"])

    @pa.dataframe_check(name="value_le_high")
    def _value_le_high(cls, df: pd.DataFrame) -> pd.Series[bool]:
        """The stated value lies inside the interval the wording allows: value <= high."""
        return df["high"].isna() | (df["value"] <= df["high"])

    @pa.dataframe_check(name="start_le_end")
    def _start_le_end(cls, df: pd.DataFrame) -> pd.Series[bool]:
        """Character offsets of the figure: start <= end."""
        return df["start"] <= df["end"]

    class Config:
        strict = True
        name = "ClaimSchema"


#: For a row-wide check, the column an ErrorRecord names and the columns its message shows.
_WIDE_CHECKS: dict[str, tuple[str, str, str]] = {
    "low_le_value": ("value", "low", "is below its lower bound"),
    "value_le_high": ("value", "high", "is above its upper bound"),
    "start_le_end": ("end", "start", "is before its start offset"),
}
_ALLOWED = {
    "hedge": HEDGES,
    "category": CATEGORIES,
    "modality": MODALITIES,
    "scope": SCOPES,
    "unit": UNITS,
}
_CHECK_TEXT = {
    "not_nullable": "is null but required",
    "field_uniqueness": "repeats an earlier claim_id (the first was kept)",
    "finite": "is not a finite number",
    "str_length(1, None)": "is empty",
    "greater_than_or_equal_to(0)": "is negative",
}


def claims_to_frame(claims: Sequence[Claim]) -> pd.DataFrame:
    """The claims table of ``claims``: spec columns and types, also for an empty list."""
    rows = list(map(_CLAIM_FIELDS, claims))
    columns = zip(*rows, strict=True) if rows else ([] for _ in CLAIM_COLUMNS)
    return columns_to_frame(dict(zip(CLAIM_COLUMNS, columns, strict=True)))


def columns_to_frame(columns: Mapping[str, Sequence[Any]]) -> pd.DataFrame:
    """A claims table from one sequence per spec column (what a database query returns).

    Dates may be ``date`` objects or ISO strings, nulls ``None``; ``in_title`` anything
    truthy. Values are not checked here: that is :func:`validate_claims`' job.
    """
    cols: dict[str, Any] = {}
    for name in CLAIM_COLUMNS:
        values = columns[name]
        if name in DATE_COLUMNS:
            cols[name] = pd.Series(_datetimes(values), dtype=_DATE_DTYPE)
        elif name in _FLOAT_COLUMNS:
            cols[name] = pd.Series(values, dtype="float64")
        elif name == "in_title":
            cols[name] = pd.Series(values, dtype=bool)
        elif name in ("start", "end"):
            cols[name] = pd.Series(values, dtype="int64")
        elif name in _NULLABLE_INT_COLUMNS:
            cols[name] = pd.Series(list(values), dtype="Int64")
        else:
            text = pd.Series(values, dtype=object)
            # astype(str) gives pandas' string dtype; ``where`` keeps None null on pandas 2 too.
            cols[name] = text.astype(str).where(text.notna(), None)
    return pd.DataFrame(cols, columns=list(CLAIM_COLUMNS))


def _datetimes(values: Sequence[Any]) -> np.ndarray[Any, Any]:
    """Dates, ISO strings or None -> datetime64[s] (None -> NaT).

    Each distinct value is converted once (a corpus has few distinct dates): numpy's own
    conversion of a list of ``date`` objects costs about 1 us per element.
    """
    days: dict[Any, int] = {}
    for v in set(values):
        day = _day(v)
        days[v] = _NAT if day is None else int(np.datetime64(day, "D").astype(np.int64))
    ints = np.fromiter((days[v] for v in values), dtype=np.int64, count=len(values))
    return ints.view("datetime64[D]").astype(_DATE_DTYPE)


def frame_to_claims(df: pd.DataFrame) -> list[Claim]:
    """The :class:`Claim` of each row of a claims table (nulls -> None, dates -> date)."""
    missing = [c for c in CLAIM_COLUMNS if c not in df.columns]
    if missing:
        raise SchemaError(f"claims table lacks the column(s) {', '.join(missing)}")
    cols: dict[str, list[Any]] = {}
    for name in CLAIM_COLUMNS:
        s = df[name]
        if name in DATE_COLUMNS:
            s = _as_datetime(s)
            cols[name] = s.to_numpy(dtype="datetime64[D]").astype(object).tolist()
        elif name in ("start", "end"):
            cols[name] = [int(v) for v in s.tolist()]
        elif name in _NULLABLE_INT_COLUMNS:
            cols[name] = [None if pd.isna(v) else int(v) for v in s.tolist()]
        elif name == "in_title":
            cols[name] = [bool(v) for v in s.tolist()]
        elif name == "value":
            cols[name] = s.astype("float64").tolist()
        else:
            cols[name] = s.astype(object).where(s.notna(), None).tolist()
    return [Claim(*row) for row in zip(*(cols[n] for n in CLAIM_COLUMNS), strict=True)]


@functools.cache
def claim_schema() -> pa.DataFrameSchema:
    """:class:`ClaimSchema` built (once; ``ClaimSchema.validate`` uses the same schema).

    Building a model, pandera asks every dataframe library it knows for its series and
    index types, to read the model's annotations; asking dask imports ``dask.dataframe``,
    0.7 s of each process's start on this machine. ClaimSchema's annotations are pandas'
    (``Series[...]``, no index), so while it is built the question is answered with those."""
    from pandera.api.pandas import model
    from pandera.typing import Index

    asked = model.get_index_types, model.get_series_types
    model.get_index_types = lambda: {Index}  # type: ignore[assignment]
    model.get_series_types = lambda: {Series}  # type: ignore[assignment]
    try:
        return ClaimSchema.to_schema()
    finally:
        model.get_index_types, model.get_series_types = asked


def validate_claims(df: pd.DataFrame) -> tuple[pd.DataFrame, list[ErrorRecord]]:
    """Validate a claims table lazily: (the rows that pass, one ErrorRecord per failure).

    Every failure case pandera reports for a row becomes ``ErrorRecord(stage="schema")``
    naming the article, claim, column and value; those rows are kept out. A table-level
    fault (a missing or extra column, a column of the wrong kind) raises
    :class:`~checker.errors.SchemaError`, since no row of such a table can be trusted.
    The frame returned has the spec's columns and types; its index is the input's (or a
    fresh RangeIndex when the input's index repeats labels).
    """
    if not isinstance(df, pd.DataFrame):
        raise UsageError(f"validate_claims needs a pandas DataFrame, not {type(df).__name__}")
    _check_columns(df)
    frame = df.loc[:, list(CLAIM_COLUMNS)]
    if not frame.index.is_unique:
        frame = frame.reset_index(drop=True)
    frame, errors = _parse_dates(frame)
    while True:
        try:
            return claim_schema().validate(frame, lazy=True), errors
        except pa.errors.SchemaErrors as exc:
            bad, found = _row_failures(frame, exc.failure_cases)
            if not bad:
                raise SchemaError(_table_message(exc.failure_cases)) from exc
            errors.extend(found)
            frame = frame.drop(index=list(bad))


def _check_columns(df: pd.DataFrame) -> None:
    missing = [c for c in CLAIM_COLUMNS if c not in df.columns]
    extra = [str(c) for c in df.columns if c not in CLAIM_COLUMNS]
    if missing or extra:
        parts = []
        if missing:
            parts.append(f"lacks {', '.join(missing)}")
        if extra:
            parts.append(f"has columns not in the Claim record: {', '.join(extra)}")
        raise SchemaError(
            f"claims table {' and '.join(parts)}; the columns must be those of "
            f"shared/spec/records.md: {', '.join(CLAIM_COLUMNS)}"
        )


def _as_datetime(s: pd.Series) -> pd.Series:
    if pd.api.types.is_datetime64_any_dtype(s.dtype):
        return s
    days = np.array([_day(v) for v in s.tolist()], dtype="datetime64[D]")
    return pd.Series(days.astype(_DATE_DTYPE), index=s.index, name=s.name)


def _day(v: Any) -> Any:
    if v is None or (isinstance(v, float) and v != v) or v is pd.NaT or v == "":
        return None
    if hasattr(v, "date") and callable(v.date):  # datetime / Timestamp
        return v.date()
    return str(v)[:10] if isinstance(v, str) else v


def _parse_dates(frame: pd.DataFrame) -> tuple[pd.DataFrame, list[ErrorRecord]]:
    """Date columns given as dates or ISO strings -> datetime64; unreadable ones -> errors.

    Done here rather than by pandera's ``coerce``. pandera 0.35's DateTime coerces to
    nanoseconds only, and with pandas 3, an object column holding one date outside that
    range (before 1677 or after 2262) fails as a whole, naming no row, or (seen with a null
    in the column and a non-default index) becomes NaT in *every* row with no failure case
    at all, silently erasing the table's dates.
    """
    errors: list[ErrorRecord] = []
    drop: list[Hashable] = []
    for name in DATE_COLUMNS:
        s = frame[name]
        if pd.api.types.is_datetime64_any_dtype(s.dtype):
            continue
        values: list[Any] = []
        for label, v in s.items():
            day = _day(v)
            try:
                values.append(None if day is None else np.datetime64(day, "D"))
            except (TypeError, ValueError):
                values.append(None)
                drop.append(label)
                text = f"{v!r} is not a date (YYYY-MM-DD)"
                errors.append(_record(frame, label, name, v, text))
        days = np.array(values, dtype="datetime64[D]")
        frame = frame.assign(**{name: pd.Series(days.astype(_DATE_DTYPE), index=s.index)})
    return frame.drop(index=drop), errors


def _row_failures(
    frame: pd.DataFrame, cases: pd.DataFrame
) -> tuple[set[Hashable], list[ErrorRecord]]:
    """The rows to keep out and their ErrorRecords, from pandera's ``failure_cases``.

    One record per failing cell and check, except that a cell which is null or cannot be
    read as its type gets only that record (pandera also reports the dtype and the checks
    that then fail on it), and a row-wide check is not repeated for a cell already failing.
    """
    rows = cases[cases["index"].notna()]
    cells: dict[tuple[Hashable, str], list[tuple[str, Any]]] = {}
    wide: dict[tuple[Hashable, str], None] = {}
    unique_fail = False
    for label, column, check, failure in zip(
        rows["index"], rows["column"], rows["check"], rows["failure_case"], strict=True
    ):
        check = str(check)
        if check == "field_uniqueness":
            unique_fail = True
        elif check in _WIDE_CHECKS:
            wide[(label, check)] = None  # a row-wide check reports each column of the row
        else:
            cells.setdefault((label, str(column)), []).append((check, failure))
    bad: set[Hashable] = set()
    found: list[ErrorRecord] = []
    for (label, column), failures in cells.items():
        checks = [c for c, _ in failures]
        for check, failure in failures:
            if _shadowed(check, checks):
                continue
            found.append(
                _record(frame, label, column, failure, _describe(column, check, failure), check)
            )
        bad.add(label)
    for label, check in wide:
        field, other, text = _WIDE_CHECKS[check]
        if (label, field) in cells or (label, other) in cells:
            continue
        value = _plain(frame.at[label, field])
        text = f"{value!r} {text} {other}={_plain(frame.at[label, other])!r}"
        found.append(_record(frame, label, field, value, text, check))
        bad.add(label)
    if unique_fail:
        # pandera reports every row of a repeated claim_id; keep the first of those that
        # pass everything else, so a claim given twice is stored once, not lost.
        rest = frame.drop(index=list(bad))
        repeated = rest["claim_id"].notna() & rest["claim_id"].duplicated(keep="first")
        for label in rest.index[repeated.to_numpy()]:
            value = rest.at[label, "claim_id"]
            text = f"{value!r} {_CHECK_TEXT['field_uniqueness']}"
            found.append(_record(frame, label, "claim_id", value, text, "field_uniqueness"))
            bad.add(label)
    return bad, found


def _shadowed(check: str, checks: list[str]) -> bool:
    """Whether ``check`` only repeats a more basic failure of the same cell."""
    if check == "not_nullable":
        return False
    if "not_nullable" in checks:
        return True
    if check.startswith("coerce_dtype("):
        return False
    return any(c.startswith("coerce_dtype(") for c in checks)


def _describe(column: str, check: str, failure: Any) -> str:
    shown = repr(_plain(failure))
    if check.startswith("coerce_dtype("):
        return f"{shown} cannot be read as {check[len('coerce_dtype(') : -1].strip(chr(39))}"
    if check.startswith("dtype("):
        return f"{shown} is not of type {check[len('dtype(') : -1].strip(chr(39))}"
    if check.startswith("isin("):
        return f"{shown} is not one of {', '.join(_ALLOWED[column])}"
    return f"{shown} {_CHECK_TEXT.get(check, 'fails the check ' + check)}"


def _record(
    frame: pd.DataFrame,
    label: Hashable,
    field: str,
    value: Any,
    text: str,
    check: str | None = None,
) -> ErrorRecord:
    article_id = frame.at[label, "article_id"]
    claim_id = frame.at[label, "claim_id"]
    article = article_id if isinstance(article_id, str) and article_id else None
    claim = claim_id if isinstance(claim_id, str) and claim_id else None
    which = f"claim {claim}" if claim else f"row {label}"
    check_text = f" [check {check}]" if check else ""
    return ErrorRecord(
        stage="schema",
        message=f"{which}: {field} {text}{check_text}; the claim was kept out",
        article_id=article,
        field=field,
        value=repr(_plain(value)),
        claim_ids=(claim,) if claim else (),
    )


def _plain(v: Any) -> Any:
    """numpy scalars as Python values, so ``repr`` reads like the input did."""
    return v.item() if isinstance(v, np.generic) else v


def _table_message(cases: pd.DataFrame) -> str:
    rows = cases[cases["index"].isna()]
    parts = [
        f"column {col} fails {check} (found {fail})"
        for col, check, fail in rows[["column", "check", "failure_case"]].itertuples(index=False)
    ]
    return "claims table does not fit the Claim schema: " + "; ".join(parts)
