"""docs/data/compat.json as the site shows it: block ids, the compatibility matrix table, and the result of one
block on one release (both rendered by the MkDocs hook at build time, never typed by hand)."""

from __future__ import annotations

import hashlib
import html
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


def load() -> dict:
    return json.loads(COMPAT.read_text()) if COMPAT.exists() else {"releases": {}, "blocks": {}}


def section_of(text: str, line: int) -> tuple[str, str]:
    """(heading text, anchor) of the last heading above `line` (outside fenced blocks)."""
    inside = {n for f in find_fences(text) for n in range(f.line, f.line + f.source.count("\n") + 2)}
    title, anchor = "", ""
    for number, row in enumerate(text.splitlines()[: line - 1], 1):
        match = HEADING.match(row)
        if match and number not in inside:
            title = match["text"]
            anchor = match["id"] or slugify(re.sub(r"[`*]", "", title), "-")
    return title, anchor


def table(data: dict, docs: Path, here: str) -> str:
    """The features × releases table, as Markdown, with links relative to the page `here` (docs-relative)."""
    releases = list(data["releases"])
    head = "| block | range | " + " | ".join(releases) + " |\n| --- | --- |" + " --- |" * len(releases) + "\n"
    rows = []
    for entry in sorted(data["blocks"].values(), key=lambda e: (e["page"], e["line"])):
        page = entry["page"].removeprefix("docs/")
        title, anchor = section_of((docs / page).read_text(), entry["line"])
        link = _relative(page, here) + (f"#{anchor}" if anchor else "")
        label = f"[{html.escape(title or page)}]({link})<br><small>{page}:{entry['line']}</small>"
        cells = [_cell(entry["results"].get(r)) for r in releases]
        rows.append(f"| {label} | `{entry['spec']}` | " + " | ".join(cells) + " |")
    return head + "\n".join(rows) + "\n"


def _cell(result: dict | None) -> str:
    if result is None:
        return "–"
    if result["status"] == "passed":
        return '<span class="compat-pass" title="passed">✔</span>'
    return f'<span class="compat-fail" title="{html.escape(result["error"], quote=True)}">✘</span>'


def _relative(target: str, here: str) -> str:
    depth = here.count("/")
    return "../" * depth + target


def result_note(data: dict, page: str, text: str, position: int, release: str, indent: str) -> str:
    """What the block right above `position` did on `release` in the last matrix run, as an admonition."""
    fences = [f for f in find_fences(text) if f.end <= position]
    if not fences:
        raise ValueError(f"{page}: a compat-result mark needs a fenced block above it")
    entry = data["blocks"].get(block_id(page, fences[-1].source))
    column = data["releases"].get(release)
    if entry is None or column is None or release not in entry["results"]:
        raise ValueError(f"{page}: no matrix result for the block at line {fences[-1].line} on {release}; run make matrix")
    result = entry["results"][release]
    versions = f"Django {column['django']} on Python {column['python']}"
    if result["status"] == "passed":
        body = f"On {versions}, this block runs and passes."
    else:
        body = f"On {versions}, this block fails with:\n\n{indent}    ```text\n{indent}    {result['error']}\n{indent}    ```"
    return f'{indent}!!! note "What Django {release} does with the block above (from `make matrix`)"\n\n{indent}    {body}\n'
