"""The async APIs that each release's notes name, read from the primary source: the release notes inside
the Django sdist (`docs/releases/X.Y.txt`).

An API counts as async when the notes reference it (``name()`` or a :meth:/:func:/:class: role) and Django's
own source defines it as an `async def` whose name starts with "a", or as a class whose name starts with
"Async". The result is committed as docs/data/release-notes-async.json, so `make test` checks the release
pages against it without a download; regenerate it with `make release-notes` after an upgrade of Django.

    python -m tests.harness.release_notes [--sdist DIR]
"""

from __future__ import annotations

import argparse
import ast
import json
import re
from pathlib import Path

from . import sources

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "docs" / "data" / "release-notes-async.json"
RELEASES = ["3.0", "3.1", "3.2", "4.0", "4.1", "4.2", "5.0", "5.1", "5.2", "6.0", "6.1"]

# ``aget()`` or :meth:`.QuerySet.aget` or :func:`label <django.x.aget>`
REFERENCE = re.compile(r":(?:meth|func|class|attr):`(?:[^`<]*<)?(?P<role>[^`>]+)>?`|``(?P<literal>[^`]+)``")


def async_names(package: Path) -> set[str]:
    """Public `async def` names starting with "a", and `Async…` classes, defined anywhere in `package`."""
    names = set()
    for path in package.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_bytes(), str(path))):
            if isinstance(node, ast.AsyncFunctionDef) and re.match(r"a[a-z]", node.name):
                names.add(node.name)
            elif isinstance(node, ast.ClassDef) and node.name.startswith("Async"):
                names.add(node.name)
    return names


def named_in(notes: str, known: set[str]) -> list[dict]:
    """Each async API referenced in `notes`, once, with the line of its first reference."""
    seen: dict[str, dict] = {}
    for match in REFERENCE.finditer(notes):
        reference = (match["role"] or match["literal"]).strip()
        name = reference.removesuffix("()").lstrip("~.").rsplit(".", 1)[-1]
        if name in known and name not in seen:
            seen[name] = {"name": name, "reference": reference, "line": notes.count("\n", 0, match.start()) + 1}
    return sorted(seen.values(), key=lambda entry: entry["line"])


def read(sdist: Path) -> dict:
    django_version = re.search(r"^Version: (\S+)", (sdist / "PKG-INFO").read_text(), re.MULTILINE)[1]
    known = async_names(sdist / "django")
    releases = {}
    for release in RELEASES:
        notes = (sdist / "docs" / "releases" / f"{release}.txt").read_text(encoding="utf-8")
        releases[release] = named_in(notes, known)
    return {"source": f"docs/releases/X.Y.txt in the Django {django_version} sdist", "django": django_version,
            "releases": releases}


def main(argv: list[str] | None = None) -> int:
    import django

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sdist", type=Path, help="an unpacked Django sdist (default: the installed version's, downloaded once into .cache/sources/)")
    args = parser.parse_args(argv)
    data = read(args.sdist or sources.sdist("django", django.__version__))  # cached in .cache/sources/
    DATA.write_text(json.dumps(data, indent=1) + "\n")
    count = sum(len(names) for names in data["releases"].values())
    print(f"{DATA.relative_to(ROOT)}: {count} async APIs named in the notes of {len(RELEASES)} releases")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
