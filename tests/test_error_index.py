"""The error-message index (docs/errors/index.md) lists only messages that a page really reproduces.

Each entry of the index is a `### ` heading, a ```text block with the message as readers see it, a cause,
a fix and a line `Reproduced in: [page](../guides/x.md#anchor)`. For each entry this test opens the linked
page and looks for the message in the output that an executed block of that page SHOWS: the `#>` lines of
a python block, the lines under the `$` commands of a console block (or a server-log block), the expected
lines of a pycon session. The harness compares that shown output with the real output when the page runs,
so a message found there is a message Django (or the server) really printed. The block must run on this
Django (no `skip` directive, a version range that includes it) and sit in the section the link's `#anchor`
names. Static and fast: nothing runs.

In the index, `…` (or `...`) inside a message line matches any text on that line.
"""

from __future__ import annotations

import doctest
import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from markdown.extensions.toc import slugify

from tests.harness import console
from tests.harness.fences import Fence, find_fences
from tests.harness.parsers import PYTHON, SHELL, executable_fences
from tests.harness.python import PythonBlock

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
INDEX = DOCS / "errors" / "index.md"

# Messages the index must carry (wildcards as in the index).
REQUIRED = [
    "SynchronousOnlyOperation: You cannot call this from an async context - use a thread or sync_to_async.",
    "Django can only handle ASGI/HTTP connections, not websocket.",
    "Django can only handle ASGI/HTTP connections, not lifespan.",
    "ASGI 'lifespan' protocol appears unsupported.",
    "StreamingHttpResponse must consume synchronous iterators in order to serve them asynchronously. "
    "Use an asynchronous iterator instead.",
    "StreamingHttpResponse must consume asynchronous iterators in order to serve them synchronously. "
    "Use a synchronous iterator instead.",
    "You cannot use AsyncToSync in the same thread as an async event loop - just await the async function directly.",
    "DatabaseWrapper objects created in a thread can only be used in that same thread.",
    "Asynchronous handler adapted for middleware",
    "'Atomic' object does not support the asynchronous context manager protocol",
    "coroutine '…' was never awaited",
    "didn't return an HttpResponse object. It returned an unawaited coroutine instead.",
]

HEADING = re.compile(r"^### (?P<title>.+?)\s*(?:\{[^}]*\})?\s*$")
LINK = re.compile(r"^Reproduced in: \[[^\]]+\]\((?P<target>[^)#\s]+\.md)(?:#(?P<anchor>[^)\s]+))?\)")
WILDCARD = re.compile(r"…|\.\.\.")
PAGE_HEADING = re.compile(r"^(?P<level>#{1,6})[ \t]+(?P<text>.+?)[ \t]*(?:\{[^}]*#(?P<id>[\w-]+)[^}]*\})?[ \t]*$")


@dataclass
class Entry:
    title: str
    line: int  # page line of the heading
    message: list[str]  # the lines of the ```text block
    page: Path | None  # the page that reproduces it
    anchor: str | None
    body: str  # the entry's text, heading excluded

    @property
    def where(self) -> str:
        return f"docs/errors/index.md:{self.line}: entry {self.title!r}"


@dataclass
class ShownBlock:
    line: int
    lang: str
    skipped: str | None  # why the harness would not run it on this Django, or None
    shown: list[str]  # the output lines the page shows for it


def parse_index(text: str) -> list[Entry]:
    lines = text.splitlines()
    starts = [n for n, row in enumerate(lines) if HEADING.match(row)]
    entries = []
    for number, start in enumerate(starts):
        stop = starts[number + 1] if number + 1 < len(starts) else len(lines)
        # An entry ends at the next heading of level 1–3 (a `## ` section after the last entry is not part of it).
        for n in range(start + 1, stop):
            if re.match(r"^#{1,2} ", lines[n]):
                stop = n
                break
        body = "\n".join(lines[start + 1 : stop]) + "\n"
        texts = [fence for fence in find_fences(body) if fence.lang == "text"]
        link = next((m for row in body.splitlines() if (m := LINK.match(row))), None)
        entries.append(
            Entry(
                title=HEADING.match(lines[start])["title"],
                line=start + 1,
                message=[row for row in texts[0].source.splitlines() if row.strip()] if texts else [],
                page=(INDEX.parent / link["target"]).resolve() if link else None,
                anchor=link["anchor"] if link else None,
                body=body,
            )
        )
    return entries


def shown_output(fence: Fence) -> list[str]:
    """What the page shows as the block's output; the harness compares exactly this with what really ran."""
    source = fence.source
    if fence.lang in PYTHON and "title" in fence.attrs:
        return []  # a file of the reader's project: written and compiled, prints nothing
    if fence.lang == "pycon" or (fence.lang in PYTHON and source.lstrip().startswith(">>>")):
        shown = []
        for step in doctest.DocTestParser().get_examples(source):
            want = step.want
            if step.exc_msg is not None:  # tracebacks are compared by their last line (see pycon.py)
                want = want.split("Traceback (most recent call last):")[0] + step.exc_msg
            shown += want.splitlines()
        return shown
    if fence.lang in PYTHON:
        return PythonBlock.from_source(source, fence.source_line).expected
    if fence.lang in SHELL:
        transcript = console.parse(source, fence.source_line)
        if fence.lang != "console" and not transcript.steps:
            return []  # a script whose output is not shown
        return transcript.log + [row for step in transcript.steps for row in step.expected]
    return []


