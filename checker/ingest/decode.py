"""Bytes to text: one input's bytes, encodings, binary files, and bounded line reading.

Text is read as UTF-8 (a UTF-8 BOM is dropped; UTF-16/32 with a BOM are decoded as such).
Bytes that are not UTF-8 are decoded one by one as cp1252, else latin-1, through a codec
error handler: a cp1252 file reads correctly, and a UTF-8 file with one stray byte keeps its
other characters (decoding the whole file as cp1252 would garble every "’"). Either way the
caller records a warning naming the first bad line, and goes on.
"""

from __future__ import annotations

import codecs
import io
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import BinaryIO

from checker.ingest.options import MAX_LINE_BYTES
from checker.records import ErrorRecord

#: Bytes read before choosing how to read an input (sniffing stdin, spotting binary files).
HEAD_BYTES = 64 * 1024

_ERRORS = "checker-cp1252"
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _cp1252_fallback(exc: UnicodeError) -> tuple[str, int]:
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    bad = exc.object[exc.start : exc.end]
    chars = []
    for byte in bad:
        try:
            chars.append(bytes([byte]).decode("cp1252"))
        except UnicodeDecodeError:  # 0x81, 0x8d, 0x8f, 0x90, 0x9d are unassigned in cp1252
            chars.append(chr(byte))
    return "".join(chars), exc.end


codecs.register_error(_ERRORS, _cp1252_fallback)


def bom_encoding(head: bytes) -> str | None:
    """The UTF-16/32 encoding a byte-order mark announces, if any."""
    for bom, encoding in _BOMS:
        if head.startswith(bom):
            return encoding
    return None


def is_binary(head: bytes) -> bool:
    """NUL bytes and no UTF-16/32 byte-order mark: not text (an image, a zip, a PDF...)."""
    return b"\x00" in head and bom_encoding(head) is None


def decode_document(data: bytes, source: str, kind: str) -> tuple[str | None, list[ErrorRecord]]:
    """A whole file's bytes as text, or None when they hold no text of ``kind`` ("text",
    "JSON"): binary, or empty. The records say why, or warn of a non-UTF-8 encoding."""
    if is_binary(data[:HEAD_BYTES]):
        message = f"binary file (it holds NUL bytes), not {kind}: skipped"
        return None, [ErrorRecord(stage="ingest", source=source, message=message)]
    text, warning = decode_bytes(data)
    if not text.strip():
        return None, [
            ErrorRecord(stage="ingest", source=source, message="empty file: no article in it")
        ]
    if warning is None:
        return text, []
    return text, [ErrorRecord(stage="ingest", level="warning", source=source, message=warning)]


def decode_bytes(data: bytes) -> tuple[str, str | None]:
    """``data`` as text, and a warning when it was not UTF-8 (None when it was)."""
    encoding = bom_encoding(data)
    if encoding is not None:
        text = data.decode(encoding, errors="replace")
        return text, None
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        text = data.decode("utf-8-sig", errors=_ERRORS)
        return text, (
            f"not valid UTF-8 (byte 0x{data[exc.start]:02x} on line {line}): "
            "bytes that are not UTF-8 were read as cp1252/latin-1; check the file's encoding"
        )


def _trim_partial_utf8(data: bytes) -> bytes:
    """Drop a UTF-8 sequence cut off at the end of ``data`` (after reading a bounded prefix)."""
    for back in range(1, min(4, len(data)) + 1):
        byte = data[-back]
        if byte & 0xC0 == 0x80:  # continuation byte: look further back for the lead byte
            continue
        if byte >= 0xC0:  # lead byte: is its sequence complete?
            need = 2 if byte < 0xE0 else 3 if byte < 0xF0 else 4
            return data[:-back] if need > back else data
        return data
    return data


class _Chained(io.RawIOBase):
    """``head`` then the rest of ``stream``, as one raw stream."""

    def __init__(self, head: bytes, stream: BinaryIO) -> None:
        self._head = memoryview(head)
        self._stream = stream

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        if self._head:
            n = min(len(buffer), len(self._head))
            buffer[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        data = self._stream.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


@dataclass
class Source:
    """One input: its name for messages, its stem for default ids, and its bytes."""

    name: str
    stem: str
    head: bytes
    stream: BinaryIO
    #: warnings met while reading lines (encoding, over-long lines), drained by the reader.
    warnings: list[ErrorRecord] = field(default_factory=list)

    @classmethod
    def open(cls, name: str, stem: str, stream: BinaryIO) -> Source:
        return cls(name, stem, stream.read(HEAD_BYTES), stream)

    def read_all(self, limit: int) -> tuple[bytes, bool]:
        """Up to ``limit`` bytes, and whether there were more."""
        data = self.head
        if len(data) <= limit:
            data += self.stream.read(limit + 1 - len(data))
        if len(data) <= limit:
            return data, False
        return _trim_partial_utf8(data[:limit]), True

    def lines(self) -> Iterator[str]:
        """Decoded physical lines (with their line ends), numbered from 1 by the caller.

        A line longer than :data:`MAX_LINE_BYTES` is skipped (an empty line takes its place
        so later numbers hold) with a warning; memory stays bounded on any file.
        """
        encoding = bom_encoding(self.head)
        raw = io.BufferedReader(_Chained(self.head, self.stream), buffer_size=HEAD_BYTES)
        if encoding is not None:
            yield from self._text_lines(io.TextIOWrapper(raw, encoding, "replace", newline=""))
            return
        number = 0
        warned = False
        while True:
            chunk = raw.readline(MAX_LINE_BYTES + 1)
            if not chunk:
                return
            number += 1
            if len(chunk) > MAX_LINE_BYTES and not chunk.endswith(b"\n"):
                while (rest := raw.readline(HEAD_BYTES)) and not rest.endswith(b"\n"):
                    pass
                self._too_long(number)
                yield "\n"
                continue
            try:
                line = chunk.decode("utf-8")
            except UnicodeDecodeError as exc:
                line = chunk.decode("utf-8", errors=_ERRORS)
                if not warned:
                    warned = True
                    self.warnings.append(
                        ErrorRecord(
                            stage="ingest",
                            level="warning",
                            source=self.name,
                            line=number,
                            message=(
                                f"not valid UTF-8 (byte 0x{chunk[exc.start]:02x}): this and "
                                "any later bytes that are not UTF-8 were read as cp1252/latin-1; "
                                "check the file's encoding"
                            ),
                        )
                    )
            if number == 1:
                line = line.removeprefix("\ufeff")
            yield line

    def _text_lines(self, text: io.TextIOWrapper) -> Iterator[str]:
        number = 0
        while line := text.readline(MAX_LINE_BYTES + 1):
            number += 1
            if len(line) > MAX_LINE_BYTES and not line.endswith(("\n", "\r")):
                while (rest := text.readline(HEAD_BYTES)) and not rest.endswith(("\n", "\r")):
                    pass
                self._too_long(number)
                line = "\n"
            yield line.removeprefix("\ufeff") if number == 1 else line

    def _too_long(self, number: int) -> None:
        self.warnings.append(
            ErrorRecord(
                stage="ingest",
                source=self.name,
                line=number,
                message=f"line is longer than {MAX_LINE_BYTES:,} bytes: skipped",
            )
        )
