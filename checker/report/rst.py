"""Rule docstrings (a small part of reStructuredText) as HTML for the report and as plain
text for the terminal, instead of raw reST.

What rule docstrings use, and all this reads: paragraphs; ``term:`` lines followed by an
indented block (the ``Flags:`` / ``Passes:`` examples), whose lines become list items;
``*`` / ``-`` bullets; literal blocks after ``::``; simple tables (``====  ====`` borders);
inline ``literal``, `interpreted`, *emphasis* and roles (:class:`~checker.records.Claim`
-> ``Claim``). Anything else is kept as a paragraph. All text is escaped before any tag is
added, so a docstring cannot inject markup.
"""

from __future__ import annotations

import inspect
import re
import textwrap
from dataclasses import dataclass, field

from markupsafe import Markup, escape

_ROLE = re.compile(r":[a-z:]+:`~?([^`<]*?)(?:\s*<[^>]*>)?`")
_TILDE_PATH = re.compile(r"^(?:[\w]+\.)+(\w+)$")
_LITERAL = re.compile(r"``(.+?)``")
_INTERPRETED = re.compile(r"(?<![`\w])`([^`]+)`(?![`\w])")
_EMPH = re.compile(r"(?<![*\w])\*([^*\s][^*]*?)\*(?![*\w])")
_BORDER = re.compile(r"^=+(?:\s+=+)+\s*$")
_BULLET = re.compile(r"^[*-]\s+")


@dataclass
class Block:
    """One block of a docstring: kind is para, terms, bullets, literal or table."""

    kind: str
    lines: list[str] = field(default_factory=list)
    term: str = ""
    items: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def _role_text(m: re.Match[str]) -> str:
    target = m.group(1).strip()
    short = _TILDE_PATH.match(target)
    return short.group(1) if short and "~" in m.group(0) else target


def _items(lines: list[str]) -> list[str]:
    """An indented block's lines as items: a line indented deeper than the block continues
    the item before it."""
    base = min(_indent(x) for x in lines)
    items: list[str] = []
    for line in lines:
        text = line.strip()
        if _indent(line) > base and items:
            items[-1] += " " + text
        else:
            items.append(_BULLET.sub("", text))
    return items


def _table(lines: list[str]) -> list[list[str]]:
    """Rows of a simple table (borders dropped; a row whose first cell is blank continues the
    row before it)."""
    border = next(x for x in lines if _BORDER.match(x))
    spans = [(m.start(), m.end()) for m in re.finditer(r"=+", border)]
    rows: list[list[str]] = []
    for line in lines:
        if _BORDER.match(line) or not line.strip():
            continue
        cells = []
        for i, (a, _) in enumerate(spans):
            b = spans[i + 1][0] if i + 1 < len(spans) else len(line)
            cells.append(line[a:b].strip())
        if rows and not cells[0]:
            rows[-1] = [f"{x} {y}".strip() for x, y in zip(rows[-1], cells, strict=True)]
        else:
            rows.append(cells)
    return rows


def parse(doc: str) -> list[Block]:
    """The blocks of a docstring (dedented first)."""
    lines = inspect.cleandoc(doc or "").splitlines()
    blocks: list[Block] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if not line.strip():
            i += 1
            continue
        if _BORDER.match(line):
            j, borders = i, 0
            while j < len(lines) and (lines[j].strip() or borders < 3):
                borders += bool(_BORDER.match(lines[j]))
                j += 1
                if borders == 3:
                    break
            blocks.append(Block("table", rows=_table(lines[i:j])))
            i = j
            continue
        indent = _indent(line)
        j = i + 1
        para = [line]
        while j < len(lines) and lines[j].strip() and _indent(lines[j]) == indent:
            if _BULLET.match(lines[j].strip()) and not _BULLET.match(line.strip()):
                break
            para.append(lines[j])
            j += 1
        # an indented block right after (a term's examples, or a literal block after "::")
        k = j
        while k < len(lines) and lines[k].strip() == "":
            k += 1
        nested: list[str] = []
        if k < len(lines) and _indent(lines[k]) > indent:
            m = k
            while m < len(lines) and (not lines[m].strip() or _indent(lines[m]) > indent):
                nested.append(lines[m])
                m += 1
            while nested and not nested[-1].strip():
                nested.pop()
        last = para[-1].rstrip()
        if nested and last.endswith("::"):
            text = " ".join(x.strip() for x in para)[:-1].rstrip(":").rstrip()
            if text:
                blocks.append(Block("para", lines=[text + ":"]))
            blocks.append(Block("literal", lines=textwrap.dedent("\n".join(nested)).split("\n")))
            i = k + len(nested)
        elif nested and last.endswith(":") and len(para) == 1:
            blocks.append(Block("terms", term=last[:-1].strip(), items=_items(nested)))
            i = k + len(nested)
        elif _BULLET.match(line.strip()):
            blocks.append(Block("bullets", items=_items(para)))
            i = j
        else:
            blocks.append(Block("para", lines=[" ".join(x.strip() for x in para)]))
            i = j
    return blocks


