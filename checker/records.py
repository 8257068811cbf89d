"""Typed records with the names of ../shared/spec/records.md: Article, Claim, Finding.

These names are a public contract (JSON/JSONL/CSV output, the store, rule fixtures and
report templates all use them). ``ErrorRecord`` is the one shape for everything that did
not become a claim or a finding: an unreadable file, a bad row, a rule that raised.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

Hedge = Literal["exact", "at_least", "more_than", "about", "nearly", "up_to", "less_than", "range"]
HEDGES: tuple[str, ...] = (
    "exact",
    "at_least",
    "more_than",
    "about",
    "nearly",
    "up_to",
    "less_than",
    "range",
)
#: hedges that make a figure a lower bound ("at least 31", "more than 100")
LOWER_BOUNDS: tuple[str, ...] = ("at_least", "more_than")
CATEGORIES: tuple[str, ...] = (
    "killed",
    "injured",
    "displaced",
    "refugees",
    "detained",
    "missing",
    "evacuated",
    "besieged",
    "population",
    "attacks",
    "facilities",
    "combatants",
    "other",
)
MODALITIES: tuple[str, ...] = ("reported", "projected", "denied")
#: what a claim counts: people (the default), households, families; or, for counts of
#: things, homes (houses, shelters), facilities (schools, hospitals, buildings), attacks
UNITS: tuple[str, ...] = ("people", "households", "families", "homes", "facilities", "attacks")
SCOPES: tuple[str, ...] = ("event", "cumulative")
SEVERITIES: tuple[str, ...] = ("low", "medium", "high")
#: a finding's review status: open (not reviewed), confirmed or dismissed (``checker review``)
STATUSES: tuple[str, ...] = ("open", "confirmed", "dismissed")
PROVENANCE_INTS: tuple[str, ...] = ("line", "column", "row")


def stable_id(*parts: object, length: int = 16) -> str:
    """A short hex digest of ``parts``: the same inputs give the same id in every run."""
    h = hashlib.sha1("\x1f".join("" if p is None else str(p) for p in parts).encode("utf-8"))
    return h.hexdigest()[:length]


@dataclass(frozen=True, slots=True)
class Article:
    """One news article as ingested."""

    article_id: str
    outlet: str
    published: dt.date | None
    title: str
    text: str
    url: str | None = None
    location: str | None = None
    #: article_id of an earlier article with the same or nearly the same text (a copy)
    copy_of: str | None = None
    #: where it came from, for messages: "path/file.csv:12", "feed.xml:entry 3",
    #: "report.pdf:pages 1-4" (not part of the spec's output; see checker.ingest.provenance).
    origin: str | None = field(default=None, compare=False)
    #: the text's language as detected on ingestion (ISO 639-1: "en", "fr"), None when not
    #: detected (too little text, or detection off). Only English (or undetected) text has
    #: claims extracted: see ``checker.pipeline.skips_extraction``. It follows from title and
    #: text, so it takes no part in comparing two Articles.
    language: str | None = field(default=None, compare=False)
    #: for a PDF: the offset in ``text`` where each page starts (page n at ``pages[n - 1]``),
    #: so a claim's offset gives its page (checker.ingest.provenance.page_at). Not stored, not
    #: part of the spec's output.
    pages: tuple[int, ...] = field(default=(), compare=False)
    #: where the title and the text start in the input file, as (line, column, quotes
    #: doubled), line and column from 1, the flag true inside a quoted CSV cell (where each
    #: '"' of the text is '""' in the file); None when the file's characters do not map back
    #: (HTML reduced to text, JSON); and the record's number in a CSV/JSONL/JSON file (1 =
    #: the first after any header). Provenance (:mod:`checker.ingest.position`), not part of
    #: the spec's output.
    title_at: tuple[int, int, bool] | None = field(default=None, compare=False)
    text_at: tuple[int, int, bool] | None = field(default=None, compare=False)
    row: int | None = field(default=None, compare=False)

    @property
    def content_hash(self) -> str:
        """Digest of what extraction reads: re-ingesting an unchanged article is a no-op.

        A language other than English is part of it (it stops extraction), so an article
        stored with claims before its language was known is replaced; "en" and None are
        not, so the digests of English articles are what they always were."""
        parts: tuple[object, ...] = (
            self.outlet, self.published, self.title, self.text, self.location
        )  # fmt: skip
        if self.language not in (None, "en"):
            parts = (*parts, f"language={self.language}")
        return stable_id(*parts, length=40)

    def to_dict(self) -> dict[str, Any]:
        d = dataclasses.asdict(self)
        for k in ("origin", "pages", "title_at", "text_at", "row"):
            d.pop(k)
        d["published"] = _iso(self.published)
        return d


#: the Claim fields that hold dates
DATE_FIELDS: tuple[str, ...] = ("published", "as_of", "period_start", "reported")


@dataclass(frozen=True, slots=True)
class Claim:
    """One numeric claim in one article (spec: "Claim")."""

    claim_id: str
    article_id: str
    outlet: str
    published: dt.date | None
    in_title: bool
    start: int
    end: int
    quote: str
    surface: str
    value: float
    hedge: str
    low: float | None
    high: float | None
    category: str
    subject: str
    location: str | None
    region: str | None = None
    country: str | None = None
    unit: str = "people"
    part_of: str | None = None
    as_of: dt.date | None = None
    period_start: dt.date | None = None
    attribution: str | None = None
    modality: str = "reported"
    scope: str = "event"
    incident_id: str | None = None
    #: the day the text was written: its own date line when it opens with one (FA-KES's
    #: date column is often the event's), else ``published`` (not in the spec: added)
    reported: dt.date | None = None
    #: provenance: the input file the claim was read from ("articles/x.md", "feed.csv",
    #: "<stdin>"; a fragment such as "report.pdf#page=2" is kept), the line and column (from
    #: 1) where its words start in that file, and the record's number in a CSV/JSONL/JSON
    #: file. Null when unknown (claims stored before provenance was recorded).
    source_file: str | None = None
    line: int | None = None
    column: int | None = None
    row: int | None = None

    @staticmethod
    def make_id(article_id: str, in_title: bool, start: int, end: int, surface: str) -> str:
        """The stable claim id: same article, same place, same words -> same id."""
        return stable_id("claim", article_id, int(in_title), start, end, surface)

    def allows(self, x: float) -> bool:
        """Whether the figure ``x`` is within the interval this claim's wording allows."""
        return (self.low is None or x >= self.low) and (self.high is None or x <= self.high)

    def to_dict(self) -> dict[str, Any]:
        # every field is a plain value: no deep copy (dataclasses.asdict) needed
        d = {k: getattr(self, k) for k in CLAIM_FIELDS}
        for k in DATE_FIELDS:
            d[k] = _iso(d[k])
        return d

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Claim:
        kw: dict[str, Any] = {f.name: d.get(f.name) for f in dataclasses.fields(cls)}
        for k in DATE_FIELDS:
            kw[k] = parse_iso_date(kw[k])
        for k in ("value", "low", "high"):
            kw[k] = None if kw[k] is None or kw[k] != kw[k] else float(kw[k])
        kw["in_title"] = bool(kw["in_title"])
        kw["start"], kw["end"] = int(kw["start"]), int(kw["end"])
        for k in (
            "location",
            "region",
            "country",
            "part_of",
            "attribution",
            "incident_id",
            "source_file",
        ):
            if kw[k] is not None and kw[k] != kw[k]:  # NaN from pandas
                kw[k] = None
        for k in PROVENANCE_INTS:
            v = kw[k]
            kw[k] = None if v is None or v != v or v == "" else int(v)
        if kw["unit"] is None or kw["unit"] != kw["unit"]:
            kw["unit"] = "people"
        for k in ("modality", "scope"):
            if kw[k] is None:
                kw.pop(k)
        return cls(**kw)


