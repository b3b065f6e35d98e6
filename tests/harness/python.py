"""Run Python blocks in the page's namespace: top-level `await` on the page's event loop, `--8<--`
includes run under the snippet's own path, and `#>` lines compared with what the block printed."""

from __future__ import annotations

import ast
import contextlib
import inspect
import io
import sys
import traceback
from dataclasses import dataclass, field

from . import matching
from .failures import BlockFailure
from .page import page_of
from .snippets import parse_include

FLAGS = ast.PyCF_ALLOW_TOP_LEVEL_AWAIT
OUTPUT_PREFIX = "#>"


@dataclass
class PythonBlock:
    source: str
    line: int  # page line of the first source line
    raises: str | None = None  # exception name the block must raise
    expected: list[str] = field(default_factory=list)  # the `#>` lines, prefix removed
    expected_lines: list[int] = field(default_factory=list)  # their page lines

    @classmethod
    def from_source(cls, source: str, line: int, raises: str | None = None) -> "PythonBlock":
        shown = [(n, row.strip()) for n, row in enumerate(source.splitlines()) if row.strip().startswith(OUTPUT_PREFIX)]
        expected = [row[len(OUTPUT_PREFIX) :].removeprefix(" ") for _, row in shown]
        return cls(source, line, raises, expected, [line + n for n, _ in shown])


def run_code(code, namespace: dict) -> None:
    """Run compiled code; a coroutine (top-level await) runs on the page's event loop."""
    __tracebackhide__ = True
    if code.co_flags & inspect.CO_COROUTINE:
        page_of(namespace).runner.run(eval(code, namespace))
    else:
        exec(code, namespace)


def segments(block: PythonBlock, path: str):
    """(filename, padded source) pieces: page text, and whole snippet files at their real paths."""
    pending: list[str] = []
    first = block.line
    for offset, row in enumerate(block.source.splitlines(keepends=True)):
        include = parse_include(row)
        if include is None:
            if not pending:
                first = block.line + offset
            pending.append(row)
            continue
        if pending:
            yield path, "\n" * (first - 1) + "".join(pending)
            pending = []
        yield str(include.path), include.whole()
    if pending:
        yield path, "\n" * (first - 1) + "".join(pending)


class PythonEvaluator:
    def __call__(self, example) -> None:
        __tracebackhide__ = True
        block: PythonBlock = example.parsed
        page = page_of(example.namespace)
        captured = io.StringIO()
        raised = None
        try:
            with contextlib.redirect_stdout(captured), contextlib.chdir(page.cwd), page.importable_cwd():
                for filename, source in segments(block, example.path):
                    source = page.to_real(source)  # snippet files too: a shown port means the page's server
                    run_code(compile(source, filename, "exec", flags=FLAGS, dont_inherit=True), example.namespace)
        except Exception as error:
            if block.raises is None:
                sys.stdout.write(captured.getvalue())
                raise
            raised = error
        finally:
            example.namespace.pop("__builtins__", None)
        output = captured.getvalue()
        if block.raises is not None:
            if raised is None:
                raise BlockFailure(block.line, f"the block should raise {block.raises}, and it raised nothing")
            names = {cls.__name__ for cls in type(raised).__mro__} | {_qualified(type(raised))}
            if block.raises not in names:
                raise BlockFailure(block.line, f"the block should raise {block.raises}, it raised {raised!r}") from raised
            output += traceback.format_exception_only(raised)[-1]
        sys.stdout.write(output)
        if block.expected:
            expected, shown = "\n".join(block.expected), page.to_shown(output)
            problem = matching.compare(expected, shown)
            if problem:
                line = block.expected_lines[matching.first_mismatch(expected, shown)]
                raise BlockFailure(line, f"the `#>` output differs.\n{problem}")


def _qualified(cls: type) -> str:
    return f"{cls.__module__}.{cls.__qualname__}"


class FileEvaluator:
    """A titled block (`title="mysite/asgi.py"`) is a file of the reader's project: write it into the page's
    project directory, where later console blocks run, and compile it to catch syntax errors."""

    def __call__(self, example) -> None:
        __tracebackhide__ = True
        title, source, line = example.parsed
        page = page_of(example.namespace)
        target = (page.workdir / title).resolve()
        if not target.is_relative_to(page.workdir):
            raise BlockFailure(line, f"title {title!r} points outside the page's project directory")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(source)
        if target.suffix == ".py":
            compile("\n" * (line - 1) + source, example.path, "exec", flags=FLAGS, dont_inherit=True)
