"""Turn a page into Sybil regions: each fenced block of an executable language gets the evaluator for its
language, with the directives written above it; `setup` directives become hidden Python blocks."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from sybil import Document, Region

from . import console, timeouts, versions
from .directives import PROSE, Directive, DirectiveError, find_directives
from .failures import BlockFailure, relative
from .fences import Fence, find_fences
from .outside import OutsideRange
from .pycon import PyconEvaluator, Session
from .python import FileEvaluator, PythonBlock, PythonEvaluator
from .redis import RedisEvaluator
from .snippets import expand

PYTHON = {"python", "py", "python3"}
SHELL = {"console", "shell", "bash", "sh", "shell-session"}
# Every other language is display-only. Kept apart from the dispatch below on purpose: a language listed
# here that the parser does not handle shows up in the block report as "unaccounted" and fails the run.
EXECUTABLE = PYTHON | SHELL | {"pycon"}
# Configuration files a page's server reads (nginx's): a titled block is written into the project directory
# (and so counts as executed; the server that loads it is the test); an untitled one is display-only.
CONFIG_FILES = {"nginx"}


def is_executable(fence: Fence) -> bool:
    return fence.lang in EXECUTABLE or (fence.lang in CONFIG_FILES and "title" in fence.attrs)


@dataclass
class BlockInfo:
    """What the block report needs to know about a region."""

    lang: str
    line: int
    hidden: bool = False
    outside: str = ""  # set by OutsideRange: the block failed outside its Django range, as claimed, with what


class PostgresEvaluator:
    """Start the page's PostgreSQL cluster (once) before the block; skip with the reason where none can run."""

    def __init__(self, inner) -> None:
        self.inner = inner

    def __call__(self, example):
        __tracebackhide__ = True
        from . import postgres
        from .page import page_of

        page = page_of(example.namespace)
        if page.postgres is None:
            reason = postgres.unavailable()
            if reason:
                pytest.skip(reason)
            page.postgres = postgres.Cluster()
            page.postgres.start()
        return self.inner(example)


class Guarded:
    """Every block of a page: skipped with the reason once the page met a part that cannot run here (nginx not
    installed: the blocks after it depend on it); fails without running once an earlier block of the page timed
    out; a Python or pycon block (`seconds` set) runs under its time limit, and over it fails with where it was
    stuck."""

    def __init__(self, inner, seconds: float | None = None) -> None:
        self.inner = inner
        self.seconds = seconds

    def __call__(self, example):
        __tracebackhide__ = True
        from .page import page_of

        page = page_of(example.namespace)
        if page.missing:
            pytest.skip(page.missing)
        if page.aborted:
            raise BlockFailure(example.line, f"not run: {page.aborted}")
        if self.seconds is None:
            return self.inner(example)
        path = example.path
        try:
            with timeouts.TimeLimit(self.seconds, path, page.loop):
                return self.inner(example)
        except timeouts.BlockTimeout as timeout:
            where = relative(path)
            lines = [int(row.split(":")[1].split()[0]) for row in timeout.stack if row.startswith(where + ":")]
            line = lines[-1] if lines else example.line
            page.abort(f"{where}:{line} timed out, and the page's servers and database were stopped")
            stack = "\n".join("    " + row for row in timeout.stack) or "    (no frame of the page or a snippet)"
            raise BlockFailure(line, f"the block did not finish in {self.seconds:g} s (raise the limit with "
                                     f"<!-- test: timeout SECONDS -->). It was stuck at:\n{stack}") from None


class SkipEvaluator:
    def __init__(self, reason: str) -> None:
        self.reason = reason

    def __call__(self, example) -> None:
        pytest.skip(self.reason)


def _attached(text: str, fences: list[Fence], directives: list[Directive], page: str) -> dict[int, list[Directive]]:
    """Directives by the index of the fence right below them; a stray directive is an error."""
    attached: dict[int, list[Directive]] = {}
    starts = {fence.start: index for index, fence in enumerate(fences)}
    pending: list[Directive] = []
    for directive in directives:
        if directive.name in PROSE:
            if pending:
                raise DirectiveError(f"{page}:{pending[0].line}: directive is not right above a fenced block")
            continue
        if pending and text[pending[-1].end : directive.start].strip():
            raise DirectiveError(f"{page}:{pending[0].line}: directive is not right above a fenced block")
        pending.append(directive)
        gap_end = directive.end
        following = next((f for f in fences if f.start >= gap_end), None)
        if following is not None and not text[gap_end : following.start].strip():
            attached.setdefault(starts[following.start], []).extend(pending)
            pending = []
    if pending:
        raise DirectiveError(f"{page}:{pending[0].line}: directive is not right above a fenced block")
    return attached


