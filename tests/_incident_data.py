"""A CheckResult with incidents, for the report tests: real claims, grouped by hand.

The engine that fills ``CheckResult.incidents`` is written in parallel, so the grouping here
is done by hand, but the claims are the extractor's own, on FA-KES text: the Qamishli
bombing of 27 July 2016, reported as 22 killed (ahram, state TV), then 31 (ahram), 44
(dailysabah citing SANA, jordantimes: the same text under two unit_ids, so one is a copy) and
"at least 48" (trt). Plus a finding about no incident: seed 003's date line ("Mon, 24 Jun
2019") against its own copyright line ("Copyright (c) 2018").
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from test_report_data import fakes_article, fakes_rows, seed_article

from checker.extract import extract_claims
from checker.records import (
    Article,
    CheckResult,
    Claim,
    ErrorRecord,
    Finding,
    Incident,
    IncidentClaim,
)

RULE_UPDATE = "incident.check_toll_timeline"
RULE_CONFLICT = "incident.check_figures_meet"
RULE_DATELINE = "dateline.check_dateline_matches_content"
DOCS = {
    RULE_UPDATE: """A later figure for one incident is above an earlier one: the toll was updated.

    Informational: the timeline of the incident's figures, ``as_of`` then source.

    Flags:
        ahram (27 Jul 2016): "22" killed; ahram (27 Jul 2016): "31" killed
    """,
    RULE_CONFLICT: """Figures for the same moment of one incident whose intervals cannot meet.

    From independent sources (copies count once), neither framed as an update.

    Flags:
        ahram: "22" killed (exact); trt: "At least 48" killed, same day
    """,
    RULE_DATELINE: """The article's publication date contradicts its own content.

    Flags:
        date line "Mon, 24 Jun 2019"; "Copyright (c) 2018. RFE/RL"
    """,
}
#: unit_id -> (surface of the claim to keep, the article it copies or None)
QAMISHLI = {
    "1923848165": ("22", None),
    "1923848164": ("31", None),
    "1924058172": ("44", None),
    "1924058046": ("at least 44", None),
    "1924058056": ("at least 44", "1924058046"),
    "1919191742": ("At least 48", None),
}


def _body_claim(article: Article, surface: str) -> Claim:
    for c in extract_claims(article):
        if c.surface == surface and not c.in_title and c.category == "killed":
            return dataclasses.replace(
                c, source_file="FA-KES-Dataset.csv", line=int(article.origin.split(":")[-1])
            )
    raise AssertionError(f"the extractor finds no {surface!r} killed in {article.article_id}")


def _finding(
    rule: str, severity: str, kind: str, message: str, claims: list[Claim], **kw: object
) -> Finding:
    return Finding(
        finding_id=Finding.make_id(rule, [c.claim_id for c in claims]),
        rule=rule,
        severity=severity,
        message=message,
        claims=tuple(claims),
        explanation=DOCS[rule],
        kind=kind,
        source_file=claims[0].source_file if claims else None,
        line=claims[0].line if claims else None,
        **kw,  # type: ignore[arg-type]
    )


def incident_result() -> CheckResult:
    rows = {r["unit_id"]: r for r in fakes_rows()}
    articles: list[Article] = []
    claims: list[Claim] = []
    for uid, (surface, copy_of) in QAMISHLI.items():
        row = rows[uid]
        a = dataclasses.replace(fakes_article(row), copy_of=copy_of)
        a = dataclasses.replace(a, origin=f"FA-KES-Dataset.csv:{list(rows).index(uid) + 2}")
        articles.append(a)
        claims.append(_body_claim(a, surface))
    c22, c31, c44, _j44, j44copy, t48 = claims
    sources = {c.claim_id: c.attribution or c.outlet for c in claims}
    inc = Incident(
        incident_id=Incident.make_id(c22.claim_id),
        category="killed",
        subject="people",
        location="Hasakeh",
        region="Hasakeh",
        country="Syria",
        as_of=dt.date(2016, 7, 27),
        period_start=None,
        scope="event",
        claims=tuple(IncidentClaim(c.claim_id, sources[c.claim_id]) for c in claims),
        sources=len({sources[c.claim_id] for c in claims if c is not j44copy}),
    )
    iid = inc.incident_id
    findings = [
        _finding(
            RULE_UPDATE, "low", "toll_updated",
            "ahram raised the toll of the Qamishli bombing from 22 (state TV) to 31 killed.",
            [c22, c31], incident_id=iid,
        ),
        _finding(
            RULE_UPDATE, "low", "toll_updated",
            "The toll rose from 31 killed (ahram) to 44 killed (dailysabah, citing SANA).",
            [c31, c44], incident_id=iid,
        ),
        _finding(
            RULE_CONFLICT, "high", "conflict",
            "ahram (state TV) says 22 killed, trt at least 48, for the same bombing on the same "
            "day, neither as an update: they cannot both be true.",
            [c22, t48], incident_id=iid,
        ),
    ]  # fmt: skip
    seed = dataclasses.replace(seed_article("003"), published=dt.date(2019, 6, 24))
    seed_claims = [
        dataclasses.replace(c, source_file="examples/idlib/003_f69708c9ff08d684.md")
        for c in extract_claims(seed)
    ]
    dateline = _finding(
        RULE_DATELINE, "high", "dateline",
        f"rferl article {seed.article_id} is dated 2019-06-24, but its copyright line says "
        '"Copyright (c) 2018": the date line is probably wrong.',
        seed_claims,
    )  # fmt: skip
    findings.append(dataclasses.replace(dateline, line=5, column=1))  # its date line
    warn = ErrorRecord(
        stage="ingest",
        level="warning",
        message="duplicate article_id '1924058046' (first read at FA-KES-Dataset.csv:250): "
        "ingested as '1924058046#2'",
        source="FA-KES-Dataset.csv",
        line=251,
        article_id="1924058046",
    )
    return CheckResult(
        articles=[*articles, seed],
        claims=[*claims, *seed_claims],
        findings=findings,
        errors=[warn],
        new_article_ids={a.article_id for a in [*articles, seed]},
        rules=dict(DOCS),
        incidents=[inc],
    )
