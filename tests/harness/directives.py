"""Read the test-only directives that live in HTML comments: `<!-- test: NAME ARGS -->`.

The grammar, defined here once and documented in the README:

    <!-- test: skip "why this block cannot run" -->
    <!-- test: django ">=4.1,<5.0" -->     run only on Django versions in this range
    <!-- test: django ">=5.0,<5.2 || >=6.1" -->   a range in pieces (versions.py)
    <!-- test: raises SynchronousOnlyOperation -->   the block must raise this exception
    <!-- test: exit 1 -->                  the console block's last command must exit with this status
    <!-- test: timeout 30 -->              seconds a console command, a server or a Python/pycon block may take
    <!-- test: postgres -->                a PostgreSQL server for this page (PGHOST/PGPORT/… set) before the block
    <!-- test: redis -->                   a Redis server for this page (REDIS_URL set) before the block
    <!-- test: setup
    hidden_python_code()
    -->                                    hidden Python run at this point of the page
    <!-- test: quote "django:docs/releases/5.0.txt" -->   the block quote or paragraph below quotes this source

Every directive but `setup` and `quote` belongs to the fenced block right below it (only blank lines and other
directives may come between). The MkDocs hook removes all of them from the built site with `strip`.
"""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass

DIRECTIVE = re.compile(
    r"^(?P<indent>[ \t]*)<!--[ \t]*test:[ \t]*(?P<name>[\w-]+)(?P<args>[^\n]*?)[ \t]*"
    r"(?:\n(?P<body>.*?))?-->[ \t]*\n?",
    re.MULTILINE | re.DOTALL,
)
# Anything that looks like a directive, even a malformed one, so a typo is an error and never a silent no-op.
LOOSE = re.compile(r"<!--[ \t]*test\b", re.IGNORECASE)
ARGUMENTS = {"skip": 1, "django": 1, "raises": 1, "exit": 1, "timeout": 1, "postgres": 0, "redis": 0,
             "setup": 0, "quote": 1}
# Directives about prose rather than the fenced block below: `setup` runs where it stands, `quote` marks the
# block quote or paragraph below it (checked by tests/test_quotes.py, see quotes.py).
PROSE = {"setup", "quote"}


class DirectiveError(ValueError):
    """A directive a contributor got wrong; the message starts with `page:line`."""


@dataclass
class Directive:
    name: str
    args: list[str]
    body: str  # only `setup` has one
    start: int
    end: int
    line: int  # 1-based line of `<!--`
    body_line: int  # 1-based line of the first body line

    @property
    def value(self) -> str:
        return self.args[0] if self.args else ""


def find_directives(text: str, page: str, skip_ranges: list[tuple[int, int]] = ()) -> list[Directive]:
    """Every directive of the page outside `skip_ranges` (the fenced blocks, whose content is code)."""

    def outside(position: int) -> bool:
        return not any(start <= position < end for start, end in skip_ranges)

    found = []
    for match in DIRECTIVE.finditer(text):
        if not outside(match.start("name")):
            continue
        line = text.count("\n", 0, match.start()) + 1
        name = match["name"]
        if name not in ARGUMENTS:
            raise DirectiveError(f"{page}:{line}: unknown test directive {name!r}; known: {', '.join(ARGUMENTS)}")
        args = shlex.split(match["args"])
        if len(args) != ARGUMENTS[name]:
            raise DirectiveError(f"{page}:{line}: directive {name!r} takes {ARGUMENTS[name]} argument(s), got {args}")
        body = match["body"] or ""
        if (name == "setup") != bool(body.strip()):
            raise DirectiveError(f"{page}:{line}: only `setup` has a body, and it needs one")
        indent = match["indent"]
        body = "".join(row[len(indent) :] if row.startswith(indent) else row for row in body.splitlines(True))
        found.append(Directive(name, args, body, match.start(), match.end(), line, line + 1))
    known = {d.line for d in found}
    for match in LOOSE.finditer(text):
        line = text.count("\n", 0, match.start()) + 1
        if outside(match.start()) and line not in known:
            raise DirectiveError(f"{page}:{line}: malformed test directive; see README, 'Directives'")
    return found


def strip(markdown: str) -> str:
    """The page as readers get it: every directive removed (used by the MkDocs hook)."""
    return DIRECTIVE.sub("", markdown)
