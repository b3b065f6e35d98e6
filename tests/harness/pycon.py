"""Run interactive-session blocks (`pycon`, or `>>>` prompts in a python block): each statement in the
page's namespace, top-level `await` allowed, its echo and printed output compared, tracebacks by their
last line (as in doctest: `Traceback (most recent call last):`, then `...`, then `Type: message`)."""

from __future__ import annotations

import contextlib
import doctest
import io
import sys
import traceback
from dataclasses import dataclass

from . import matching
from .failures import BlockFailure
from .page import page_of
from .python import FLAGS, run_code


@dataclass
class Session:
    source: str
    line: int  # page line of the first source line


def _displayhook(value) -> None:
    # The interactive echo, written to the current (captured) stdout; `_` is left alone.
    if value is not None:
        sys.stdout.write(repr(value) + "\n")


class PyconEvaluator:
    def __call__(self, example) -> None:
        __tracebackhide__ = True
        session: Session = example.parsed
        page = page_of(example.namespace)
        for step in doctest.DocTestParser().get_examples(session.source):
            line = session.line + step.lineno
            captured = io.StringIO()
            error = None
            hook, sys.displayhook = sys.displayhook, _displayhook
            try:
                with contextlib.redirect_stdout(captured), contextlib.chdir(page.cwd), page.importable_cwd():
                    code = compile("\n" * (line - 1) + page.to_real(step.source), example.path, "single", flags=FLAGS)
                    run_code(code, example.namespace)
            except Exception as raised:
                if step.exc_msg is None:
                    raise
                error = raised
            finally:
                sys.displayhook = hook
                example.namespace.pop("__builtins__", None)
            got = page.to_shown(captured.getvalue())
            want = step.want
            if step.exc_msg is not None:
                if error is None:
                    raise BlockFailure(line, f"expected an exception ({step.exc_msg.strip()}), none was raised")
                want = want.split("Traceback (most recent call last):")[0] + step.exc_msg
                got += traceback.format_exception_only(error)[-1]
            problem = matching.compare(want, got)
            if problem:
                line += step.source.count("\n") + matching.first_mismatch(want, got)
                raise BlockFailure(line, f"`>>> {step.source.strip()}` printed something else.\n{problem}")
