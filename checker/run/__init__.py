"""Where a check runs: the execution layer, one floor below the library API.

:mod:`checker.pipeline` (the API the CLI, notebooks and CI scripts call) chooses an
:class:`Engine` from here and never the other way round: nothing in this package imports
the pipeline.

* :mod:`checker.run.local`: extraction in batches, on ``--jobs`` processes of this machine,
  and the rules over the store a part at a time (:class:`~checker.run.local.LocalEngine`);
* :mod:`checker.run.parallel`: the process pools of extraction;
* :mod:`checker.run.parts`: the independent parts a rule run splits into (by blocking key
  and by article);
* :mod:`checker.run.stored`: the parts read from the store (the whole store, or through its
  blocking index);
* :mod:`checker.run.partitions`: the parts run, and their outcomes merged;
* :mod:`checker.run.plans`: rules in a form that pickles, for other processes and machines;
* :mod:`checker.run.dask`: the same on a dask.distributed cluster
  (:class:`~checker.run.dask.DaskEngine`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from checker.engine import Rule, RuleOutcome
    from checker.ingest import IngestOptions
    from checker.records import Article, Claim, ErrorRecord
    from checker.store import Store

#: called with a number of input records done (a progress bar)
Progress = Callable[[int], None]
#: called with each part's outcome as it is merged (:func:`checker.run.partitions.merge_outcomes`),
#: to keep its incidents elsewhere (the store) than in the merged outcome
PartSink = Callable[["RuleOutcome"], None]


class Engine(Protocol):
    """Where extraction and the rules run: this machine (:class:`checker.run.local.LocalEngine`)
    or a Dask cluster (:class:`checker.run.dask.DaskEngine`). Both give the same stream and
    findings."""

    def extract(
        self,
        inputs: Sequence[str | Path],
        options: IngestOptions | None,
        progress: Progress | None,
    ) -> Iterator[tuple[Article, list[Claim]] | ErrorRecord]: ...

    def run_rules(
        self,
        rules: Sequence[Rule],
        db: Store,
        involving: set[str] | None,
        sink: PartSink | None = None,
    ) -> RuleOutcome:
        """The rules over the store's parts (those touching ``involving``; None: all),
        merged; with ``sink``, each part's outcome goes to it first and the merged outcome
        keeps only the incidents its findings are about."""
        ...