def shown_blocks(page: Path) -> list[ShownBlock]:
    fences = executable_fences(page.read_text(), page.relative_to(ROOT).as_posix())
    return [ShownBlock(fence.line, fence.lang, skipped, shown_output(fence)) for fence, skipped in fences]


def section(page: Path, anchor: str | None) -> tuple[int, int] | None:
    """The page lines (first, last) of the section a `#anchor` points to; the whole page without an anchor;
    None when no heading has that id (explicit `{ #id }` or the slug MkDocs' toc gives its text)."""
    text = page.read_text()
    lines = text.splitlines()
    if anchor is None:
        return 1, len(lines)
    inside = set()
    for fence in find_fences(text):
        inside.update(range(fence.line, fence.line + fence.source.count("\n") + 2))
    headings = [(n + 1, m) for n, row in enumerate(lines) if n + 1 not in inside and (m := PAGE_HEADING.match(row))]
    for index, (line, match) in enumerate(headings):
        plain = re.sub(r"[`*_]", "", match["text"])
        if anchor in (match["id"], slugify(plain, "-")):
            level = len(match["level"])
            end = next((other - 1 for other, m in headings[index + 1 :] if len(m["level"]) <= level), len(lines))
            return line, end
    return None


def pattern(message_line: str) -> re.Pattern:
    return re.compile(".*".join(re.escape(part) for part in WILDCARD.split(message_line.strip())))


def shows(block: ShownBlock, message: list[str]) -> bool:
    """Every line of the message occurs, in order, in lines the block shows (a bare `...` line shows nothing)."""
    rows = [row for row in block.shown if row.strip() != "..."]
    position = 0
    for wanted in map(pattern, message):
        position = next((n + 1 for n in range(position, len(rows)) if wanted.search(rows[n])), None)
        if position is None:
            return False
    return True


def same_message(a: str, b: str) -> bool:
    return WILDCARD.sub("…", a) in WILDCARD.sub("…", b)


ENTRIES = parse_index(INDEX.read_text())


def test_the_index_has_entries_in_the_uniform_format():
    assert ENTRIES, "docs/errors/index.md has no `### ` entries"
    problems = []
    for entry in ENTRIES:
        if not entry.message:
            problems.append(f"{entry.where}: no ```text block with the message")
        if entry.page is None:
            problems.append(f"{entry.where}: no line `Reproduced in: [page](../x.md#anchor)`")
        elif not entry.page.is_file():
            problems.append(f"{entry.where}: links to {entry.page.relative_to(ROOT)}, which does not exist")
        for label in ("**Cause.**", "**Fix.**"):
            if label not in entry.body:
                problems.append(f"{entry.where}: no {label} paragraph")
    assert problems == []


def test_the_index_lists_every_required_message():
    listed = ["\n".join(entry.message) for entry in ENTRIES]
    missing = [message for message in REQUIRED if not any(same_message(message, text) for text in listed)]
    assert missing == [], "docs/errors/index.md lacks an entry for these messages"


def test_messages_are_unique():
    seen: dict[str, str] = {}
    for entry in ENTRIES:
        text = "\n".join(entry.message)
        assert text not in seen, f"{entry.where}: same message as entry {seen[text]!r}"
        seen[text] = entry.title


@pytest.mark.parametrize("entry", ENTRIES, ids=[entry.title for entry in ENTRIES])
def test_the_linked_page_reproduces_the_message(entry: Entry):
    assert entry.page is not None and entry.page.is_file(), f"{entry.where}: no page to look in"
    page = entry.page.relative_to(ROOT).as_posix()
    link = page + (f"#{entry.anchor}" if entry.anchor else "")
    bounds = section(entry.page, entry.anchor)
    assert bounds is not None, f"{entry.where}: {page} has no heading with the id #{entry.anchor}"
    blocks = shown_blocks(entry.page)
    found = [block for block in blocks if shows(block, entry.message)]
    running = [block for block in found if block.skipped is None]
    linked = [block for block in running if bounds[0] <= block.line <= bounds[1]]
    message = "\n    ".join(entry.message)
    if not found:
        pytest.fail(f"{entry.where}: no executable block of {page} shows the message\n    {message}")
    if not running:
        lines = ", ".join(f"{page}:{block.line} ({block.skipped})" for block in found)
        pytest.fail(f"{entry.where}: {page} shows the message only in blocks that do not run: {lines}")
    if not linked:
        lines = ", ".join(f"{page}:{block.line}" for block in running)
        pytest.fail(f"{entry.where}: the message is shown at {lines}, outside the section {link} links to")
