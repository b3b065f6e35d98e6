"""Find the fenced code blocks of a Markdown page, the way Python-Markdown's superfences sees them.

This is the one lexer of the harness: the Sybil parser and the block report both use it, so the blocks
that are run and the blocks that are counted cannot disagree. Fences may be indented (admonitions,
content tabs, list items); their content is dedented by the opening fence's indentation. A fence that
sits inside another fence's content is content, not a block.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

OPENING = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})[ \t]*(?P<info>[^\n`]*)$")
ATTRIBUTE = re.compile(r'(?P<key>[\w-]+)="(?P<value>[^"]*)"')


@dataclass
class Fence:
    """One fenced block: where it is, its language and attributes, and its dedented source."""

    start: int  # offset of the opening fence line in the page
    end: int  # offset just past the closing fence line
    line: int  # 1-based line of the opening fence
    indent: str
    lang: str  # first word of the info string, lower-cased; "" when there is none
    attrs: dict[str, str] = field(default_factory=dict)
    source: str = ""  # the content, dedented, ending with a newline when not empty

    @property
    def source_line(self) -> int:
        """1-based page line of the first content line."""
        return self.line + 1


def parse_info(info: str) -> tuple[str, dict[str, str]]:
    """Split a fence info string: `python title="a.py" hl_lines="2"` or `{.python .numberLines}`."""
    info = info.strip()
    words = info.lstrip("{").split()
    lang = words[0].lstrip(".").lower() if words else ""
    if "=" in lang:
        lang = ""
    attrs = {m["key"]: m["value"] for m in ATTRIBUTE.finditer(info)}
    return lang, attrs


def _dedent(line: str, indent: str) -> str:
    if line.startswith(indent):
        return line[len(indent) :]
    return line.lstrip(" \t")


def find_fences(text: str) -> list[Fence]:
    """Every top-level fenced block of `text`, in page order; an unclosed fence runs to the end."""
    fences: list[Fence] = []
    lines = text.splitlines(keepends=True)
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line))
    index = 0
    while index < len(lines):
        opening = OPENING.match(lines[index].rstrip("\n"))
        if opening is None:
            index += 1
            continue
        indent, marker = opening["indent"], opening["fence"]
        closing = re.compile(rf"^{re.escape(indent)}[ \t]*{re.escape(marker[0])}{{{len(marker)},}}[ \t]*$")
        body: list[str] = []
        end = index + 1
        while end < len(lines) and not closing.match(lines[end].rstrip("\n")):
            body.append(_dedent(lines[end], indent))
            end += 1
        lang, attrs = parse_info(opening["info"])
        last = min(end + 1, len(lines))
        fences.append(
            Fence(
                start=offsets[index],
                end=offsets[last],
                line=index + 1,
                indent=indent,
                lang=lang,
                attrs=attrs,
                source="".join(body),
            )
        )
        index = last
    return fences
