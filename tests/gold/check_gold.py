"""Check gold files against their articles: ``python tests/gold/check_gold.py [FILE|DIR...]``.

For each claims-gold file (tests/gold/{fakes,seeds,idmc,fakes_holdout,fakes_fresh,
fakes_fresh3,fakes_fresh4,fakes_fresh5,
fakes_fresh6,fakes_fresh7,fakes_fresh8}/*.yaml): the YAML
parses, every claim has the fields of tests/gold/README.md with allowed values, its surface
occurs in the article's title (in_title) or text, low/high follow the hedge as the spec
says, and part_of names the surface of another claim of the same article. For each
findings-gold file (tests/gold/findings/*.yaml): every claim's surface occurs in its
article, ids are unique, and every pair names two claims of the incident from two
different articles. Prints one line per problem; exit status 1 when there is one.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parents[2] / "shared" / "corpus"
if not CORPUS.is_dir():
    CORPUS = HERE.parents[1] / ".." / "shared" / "corpus"

CATEGORIES = {
    "killed", "injured", "displaced", "refugees", "detained", "missing", "evacuated",
    "besieged", "population", "attacks", "facilities", "combatants", "other",
}  # fmt: skip
HEDGES = {"exact", "at_least", "more_than", "about", "nearly", "up_to", "less_than", "range"}
UNITS = {"people", "households", "families", "homes", "facilities", "attacks"}
FIELDS = (
    "surface", "in_title", "value", "hedge", "low", "high", "category", "subject",
    "location", "region", "country", "unit", "part_of", "as_of", "period_start",
    "attribution", "modality", "scope", "quote",
)  # fmt: skip


def _articles() -> dict[str, tuple[str, str]]:
    """article id -> (title, text) for FA-KES, idmc-news and the bundled seeds."""
    out: dict[str, tuple[str, str]] = {}
    csv.field_size_limit(sys.maxsize)
    with (CORPUS / "fa-kes" / "FA-KES-Dataset.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            out.setdefault(row["unit_id"], (row["article_title"], row["article_content"]))
    with (CORPUS / "idmc-news" / "articles.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            out[d["id"]] = (d.get("title") or "", d.get("text") or "")
    for path in (HERE.parents[1] / "examples" / "idlib").glob("*.md"):
        raw = path.read_text(encoding="utf-8")
        if not raw.startswith("---"):
            continue  # the folder's README
        _, front, body = raw.split("---", 2)
        meta = yaml.safe_load(front)
        lines = body.strip("\n").split("\n", 1)
        out[str(meta["id"])] = (str(meta.get("title") or lines[0]), body)
    return out


def _interval_ok(c: dict[str, Any]) -> bool:
    v, lo, hi, h = c["value"], c["low"], c["high"], c["hedge"]
    want = {
        "exact": (v, v),
        "at_least": (v, None),
        "more_than": (v, None),
        "nearly": (round(0.9 * v, 6), v),
        "about": (round(0.9 * v, 6), round(1.1 * v, 6)),
        "up_to": (0, v),
        "less_than": (0, v),
    }.get(h)
    if want is None:  # range
        return lo is not None and (hi is None or lo <= hi)
    norm = (None if lo is None else round(float(lo), 6), None if hi is None else round(float(hi), 6))
    return norm == tuple(None if x is None else round(float(x), 6) for x in want)


def check_claims_file(path: Path, articles: dict[str, tuple[str, str]]) -> list[str]:
    problems: list[str] = []
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    aid = str(doc.get("article_id"))
    if aid not in articles:
        return [f"{path}: article_id {aid} is not in the corpus"]
    title, text = articles[aid]
    surfaces = {(bool(c.get("in_title")), str(c.get("surface"))) for c in doc.get("claims") or []}
    for i, c in enumerate(doc.get("claims") or [], 1):
        where = f"{path}: claim {i} ({c.get('surface')!r})"
        missing = [f for f in FIELDS if f not in c]
        if missing:
            problems.append(f"{where}: missing {missing}")
            continue
        if c["category"] not in CATEGORIES:
            problems.append(f"{where}: category {c['category']!r}")
        if c["hedge"] not in HEDGES:
            problems.append(f"{where}: hedge {c['hedge']!r}")
        if c["unit"] not in UNITS:
            problems.append(f"{where}: unit {c['unit']!r}")
        if c["modality"] not in ("reported", "projected", "denied"):
            problems.append(f"{where}: modality {c['modality']!r}")
        if c["scope"] not in ("event", "cumulative"):
            problems.append(f"{where}: scope {c['scope']!r}")
        for k in ("as_of", "period_start"):
            if c[k] is not None and not isinstance(c[k], dt.date):
                problems.append(f"{where}: {k} {c[k]!r} is not a date")
        hay = title if c["in_title"] else text
        if str(c["surface"]) not in hay:
            problems.append(f"{where}: surface not found in the {'title' if c['in_title'] else 'text'}")
        if not _interval_ok(c):
            problems.append(f"{where}: low/high {c['low']}/{c['high']} do not follow hedge {c['hedge']}")
        if c["part_of"] is not None and (bool(c["in_title"]), str(c["part_of"])) not in surfaces:
            problems.append(f"{where}: part_of {c['part_of']!r} is no other claim's surface")
    return problems


def check_findings_file(path: Path, articles: dict[str, tuple[str, str]]) -> list[str]:
    problems: list[str] = []
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    labels = set()
    for inc in doc.get("incidents") or []:
        where = f"{path}: incident {inc.get('label')!r}"
        if inc.get("label") in labels:
            problems.append(f"{where}: label repeats")
        labels.add(inc.get("label"))
        claims = {}
        for c in inc.get("claims") or []:
            cid = c.get("id")
            if cid in claims:
                problems.append(f"{where}: claim id {cid!r} repeats")
            claims[cid] = c
            aid = str(c.get("article_id"))
            if aid not in articles:
                problems.append(f"{where}: claim {cid}: article {aid} not in FA-KES")
                continue
            title, text = articles[aid]
            if str(c.get("surface")) not in (title if c.get("in_title") else text):
                problems.append(f"{where}: claim {cid}: surface {c.get('surface')!r} not found")
        for p in inc.get("pairs") or []:
            a, b = claims.get(p.get("a")), claims.get(p.get("b"))
            if a is None or b is None:
                problems.append(f"{where}: pair {p} names an unknown claim")
            elif str(a["article_id"]) == str(b["article_id"]):
                problems.append(f"{where}: pair {p} is inside one article")
            if p.get("label") not in ("conflict", "update", "down"):
                problems.append(f"{where}: pair {p} label {p.get('label')!r}")
    return problems


def main(argv: list[str]) -> int:
    articles = _articles()
    targets = [Path(a) for a in argv] or [HERE]
    files = [f for t in targets for f in (sorted(t.rglob("*.yaml")) if t.is_dir() else [t])]
    problems: list[str] = []
    for f in files:
        try:
            check = check_findings_file if f.parent.name == "findings" else check_claims_file
            problems += check(f, articles)
        except Exception as exc:  # a file that does not parse is a problem to report
            problems.append(f"{f}: {type(exc).__name__}: {exc}")
    for p in problems:
        print(p)
    print(f"{len(files)} files, {len(problems)} problems", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
