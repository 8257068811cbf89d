"""Fuzz every input format, extraction and the reports with hostile input, for a number
of inputs or a time budget.

    python benchmarks/fuzz_hostile.py [--inputs 100000] [--seconds S] [--seed N] [--jobs 2]
                                      [--crashers DIR]

Where ``fuzz_ingest.py`` mutates real files byte by byte, this builds inputs from what broke
main in issue 13 and more of its kind: lone surrogates, 5,000-digit numbers, "1,000,000..."
past a float, number words and hyphens and spaces and stops in long runs, repeated date
lines, bidi overrides, terminal escapes, Rich markup, spreadsheet formulas, bare URLs, HTML,
NUL bytes and odd line ends -- in every field of .jsonl, .json, .csv, .md (front matter) and
.txt files, mixed with real seed sentences. For each input:

* ingestion yields Articles and ErrorRecords only (no exception, no internal error);
* each article is extracted within the per-article budget (``--budget``, default 1 s of
  CPU time; over it is a crasher), with sound claims;
* every so often (``--check-every``) the input goes through ``checker.pipeline.check``
  (store, rules) and every report format (json, html, md, junit, the claims' csv and
  jsonl) is written: none may raise.

An input that breaks one of those rules is a crasher, saved (named by its digest, with its
ending) to tests/fuzz_crashers/, which tests/test_fuzz_hostile.py replays. Prints how many
inputs ran, how fast, and the crashers.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import multiprocessing
import random
import sys
import tempfile
import time
import traceback
from collections import Counter
from pathlib import Path

from checker.budget import time_limit
from checker.engine import runner
from checker.errors import BudgetExceeded
from checker.ingest import IngestOptions, read_articles
from checker.pipeline import check
from checker.records import Article, ErrorRecord
from checker.report import write_check, write_claims
from checker.run.parallel import extract_one

REPO = Path(__file__).resolve().parents[1]
CRASHERS = REPO / "tests" / "fuzz_crashers"
FORMATS = (".jsonl", ".json", ".csv", ".md", ".txt")
OPTIONS_TODAY = "2024-01-31"
#: seconds of wall time one input may take in all (ingest, extract, check): a hang
INPUT_TIMEOUT = 20.0

SENTENCES = [
    "At least 26 civilians were killed in an air strike on Idlib on Tuesday, a monitor said.",
    "More than 150,000 people have been displaced since April 28, the United Nations says.",
    "The Syrian Observatory for Human Rights said 12 children were among the dead.",
    "Turkey hosts some 3.6 million Syrian refugees.",
    "Seventy-six people were wounded, including 11 women, according to the civil defence.",
    "Mon, 24 Jun 2019",
    "Between 20 and 30 fighters died in clashes near Aleppo last week.",
    "Russia denied that 30 civilians were killed.",
    "Up to 900,000 people could flee towards the Turkish border.",
    "Dozens of people were killed and hundreds wounded in Douma.",
]
HOSTILE = [
    "\ud800",
    "\udfff",
    "\ud83d",
    "\u202e",
    "\u202d",
    "\u2066",
    "\u200f",
    "\x1b[31m",
    "\x1b]8;;https://evil.example\x1b\\",
    "\x07",
    "\x00",
    "\r",
    "\r\n",
    "\u2028",
    "\x85",
    "[/bold]",
    "[link=https://evil.example]x[/link]",
    '=HYPERLINK("https://evil.example")',
    "+cmd|' /C calc'!A0",
    "@SUM(1)",
    "-2+3",
    "https://evil.example/a?b=1|c",
    "www.evil.example",
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(2)>",
    "&amp;",
    "&#0;",
    "`",
    "|",
    "*",
    "_",
    "#",
    "@user",
    "1e999",
    "NaN",
    "-0",
    "9" * 5000,
    "1" + ",000" * 103,
    "one " + "hundred " * 50,
    "1-" * 300,
    " " * 3000,
    "." * 2000,
    "5 " * 2000 + "%",
    "Mon, 24 Jun 2019\n" * 50,
    "killed " * 300,
    "said " * 300,
    "A " * 500,
    "Aleppo and " * 80,
    "\t",
    "\v",
    "\f",
    "'",
    '"',
    "\\",
    "---",
    "...",
    "{",
    "}",
    "[",
    "]",
    ":",
    ",",
]
UNITS = [
    "5 ",
    "killed ",
    "said ",
    "1-",
    " ",
    ".",
    "hundred ",
    "Mon, 24 Jun 2019\n",
    "5%",
    "A ",
    "in Aleppo and ",
    "including 3 children ",
    "he said ",
    "according to Hitto ",
    "U.N. ",
    "Related ",
    "Views 5 ",
    "SEE ALSO: x\n",
    "on Monday ",
    "since April ",
    "(",
    ")",
    "-",
    ",",
    "no deaths ",
    "tens of thousands ",
    "between 5 and 6 ",
    "1,000,",
    "Syria's ",
    "which ",
]


def hostile_text(rng: random.Random, size: int = 4000) -> str:
    """Seed sentences, hostile pieces and long runs of one unit, up to about ``size``."""
    parts: list[str] = []
    total = 0
    while total < size:
        pick = rng.random()
        if pick < 0.35:
            part = rng.choice(SENTENCES) + " "
        elif pick < 0.7:
            part = rng.choice(HOSTILE)
        else:
            part = rng.choice(UNITS) * rng.randint(2, max(2, size // 8))
        parts.append(part[: size - total + 10])
        total += len(parts[-1])
    return "".join(parts)


def hostile_value(rng: random.Random) -> object:
    pick = rng.random()
    if pick < 0.55:
        return hostile_text(rng, rng.choice((20, 200, 2000)))
    if pick < 0.65:
        return rng.choice([None, True, 0, -1, 10**30, 1.5, float("inf"), [], {}, [1, "x"]])
    if pick < 0.8:
        return rng.choice(["2019-06-24", "2099-01-01", "31.31.2017", "4/5/2017", "yesterday", ""])
    return rng.choice(HOSTILE)


FIELDS = ["id", "outlet", "published", "title", "text", "url", "location", "source", "body"]


def record(rng: random.Random) -> dict[str, object]:
    rec: dict[str, object] = {"text": hostile_text(rng, rng.choice((100, 400, 1500, 6000)))}
    for name in rng.sample(FIELDS, rng.randint(1, len(FIELDS))):
        rec[name] = hostile_value(rng)
    if rng.random() < 0.1:
        rec[rng.choice(HOSTILE)] = hostile_value(rng)  # a hostile key
    return rec


def _json_text(value: object, rng: random.Random) -> str:
    text = json.dumps(value, ensure_ascii=rng.random() < 0.5, default=str)
    return text.replace("Infinity", "1e999") if rng.random() < 0.5 else text


def make_input(fmt: str, rng: random.Random) -> bytes:
    """One hostile input in format ``fmt`` (an ending of :data:`FORMATS`)."""
    records = [record(rng) for _ in range(rng.randint(1, 4))]
    if fmt == ".jsonl":
        lines = [_json_text(r, rng) for r in records]
        if rng.random() < 0.3:
            lines.insert(rng.randrange(len(lines) + 1), '{"id": ' + "9" * 5000 + "}")
        text = "\n".join(lines) + "\n"
    elif fmt == ".json":
        text = _json_text(records if rng.random() < 0.8 else records[0], rng)
    elif fmt == ".csv":
        out = io.StringIO()
        names = sorted({k for r in records for k in r})
        import csv

        writer = csv.writer(out, lineterminator=rng.choice(["\n", "\r\n"]))
        writer.writerow(names)
        for r in records:
            writer.writerow(["" if r.get(n) is None else str(r.get(n)) for n in names])
        text = out.getvalue()
    else:
        meta = records[0]
        body = str(meta.pop("text"))
        if fmt == ".md" and rng.random() < 0.8:
            front = "".join(
                f"{k}: {json.dumps(v, default=str)}\n"
                for k, v in meta.items()
                if isinstance(v, str | int | float | type(None))
            )
            text = f"---\n{front}---\n{body}\n"
        else:
            text = f"{hostile_text(rng, 100)}\n{body}\n"
    data = text.encode("utf-8", "surrogatepass")  # a lone surrogate: bytes that are not UTF-8
    if rng.random() < 0.05:
        data = data.replace(b"\n", rng.choice([b"\r", b"\x00\n", b"\r\n"]))
    return data


def warm_up() -> None:
    """Load what extraction loads on first use (quantulum3, dateparser's data): its time is
    not an article's."""
    extract_one(Article("warm", "x", None, "Seventy-six", " ".join(SENTENCES)))


def claim_problems(article: Article, budget: float) -> list[str]:
    """Extraction within ``budget`` CPU seconds, with sound claims (and never raising)."""
    spent = float("inf")
    for _ in range(2):  # over the budget once may be a library loading data on first use
        # the extracting thread's CPU time, not the process's: a test worker's other threads
        # (a dask client, a model loading) are no article's (2.36 "s" for a 0.2 s text in CI)
        started = time.thread_time()
        result = extract_one(article, timeout=max(budget * 10, 5.0))
        spent = min(spent, time.thread_time() - started)
        if spent <= budget:
            break
    found: list[str] = []
    if spent > budget:
        found.append(f"extraction took {spent:.2f} s of CPU ({len(article.text):,} characters)")
    if isinstance(result, ErrorRecord):
        return [*found, f"extraction failed: {result.message}"]
    for c in result:
        source = article.title if c.in_title else article.text
        if source[c.start : c.end] != c.surface:
            found.append(f"claim {c.surface!r} does not point at its words")
        if not (c.value == c.value and 0 <= c.value < float("inf")):
            found.append(f"claim {c.surface!r} has value {c.value!r}")
        if (c.low is not None and c.low > c.value) or (c.high is not None and c.high < c.value):
            found.append(f"claim {c.surface!r}: {c.value} outside [{c.low}, {c.high}]")
    return found


def run_one(path: Path, *, budget: float = 1.0, full: bool = False) -> list[str]:
    """Everything wrong with ``path`` (empty when all is sound); ``full`` also checks it
    into a store with the rules and writes every report."""
    found: list[str] = []
    options = IngestOptions(today=__import__("datetime").date.fromisoformat(OPTIONS_TODAY))
    try:
        with time_limit(INPUT_TIMEOUT, f"fuzzing {path.name}"):
            records = list(read_articles([path], options))
            if not records:
                found.append("nothing yielded: neither articles nor a recorded error")
            for r in records:
                if isinstance(r, ErrorRecord):
                    if r.exception is not None:
                        found.append(f"internal error: {r.message}")
                    json.dumps(r.to_dict(), ensure_ascii=False).encode("utf-8")
                else:
                    r.text.encode("utf-8"), r.outlet.encode("utf-8"), r.article_id.encode()
                    found.extend(claim_problems(r, budget))
            if full:
                found.extend(_full(path, options))
    except BudgetExceeded as exc:
        found.append(f"hung: {exc}")
    except Exception as exc:  # a crash is what the fuzzer looks for
        found.append(f"raised {type(exc).__name__}: {exc}\n{traceback.format_exc()[-1500:]}")
    return found


#: rule-stage errors that are known limits of the matching engine being replaced (not
#: counted as crashers, but counted): pairs built too slowly, a date compared with None
KNOWN: Counter[str] = Counter()


def _full(path: Path, options: IngestOptions) -> list[str]:
    result = check([path], store=":memory:", options=options, jobs=1)
    found = []
    for e in result.errors:
        if not e.exception:
            continue
        if e.stage == "rule" and "subjects of these" in e.message:
            KNOWN["matching: " + e.exception.split(":")[0]] += 1
        else:
            found.append(f"check recorded an internal error: {e}")
    for fmt in ("json", "html", "md", "junit"):
        out = io.StringIO()
        write_check(result, fmt, out)
        out.getvalue().encode("utf-8")
    for fmt in ("csv", "jsonl"):
        write_claims(result.claims, fmt, io.StringIO())
    return found


def _worker(
    args: tuple[int, int, float, int, float, float],
) -> tuple[Counter[str], dict[str, list[str]], Counter[str]]:
    seed, count, seconds, check_every, budget, subject_budget = args
    runner.SUBJECT_TIMEOUT = subject_budget
    warm_up()
    rng = random.Random(seed)
    counts: Counter[str] = Counter()
    crashers: dict[str, list[str]] = {}
    saved: dict[str, bytes] = {}
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        n = 0
        while n < count and time.perf_counter() - started < seconds:
            fmt = rng.choice(FORMATS)
            data = make_input(fmt, rng)
            path = Path(tmp) / f"input{fmt}"
            path.write_bytes(data)
            found = run_one(path, budget=budget, full=check_every > 0 and n % check_every == 0)
            counts[fmt] += 1
            n += 1
            if found:
                name = hashlib.sha1(data).hexdigest()[:16] + fmt
                crashers.setdefault(name, found)
                saved[name] = data
    for name, data in saved.items():
        (CRASHERS_DIR / name).write_bytes(data)
    return counts, crashers, KNOWN


CRASHERS_DIR = CRASHERS


def main(argv: list[str] | None = None) -> int:
    global CRASHERS_DIR
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--inputs", type=int, default=100_000, help="inputs to try (100,000)")
    parser.add_argument("--seconds", type=float, default=float("inf"), help="or stop after")
    parser.add_argument("--seed", type=int, default=None, help="random seed (default: time)")
    parser.add_argument("--jobs", type=int, default=1, help="processes (default 1)")
    parser.add_argument("--check-every", type=int, default=50, help="full check every N")
    parser.add_argument("--budget", type=float, default=1.0, help="CPU s per article (1)")
    parser.add_argument("--crashers", type=Path, default=CRASHERS, help="where to save them")
    parser.add_argument(
        "--subject-budget", type=float, default=5.0, help="s to build a part's pairs (5)"
    )
    args = parser.parse_args(argv)
    CRASHERS_DIR = args.crashers
    CRASHERS_DIR.mkdir(parents=True, exist_ok=True)
    seed = args.seed if args.seed is not None else int(time.time())
    share = -(-args.inputs // args.jobs)
    tasks = [
        (seed * 1000 + i, share, args.seconds, args.check_every, args.budget, args.subject_budget)
        for i in range(args.jobs)
    ]
    started = time.perf_counter()
    if args.jobs > 1:
        with multiprocessing.get_context("fork").Pool(args.jobs) as pool:
            results = pool.map(_worker, tasks)
    else:
        results = [_worker(tasks[0])]
    elapsed = time.perf_counter() - started
    counts: Counter[str] = Counter()
    crashers: dict[str, list[str]] = {}
    known: Counter[str] = Counter()
    for c, k, n in results:
        counts.update(c)
        crashers.update(k)
        known.update(n)
    for name, found in sorted(crashers.items()):
        print(f"CRASHER {name}: {found[0].splitlines()[0][:300]}")
    total = sum(counts.values())
    print(
        f"seed {seed}: {total:,} inputs in {elapsed:.0f} s ({total / elapsed:.0f}/s, "
        f"{args.jobs} process(es)) [{', '.join(f'{k} {v:,}' for k, v in sorted(counts.items()))}]"
        f"; {len(crashers)} crashers"
        + (f" saved to {CRASHERS_DIR}" if crashers else "")
        + (f"; known limits of matching: {dict(known)}" if known else "")
    )
    return 1 if crashers else 0


if __name__ == "__main__":
    sys.exit(main())
