"""The Django version directive (`<!-- test: django ">=4.1" -->`): parse it, decide whether this Django
runs the block, and make the badge text the site shows."""

from __future__ import annotations

from packaging.specifiers import InvalidSpecifier, SpecifierSet
from packaging.version import Version


def parse(spec: str) -> SpecifierSet:
    try:
        parsed = SpecifierSet(spec)
    except InvalidSpecifier as error:
        raise ValueError(f"not a version range: {spec!r} (write e.g. '>=4.1' or '>=3.1,<5.0')") from error
    if not len(parsed):
        raise ValueError("an empty version range")
    return parsed


def current() -> Version:
    import django

    return Version(django.__version__)


def skip_reason(spec: str, version: Version | None = None) -> str | None:
    """None when `version` (default: the installed Django) is in range, else why the block is skipped."""
    version = version or current()
    if parse(spec).contains(version, prereleases=True):
        return None
    return f"needs Django {spec}; this run has Django {version}"


def badge(spec: str) -> str:
    """'Django ≥ 4.1', 'Django ≥ 3.1, < 5.0'."""
    symbols = {">=": "≥ ", "<=": "≤ ", "<": "< ", ">": "> ", "==": "= ", "!=": "≠ ", "~=": "~ "}
    parts = sorted(parse(spec), key=lambda s: (s.operator[0] != ">", s.version))
    return "Django " + ", ".join(symbols.get(s.operator, s.operator) + s.version for s in parts)
