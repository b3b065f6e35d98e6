"""Compare the output a page shows with the output a real run printed.

The rules (documented in the README, 'Comparing output'):
1. Both sides are normalised: timestamps become `<timestamp>`, PIDs where servers print them become
   `[PID]` / `pid: PID`.
   (Ports and the page's temporary project directory are mapped by the page before this.)
2. Trailing whitespace on each line, and blank lines before and after the output, are ignored.
3. A line that is only `...` matches any number of lines, none included; `...` inside a line matches
   any text on that line. Everything else must match exactly.
"""

from __future__ import annotations

import difflib
import re

ELLIPSIS = "..."
_NORMALISERS = [
    # 2026-11-25 10:31:03[,.]123[ +0000|Z]  (logging, gunicorn, daphne)
    (re.compile(r"\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(?:[.,]\d+)?(?: ?(?:[+-]\d{2}:?\d{2}|Z|UTC))?"), "<timestamp>"),
    # November 25, 2026 - 10:31:03  (runserver banner)
    (re.compile(r"[A-Z][a-z]+ \d{1,2}, \d{4} - \d{2}:\d{2}:\d{2}"), "<timestamp>"),
    # 25/Nov/2026 10:31:03 or 25/Nov/2026:10:31:03 +0000  (request logs)
    (re.compile(r"\d{2}/[A-Z][a-z]{2}/\d{4}[ :]\d{2}:\d{2}:\d{2}(?: [+-]\d{4})?"), "<timestamp>"),
    # Wed, 25 Nov 2026 10:31:03 GMT  (HTTP Date header)
    (re.compile(r"[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT"), "<timestamp>"),
    # PIDs, only where servers print them: "server process [41872]" (uvicorn), "] [41872] [INFO]" (gunicorn,
    # hypercorn), "pid: 41872" / "PID: 41872" (gunicorn workers, granian). A bare "[1975]" stays a number.
    (re.compile(r"(?<=process )\[\d+\]"), "[PID]"),
    (re.compile(r"(?<=\] )\[\d+\](?= \[)"), "[PID]"),
    (re.compile(r"\b(pid|PID):? ?\d+\b"), r"\1: PID"),
]


def normalise(text: str) -> str:
    for pattern, replacement in _NORMALISERS:
        text = pattern.sub(replacement, text)
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").split("\n")]
    while lines and not lines[0]:
        lines.pop(0)
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines)


def _pattern(expected: str) -> re.Pattern[str]:
    parts = []
    for line in expected.split("\n"):
        if line.strip() == ELLIPSIS:
            parts.append(r"(?:[^\n]*\n)*?")
        else:
            parts.append(".*?".join(re.escape(piece) for piece in line.split(ELLIPSIS)) + r"\n")
    return re.compile("".join(parts))


def matches(expected: str, actual: str) -> bool:
    """True when `actual` is what `expected` shows, under the rules above (both already normalised)."""
    if not expected:
        return not actual
    return _pattern(expected).fullmatch(actual + "\n") is not None


def first_mismatch(expected: str, actual: str) -> int:
    """0-based index of the first expected line that the real output cannot match (both normalised)."""
    lines = normalise(expected).split("\n")
    actual = normalise(actual)
    for count in range(len(lines), 0, -1):
        if matches("\n".join(lines[:count] + [ELLIPSIS]), actual):
            return min(count, len(lines) - 1)
    return 0


def compare(expected: str, actual: str) -> str | None:
    """None when they match, else a readable explanation with a diff (normalises both sides)."""
    expected, actual = normalise(expected), normalise(actual)
    if matches(expected, actual):
        return None
    diff = "\n".join(
        difflib.unified_diff(expected.split("\n"), actual.split("\n"), "shown on the page", "real output", lineterm="")
    )
    return f"Expected (shown on the page):\n{_indent(expected)}\nGot (real output):\n{_indent(actual)}\nDiff:\n{diff}"


def _indent(text: str) -> str:
    return "\n".join("    " + line for line in (text or "<nothing>").split("\n"))