#: the Claim fields: the spec's, in the spec's order, then provenance (CSV header, claims
#: table, store)
CLAIM_FIELDS: tuple[str, ...] = tuple(f.name for f in dataclasses.fields(Claim))
#: the provenance fields of a Claim (after the spec's fields)
PROVENANCE_FIELDS: tuple[str, ...] = ("source_file", "line", "column", "row")


@dataclass(frozen=True, slots=True)
class IncidentClaim:
    """One claim reporting an incident, with who gave it (attribution, else outlet)."""

    claim_id: str
    source: str

    def to_dict(self) -> dict[str, Any]:
        return {"claim_id": self.claim_id, "source": self.source}


@dataclass(frozen=True, slots=True)
class Incident:
    """One real-world quantity that several claims report (spec: "Incident").

    The same kind of count (``category``) of the same group (``subject``, ``unit``) at one
    place (the finest the claims give, with its region and country), about one happening
    (``as_of``: the day the figures are about; or a running total with its
    ``period_start``), whatever day each claim was reported on.
    """

    incident_id: str
    category: str
    subject: str
    location: str | None
    region: str | None
    country: str | None
    as_of: dt.date | None
    period_start: dt.date | None
    scope: str
    claims: tuple[IncidentClaim, ...]
    #: independent sources behind the figures: copies of one text count once
    sources: int
    unit: str = "people"

    @property
    def claim_ids(self) -> tuple[str, ...]:
        return tuple(c.claim_id for c in self.claims)

    @staticmethod
    def make_id(anchor_claim_id: str) -> str:
        """Stable across runs: named after the incident's first claim (earliest reported,
        then by claim id), so later reports joining it keep its id."""
        return stable_id("incident", anchor_claim_id)

    def to_dict(self) -> dict[str, Any]:
        return {
            "incident_id": self.incident_id,
            "category": self.category,
            "subject": self.subject,
            "unit": self.unit,
            "location": self.location,
            "region": self.region,
            "country": self.country,
            "as_of": _iso(self.as_of),
            "period_start": _iso(self.period_start),
            "scope": self.scope,
            "claims": [c.to_dict() for c in self.claims],
            "sources": self.sources,
        }


