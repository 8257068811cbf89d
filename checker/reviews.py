"""Reviews of findings: a JSON file a repository commits, keyed by finding id.

``checker review FINDING_ID --verdict dismissed --note "..."`` records that a person read a
finding and judged it (``confirmed``: the figures really conflict; ``dismissed``: they do
not, or it does not matter). Finding ids are stable across runs (rule and claims), so the
verdict applies to every later run that finds it again:

* a dismissed finding is still reported, marked "dismissed" with its note, but no longer
  counts for ``--fail-on``: it stops failing CI;
* a confirmed finding keeps failing CI and is exported as schema.org ClaimReview
  (``--format claimreview``).

The file (default ``checker-reviews.json`` beside pyproject.toml; ``--reviews FILE`` or
``[tool.checker] reviews``) doubles as a baseline: dismiss the findings a repository
accepts, commit the file, and CI fails only on new ones. Its shape::

    {"checker_reviews": 1,
     "reviews": {"<finding_id>": {"verdict": "dismissed", "note": "...", "reviewer": "...",
                                  "reviewed": "2026-11-21", "rule": "...", "message": "..."}}}
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from checker.errors import UsageError
from checker.records import CheckResult, Finding

DEFAULT_REVIEWS = Path("checker-reviews.json")
VERDICTS: tuple[str, ...] = ("confirmed", "dismissed")
FORMAT_VERSION = 1


@dataclass(frozen=True, slots=True)
class Review:
    """One person's verdict on one finding."""

    finding_id: str
    verdict: str
    note: str = ""
    reviewer: str = ""
    #: ISO date of the review
    reviewed: str = ""
    #: the finding as it was when reviewed (for a reader of the file)
    rule: str = ""
    message: str = ""

    def to_dict(self) -> dict[str, Any]:
        d = dataclasses.asdict(self)
        d.pop("finding_id")
        return {k: v for k, v in d.items() if v != ""}


def load_reviews(path: Path, *, must_exist: bool = False) -> dict[str, Review]:
    """The reviews in ``path`` by finding id; none when the file does not exist (unless
    ``must_exist``: then that is a :class:`~checker.errors.UsageError`)."""
    if not path.is_file():
        if must_exist:
            raise UsageError(f"{path}: no such reviews file (from --reviews)")
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise UsageError(f"{path}: not a checker reviews file ({exc})") from exc
    if not isinstance(data, dict) or not isinstance(data.get("reviews"), dict):
        raise UsageError(f'{path}: not a checker reviews file (no "reviews" object)')
    out: dict[str, Review] = {}
    for fid, entry in data["reviews"].items():
        if not isinstance(entry, dict) or entry.get("verdict") not in VERDICTS:
            raise UsageError(
                f"{path}: the review of finding {fid} needs a verdict, one of {', '.join(VERDICTS)}"
            )
        known = {f.name for f in dataclasses.fields(Review)} - {"finding_id"}
        out[str(fid)] = Review(str(fid), **{k: str(v) for k, v in entry.items() if k in known})
    return out


def save_reviews(path: Path, reviews: Mapping[str, Review]) -> None:
    """Write ``reviews`` to ``path`` (sorted by finding id, so diffs stay small), atomically."""
    doc = {
        "checker_reviews": FORMAT_VERSION,
        "reviews": {fid: reviews[fid].to_dict() for fid in sorted(reviews)},
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(doc, fh, indent=2, ensure_ascii=False)
            fh.write("\n")
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def new_review(
    finding_id: str, verdict: str, note: str, reviewer: str, rule: str, message: str
) -> Review:
    if verdict not in VERDICTS:
        raise UsageError(f"--verdict must be one of {', '.join(VERDICTS)}, not {verdict!r}")
    return Review(
        finding_id=finding_id,
        verdict=verdict,
        note=note,
        reviewer=reviewer,
        reviewed=dt.date.today().isoformat(),
        rule=rule,
        message=message,
    )


def apply_reviews(result: CheckResult, reviews: Mapping[str, Review]) -> CheckResult:
    """``result`` with each reviewed finding's ``status`` and ``review_note`` set (in place;
    returned for chaining)."""
    if reviews:
        result.findings = [_reviewed(f, reviews.get(f.finding_id)) for f in result.findings]
    return result


def _reviewed(f: Finding, review: Review | None) -> Finding:
    if review is None:
        return f
    return dataclasses.replace(
        f,
        status=review.verdict,
        review_note=review.note or None,
        reviewed_by=review.reviewer or None,
        reviewed_on=review.reviewed or None,
    )
