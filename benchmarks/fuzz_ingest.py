"""Fuzz ingestion and extraction: random mutations of real corpus files, for a time budget.

    python benchmarks/fuzz_ingest.py [--seconds 60] [--seed N] [--crashers DIR]

Each input is a real file (the seeds as .txt and .md, FA-KES rows as .csv, .jsonl and
.json, and as an outlet's .html page, RSS and Atom feeds and a .pdf report) mutated at
random: bytes flipped, inserted, deleted, duplicated, spliced from another
file, re-encoded, cut short, with quotes, delimiters, line ends, front matter, JSON
punctuation, NUL and non-UTF-8 bytes thrown in. Sometimes the mutant is given another
format's ending. Ingestion must yield Articles and ErrorRecords only, never raise, never
report an internal error, never hang (10 s per input), and every Article must be sound;
extraction of every Article must not raise, and every claim must point at its own words
with its value inside its interval.

An input that breaks one of those rules is a crasher: saved (named by its digest, with its
ending) to tests/fuzz_crashers/, which tests/test_ingest_fuzz_regressions.py replays.
Prints how many inputs ran, how fast, and the crashers.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import hashlib
import io
import json
import random
import signal
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from types import FrameType

from checker.extract import extract_claims
from checker.ingest import IngestOptions, read_articles
from checker.records import Article, ErrorRecord

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / ".." / "shared" / "corpus"
CRASHERS = REPO / "tests" / "fuzz_crashers"
SUFFIXES = (".txt", ".md", ".json", ".jsonl", ".csv", ".html", ".xml", ".atom", ".pdf")
#: The options every fuzz input (and every replay) is read with.
OPTIONS = IngestOptions(today=dt.date(2024, 1, 31), max_text_chars=5_000)
TIMEOUT_SECONDS = 10

FRAGMENTS = [
    b",",
    b";",
    b"\t",
    b"|",
    b'"',
    b'""',
    b"\n",
    b"\r\n",
    b"\r",
    b"---\n",
    b"...\n",
    b"{",
    b"}",
    b"[",
    b"]",
    b":",
    b"\\",
    b'\\"',
    b"null",
    b"1e999",
    b'"id": ',
    b'"text": ',
    b"published: ",
    b"- ",
    b"&amp;",
    b"<p>",
    b"</p>",
    b"<script>",
    b"<!--",
    b"05.02.2015 ",
    b"Mon, 24 Jun 2019\n",
    b"31.31.2017",
    b"2099-12-31",
    b"\x00",
    b"\xff",
    b"\xfe\xff",
    b"\xef\xbb\xbf",
    b"\x92",
    b"\xc3",
    b"\xe2\x80",
    b"\xf0\x9f\x98",
    b"\x1b",
    b"\x0b",
    b"\x85",
    # what broke main in issue 13 (benchmarks/fuzz_hostile.py builds inputs from them)
    b"\\ud800",
    b"\\udfff",
    b"9" * 5000,
    b"1" + b",000" * 103,
    b"\xe2\x80\xae",  # U+202E
    b"[/bold]",
    b"=HYPERLINK(",
    b" " * 5000,
    b"1-" * 500,
    b"hundred " * 200,
]


def seeds() -> list[tuple[str, bytes]]:
    """(ending, bytes) of real files to mutate; skips what the corpus does not have."""
    out: list[tuple[str, bytes]] = []
    for path in sorted((REPO / "examples" / "idlib").glob("0*.md")):
        out.append((".md", path.read_bytes()))
    for path in sorted((CORPUS / "seeds").glob("*.txt")):
        out.append((".txt", path.read_bytes()))
    fakes = CORPUS / "fa-kes" / "FA-KES-Dataset.csv"
    if fakes.exists():
        with fakes.open(encoding="utf-8", newline="") as f:
            rows = list(csv.DictReader(f))
        for start in range(0, 120, 20):
            chunk = rows[start : start + 6]
            buffer = io.StringIO()
            writer = csv.DictWriter(buffer, list(chunk[0]))
            writer.writeheader()
            writer.writerows(chunk)
            out.append((".csv", buffer.getvalue().encode()))
            records = [
                {
                    "id": r["unit_id"],
                    "title": r["article_title"],
                    "text": r["article_content"],
                    "outlet": r["source"],
                    "published": r["date"],
                    "location": r["location"],
                }
                for r in chunk
            ]
            out.append((".jsonl", "".join(json.dumps(r) + "\n" for r in records).encode()))
            out.append((".json", json.dumps(records[:3], indent=1).encode()))
            out.extend(_published_as_outlets(chunk))
    return out


def _published_as_outlets(rows: list[dict[str, str]]) -> list[tuple[str, bytes]]:
    """FA-KES rows as an outlet's page, RSS and Atom feeds, and a PDF report (built by
    tests/_outlets.py; FA-KES is CC BY 4.0, so a crasher made of it may be saved)."""
    sys.path.insert(0, str(REPO / "tests"))
    from _outlets import article_page, atom_feed, pdf_report, rss_feed, story

    stories = [
        story(
            {"id": r["unit_id"], "title": r["article_title"], "text": r["article_content"]},
            site=r["source"].capitalize(),
        )
        for r in rows
        if r["article_content"].strip()
    ]
    out = [
        (".html", article_page(stories[0]).encode()),
        (".xml", rss_feed(stories).encode()),
        (".atom", atom_feed(stories).encode()),
    ]
    with tempfile.TemporaryDirectory() as tmp:
        pdf = Path(tmp) / "r.pdf"
        pdf_report(stories[0], pdf, pages=None)
        out.append((".pdf", pdf.read_bytes()))
    return out


def mutate(data: bytes, pool: list[tuple[str, bytes]], rng: random.Random) -> bytes:
    buf = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        pos = rng.randint(0, len(buf))
        op = rng.randrange(9)
        if op == 0 and buf:  # flip a byte
            buf[min(pos, len(buf) - 1)] = rng.randrange(256)
        elif op == 1:  # insert a fragment
            buf[pos:pos] = rng.choice(FRAGMENTS) * rng.choice((1, 1, 1, 2, 50))
        elif op == 2:  # delete a range
            del buf[pos : pos + rng.randint(1, 200)]
        elif op == 3 and buf:  # duplicate a range
            end = min(len(buf), pos + rng.randint(1, 500))
            buf[pos:pos] = buf[pos:end] * rng.randint(1, 3)
        elif op == 4:  # splice in part of another file
            other = rng.choice(pool)[1]
            start = rng.randint(0, len(other))
            buf[pos:pos] = other[start : start + rng.randint(1, 400)]
        elif op == 5:  # cut short
            del buf[pos:]
        elif op == 6:  # random bytes
            buf[pos:pos] = rng.randbytes(rng.randint(1, 16))
        elif op == 7:  # re-encode the whole input
            text = bytes(buf).decode("utf-8", errors="replace")
            encoding = rng.choice(("cp1252", "latin-1", "utf-16", "utf-16-le", "utf-8-sig"))
            buf = bytearray(text.encode(encoding, errors="replace"))
        elif op == 8:  # swap every delimiter/quote/line end for another
            old, new = rng.sample([b",", b'"', b"\n", b";", b"\r", b"'", b"-"], 2)
            buf = bytearray(bytes(buf).replace(old, new))
    return bytes(buf[:400_000])


def claim_problems(article: Article) -> list[str]:
    """Extraction, the second entry point: it must not raise, and each claim must be sound."""
    try:
        claims = extract_claims(article)
    except Exception as exc:  # a crash is what the fuzzer looks for
        return [f"extract_claims raised {type(exc).__name__}: {exc}"]
    found = []
    for c in claims:
        source = article.title if c.in_title else article.text
        if source[c.start : c.end] != c.surface:
            found.append(f"claim {c.surface!r} does not point at its words")
        if not (c.value == c.value and c.value >= 0):
            found.append(f"claim {c.surface!r} has value {c.value!r}")
        if (c.low is not None and c.low > c.value) or (c.high is not None and c.high < c.value):
            found.append(f"claim {c.surface!r}: {c.value} outside [{c.low}, {c.high}]")
    return found


def problems(path: Path, records: list[object]) -> list[str]:
    """What is wrong with ``records`` read from ``path`` (empty when all is sound)."""
    found: list[str] = []
    if not records:
        found.append("nothing yielded: the input is neither articles nor a recorded error")
    ids: set[str] = set()
    for record in records:
        if isinstance(record, ErrorRecord):
            if record.exception is not None:
                found.append(f"internal error: {record.message}\n{record.exception}")
            if record.stage != "ingest" or record.source != str(path) or not record.message:
                found.append(f"malformed error record: {record!r}"[:500])
        elif isinstance(record, Article):
            if not record.text or record.text != record.text.strip():
                found.append(f"article {record.article_id!r} with empty or unstripped text")
            if len(record.text) > OPTIONS.max_text_chars:
                found.append(f"article {record.article_id!r} over the text limit")
            if not record.article_id or record.article_id in ids:
                found.append(f"article id {record.article_id!r} empty or repeated")
            ids.add(record.article_id)
            if not record.outlet or record.outlet != record.outlet.lower():
                found.append(f"article {record.article_id!r} outlet {record.outlet!r}")
            if record.published is not None and OPTIONS.today and record.published > OPTIONS.today:
                found.append(f"article {record.article_id!r} published in the future")
            if not (record.origin or "").startswith(f"{path}:"):
                found.append(f"article {record.article_id!r} origin {record.origin!r}")
            found.extend(claim_problems(record))
        else:
            found.append(f"yielded a {type(record).__name__}, not an Article or ErrorRecord")
    return found


class _Timeout(Exception):
    pass


def _alarm(signum: int, frame: FrameType | None) -> None:
    raise _Timeout


def run_one(path: Path) -> list[str]:
    """Read ``path`` as the fuzzer does; the problems found (an exception is one)."""
    use_alarm = hasattr(signal, "setitimer")
    if use_alarm:
        previous = signal.signal(signal.SIGALRM, _alarm)
        signal.setitimer(signal.ITIMER_REAL, TIMEOUT_SECONDS)
    try:
        records: list[object] = list(read_articles([path], OPTIONS))
    except _Timeout:
        return [f"took longer than {TIMEOUT_SECONDS} s"]
    except Exception as exc:  # a crash is what the fuzzer looks for
        return [f"raised {type(exc).__name__}: {exc}"]
    finally:
        if use_alarm:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
    return problems(path, records)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=60.0, help="time budget (default 60)")
    parser.add_argument("--seed", type=int, default=None, help="random seed (default: time)")
    parser.add_argument("--crashers", type=Path, default=CRASHERS, help="where to save them")
    args = parser.parse_args(argv)
    seed = args.seed if args.seed is not None else int(time.time())
    rng = random.Random(seed)
    pool = seeds()
    if not pool:
        print("no corpus files to mutate", file=sys.stderr)
        return 2
    counts: Counter[str] = Counter()
    crashers: dict[str, list[str]] = {}
    articles = errors = 0
    start = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        while time.perf_counter() - start < args.seconds:
            suffix, original = rng.choice(pool)
            if rng.random() < 0.15:
                suffix = rng.choice(SUFFIXES)
            data = mutate(original, pool, rng)
            path = Path(tmp) / f"input{suffix}"
            path.write_bytes(data)
            counts[suffix] += 1
            found = run_one(path)
            if found:
                name = hashlib.sha1(data).hexdigest()[:16] + suffix
                if name not in crashers:
                    crashers[name] = found
                    args.crashers.mkdir(parents=True, exist_ok=True)
                    (args.crashers / name).write_bytes(data)
                    print(f"CRASHER {name}: {found[0].splitlines()[0]}", flush=True)
            else:
                for record in read_articles([path], OPTIONS):
                    if isinstance(record, Article):
                        articles += 1
                    else:
                        errors += 1
    elapsed = time.perf_counter() - start
    total = sum(counts.values())
    print(
        f"seed {seed}: {total} inputs in {elapsed:.1f} s ({total / elapsed:.0f}/s) "
        f"[{', '.join(f'{k} {v}' for k, v in sorted(counts.items()))}]; "
        f"{articles} articles, {errors} error records; {len(crashers)} crashers"
        + (f" saved to {args.crashers}" if crashers else "")
    )
    return 1 if crashers else 0


if __name__ == "__main__":
    raise SystemExit(main())
