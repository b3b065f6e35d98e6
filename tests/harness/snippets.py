"""Resolve `--8<--` lines the way pymdownx.snippets does (base path: the repository root).

Supported forms, as in pymdownx.snippets: `--8<-- "snippets/x.py"`, a line range `"snippets/x.py:3:9"`,
and a named section `"snippets/x.py:view"` delimited in the file by `# --8<-- [start:view]` and
`# --8<-- [end:view]`. A page may show a part, but the harness always runs the whole file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]  # the plugin sets it to pytest's rootdir
INCLUDE = re.compile(r'^(?P<indent>[ \t]*)--8<--[ \t]+(?P<quote>["\'])(?P<target>[^"\']+)(?P=quote)[ \t]*$')
SECTION_MARK = re.compile(r"^.*?--8<--[ \t]*\[[ \t]*(?:start|end)[ \t]*:[ \t]*[a-z][-_0-9a-z]*[ \t]*\][ \t]*$", re.I)


class SnippetError(ValueError):
    pass


@dataclass
class Include:
    path: Path  # absolute path of the included file
    start: int | None  # 1-based line range, or a section name
    end: int | None
    section: str | None
    indent: str

    def whole(self) -> str:
        """The whole file, which is what runs."""
        return self.path.read_text()

    def shown(self) -> str:
        """What the reader sees: the excerpt, without section marks, indented like the include line."""
        lines = self.whole().split("\n")  # as pymdownx: a final newline shows as a blank line
        if self.section:
            start = _find(lines, f"[start:{self.section}]", self)
            end = _find(lines, f"[end:{self.section}]", self)
            lines = lines[start + 1 : end]
        elif self.start is not None:
            lines = lines[self.start - 1 : self.end]
        lines = [line for line in lines if not SECTION_MARK.match(line)]
        return "".join(f"{self.indent}{line}\n" if line else "\n" for line in lines)


def _find(lines: list[str], mark: str, include: Include) -> int:
    for number, line in enumerate(lines):
        if "--8<--" in line and mark in line.replace(" ", ""):
            return number
    raise SnippetError(f"section mark {mark} not found in {include.path}")


def parse_include(line: str, root: Path | None = None) -> Include | None:
    """The include on this line, or None when the line is not a `--8<--` include."""
    match = INCLUDE.match(line.rstrip("\n"))
    if match is None:
        return None
    root = root or ROOT
    target = match["target"]
    name, start, end, section = target, None, None, None
    ranged = re.fullmatch(r"(?P<name>.+?):(?P<start>\d+)(?::(?P<end>\d+))?", target)
    named = re.fullmatch(r"(?P<name>.+?):(?P<section>[a-z][-_0-9a-z]*)", target, re.I)
    if ranged:
        name, start, end = ranged["name"], int(ranged["start"]), int(ranged["end"] or 0) or None
    elif named and not (root / target).exists():
        name, section = named["name"], named["section"]
    path = (root / name).resolve()
    if not path.is_file():
        raise SnippetError(f"snippet {name!r} not found under {root}")
    return Include(path, start, end, section, match["indent"])


def expand(source: str, root: Path | None = None) -> str:
    """`source` with every include replaced by what the reader sees."""
    out = []
    for line in source.splitlines(keepends=True):
        include = parse_include(line, root)
        out.append(include.shown() if include else line)
    return "".join(out)
