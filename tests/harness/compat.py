"""docs/data/compat.json as the site shows it: block ids, the compatibility matrix table, and the result of one
block on one release (both rendered at build time by tests/harness/site_markdown.py, never typed by hand)."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

from markdown.extensions.toc import slugify

from .fences import find_fences

ROOT = Path(__file__).resolve().parents[2]
COMPAT = ROOT / "docs" / "data" / "compat.json"
MARK = "<!-- compat-"  # both marks start so
TABLE_MARK = re.compile(r"^<!-- compat-matrix -->[ \t]*$", re.MULTILINE)
RESULT_MARK = re.compile(r"^(?P<indent>[ \t]*)<!-- compat-result: (?P<release>\d+\.\d+) -->[ \t]*$", re.MULTILINE)
HEADING = re.compile(r"^(#{1,6})\s+(?P<text>.*?)(?:\s*\{\s*#(?P<id>[\w-]+)\s*\})?\s*$")


def block_id(page: str, source: str) -> str:
    """Stable while the block's own text is unchanged: `docs/x.md#<hash of the source>`."""
    return f"{page}#{hashlib.sha1(source.encode()).hexdigest()[:10]}"


COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)


def load() -> dict:
    return json.loads(COMPAT.read_text()) if COMPAT.exists() else {"releases": {}, "blocks": {}}


def headings(text: str) -> list[tuple[int, str, str]]:
    """(line, heading text, anchor) of every heading of a page, outside fenced blocks."""
    inside = {n for f in find_fences(text) for n in range(f.line, f.line + f.source.count("\n") + 2)}
    for comment in COMMENT.finditer(text):  # a hidden setup's `# comment` is no heading either
        first = text.count("\n", 0, comment.start()) + 1
        inside |= set(range(first, first + comment[0].count("\n") + 1))
    found = []
    for number, row in enumerate(text.splitlines(), 1):
        match = HEADING.match(row)
        if match and number not in inside:
            title = match["text"]
            found.append((number, title, match["id"] or slugify(re.sub(r"[`*]", "", title), "-")))
    return found


def section_of(found: list[tuple[int, str, str]], line: int) -> tuple[str, str]:
    """(heading text, anchor) of the last of `found` (see `headings`) above `line`."""
    above = [(title, anchor) for number, title, anchor in found if number < line]
    return above[-1] if above else ("", "")


def entry_for(data: dict, source: str) -> dict | None:
    """The matrix entry of the block whose text is `source`, whatever page it is on (a Markdown extension does
    not know its page); None when there is none. Identical blocks on two pages must agree to be shown."""
    suffix = block_id("", source)
    found = [entry for key, entry in data["blocks"].items() if key.endswith(suffix)]
    if len({json.dumps(entry["results"], sort_keys=True) for entry in found}) > 1:
        raise ValueError(f"identical blocks on {[e['page'] for e in found]} have different matrix results")
    return found[0] if found else None


def result_note(data: dict, text: str, position: int, release: str, indent: str) -> str:
    """What the block right above `position` did on `release` in the last matrix run, as a success or failure
    admonition titled with the exact versions ("On Django 3.0.14, Python 3.9")."""
    fences = [f for f in find_fences(text) if f.end <= position]
    if not fences:
        raise ValueError(f"a compat-result mark needs a fenced block above it (mark for {release})")
    entry = entry_for(data, fences[-1].source)
    column = data["releases"].get(release)
    if entry is None or column is None or release not in entry["results"]:
        raise ValueError(
            f"no matrix result on {release} for the block at line {fences[-1].line} (its text changed?); run make matrix"
        )
    result = entry["results"][release]
    title = f"On Django {column['django']}, Python {column['python']}"
    if result["status"] == "passed":
        return f'{indent}!!! success "{title}"\n\n{indent}    This block runs and passes (checked by `make matrix`).\n'
    body = f"This block fails (checked by `make matrix`):\n\n{indent}    ```text\n{indent}    {result['error']}\n{indent}    ```"
    return f'{indent}!!! failure "{title}"\n\n{indent}    {body}\n'