def executable_fences(text: str, page: str) -> list[tuple[Fence, str | None]]:
    """Each executable fence of a page with the reason it does not show what this Django does (None: it runs and
    must pass): a `skip`, or a range that excludes this Django (there the block runs only to prove it fails).
    For static checks (the error index, the release-notes coverage) that ask "is this shown by a block that runs?"."""
    fences = find_fences(text)
    attached = _attached(text, fences, find_directives(text, page, [(f.start, f.end) for f in fences]), page)
    found = []
    for index, fence in enumerate(fences):
        if is_executable(fence):
            options = {d.name: d.value for d in attached.get(index, [])}
            skipped = options.get("skip") or (options.get("django") and versions.skip_reason(options["django"]))
            found.append((fence, skipped or None))
    return found


def _evaluator(fence: Fence, options: dict[str, str]):
    """(parsed, evaluator) for an executable fence, or None when its language has no evaluator."""
    source, line = fence.source, fence.source_line
    if (fence.lang in PYTHON or fence.lang in CONFIG_FILES) and "title" in fence.attrs:
        return (fence.attrs["title"], expand(source), line), FileEvaluator()
    if fence.lang == "pycon" or (fence.lang in PYTHON and source.lstrip().startswith(">>>")):
        return Session(source, line), PyconEvaluator()
    if fence.lang in PYTHON:
        return PythonBlock.from_source(source, line, options.get("raises")), PythonEvaluator()
    if fence.lang in SHELL:
        transcript = console.parse(source, line, int(options.get("exit", 0)), _float(options.get("timeout")))
        if fence.lang != "console" and not transcript.steps:
            transcript.script, transcript.log = source, []
        return transcript, console.ConsoleEvaluator()
    return None


def _float(value: str | None) -> float | None:
    return float(value) if value is not None else None


ALLOWED = {
    "skip": EXECUTABLE | CONFIG_FILES,
    "django": PYTHON | {"pycon"},  # what `make matrix` runs (and checks the range of)
    "raises": PYTHON,
    "exit": SHELL,
    "timeout": EXECUTABLE,
    "postgres": EXECUTABLE,
    "redis": EXECUTABLE,
}


def _check_value(directive: Directive, page: str) -> None:
    """A timeout that is not a number of seconds, a version range that does not parse: `page:line` errors."""
    if directive.name == "timeout":
        try:
            if float(directive.value) <= 0:
                raise ValueError
        except ValueError:
            raise DirectiveError(f"{page}:{directive.line}: timeout takes a number of seconds above 0, "
                                 f"not {directive.value!r}") from None
    if directive.name == "django":
        try:
            versions.parse(directive.value)
        except ValueError as error:
            raise DirectiveError(f"{page}:{directive.line}: {error}") from None


class PageParser:
    def __call__(self, document: Document):
        page = relative(document.path)
        fences = find_fences(document.text)
        directives = find_directives(document.text, page, [(f.start, f.end) for f in fences])
        attached = _attached(document.text, fences, directives, page)
        for directive in directives:
            if directive.name == "setup":
                region = Region(directive.start, directive.end, PythonBlock.from_source(directive.body, directive.body_line),
                                Guarded(PythonEvaluator(), timeouts.DEFAULT))
                region.block_info = BlockInfo("python", directive.line, hidden=True)
                yield region
        for index, fence in enumerate(fences):
            if not is_executable(fence):
                continue
            options = {}
            for directive in attached.get(index, []):
                if fence.lang not in ALLOWED[directive.name]:
                    raise DirectiveError(f"{page}:{directive.line}: `{directive.name}` does not apply to a "
                                         f"{fence.lang} block")
                if directive.name == "django" and "title" in fence.attrs:
                    raise DirectiveError(f"{page}:{directive.line}: `django` does not apply to a titled block "
                                         f"(a file of the project is written, not run)")
                options[directive.name] = directive.value if directive.args else True
                _check_value(directive, page)
            found = _evaluator(fence, options)
            if found is None:
                continue
            parsed, evaluator = found
            if "skip" in options and not options["skip"].strip():
                raise DirectiveError(f"{page}:{fence.line}: a skip needs a reason")
            if "postgres" in options:
                evaluator = PostgresEvaluator(evaluator)
            if "redis" in options:
                evaluator = RedisEvaluator(evaluator)
            limited = fence.lang == "pycon" or (fence.lang in PYTHON and "title" not in fence.attrs)
            evaluator = Guarded(evaluator, float(options.get("timeout", timeouts.DEFAULT)) if limited else None)
            if "skip" in options:
                evaluator = SkipEvaluator(options["skip"])
            elif "django" in options and versions.skip_reason(options["django"]):
                # Outside its range the block claims to fail: checked apart from the page (see outside.py).
                evaluator = Guarded(OutsideRange(options["django"], fence.line))
            region = Region(fence.start, fence.end, parsed, evaluator)
            region.block_info = BlockInfo(fence.lang, fence.line)
            yield region
