"""Score findings against the hand-annotated incidents of FA-KES events (tests/gold/findings/).

The gold (``tests/gold/findings/README.md``) lists, for each of the 80 multi-outlet events of
``../shared/corpus/fa-kes/dev-events.csv``, its incidents, every figure of each, and the
pairs of figures that conflict or are updates (every other pair of an incident is
consistent; figures of different incidents never pair). ``checker eval --findings`` runs
``checker check`` over the articles of the events of a split (dev, or holdout at the end)
and compares, pair by pair:

- a **conflict** is a finding of kind ``conflict`` between two claims; it is right when the
  gold labels that pair of figures a conflict, wrong otherwise (another label, figures of
  two incidents, or a figure the gold does not list in any incident);
- an **update** is a pair of successive claims of a ``toll_updated`` finding's timeline.

A gold figure is matched to the extracted claim whose words it covers (same article, title
or body, the occurrence of its surface in the sentence most like its quote). Pairs are also
counted once per pair of articles and incident ("by article pair"), since one disagreement
repeated over several figures of two articles is one thing a fact-checker checks.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from checker.records import Article, CheckResult, Claim

_EPOCH = dt.date.min


@dataclass(frozen=True, slots=True)
class GoldFigure:
    event: str
    incident: str
    cid: str
    article_id: str
    in_title: bool
    surface: str
    quote: str
    value: float = 0.0
    category: str = ""

    @property
    def key(self) -> str:
        return f"{self.event}/{self.incident}/{self.cid}"

    @property
    def figure(self) -> tuple[str, str, float, str]:
        """What the article states, whichever sentence repeats it: (incident, article,
        value, category)."""
        return (f"{self.event}/{self.incident}", self.article_id, self.value, self.category)


@dataclass
class GoldEvent:
    stem: str
    split: str
    unit_ids: list[str]
    figures: list[GoldFigure] = field(default_factory=list)
    #: frozenset of two figure keys -> label (conflict, update, down)
    labels: dict[frozenset[str], str] = field(default_factory=dict)


def load_events(gold_dir: Path, splits: Sequence[str]) -> list[GoldEvent]:
    """The annotated events of ``splits`` (dev, holdout) in ``gold_dir/findings``."""
    folder = Path(gold_dir) / "findings"
    events: list[GoldEvent] = []
    for line in (folder / "events.txt").read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        stem, split, _, _, ids = line.split("\t")
        if split not in splits:
            continue
        ev = GoldEvent(stem, split, ids.split())
        path = folder / f"{stem}.yaml"
        if path.is_file():
            _read_event(ev, yaml.safe_load(path.read_text(encoding="utf-8")) or {})
        events.append(ev)
    return events


def _read_event(ev: GoldEvent, doc: Mapping[str, Any]) -> None:
    for inc in doc.get("incidents") or []:
        label = str(inc.get("label"))
        for c in inc.get("claims") or []:
            ev.figures.append(
                GoldFigure(
                    ev.stem,
                    label,
                    str(c["id"]),
                    str(c["article_id"]),
                    bool(c.get("in_title")),
                    str(c["surface"]),
                    str(c.get("quote") or ""),
                    float(c.get("value") or 0),
                    str(inc.get("category") or ""),
                )
            )
        for p in inc.get("pairs") or []:
            a, b = f"{ev.stem}/{label}/{p['a']}", f"{ev.stem}/{label}/{p['b']}"
            ev.labels[frozenset((a, b))] = str(p["label"])


def match_figures(
    figures: Iterable[GoldFigure], articles: Mapping[str, Article], claims: Sequence[Claim]
) -> dict[str, str]:
    """gold figure key -> claim_id of the extracted claim covering its words."""
    by_article: dict[tuple[str, bool], list[Claim]] = defaultdict(list)
    for c in claims:
        by_article[(c.article_id, c.in_title)].append(c)
    out: dict[str, str] = {}
    for g in figures:
        art = articles.get(g.article_id)
        if art is None:
            continue
        text = art.title if g.in_title else art.text
        spans = [m.start() for m in re.finditer(re.escape(g.surface), text)]
        if not spans:
            continue
        start = max(spans, key=lambda s: _likeness(g.quote, text, s))
        end = start + len(g.surface)
        hits = [
            c for c in by_article[(g.article_id, g.in_title)] if c.start < end and start < c.end
        ]
        if hits:
            out[g.key] = min(hits, key=lambda c: abs(c.start - start)).claim_id
    return out


def _likeness(quote: str, text: str, at: int) -> float:
    words = set(re.findall(r"[a-z0-9]+", quote.lower()))
    near = set(re.findall(r"[a-z0-9]+", text[max(0, at - 200) : at + 200].lower()))
    return len(words & near) / (len(words) or 1)


@dataclass
class PairScore:
    """Precision and recall of one kind of pair, by figure and by article pair."""

    found: int = 0  #: system pairs
    right: int = 0  #: system pairs the gold labels so
    gold: int = 0  #: gold pairs of that label
    recalled: int = 0  #: gold pairs the system found
    found_ap: int = 0
    right_ap: int = 0
    gold_ap: int = 0
    recalled_ap: int = 0
    wrong: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)

    @staticmethod
    def _ratio(a: int, b: int) -> float:
        return a / b if b else 1.0

    @property
    def precision(self) -> float:
        return self._ratio(self.right, self.found)

    @property
    def recall(self) -> float:
        return self._ratio(self.recalled, self.gold)

    @property
    def precision_ap(self) -> float:
        return self._ratio(self.right_ap, self.found_ap)

    @property
    def recall_ap(self) -> float:
        return self._ratio(self.recalled_ap, self.gold_ap)


@dataclass
class FindingsReport:
    events: int
    articles: int
    figures: int
    matched: int
    conflicts: PairScore
    updates: PairScore


def score(events: Sequence[GoldEvent], result: CheckResult) -> FindingsReport:
    """Compare a check's findings with the gold of ``events`` (see the module docstring).

    Pairs are counted by figure: what one article states (its value for one incident),
    whichever of its sentences repeats it; and by article pair (one per two articles and
    incident)."""
    articles = {a.article_id: a for a in result.articles}
    figures = [f for ev in events for f in ev.figures]
    by_key = {f.key: f for f in figures}
    stated: dict[tuple[str, float, str], set[str]] = defaultdict(set)  # -> gold incidents
    for f in figures:
        stated[(f.article_id, f.value, f.category)].add(f"{f.event}/{f.incident}")
    matched = match_figures(figures, articles, result.claims)
    event_of_article = {aid: ev.stem for ev in events for aid in ev.unit_ids}
    gold_pairs: dict[str, set[frozenset[tuple[str, str, float, str]]]] = defaultdict(set)
    for ev in events:
        for keys, label in ev.labels.items():
            ga, gb = (by_key.get(k) for k in sorted(keys))
            if ga is not None and gb is not None and ga.figure != gb.figure:
                gold_pairs[label].add(frozenset((ga.figure, gb.figure)))
    claims = {c.claim_id: c for c in result.claims}
    # a copy's figures are its original's: the system pairs one of them, the gold either
    root = {a.article_id: a.copy_of or a.article_id for a in result.articles}
    group: dict[str, set[str]] = defaultdict(set)
    for aid, r in root.items():
        group[r].add(aid)

    def same_text(aid: str) -> set[str]:
        return group.get(root.get(aid, aid), {aid}) | {aid}

    def incidents_stated(c: Claim) -> set[tuple[str, str]]:
        return {
            (inc, aid)
            for aid in same_text(c.article_id)
            for inc in stated.get((aid, c.value, c.category), set())
        }

    system: dict[str, set[frozenset[str]]] = {"conflict": set(), "update": set()}
    for finding in result.findings:
        ids = [c.claim_id for c in finding.claims]
        if finding.kind == "conflict" and len(ids) == 2:
            system["conflict"].add(frozenset(ids))
        elif finding.kind == "toll_updated":
            for x in finding.claims:  # each earlier figure a later, higher one overtook
                for y in finding.claims:
                    later = (y.reported or y.published or _EPOCH) > (
                        x.reported or x.published or _EPOCH
                    )
                    if later and x.high is not None and y.low is not None and x.high < y.low:
                        system["update"].add(frozenset((x.claim_id, y.claim_id)))
    out = {}
    for kind in ("conflict", "update"):
        s = PairScore()
        found: set[frozenset[tuple[str, str]]] = set()
        right: set[frozenset[tuple[str, str]]] = set()
        found_ap: set[tuple[str, ...]] = set()
        right_ap: set[tuple[str, ...]] = set()
        recalled: set[frozenset[tuple[str, str, float, str]]] = set()
        for pair in system[kind]:
            ca, cb = (claims.get(x) for x in sorted(pair))
            if ca is None or cb is None:
                continue
            stem = event_of_article.get(ca.article_id)
            if stem is None or stem != event_of_article.get(cb.article_id):
                continue  # not within one annotated event
            hits = [
                frozenset(((ia, aa, ca.value, ca.category), (ib, ab, cb.value, cb.category)))
                for ia, aa in incidents_stated(ca)
                for ib, ab in incidents_stated(cb)
                if ia == ib
            ]
            good = [h for h in hits if h in gold_pairs[kind]]
            key = frozenset(((ca.article_id, str(ca.value)), (cb.article_id, str(cb.value))))
            ap = (stem, *sorted((ca.article_id, cb.article_id)))
            if key in found:
                continue
            found.add(key)
            found_ap.add(ap)
            if good:
                right.add(key)
                right_ap.add(ap)
                recalled.update(good)
            else:
                s.wrong.append(f"{stem}: {_show(ca)} / {_show(cb)}")
        s.found, s.right = len(found), len(right)
        s.found_ap, s.right_ap = len(found_ap), len(right_ap)
        s.gold, s.recalled = len(gold_pairs[kind]), len(recalled)
        gold_ap = {(p_inc, *sorted(x[1] for x in p)) for p in gold_pairs[kind] for p_inc in
                   [next(iter(p))[0]]}  # fmt: skip
        rec_ap = {(p_inc, *sorted(x[1] for x in p)) for p in recalled for p_inc in
                  [next(iter(p))[0]]}  # fmt: skip
        s.gold_ap, s.recalled_ap = len(gold_ap), len(rec_ap)
        for p in sorted(gold_pairs[kind] - recalled, key=str):
            xa, xb = sorted(p)
            extracted = all(
                any(k in matched for k in (g.key for g in figures if g.figure == x)) for x in p
            )
            s.missed.append(
                f"{xa[0]}: {xa[2]:g} ({xa[1]}) / {xb[2]:g} ({xb[1]})"
                + ("" if extracted else " [figure not extracted]")
            )
        out[kind] = s
    return FindingsReport(
        events=len(events),
        articles=len(articles),
        figures=len({f.figure for f in figures}),
        matched=len(matched),
        conflicts=out["conflict"],
        updates=out["update"],
    )


def _show(c: Claim) -> str:
    return f"{c.outlet} {c.surface!r} {c.category} {c.subject} @{c.location} ({c.article_id})"


def evaluate_findings(
    gold_dir: Path, corpus_csv: Path, splits: Sequence[str] = ("dev",), jobs: int = 1
) -> FindingsReport:
    """Check the articles of the annotated events of ``splits`` and score the findings."""
    from checker.ingest import IngestOptions, read_articles

    events = load_events(gold_dir, splits)
    wanted = {aid for ev in events for aid in ev.unit_ids}
    articles = [
        a
        for a in read_articles([Path(corpus_csv)], IngestOptions())
        if isinstance(a, Article) and a.article_id in wanted
    ]
    result = check_articles(articles, jobs)
    return score(events, result)


def check_articles(articles: Sequence[Article], jobs: int = 1) -> CheckResult:
    """``checker check`` of these articles alone, in a store of its own (memory)."""
    from checker.pipeline import check_articles as run

    return run(articles, store=":memory:", jobs=jobs, report_all=True)


def format_findings(report: FindingsReport, details: bool = False) -> str:
    lines = [
        f"events: {report.events}   articles: {report.articles}   gold figures: "
        f"{report.figures} (matched to claims: {report.matched})",
    ]
    for name, s in (("conflicts", report.conflicts), ("updates", report.updates)):
        lines.append(
            f"{name:<10} precision {s.precision:.3f} ({s.right}/{s.found})   recall "
            f"{s.recall:.3f} ({s.recalled}/{s.gold})   by article pair: precision "
            f"{s.precision_ap:.3f} ({s.right_ap}/{s.found_ap}), recall {s.recall_ap:.3f} "
            f"({s.recalled_ap}/{s.gold_ap})"
        )
    if details:
        for name, s in (("conflicts", report.conflicts), ("updates", report.updates)):
            lines += [f"\n## {name}: wrong"] + [f"  {w}" for w in s.wrong]
            lines += [f"## {name}: missed"] + [f"  {m}" for m in s.missed]
    return "\n".join(lines)
