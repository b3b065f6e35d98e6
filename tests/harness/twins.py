"""The async twins' first releases: docs/data/async-twins.json, from the matrix environments.

The cheat sheet (docs/guides/async-twins.md) lists every sync API of the installed Django that has an async
twin, with snippets/guides/async_twins/discover.py. This step runs that same file in each feature release's
environment of `make matrix` (.venvs/django-X.Y, 2.2 to 6.1; not the patch columns), one short child process
each, and writes, for each area and each (sync, async) pair, the first release that has it and the later
releases that no longer do (`missing_in`, empty unless a twin was removed).

    python -m tests.harness.twins             # every feature release -> docs/data/async-twins.json
    python -m tests.harness.twins discover    # the child: this interpreter's Django, as JSON on stdout

`make matrix` runs the child in each column (matrix.run_column) and writes the file with compat.json. The
page reads it with `first_releases()`, which fails when the file does not list exactly the installed Django's
twins. The child side runs on Python 3.9 and Django 2.2 too: standard library and Django only, no 3.10+ syntax.
"""

from __future__ import annotations

import json
import os
import runpy
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SNIPPET = ROOT / "snippets" / "guides" / "async_twins" / "discover.py"
DATA = ROOT / "docs" / "data" / "async-twins.json"
COMMAND = "`.venv/bin/python -m tests.harness.twins` (a step of `make matrix`)"


def _child() -> int:
    """Configure just enough Django to import the areas, run the snippet's discover(), print the result."""
    import django
    from django.conf import settings

    settings.configure(
        SECRET_KEY="twins",
        INSTALLED_APPS=["django.contrib.contenttypes", "django.contrib.auth", "django.contrib.sessions"],
    )
    django.setup()
    found = runpy.run_path(str(SNIPPET))["discover"]()
    print(json.dumps({
        "django": django.get_version(),
        "python": "%d.%d.%d" % sys.version_info[:3],
        "areas": {area: [list(pair) for pair in pairs] for area, pairs in found.items()},
    }))
    return 0


def discover_in(python: Path | str) -> dict:
    """Run the discovery under `python` (a matrix environment): {"django", "python", "areas"}."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONDONTWRITEBYTECODE": "1"}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    done = subprocess.run([str(python), "-W", "ignore", "-m", "tests.harness.twins", "discover"], cwd=ROOT,
                          env=env, capture_output=True, text=True, timeout=120)
    if done.returncode != 0:
        raise RuntimeError(f"the twins discovery failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout)


def _key(release: str) -> tuple:
    return tuple(int(part) for part in release.split("."))


def build(found: dict[str, dict]) -> dict:
    """The data file from each feature release's discovery ({release: discover_in(...)})."""
    releases = sorted(found, key=_key)
    areas = [area for area, *_ in runpy.run_path(str(SNIPPET))["AREAS"]]
    areas += sorted({area for result in found.values() for area in result["areas"]} - set(areas))
    data: dict = {
        "step": f"{COMMAND}: {SNIPPET.relative_to(ROOT)} run in .venvs/django-X.Y",
        "releases": {release: {key: found[release][key] for key in ("django", "python")} for release in releases},
        "areas": {},
    }
    for area in areas:
        having = {release: {tuple(pair) for pair in found[release]["areas"].get(area, [])} for release in releases}
        pairs = sorted(set().union(*having.values()), key=lambda pair: pair[1])
        entries = []
        for pair in pairs:
            first = next(release for release in releases if pair in having[release])
            later = releases[releases.index(first) + 1:]
            entries.append({"sync": pair[0], "async": pair[1], "first": first,
                            "missing_in": [release for release in later if pair not in having[release]]})
        if entries or any(area in found[release]["areas"] for release in releases):
            data["areas"][area] = entries
    return data


def write(data: dict, path: Path = DATA) -> None:
    path.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n")


def load(path: Path = DATA) -> dict:
    return json.loads(path.read_text())


def present(entry: dict, release: str) -> bool:
    return _key(entry["first"]) <= _key(release) and release not in entry["missing_in"]


def first_releases(found: dict, release: str | None = None, data: dict | None = None) -> dict[str, dict[str, str]]:
    """{area: {async name: first release}} for the twins `found` on the installed Django (discover()'s result),
    after checking that the data file lists exactly these as present in the installed feature release."""
    if release is None:
        import django

        release = "%d.%d" % django.VERSION[:2]
    data = load() if data is None else data
    name = DATA.relative_to(ROOT)
    if release not in data["releases"]:
        raise AssertionError(f"{name} has no column for Django {release}: run {COMMAND}")
    listed = {(area, entry["async"]) for area, entries in data["areas"].items() for entry in entries
              if present(entry, release)}
    has = {(area, async_name) for area, pairs in found.items() for _, async_name in pairs}
    unlisted, gone = _names(has - listed), _names(listed - has)
    if unlisted or gone:
        problems = []
        if unlisted:
            problems.append(f"Django {release} has {unlisted}, which it does not list for {release}")
        if gone:
            problems.append(f"it lists {gone} for {release}, which Django {release} does not have")
        raise AssertionError(f"{name} is stale: {'; '.join(problems)}. Run {COMMAND} and commit it")
    return {area: {entry["async"]: entry["first"] for entry in entries} for area, entries in data["areas"].items()}


def _names(pairs: set) -> str:
    return ", ".join(f"{area}: {name}" for area, name in sorted(pairs))


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv == ["discover"]:
        return _child()
    if argv:
        print(__doc__, file=sys.stderr)
        return 2
    from concurrent.futures import ThreadPoolExecutor

    from .matrix import RELEASES, ensure_env

    started = time.monotonic()

    def one(release: str) -> dict | None:
        python = ensure_env(release)
        return None if python is None else discover_in(python)

    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        found = dict(zip(RELEASES, pool.map(one, RELEASES)))
    missing = [release for release, result in found.items() if result is None]
    if missing:
        print(f"twins: no Python for Django {', '.join(missing)}; {DATA.relative_to(ROOT)} not written")
        return 1
    data = build(found)
    write(data)
    count = sum(len(entries) for entries in data["areas"].values())
    print(f"twins: {DATA.relative_to(ROOT)}: {count} twins in {len(data['areas'])} areas, "
          f"{len(found)} releases, in {time.monotonic() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
