"""`make matrix`: run every versioned block on the newest patch of each Django feature release, check that
each block's version range is true and tight, and write the results to docs/data/compat.json.

A block with `<!-- test: django ">=4.1" -->` must pass on every release in its range, and fail on the feature
release just below its lower bound and on its upper bound. Environments (`.venvs/django-X.Y`, made with uv,
with an interpreter found on PATH or under pyenv) are cached; a missing interpreter skips only its column.
"""

from __future__ import annotations

import argparse
import ast
import json
import os
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from packaging.version import Version

from . import versions
from .compat import COMPAT, block_id
from .directives import find_directives
from .fences import find_fences
from .parsers import PYTHON, _attached
from .python import PythonBlock, segments
from .snippets import expand

ROOT = Path(__file__).resolve().parents[2]
ENVS = ROOT / ".venvs"
# Feature release -> the Python it runs on here (each release's newest supported one that pyenv has).
RELEASES = {
    "2.2": "3.9", "3.0": "3.9", "3.1": "3.9", "3.2": "3.10", "4.0": "3.10", "4.1": "3.11",
    "4.2": "3.12", "5.0": "3.12", "5.1": "3.13", "5.2": "3.13", "6.0": "3.13", "6.1": "3.13",
}


@dataclass
class VersionedBlock:
    page: str  # docs/…md
    line: int
    spec: str
    steps: list[dict] = field(default_factory=list)  # hidden setup, then the block
    source: str = ""

    @property
    def id(self) -> str:
        return block_id(self.page, self.source)

    @property
    def where(self) -> str:
        return f"{self.page}:{self.line}"


def _python_step(source: str, line: int, path: str, raises: str | None = None) -> dict:
    block = PythonBlock.from_source(source, line, raises)
    return {
        "kind": "python",
        "segments": [list(segment) for segment in segments(block, path)],
        "expected": "\n".join(block.expected) if block.expected else None,
        "raises": raises,
    }


def _replayed(source: str, line: int, path: str) -> list[dict]:
    """An unversioned block as context for the versioned blocks below it: each top-level statement (and each
    included snippet file) is its own lenient step. What an older Django cannot do is left out, and the block
    that needed it fails on its own terms; what needs a page's server (not running here) fails quietly."""
    steps = []
    block = PythonBlock.from_source(source, line)
    for filename, padded in segments(block, path):
        pieces = [padded] if filename != path else [
            "\n" * (statement.lineno - 1) + ast.get_source_segment(padded, statement, padded=True)
            for statement in ast.parse(padded).body
        ]
        steps += [{"kind": "python", "segments": [[filename, piece]], "expected": None, "lenient": True}
                  for piece in pieces]
    return steps


def collect(root: Path = ROOT) -> list[VersionedBlock]:
    """Every python/pycon block of docs/ that carries a `django` directive, with what it builds on: the hidden
    setup and the unversioned Python blocks above it on its page, replayed statement by statement (their
    output is not compared here)."""
    found = []
    for page in sorted((root / "docs").rglob("*.md")):
        text, name = page.read_text(), str(page.relative_to(root))
        fences = find_fences(text)
        directives = find_directives(text, name, [(f.start, f.end) for f in fences])
        attached = _attached(text, fences, directives, name)
        context = []  # what a versioned block may build on: hidden setup and unversioned Python blocks above it
        events = sorted([(d.start, d) for d in directives if d.name == "setup"] + [(f.start, f) for f in fences],
                        key=lambda event: event[0])
        index_of = {id(fence): index for index, fence in enumerate(fences)}
        for _, item in events:
            if not hasattr(item, "lang"):
                context.append(_python_step(item.body, item.body_line, str(page)))
                continue
            fence = item
            options = {d.name: d.value for d in attached.get(index_of[id(fence)], [])}
            plain_python = fence.lang in PYTHON and not fence.source.lstrip().startswith(">>>")
            if "skip" in options:
                continue
            if "title" in fence.attrs:
                if fence.lang in PYTHON:  # a file of the reader's project, which later blocks may import
                    context.append({"kind": "file", "path": fence.attrs["title"], "content": expand(fence.source)})
                continue
            if "django" not in options:
                if plain_python and "raises" not in options:
                    context += _replayed(fence.source, fence.source_line, str(page))
                continue
            block = VersionedBlock(name, fence.line, options["django"], source=fence.source)
            block.steps = list(context)
            if fence.lang == "pycon" or (fence.lang in PYTHON and fence.source.lstrip().startswith(">>>")):
                block.steps.append({"kind": "pycon", "source": fence.source, "line": fence.line, "filename": str(page)})
            elif fence.lang in PYTHON:
                block.steps.append(_python_step(fence.source, fence.source_line, str(page), options.get("raises")))
            else:
                raise SystemExit(f"{block.where}: only python and pycon blocks can carry a django directive")
            found.append(block)
    return found


def find_interpreter(minor: str) -> str | None:
    candidates = [f"python{minor}"]
    pyenv = subprocess.run(["pyenv", "root"], capture_output=True, text=True).stdout.strip() if _has("pyenv") else ""
    root = Path(pyenv or os.environ.get("PYENV_ROOT", Path.home() / ".pyenv"))
    candidates += sorted((str(p) for p in root.glob(f"versions/{minor}.*/bin/python{minor}")), reverse=True)
    for candidate in candidates:
        probe = subprocess.run([candidate, "-c", "import sys; print('%d.%d' % sys.version_info[:2])"],
                               capture_output=True, text=True) if _has(candidate) else None
        if probe and probe.returncode == 0 and probe.stdout.strip() == minor:
            return candidate
    return None


