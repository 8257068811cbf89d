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

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from checker.records import Article, CheckResult, Claim

Key = tuple[str, str]  # (event stem, gold claim id within the incident: "label/id")


@dataclass(frozen=True, slots=True)
class GoldFigure:
    event: str
    incident: str
    cid: str
    article_id: str
    in_title: bool
    surface: str
    quote: str

    @property
    def key(self) -> str:
        return f"{self.event}/{self.incident}/{self.cid}"


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
        hits = [c for c in by_article[(g.article_id, g.in_title)] if c.start < end and start < c.end]
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
    """Compare a check's findings with the gold of ``events`` (see the module docstring)."""
    articles = {a.article_id: a for a in result.articles}
    figures = [f for ev in events for f in ev.figures]
    gold_of = match_figures(figures, articles, result.claims)
    claim_gold: dict[str, list[str]] = defaultdict(list)
    for key, cid in gold_of.items():
        claim_gold[cid].append(key)
    event_of_article = {aid: ev.stem for ev in events for aid in ev.unit_ids}
    labels = {k: v for ev in events for k, v in ev.labels.items()}
    figure = {f.key: f for f in figures}
    system: dict[str, set[frozenset[str]]] = {"conflict": set(), "update": set()}
    for f in result.findings:
        ids = [c.claim_id for c in f.claims]
        if f.kind == "conflict" and len(ids) == 2:
            system["conflict"].add(frozenset(ids))
        elif f.kind == "toll_updated":
            for a, b in zip(ids, ids[1:], strict=False):
                system["update"].add(frozenset((a, b)))
    claims = {c.claim_id: c for c in result.claims}
    out = {}
    for kind in ("conflict", "update"):
        s = PairScore()
        right_ap: set[tuple[str, ...]] = set()
        found_ap: set[tuple[str, ...]] = set()
        for pair in system[kind]:
            a, b = sorted(pair)
            ca, cb = claims.get(a), claims.get(b)
            if ca is None or cb is None:
                continue
            ev_a, ev_b = event_of_article.get(ca.article_id), event_of_article.get(cb.article_id)
            if ev_a is None or ev_a != ev_b:
                continue  # not within one annotated event
            s.found += 1
            keys = [(ka, kb) for ka in claim_gold.get(a, []) for kb in claim_gold.get(b, [])]
            good = any(labels.get(frozenset(k)) == kind for k in keys)
            ap = (ev_a, *sorted((ca.article_id, cb.article_id)))
            found_ap.add(ap)
            if good:
                s.right += 1
                right_ap.add(ap)
            else:
                s.wrong.append(f"{ev_a}: {_show(ca)} / {_show(cb)}")
        s.found_ap, s.right_ap = len(found_ap), len(right_ap)
        gold_ap: set[tuple[str, ...]] = set()
        recalled_ap: set[tuple[str, ...]] = set()
        for pair_keys, label in labels.items():
            if label != kind:
                continue
            ka, kb = sorted(pair_keys)
            fa, fb = figure.get(ka), figure.get(kb)
            if fa is None or fb is None:
                continue
            s.gold += 1
            ap = (fa.event, fa.incident, *sorted((fa.article_id, fb.article_id)))
            gold_ap.add(ap)
            ca, cb = gold_of.get(ka), gold_of.get(kb)
            if ca is not None and cb is not None and frozenset((ca, cb)) in system[kind]:
                s.recalled += 1
                recalled_ap.add(ap)
            else:
                s.missed.append(f"{fa.event}/{fa.incident}: {fa.surface!r} ({fa.article_id}) / "
                                f"{fb.surface!r} ({fb.article_id})"
                                + ("" if ca and cb else " [figure not extracted]"))  # fmt: skip
        s.gold_ap, s.recalled_ap = len(gold_ap), len(recalled_ap)
        out[kind] = s
    return FindingsReport(
        events=len(events),
        articles=len(articles),
        figures=len(figures),
        matched=len(gold_of),
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
    from checker.pipeline import check

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
