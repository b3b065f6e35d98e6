"""The Django version directive (`<!-- test: django ">=4.1" -->`): parse it, decide whether this Django
runs the block, and make the badge text the site shows.

A range is one or more alternatives separated by `||`, each a PEP 440 specifier set:
`">=5.0,<5.2 || >=6.1"` claims the block passes on 5.0 and 5.1, fails on 5.2 and 6.0, passes again on 6.1.
"""

from __future__ import annotations

from dataclasses import dataclass

from packaging.specifiers import InvalidSpecifier, Specifier, SpecifierSet
from packaging.version import Version

OR = "||"


@dataclass(frozen=True)
class Range:
    alternatives: tuple[SpecifierSet, ...]

    def contains(self, version: Version | str, prereleases: bool = True) -> bool:
        return any(alternative.contains(version, prereleases=prereleases) for alternative in self.alternatives)

    def __iter__(self):
        """Every specifier of every alternative (each bound the range has)."""
        return (specifier for alternative in self.alternatives for specifier in alternative)


def parse(spec: str) -> Range:
    alternatives = []
    for text in spec.split(OR):
        try:
            parsed = SpecifierSet(text.strip())
        except InvalidSpecifier as error:
            raise ValueError(f"not a version range: {spec!r} (write e.g. '>=4.1', '>=3.1,<5.0' "
                             f"or '>=5.0,<5.2 || >=6.1')") from error
        if not len(parsed):
            raise ValueError(f"an empty version range in {spec!r}")
        alternatives.append(parsed)
    return Range(tuple(alternatives))


def current() -> Version:
    import django

    return Version(django.__version__)


def skip_reason(spec: str, version: Version | None = None) -> str | None:
    """None when `version` (default: the installed Django) is in range, else why the block is skipped."""
    version = version or current()
    if parse(spec).contains(version, prereleases=True):
        return None
    return f"needs Django {spec}; this run has Django {version}"


SYMBOLS = {">=": "≥ ", "<=": "≤ ", "<": "< ", ">": "> ", "==": "= ", "!=": "≠ ", "~=": "~ "}


def _alternative(specifiers: SpecifierSet) -> str:
    parts: list[Specifier] = sorted(specifiers, key=lambda s: (s.operator[0] != ">", Version(s.version.rstrip(".*"))))
    return ", ".join(SYMBOLS.get(s.operator, s.operator) + s.version for s in parts)


def badge(spec: str) -> str:
    """'Django ≥ 4.1', 'Django ≥ 3.1, < 5.0', 'Django ≥ 5.0, < 5.2 or ≥ 6.1' (plain text: the caller escapes it)."""
    return "Django " + " or ".join(_alternative(alternative) for alternative in parse(spec).alternatives)
