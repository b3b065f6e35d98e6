"""How a failing block is reported: `docs/<page>.md:LINE` first, then the details.

Also works around Sybil 10.1.0's crash on chained exceptions (`raise … from …`): its traceback filter
indexes `tb[1]` on every exception of the chain, and a cause raised in one frame has only one entry
(`INTERNALERROR … IndexError`). Remove the patch when Sybil fixes it; tests/test_failures.py tells.
"""

from __future__ import annotations

import asyncio
import traceback
from pathlib import Path

import sybil
from sybil.integration.pytest import SybilItem

from .snippets import ROOT

BASE = ROOT  # paths are shown relative to this; the plugin sets it to pytest's rootdir


class BlockFailure(AssertionError):
    """A block ran but did not do what the page shows; `line` is the page line to look at."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line


def relative(path: str | Path) -> str:
    path = Path(path)
    return str(path.relative_to(BASE)) if path.is_relative_to(BASE) else str(path)


def location(item: SybilItem, error: BaseException) -> str:
    """`docs/page.md:LINE`: the deepest frame in the page, else the block's line."""
    page = item.example.path
    line = error.line if isinstance(error, BlockFailure) else None
    if isinstance(error, SyntaxError) and error.filename == page:
        line = error.lineno
    if line is None:
        frames = [f for f in traceback.extract_tb(error.__traceback__) if f.filename == page]
        line = frames[-1].lineno if frames else item.example.line
    return f"{relative(page)}:{line}"


_sybil_filter = SybilItem._traceback_filter
_sybil_repr = SybilItem.repr_failure


HIDDEN = tuple(str(Path(module.__file__).parent) for module in (sybil, asyncio)) + (str(Path(__file__).parent),)


def _traceback_filter(self, excinfo):
    try:
        traceback = _sybil_filter(self, excinfo)
    except IndexError:  # the chained-exception crash
        traceback = excinfo.traceback
    # Show the page and snippet frames, not Sybil's or the harness's own.
    kept = traceback.filter(lambda entry: not str(entry.path).startswith(HIDDEN))
    return kept if len(kept) else traceback


def _repr_failure(self, excinfo, style=None):
    where = location(self, excinfo.value)
    headline = traceback.format_exception_only(excinfo.value)[-1].strip()
    if isinstance(excinfo.value, BlockFailure):
        return f"{where}: {excinfo.value}"
    report = _sybil_repr(self, excinfo, style)
    if hasattr(report, "addsection"):
        report.addsection("failing block", f"{where}: {headline}")
        return report
    return f"{where}: {headline}\n{report}"


def install() -> None:
    SybilItem._traceback_filter = _traceback_filter
    SybilItem.repr_failure = _repr_failure