def _has(program: str) -> bool:
    return Path(program).is_file() or any((Path(d) / program).is_file() for d in os.environ["PATH"].split(os.pathsep))


def ensure_env(release: str) -> Path | None:
    """The environment's python for `release`, created and cached under .venvs/; None without an interpreter."""
    env = ENVS / f"django-{release}"
    python = env / "bin" / "python"
    marker = env / ".installed"
    if marker.exists():
        return python
    interpreter = find_interpreter(RELEASES[release])
    if interpreter is None:
        return None
    uv = str(Path(sys.executable).parent / "uv")
    subprocess.run([uv, "venv", "--quiet", "--clear", "--python", interpreter, str(env)], check=True)
    # psycopg: blocks about the PostgreSQL backend import it (Django uses psycopg 3 from 4.2 on).
    subprocess.run([uv, "pip", "install", "--quiet", "--python", str(python), f"django=={release}.*",
                    "psycopg[binary]"], check=True)
    marker.touch()
    return python


def run_release(release: str, blocks: list[VersionedBlock]) -> dict:
    python = ensure_env(release)
    if python is None:
        return {"missing": f"no Python {RELEASES[release]} found on PATH or under pyenv"}
    jobs = [{"id": b.id, "page": str(ROOT / b.page), "module": "page_matrix", "steps": b.steps} for b in blocks]
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as handle:
        json.dump(jobs, handle)
    try:
        env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONDONTWRITEBYTECODE": "1"}
        env.pop("DJANGO_SETTINGS_MODULE", None)
        with tempfile.TemporaryDirectory(prefix="matrix-") as scratch:  # files blocks write land here
            done = subprocess.run([str(python), "-W", "ignore", "-m", "tests.harness.blockrun", handle.name],
                                  cwd=scratch, env=env, capture_output=True, text=True, timeout=1800)
    finally:
        os.unlink(handle.name)
    if done.returncode != 0:
        raise SystemExit(f"Django {release}: the block runner crashed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout)


def previous(release: str) -> str | None:
    names = list(RELEASES)
    index = names.index(release)
    return names[index - 1] if index else None


def must(spec: str) -> dict[str, str]:
    """release -> "passed"/"failed" that the directive claims, for the releases whose result is checked."""
    parsed = versions.parse(spec)
    claims = {r: "passed" for r in RELEASES if parsed.contains(Version(r + ".999"), prereleases=True)}
    for s in parsed:
        bound = s.version.rsplit(".", s.version.count(".") - 1)[0] if s.version.count(".") > 1 else s.version
        if s.operator == ">=" and previous(bound):
            claims[previous(bound)] = "failed"
        elif s.operator == "<" and bound in RELEASES:
            claims[bound] = "failed"
    return claims


def check(blocks: list[VersionedBlock], results: dict[str, dict]) -> list[str]:
    problems = []
    for block in blocks:
        for release, claim in must(block.spec).items():
            column = results.get(release)
            if column is None or "missing" in column:
                continue  # not run this time, or no interpreter
            got = column["by_id"][block.id]
            if got["status"] != claim:
                seen = f": {got['error']}" if got["error"] else ""
                problems.append(f"{block.where}: django {block.spec!r} claims it {claim} on Django "
                                f"{column['django']}, but it {got['status']}{seen}")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--release", action="append", choices=list(RELEASES), help="only these (repeatable)")
    parser.add_argument("--no-write", action="store_true", help="check only; leave docs/data/compat.json")
    args = parser.parse_args(argv)
    started = time.monotonic()
    blocks = collect()
    releases = args.release or list(RELEASES)
    print(f"matrix: {len(blocks)} versioned blocks x {len(releases)} releases")
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        columns = dict(zip(releases, pool.map(lambda r: run_release(r, blocks), releases)))
    for release, column in columns.items():
        if "missing" in column:
            print(f"matrix: Django {release}: SKIPPED, {column['missing']}")
            continue
        column["by_id"] = {result["id"]: result for result in column.pop("results")}
        failed = sum(r["status"] == "failed" for r in column["by_id"].values())
        print(f"matrix: Django {column['django']} on Python {column['python']}: "
              f"{len(blocks) - failed} passed, {failed} failed")
    problems = check(blocks, columns)
    if not args.no_write and not args.release:
        write(blocks, columns)
    for problem in problems:
        print(problem)
    print(f"matrix: {len(problems)} contradicted claims in {time.monotonic() - started:.1f} s")
    return 1 if problems else 0


def write(blocks: list[VersionedBlock], columns: dict) -> None:
    data = {
        "releases": {r: {k: c[k] for k in ("django", "python")} if "missing" not in c else c for r, c in columns.items()},
        "blocks": {
            block.id: {
                "page": block.page,
                "line": block.line,
                "spec": block.spec,
                "results": {
                    r: {"status": c["by_id"][block.id]["status"], "error": c["by_id"][block.id]["error"]}
                    for r, c in columns.items() if "missing" not in c
                },
            }
            for block in blocks
        },
    }
    COMPAT.parent.mkdir(parents=True, exist_ok=True)
    COMPAT.write_text(json.dumps(data, indent=1, sort_keys=True, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    sys.exit(main())