def inline_html(text: str) -> Markup:
    """One line of reST inline markup as escaped HTML."""
    out = str(escape(text))
    out = _ROLE.sub(lambda m: f"<code>{_role_text(m)}</code>", out)
    out = _LITERAL.sub(r"<code>\1</code>", out)
    out = _INTERPRETED.sub(r"<code>\1</code>", out)
    out = _EMPH.sub(r"<em>\1</em>", out)
    return Markup(out)


def inline_text(text: str) -> str:
    """One line of reST inline markup as plain text."""
    text = _ROLE.sub(_role_text, text)
    text = _LITERAL.sub(r"\1", text)
    text = _INTERPRETED.sub(r"\1", text)
    return _EMPH.sub(r"\1", text)


def to_html(doc: str) -> Markup:
    """A docstring as HTML: <p>, <dl> for terms and their examples, <ul>, <pre>, <table>."""
    parts: list[str] = []
    for b in parse(doc):
        if b.kind == "para":
            parts.append(f"<p>{inline_html(b.lines[0])}</p>")
        elif b.kind == "terms":
            items = "".join(f"<li>{inline_html(x)}</li>" for x in b.items)
            term = inline_html(b.term)
            parts.append(f'<dl class="doc-terms"><dt>{term}</dt><dd><ul>{items}</ul></dd></dl>')
        elif b.kind == "bullets":
            parts.append("<ul>" + "".join(f"<li>{inline_html(x)}</li>" for x in b.items) + "</ul>")
        elif b.kind == "literal":
            parts.append(f"<pre>{escape(chr(10).join(b.lines))}</pre>")
        else:
            head, *body = b.rows or [[]]
            th = "".join(f"<th>{inline_html(x)}</th>" for x in head)
            trs = "".join(
                "<tr>" + "".join(f"<td>{inline_html(x)}</td>" for x in r) + "</tr>" for r in body
            )
            parts.append(f"<table><thead><tr>{th}</tr></thead><tbody>{trs}</tbody></table>")
    return Markup("\n".join(parts))


def to_text(doc: str, width: int = 88) -> str:
    """A docstring as plain text for the terminal: wrapped paragraphs, examples as bullets,
    tables as aligned columns."""
    out: list[str] = []
    for b in parse(doc):
        if b.kind == "para":
            out.append(textwrap.fill(inline_text(b.lines[0]), width))
        elif b.kind in ("terms", "bullets"):
            lines = [f"{inline_text(b.term)}:"] if b.kind == "terms" else []
            for x in b.items:
                lines.append(
                    textwrap.fill(
                        inline_text(x), width, initial_indent="  - ", subsequent_indent="    "
                    )
                )
            out.append("\n".join(lines))
        elif b.kind == "literal":
            out.append(textwrap.indent("\n".join(b.lines), "    "))
        else:
            body = b.rows[1:]
            first = max((len(inline_text(r[0])) for r in b.rows), default=0) + 2
            lines = []
            for r in body:
                rest = " ".join(inline_text(x) for x in r[1:])
                lines.append(
                    textwrap.fill(
                        rest,
                        width,
                        initial_indent=inline_text(r[0]).ljust(first),
                        subsequent_indent=" " * first,
                    )
                )
            out.append("\n".join(lines))
    return "\n\n".join(out)
