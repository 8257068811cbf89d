"""What a run's result reads back from the store instead of holding: the incidents of a large
run (:class:`StoredIncidents`)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import overload

from checker.records import Incident
from checker.store import Store

#: incidents read from the store at a time
_CHUNK = 2_000


class StoredIncidents(Sequence[Incident]):
    """The incidents ``ids`` of the store at ``path``, in that order, read a chunk at a time
    when iterated (the store is opened then, after the run closed it): a check over a large
    store hands its JSON report every incident without holding them all
    (:func:`checker.pipeline.check` with ``keep_inputs=False``)."""

    def __init__(self, path: str | Path, ids: Sequence[str]) -> None:
        self.path = Path(path)
        self.ids = list(ids)

    def __len__(self) -> int:
        return len(self.ids)

    def __iter__(self) -> Iterator[Incident]:
        with Store(self.path) as db:
            for i in range(0, len(self.ids), _CHUNK):
                yield from db.incidents(self.ids[i : i + _CHUNK])

    @overload
    def __getitem__(self, index: int) -> Incident: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[Incident]: ...
    def __getitem__(self, index: int | slice) -> Incident | Sequence[Incident]:
        if isinstance(index, slice):
            return StoredIncidents(self.path, self.ids[index])
        with Store(self.path) as db:
            (found,) = db.incidents([self.ids[index]])
        return found

    def __repr__(self) -> str:
        return f"StoredIncidents({str(self.path)!r}, {len(self.ids)} incidents)"
