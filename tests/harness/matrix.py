"""`make matrix`: run every versioned block on the newest patch of each Django feature release, check that
each block's version range is exact, and write the results to docs/data/compat.json.

A block with `<!-- test: django ">=4.1" -->` must pass on every release in its range and fail on every
release outside it. A patch-level bound (`>=3.0.1`) adds a column for the patch release below it (3.0.0), run
for the blocks with that bound only. Environments (`.venvs/django-X.Y`, made with uv, with an interpreter found
on PATH or under pyenv) are cached; a missing interpreter skips only its column.

Two steps, so that CI can run one column per job and merge the results in a last job, with the same code:

    python -m tests.harness.matrix columns                    # the columns as JSON (CI's job matrix)
    python -m tests.harness.matrix run 4.2 --out FILE          # one column -> a results file
    python -m tests.harness.matrix merge FILE... [--write] [--compare] [--summary FILE]

With no command (`make matrix`), it runs every column in parallel into reports/matrix/, then merges them
with `--write`. Each feature-release column also runs the async twins' discovery (tests/harness/twins.py, one
short child process), and `--write` writes docs/data/async-twins.json from those too.
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
from functools import cached_property
from pathlib import Path

from packaging.version import Version

from . import twins, versions
from .compat import COMPAT, block_id, load
from .directives import find_directives
from .fences import find_fences
from .parsers import PYTHON, _attached
from .python import PythonBlock, segments
from .snippets import expand

ROOT = Path(__file__).resolve().parents[2]
ENVS = ROOT / ".venvs"
RESULTS = ROOT / "reports" / "matrix"
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

    @cached_property
    def patch_columns(self) -> list[str]:
        return patch_columns(self.spec)


def patch_columns(spec: str) -> list[str]:
    """For each patch-level bound (`>=3.0.1`, `<4.2.8`) the patch release just below it (3.0.0, 4.2.7)."""
    found = set()
    for specifier in versions.parse(spec):
        release = Version(specifier.version).release
        if len(release) >= 3 and release[2] >= 1:
            found.add(f"{release[0]}.{release[1]}.{release[2] - 1}")
    return sorted(found, key=Version)


def feature(column: str) -> str:
    """'3.0.0' -> '3.0'; '4.2' -> '4.2'."""
    return ".".join(column.split(".")[:2])


def columns_for(blocks: list[VersionedBlock]) -> list[str]:
    """Every feature release, then the patch releases that patch-level bounds need, in version order."""
    patches = {column for block in blocks for column in block.patch_columns}
    return sorted([*RELEASES, *patches], key=order)


def order(column: str) -> tuple:
    """Version order, a feature release before its patch columns (3.0, 3.0.0, 3.1: Version("3.0") == "3.0.0")."""
    return Version(column), column.count(".")


def blocks_in(column: str, blocks: list[VersionedBlock]) -> list[VersionedBlock]:
    if column in RELEASES:
        return blocks
    return [block for block in blocks if column in block.patch_columns]


def claim(spec: str, django: str) -> str:
    """What the directive claims the block does on this Django: passed inside the range, failed outside it."""
    return "passed" if versions.parse(spec).contains(Version(django), prereleases=True) else "failed"


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
        found += collect_page(page, str(page.relative_to(root)))
    return found


def collect_page(page: Path, name: str) -> list[VersionedBlock]:
    """The versioned blocks of one page (`name`: its path as reports show it), as `collect` describes; the main
    run uses it to check a block outside its range on the installed Django (tests/harness/outside.py)."""
    found = []
    text = page.read_text()
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


def ensure_env(column: str) -> Path | None:
    """The environment's python for `column` (a feature release: its newest patch; a patch release: exactly
    it), created and cached under .venvs/; None without an interpreter."""
    env = ENVS / f"django-{column}"
    python = env / "bin" / "python"
    marker = env / ".installed"
    if marker.exists():
        return python
    interpreter = find_interpreter(RELEASES[feature(column)])
    if interpreter is None:
        return None
    uv = str(Path(sys.executable).parent / "uv")
    requirement = f"django=={column}.*" if column in RELEASES else f"django=={column}"
    subprocess.run([uv, "venv", "--quiet", "--clear", "--python", interpreter, str(env)], check=True)
    # psycopg: blocks about the PostgreSQL backend import it (Django uses psycopg 3 from 4.2 on).
    subprocess.run([uv, "pip", "install", "--quiet", "--python", str(python), requirement, "psycopg[binary]"],
                   check=True)
    marker.touch()
    return python


def run_column(column: str, blocks: list[VersionedBlock]) -> dict:
    """Run the blocks that `column` checks, in its environment: {"column", "django", "python", "results"}."""
    python = ensure_env(column)
    if python is None:
        return {"column": column, "missing": f"no Python {RELEASES[feature(column)]} found on PATH or under pyenv"}
    jobs = [job(b, ROOT / b.page) for b in blocks_in(column, blocks)]
    try:
        result = run_jobs(python, jobs, timeout=1800)
        if column in RELEASES:  # the cheat sheet's first releases: which async twins this release has
            result["twins"] = twins.discover_in(python)
    except RuntimeError as error:
        raise SystemExit(f"Django {column}: {error}") from None
    return {"column": column, **result}


def job(block: VersionedBlock, page: Path) -> dict:
    """One block for tests/harness/blockrun.py: its steps, in a fresh namespace whose `__file__` is the page."""
    return {"id": block.id, "page": str(page), "module": "page_matrix", "steps": block.steps}


def run_jobs(python: Path | str, jobs: list[dict], timeout: float) -> dict:
    """Run `jobs` with tests.harness.blockrun under `python`: {"django", "python", "results"}. A runner that
    crashes (rather than a block that fails) is a RuntimeError with its stderr."""
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as handle:
        json.dump(jobs, handle)
    try:
        env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONDONTWRITEBYTECODE": "1"}
        env.pop("DJANGO_SETTINGS_MODULE", None)
        with tempfile.TemporaryDirectory(prefix="matrix-") as scratch:  # files blocks write land here
            # ... and the runner's temporary database and job directories too, removed with it.
            env["TMPDIR"] = scratch
            done = subprocess.run([str(python), "-W", "ignore", "-m", "tests.harness.blockrun", handle.name],
                                  cwd=scratch, env=env, capture_output=True, text=True, timeout=timeout)
    finally:
        os.unlink(handle.name)
    if done.returncode != 0:
        raise RuntimeError(f"the block runner crashed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.replace(str(ENVS), ".venvs"))  # the same errors on any machine


def check(blocks: list[VersionedBlock], columns: dict[str, dict]) -> list[str]:
    """Every contradicted claim, as `page:line: …` (columns: name -> a run_column result with `by_id`)."""
    problems = []
    for block in blocks:
        for name, column in columns.items():
            if "missing" in column or block.id not in column["by_id"]:
                continue  # no interpreter, or a patch column that does not check this block
            got = column["by_id"][block.id]
            claimed = claim(block.spec, column["django"])
            if got["status"] != claimed:
                seen = f": {got['error']}" if got["error"] else ""
                problems.append(f"{block.where}: django {block.spec!r} claims it {claimed} on Django "
                                f"{column['django']}, but it {got['status']}{seen}")
    return problems


def compare(blocks: list[VersionedBlock], columns: dict[str, dict], committed: dict) -> list[str]:
    """What this run did differently from the committed compat.json: a new Django patch, a changed result."""
    changes = []
    for name, column in columns.items():
        before = committed["releases"].get(name)
        if "missing" in column:
            continue
        if before is None or before.get("django") != column["django"]:
            changes.append(f"Django {name}: compat.json has {before and before.get('django')}, this run "
                           f"{column['django']}")
    for block in blocks:
        entry = committed["blocks"].get(block.id, {"results": {}})
        for name, column in columns.items():
            got = column.get("by_id", {}).get(block.id)
            before = entry["results"].get(name)
            if got is None:
                continue
            if before is None or before["status"] != got["status"]:
                seen = f" ({got['error']})" if got["error"] else ""
                changes.append(f"{block.where}: on Django {column['django']} compat.json says "
                               f"{before and before['status']}, this run {got['status']}{seen}")
    return changes


def load_results(paths: list[Path]) -> dict[str, dict]:
    columns = {}
    for path in paths:
        column = json.loads(Path(path).read_text())
        if "missing" not in column:
            column["by_id"] = {result["id"]: result for result in column.pop("results")}
        columns[column["column"]] = column
    return dict(sorted(columns.items(), key=lambda item: order(item[0])))


def merge(blocks: list[VersionedBlock], columns: dict[str, dict], write_file: bool, compare_with: dict | None,
          summary: Path | None) -> int:
    for name, column in columns.items():
        if "missing" in column:
            print(f"matrix: Django {name}: SKIPPED, {column['missing']}")
            continue
        failed = sum(r["status"] == "failed" for r in column["by_id"].values())
        print(f"matrix: {name}: Django {column['django']} on Python {column['python']}: "
              f"{len(column['by_id']) - failed} passed, {failed} failed")
    problems = check(blocks, columns)
    changes = compare(blocks, columns, compare_with) if compare_with is not None else []
    expected = columns_for(blocks)
    missing = [name for name in expected if name not in columns]
    if write_file:
        if missing:
            problems.append(f"matrix: no results for {', '.join(missing)}; compat.json not written")
        else:
            write(blocks, columns)
            print(write_twins(columns))
    for problem in problems:
        print(problem)
    for change in changes:
        print(f"changed: {change}")
    if summary is not None:
        write_summary(summary, problems, changes)
    print(f"matrix: {len(problems)} contradicted claims" + (f", {len(changes)} changes from compat.json"
                                                             if compare_with is not None else ""))
    return 1 if problems or changes else 0


def write_summary(path: Path, problems: list[str], changes: list[str]) -> None:
    """Markdown for a GitHub job summary ($GITHUB_STEP_SUMMARY): each failing claim as `page:line`."""
    lines = ["## Django matrix", ""]
    if not problems and not changes:
        lines.append("Every versioned block did what its range claims, as in the committed `compat.json`.")
    if problems:
        lines += ["### Contradicted claims", "", *[f"- `{p.split(': ', 1)[0]}`: {p.split(': ', 1)[1]}" for p in problems], ""]
    if changes:
        lines += ["### Different from the committed `docs/data/compat.json`", "", *[f"- {c}" for c in changes], ""]
    with open(path, "a") as handle:
        handle.write("\n".join(lines) + "\n")


def write(blocks: list[VersionedBlock], columns: dict) -> None:
    data = {
        "releases": {n: {k: c[k] for k in ("django", "python")} if "missing" not in c else c
                     for n, c in columns.items()},
        "blocks": {
            block.id: {
                "page": block.page,
                "line": block.line,
                "spec": block.spec,
                "results": {
                    n: {"status": c["by_id"][block.id]["status"], "error": c["by_id"][block.id]["error"]}
                    for n, c in columns.items() if "missing" not in c and block.id in c["by_id"]
                },
            }
            for block in blocks
        },
    }
    COMPAT.parent.mkdir(parents=True, exist_ok=True)
    COMPAT.write_text(json.dumps(data, indent=1, sort_keys=True, ensure_ascii=False) + "\n")


def write_twins(columns: dict) -> str:
    """docs/data/async-twins.json from the feature-release columns' twins, unless a column has none (skipped
    for want of an interpreter): then the file is left as it was, and `make test` says if it is stale."""
    found = {name: column.get("twins") for name, column in columns.items() if name in RELEASES}
    lacking = [name for name, result in found.items() if result is None]
    name = twins.DATA.relative_to(ROOT)
    if lacking:
        return f"matrix: no async twins from Django {', '.join(lacking)}; {name} not written"
    data = twins.build(found)
    twins.write(data)
    return f"matrix: {name}: {sum(map(len, data['areas'].values()))} async twins, first releases from {len(found)} columns"


def run_all(blocks: list[VersionedBlock], names: list[str]) -> list[Path]:
    """`make matrix`: every column in parallel (each is a subprocess), one results file each."""
    RESULTS.mkdir(parents=True, exist_ok=True)

    def one(name: str) -> Path:
        started = time.monotonic()
        out = RESULTS / f"{name}.json"
        out.write_text(json.dumps(run_column(name, blocks)))
        print(f"matrix: column {name} done in {time.monotonic() - started:.1f} s", flush=True)
        return out

    # Newest first: they run the most blocks to the end (older releases fail many blocks early).
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        return list(pool.map(one, sorted(names, key=order, reverse=True)))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command")
    commands.add_parser("columns", help="print the columns to run, as JSON: [{release, python}]")
    run = commands.add_parser("run", help="run one column; write its results file")
    run.add_argument("column")
    run.add_argument("--out", type=Path, required=True)
    merged = commands.add_parser("merge", help="check every claim against results files")
    merged.add_argument("files", nargs="+", type=Path)
    merged.add_argument("--write", action="store_true", help="write docs/data/compat.json (and async-twins.json)")
    merged.add_argument("--compare", action="store_true", help="fail on any difference from the committed compat.json")
    merged.add_argument("--summary", type=Path, help="append a Markdown report (e.g. $GITHUB_STEP_SUMMARY)")
    parser.add_argument("--release", action="append", help="only these columns (repeatable); check only")
    parser.add_argument("--no-write", action="store_true", help="check only; leave docs/data/compat.json")
    args = parser.parse_args(argv)
    started = time.monotonic()
    blocks = collect()
    if args.command == "columns":
        print(json.dumps([{"release": name, "python": RELEASES[feature(name)]} for name in columns_for(blocks)]))
        return 0
    if args.command == "run":
        if args.column not in columns_for(blocks):
            parser.error(f"no column {args.column!r}; the columns are {', '.join(columns_for(blocks))}")
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(run_column(args.column, blocks)))
        return 0
    if args.command == "merge":
        committed = load() if args.compare else None
        return merge(blocks, load_results(args.files), args.write, committed, args.summary)
    names = args.release or columns_for(blocks)
    unknown = sorted(set(names) - set(columns_for(blocks)))
    if unknown:
        parser.error(f"no column {', '.join(unknown)}; the columns are {', '.join(columns_for(blocks))}")
    print(f"matrix: {len(blocks)} versioned blocks x {len(names)} columns ({', '.join(names)})")
    committed = load()
    status = merge(blocks, load_results(run_all(blocks, names)), not (args.no_write or args.release), None, None)
    changes = compare(blocks, load_results([RESULTS / f"{n}.json" for n in names]), committed)
    for change in changes:
        print(f"changed since the committed compat.json: {change}")
    print(f"matrix: done in {time.monotonic() - started:.1f} s")
    return status


if __name__ == "__main__":
    sys.exit(main())
