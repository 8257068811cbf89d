"""A rule run over its parts (:mod:`checker.run.parts`): in this process or on ``--jobs``
processes, and the parts' outcomes merged into one (:func:`merge_outcomes`) and put in the
one order every engine reports (:func:`order_outcome`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool

from checker.engine import Rule, RuleOutcome, run_rules
from checker.engine.runner import MAX_ERRORS_PER_RULE, error_summary, same_finding
from checker.records import ErrorRecord
from checker.run import PartSink
from checker.run.parallel import new_pool
from checker.run.parts import ARTICLE_SUBJECTS, BLOCK_SUBJECTS, RulePartition
from checker.run.plans import RulePlan


def run_partition(rules: Sequence[Rule], part: RulePartition) -> RuleOutcome:
    """The rules of ``part.kind`` over one part."""
    subjects = ARTICLE_SUBJECTS if part.kind == "article" else BLOCK_SUBJECTS
    chosen = [r for r in rules if r.subject in subjects]
    involving = None if part.involving is None else set(part.involving)
    return run_rules(
        chosen, part.articles, part.claims, involving=involving, originals=part.originals
    )


def run_partitioned(
    rules: Sequence[Rule],
    parts: Iterable[RulePartition],
    jobs: int = 1,
    sink: PartSink | None = None,
) -> RuleOutcome:
    """Every part, in this process one after another (``jobs`` 1) or on ``jobs`` processes
    (one part each at a time, the next read meanwhile); the outcomes merged in the order of
    the parts.

    A worker that dies (a rule killed its process, the system ran out of memory) breaks the
    pool: the parts it was running are run again, one at a time, each in a fresh process,
    and a part that kills that one too is recorded as an error naming it (its findings are
    missing); the other parts go on in a new pool."""
    if jobs <= 1:
        return merge_outcomes(rules, (run_partition(rules, p) for p in parts), sink)
    return merge_outcomes(rules, _in_order(RulePlan.of(rules), parts, jobs), sink)


def _in_order(plan: RulePlan, parts: Iterable[RulePartition], jobs: int) -> Iterator[RuleOutcome]:
    """The parts' outcomes, run on ``jobs`` processes, each yielded as soon as the ones
    before it are: this process holds only the outcomes that finished out of turn, not all
    of them until the last one (a large run's incidents would be held twice)."""
    outcomes: dict[int, RuleOutcome] = {}
    running: dict[Future[RuleOutcome], tuple[int, RulePartition]] = {}
    turn = 0
    pool = new_pool(jobs)
    try:
        for i, part in enumerate(parts):
            running[pool.submit(run_planned, plan, part)] = (i, part)
            if len(running) >= jobs:  # one part per process: a part may be large
                done, _ = wait(running, return_when=FIRST_COMPLETED)
                pool = _collect(plan, done, running, outcomes, pool, jobs)
                while turn in outcomes:
                    yield outcomes.pop(turn)
                    turn += 1
        pool = _collect(plan, set(running), running, outcomes, pool, jobs)
    finally:
        pool.shutdown(cancel_futures=True)
    while turn in outcomes:
        yield outcomes.pop(turn)
        turn += 1


def _collect(
    plan: RulePlan,
    done: Iterable[Future[RuleOutcome]],
    running: dict[Future[RuleOutcome], tuple[int, RulePartition]],
    outcomes: dict[int, RuleOutcome],
    pool: ProcessPoolExecutor,
    jobs: int,
) -> ProcessPoolExecutor:
    """The outcomes of ``done`` into ``outcomes``; the pool to go on with (a new one if a
    worker died, after the parts that were running in it were run again alone)."""
    broken = False
    for future in list(done):
        i, part = running.pop(future)
        try:
            outcomes[i] = future.result()
        except BrokenProcessPool:
            broken = True
            running[future] = (i, part)  # run again below
    if not broken:
        return pool
    pool.shutdown(wait=False, cancel_futures=True)
    for i, part in sorted(running.values(), key=lambda x: x[0]):
        outcomes[i] = _run_alone(plan, i, part)
    running.clear()
    return new_pool(jobs)


def _run_alone(plan: RulePlan, i: int, part: RulePartition) -> RuleOutcome:
    """One part in a process of its own; an error naming it if that process dies too."""
    with new_pool(1) as alone:
        try:
            return alone.submit(run_planned, plan, part).result()
        except BrokenProcessPool:
            pass
    ids = sorted({c.article_id for c in part.claims} | {a.article_id for a in part.articles})
    named = ", ".join(ids[:5]) + (f" and {len(ids) - 5} more" if len(ids) > 5 else "")
    return RuleOutcome(
        errors=[
            ErrorRecord(
                stage="rule",
                claim_ids=tuple(c.claim_id for c in part.claims[:20]),
                message=f"the process checking part {i + 1} of the run ({part.kind} rules over "
                f"{len(part.claims)} claims of articles {named}) died twice (a rule that "
                "ends its process, or out of memory): no finding of that part is reported. "
                "Find the rule with --select, and fix it",
            )
        ]
    )


def run_planned(plan: RulePlan, part: RulePartition) -> RuleOutcome:
    """In another process: the plan's rules (rebuilt there) over one part."""
    return run_partition(plan.load(), part)


def merge_outcomes(
    rules: Sequence[Rule], outcomes: Iterable[RuleOutcome], sink: PartSink | None = None
) -> RuleOutcome:
    """One outcome from the outcomes of parts: findings de-duplicated by finding_id, calls
    added up, and each rule's errors listed up to MAX_ERRORS_PER_RULE (the first in order of
    claim ids), the others counted in ``unlisted`` (the parts' own counts added).

    With ``sink``, each part's outcome is handed to it before it is merged, and the merged
    outcome keeps only the incidents its findings are about (and their claims'
    incident_ids): a run over a large store need not hold every incident it grouped
    (320,000 at FA-KES x100), which the sink keeps instead (the store)."""
    out = RuleOutcome(calls={r.id: 0 for r in rules})
    seen: set[str] = set()
    incidents: set[str] = set()
    listed: dict[str | None, list[ErrorRecord]] = {}
    unlisted: dict[str, int] = {}
    for outcome in outcomes:
        for f in outcome.findings:
            key = same_finding(f)
            if key not in seen:
                seen.add(key)
                out.findings.append(f)
        for rid, n in outcome.calls.items():
            out.calls[rid] = out.calls.get(rid, 0) + n
        kept = outcome.incidents
        if sink is not None:
            sink(outcome)
            about = {f.incident_id for f in outcome.findings}
            kept = [i for i in outcome.incidents if i.incident_id in about]
        for inc in kept:
            if inc.incident_id not in incidents:
                incidents.add(inc.incident_id)
                out.incidents.append(inc)
                if sink is not None:
                    out.claim_incidents.update((c, inc.incident_id) for c in inc.claim_ids)
        if sink is None:
            out.claim_incidents.update(outcome.claim_incidents)
        for e in outcome.errors:
            if e.level == "warning" and e in listed.get(e.rule, ()):
                continue  # (a warning, such as a rule's print, is said once, not per part)
            listed.setdefault(e.rule, []).append(e)
        for rid, n in outcome.unlisted.items():
            unlisted[rid] = unlisted.get(rid, 0) + n
    rank = {r.id: i for i, r in enumerate(rules)}
    for rule_id in sorted(listed, key=lambda r: (rank.get(r or "", len(rank)), r or "")):
        errors = sorted(
            listed[rule_id], key=lambda e: (e.claim_ids, e.source or "", e.line or 0, e.message)
        )
        out.errors += errors[:MAX_ERRORS_PER_RULE]
        if len(errors) > MAX_ERRORS_PER_RULE and rule_id is not None:
            unlisted[rule_id] = unlisted.get(rule_id, 0) + len(errors) - MAX_ERRORS_PER_RULE
    out.unlisted = unlisted
    return out


def order_outcome(rules: Sequence[Rule], outcome: RuleOutcome) -> RuleOutcome:
    """The outcome as a run reports it, in one order whatever ran it: findings by rule (in
    the order the rules were loaded), then finding_id; errors by rule, then claim ids,
    place and message, each rule's count of unlisted errors worded after its own errors
    (:func:`~checker.engine.runner.error_summary`). The Dask engine runs partitions in any
    order; sorting both engines' outcomes makes them equal."""
    rank = {r.id: i for i, r in enumerate(rules)}
    last = len(rank)
    findings = sorted(
        outcome.findings, key=lambda f: (rank.get(f.rule, last), f.rule, f.finding_id)
    )
    summaries = [error_summary(rid, n) for rid, n in outcome.unlisted.items() if n > 0]
    errors = sorted(
        [*outcome.errors, *summaries],
        key=lambda e: (
            rank.get(e.rule or "", last),
            e.rule or "",
            not e.claim_ids,
            e.claim_ids,
            e.source or "",
            e.line or 0,
            e.message,
        ),
    )
    incidents = sorted(outcome.incidents, key=lambda i: i.incident_id)
    return RuleOutcome(
        findings=findings,
        errors=errors,
        calls=dict(outcome.calls),
        incidents=incidents,
        claim_incidents=outcome.claim_incidents,  # (not copied: a large run's is large)
    )