@dataclass(frozen=True, slots=True)
class Finding:
    """One discrepancy a rule found (spec: "Finding")."""

    finding_id: str
    rule: str
    severity: str
    message: str
    claims: tuple[Claim, ...]
    explanation: str
    #: what the discrepancy is: conflict, toll_updated, toll_down, stale, sources_disagree,
    #: dateline, headline, part_whole, or the rule's own word
    kind: str = "finding"
    #: the incident the finding is about, when it is about one
    incident_id: str | None = None
    #: words of the articles that show the discrepancy when no claim does ("Mon Jun 20
    #: 2016", a date line); not in the spec (added)
    evidence: tuple[str, ...] = ()
    #: the article a finding is about when it names no claim (not in the spec: added)
    article_id: str | None = None
    #: where to point at it: the file, line and column of its claims (the first claim of an
    #: article this run was given, else its first claim); null when unknown
    source_file: str | None = None
    line: int | None = None
    column: int | None = None
    #: the review (``checker review``): open, confirmed or dismissed, and the reviewer's note.
    #: A dismissed finding is reported but does not count for ``--fail-on``.
    status: str = "open"
    review_note: str | None = None
    #: who reviewed it and when (ISO date), from the reviews file
    reviewed_by: str | None = None
    reviewed_on: str | None = None

    @staticmethod
    def make_id(rule: str, claim_ids: Any, anchor: str | None = None) -> str:
        """Stable across runs for the same rule and claims (order-insensitive); ``anchor``
        (an article id) tells apart findings that name no claim."""
        parts = sorted(claim_ids)
        return (
            stable_id("finding", rule, *parts)
            if anchor is None
            else stable_id("finding", rule, anchor, *parts)
        )

    @property
    def article_ids(self) -> tuple[str, ...]:
        """The articles the finding involves: its claims', else the one it is about."""
        ids = tuple(dict.fromkeys(c.article_id for c in self.claims))
        return ids or ((self.article_id,) if self.article_id else ())

    def to_dict(self) -> dict[str, Any]:
        return {
            "finding_id": self.finding_id,
            "rule": self.rule,
            "severity": self.severity,
            "message": self.message,
            "claims": [c.to_dict() for c in self.claims],
            "explanation": self.explanation,
            "kind": self.kind,
            "incident_id": self.incident_id,
            "evidence": list(self.evidence),
            "article_id": self.article_id or (self.article_ids[0] if self.article_ids else None),
            "source_file": self.source_file,
            "line": self.line,
            "column": self.column,
            "status": self.status,
            "review_note": self.review_note,
            "reviewed_by": self.reviewed_by,
            "reviewed_on": self.reviewed_on,
        }


@dataclass(frozen=True, slots=True)
class ErrorRecord:
    """Something given to checker that did not become claims or findings, and why.

    ``stage`` is one of ingest, extract, schema, store, rule. For a rule error, ``rule``
    names the rule and ``claim_ids`` the claims it was looking at. ``level`` is "error"
    when the record was lost (not an article, not a claim, a rule that broke) and
    "warning" when it was kept with a repair (a decoded encoding, a truncated text, a
    renamed duplicate id, a date that did not parse).
    """

    stage: str
    message: str
    level: str = "error"
    source: str | None = None
    line: int | None = None
    article_id: str | None = None
    field: str | None = None
    value: str | None = None
    rule: str | None = None
    claim_ids: tuple[str, ...] = ()
    exception: str | None = None
    #: the feed entry (its number in the feed, 1-based) or PDF page the record is about
    entry: int | None = None
    page: int | None = None

    def to_dict(self) -> dict[str, Any]:
        d = dataclasses.asdict(self)
        d["claim_ids"] = list(self.claim_ids)
        return {k: v for k, v in d.items() if v not in (None, [])}

    def __str__(self) -> str:
        """``ingest error: file.csv:12 [article 123]: message`` (``feed.xml:entry 3``,
        ``report.pdf:page 2``)."""
        entry = None if self.entry is None else f"entry {self.entry}"
        page = None if self.page is None else f"page {self.page}"
        where = ":".join(str(p) for p in (self.source, self.line, entry, page) if p is not None)
        parts = [
            p
            for p in (
                where,
                self.article_id and f"[article {self.article_id}]",
                self.rule and f"[rule {self.rule}]",
            )
            if p
        ]
        head = f"{self.stage} {self.level}"
        return f"{head}: {' '.join(parts)}: {self.message}" if parts else f"{head}: {self.message}"


