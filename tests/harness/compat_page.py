"""The compatibility page's generated part (the `<!-- compat-matrix -->` mark), from docs/data/compat.json:
a summary per release, then one short table per page whose rows say, without hovering, what each release did
with each versioned block. Links are relative to the docs root: the mark belongs on a top-level page."""

from __future__ import annotations

import html
import re
from itertools import groupby
from pathlib import Path

from packaging.version import Version

from .compat import block_id, headings, section_of
from .fences import find_fences
from .versions import parse

TITLE = re.compile(r"^#\s+(.+?)\s*$", re.MULTILINE)


def render(data: dict, docs: Path) -> str:
    releases = data["releases"]
    parts = [summary(releases, list(data["blocks"].values())), ""]
    for page, items in groupby(sorted(data["blocks"].items(), key=lambda item: item[1]["page"]),
                               key=lambda item: item[1]["page"]):
        name = page.removeprefix("docs/")
        text = (docs / name).read_text()
        title, found = TITLE.search(text), headings(text)
        parts += [f"## {title[1] if title else name}", "", f"[{name}]({name})", ""]
        # The rows repeat what the pages say; kept out of the search index, which every page downloads.
        parts += ['<div class="compat-table" data-search-exclude markdown>', ""]
        parts += ["| block | range | first pass | what each release did |", "| --- | --- | --- | --- |"]
        parts += [row(entry, name, found, releases) for entry in at_current_lines(page, dict(items), text)]
        parts += ["", "</div>", ""]
    return "\n".join(parts)


def at_current_lines(page: str, blocks: dict, text: str) -> list[dict]:
    """The entries of `page` (docs/…md), each at its block's line in `text` (the page as it is now), in that
    order: a block keeps its id (its page and its text) while lines are added above it, and only a change to its
    own text or range asks for `make matrix`."""
    lines = {block_id(page, fence.source): fence.line for fence in find_fences(text)}
    return sorted(({**entry, "line": lines.get(key, entry["line"])} for key, entry in blocks.items()),
                  key=lambda entry: entry["line"])


def summary(releases: dict, entries: list[dict]) -> str:
    pages = len({e["page"] for e in entries})
    head = [
        f"{len(entries)} versioned blocks on {pages} pages, each run on {len(releases)} releases.",
        "",
        "| release | run on | blocks passing | claims that hold |",
        "| --- | --- | --- | --- |",
    ]
    for release, column in releases.items():
        checked = [e for e in entries if checks(e, release)]
        passed = sum(e["results"].get(release, {}).get("status") == "passed" for e in checked)
        held = sum(holds(e, release, column) for e in checked)
        head.append(
            f"| {release} | Django {column['django']}, Python {column['python']} | {passed} of {len(checked)} "
            f"| {held} of {len(checked)} |"
        )
    return "\n".join(head)


def patch_column(release: str) -> bool:
    """'3.0.0': run only for the blocks with a patch-level bound just above it (tests/harness/matrix.py)."""
    return release.count(".") == 2


def checks(entry: dict, release: str) -> bool:
    """Does this release's column check the block? A feature release checks every block; a patch column, only
    the blocks whose range names the patch above it (the others have no result there, by design)."""
    return not patch_column(release) or release in entry["results"]


def holds(entry: dict, release: str, column: dict) -> bool:
    """Did this release do what the block's range says: pass inside it, fail outside it? (A feature release
    with no result for the block does not hold.)"""
    result = entry["results"].get(release)
    if result is None:
        return False
    inside = parse(entry["spec"]).contains(Version(column["django"]), prereleases=True)
    return (result["status"] == "passed") == inside


def row(entry: dict, page: str, found: list, releases: dict) -> str:
    title, anchor = section_of(found, entry["line"])
    link = page + (f"#{anchor}" if anchor else "")
    block = f"[{html.escape(title or page)}]({link}), line {entry['line']}"
    passing = [r for r in releases if entry["results"].get(r, {}).get("status") == "passed"]
    checked = {r: c for r, c in releases.items() if checks(entry, r)}
    verdict = "" if all(holds(entry, r, c) for r, c in checked.items()) else " **(claim contradicted)**"
    return (
        f"| {block} | `{entry['spec']}` | {passing[0] if passing else 'none'} "
        f"| {outcomes(entry, list(checked))}{verdict} |"
    )


def outcomes(entry: dict, releases: list[str]) -> str:
    """Consecutive releases with the same result, as one line each: '✘ 2.2–4.0: `AttributeError: …`'."""
    lines = []
    keyed = [(r, entry["results"].get(r, {"status": "missing", "error": ""})) for r in releases]
    for (status, error), group in groupby(keyed, key=lambda item: (item[1]["status"], item[1]["error"])):
        names = [r for r, _ in group]
        span = names[0] if len(names) == 1 else f"{names[0]}–{names[-1]}"
        if status == "passed":
            lines.append(f'<span class="compat-pass">✔ passes</span> on {span}')
        elif status == "missing":
            lines.append(f"not run on {span}")
        else:
            shown = html.escape(error.replace("|", "¦").replace("`", "'"))
            lines.append(f'<span class="compat-fail">✘ fails</span> on {span}: <code>{shown}</code>')
    return "<br>".join(lines)
