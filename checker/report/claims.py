"""``checker extract --format jsonl|csv``: claims one a line / one a row, streamed.

Both carry exactly the spec's Claim fields (../shared/spec/records.md), in the spec's order,
so a script can read the CSV header or a JSON line's keys and find the same names.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import Any, TextIO

from checker.records import CLAIM_FIELDS, Claim


def write_jsonl(claims: Iterable[Claim], out: TextIO) -> int:
    """One ``Claim.to_dict`` JSON object a line (UTF-8 text kept as is); returns the count."""
    n = 0
    for c in claims:
        out.write(json.dumps(c.to_dict(), ensure_ascii=False))
        out.write("\n")
        n += 1
    return n


#: What makes a spreadsheet read a cell as a formula ("=HYPERLINK(...)" in an outlet or a
#: quote): OWASP's CSV injection list.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _csv_value(v: Any) -> Any:
    # None is an empty cell (pandas reads it back as NaN, which frame_to_claims maps to None)
    if v is None:
        return ""
    if isinstance(v, str) and v.startswith(FORMULA_START):
        return "'" + v  # shown as text, as OWASP advises; the quote is visible, not hidden
    return v


def write_csv(claims: Iterable[Claim], out: TextIO) -> int:
    """A header of :data:`CLAIM_FIELDS`, then one row a claim; returns the count.

    Quotes holding commas, quotes or newlines are quoted per RFC 4180 by :mod:`csv`; lines end
    with ``\\n`` (open files with ``newline=""`` so none is translated). A text cell that a
    spreadsheet would run as a formula (starting with ``=``, ``+``, ``-``, ``@``, a tab or a
    carriage return) is written with a ``'`` before it.
    """
    w = csv.writer(out, lineterminator="\n")
    w.writerow(CLAIM_FIELDS)
    n = 0
    for c in claims:
        d = c.to_dict()
        w.writerow([_csv_value(d[k]) for k in CLAIM_FIELDS])
        n += 1
    return n