def _iso(d: dt.date | None) -> str | None:
    return d.isoformat() if d is not None else None


def parse_iso_date(v: Any) -> dt.date | None:
    """``None``/NaN/"" -> None; a date, datetime or ISO string -> date."""
    if v is None or v == "" or v != v:  # None, "", NaN, NaT
        return None
    if isinstance(v, dt.datetime):
        return v.date()
    if isinstance(v, dt.date):
        return v
    if hasattr(v, "date") and callable(v.date):  # pandas Timestamp
        return v.date()
    return dt.date.fromisoformat(str(v)[:10])


@dataclass(slots=True)
class CheckResult:
    """Everything one run produced: what the reports render and the JSON output holds.

    ``articles``/``claims`` are what this run was given (``new_article_ids`` their ids);
    ``context_articles`` are earlier (stored) articles that findings involve, so a report
    can show them too; ``rules`` maps each rule id that ran to its docstring.
    """

    articles: list[Article] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    errors: list[ErrorRecord] = field(default_factory=list)
    new_article_ids: set[str] = field(default_factory=set)
    rules: dict[str, str] = field(default_factory=dict)
    context_articles: list[Article] = field(default_factory=list)
    #: the incidents of the claims given (with report_all, of all stored claims): a list,
    #: or read back from the store when iterated (check(keep_inputs=False))
    incidents: Sequence[Incident] = field(default_factory=list)
    #: how many articles/claims were given when the lists are not kept (check(keep_inputs=False))
    n_articles: int | None = None
    n_claims: int | None = None

    @property
    def article_count(self) -> int:
        """Articles given in this run (kept in ``articles`` or only counted)."""
        return len(self.articles) if self.n_articles is None else self.n_articles

    @property
    def claim_count(self) -> int:
        """Claims of the articles given in this run."""
        return len(self.claims) if self.n_claims is None else self.n_claims

    def failing(self, level: str) -> list[Finding]:
        """The findings that fail a run at ``level`` (``--fail-on``): see :func:`failing`."""
        return failing(self.findings, level)

    def fails(self, level: str) -> bool:
        """Whether an open or confirmed finding reaches ``level`` ("low", "medium", "high";
        "never" never fails): exit status 1 (:mod:`checker.exitcodes`)."""
        return bool(self.failing(level))

    def to_dict(self) -> dict[str, Any]:
        """The ``--format json`` document of the spec."""
        return {
            "articles": self.article_count,
            "claims": self.claim_count,
            "findings": [f.to_dict() for f in self.findings],
            "errors": [e.to_dict() for e in self.errors],
            "incidents": [i.to_dict() for i in self.incidents],
        }


def failing(findings: Sequence[Finding], level: str) -> list[Finding]:
    """Open or confirmed findings at or above ``level`` (dismissed ones never count;
    "never" gives none)."""
    if level == "never":
        return []
    rank = SEVERITIES.index(level)
    return [
        f
        for f in findings
        if f.status != "dismissed"
        and f.severity in SEVERITIES
        and SEVERITIES.index(f.severity) >= rank
    ]


def _sig(x: float) -> float:
    """``x`` to 12 significant digits: 1.1 * 3,600,000 is 3,960,000, not 3,960,000.0000000005."""
    return float(f"{x:.12g}")


def interval_for(
    hedge: str, value: float, upper: float | None = None
) -> tuple[float | None, float | None]:
    """The (low, high) interval the spec gives a hedge (None = unbounded).

    exact [v, v]; at_least / more_than [v, None]; nearly [0.9v, v]; about [0.9v, 1.1v];
    up_to / less_than [0, v]; range [v, upper] (``upper`` None = unbounded, as "millions").
    """
    if hedge == "exact":
        return value, value
    if hedge in LOWER_BOUNDS:
        return value, None
    if hedge == "nearly":
        return _sig(0.9 * value), value
    if hedge == "about":
        return _sig(0.9 * value), _sig(1.1 * value)
    if hedge in ("up_to", "less_than"):
        return 0.0, value
    if hedge == "range":
        return value, upper
    raise ValueError(f"unknown hedge {hedge!r}; one of {', '.join(HEDGES)}")
