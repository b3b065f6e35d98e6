"""`make test-django DJANGO=6.0`: the whole suite on another Django, in an environment of its own.

The environment (`.venvs/suite-<DJANGO>`) is the lock, installed with uv, with that Django installed over it.
DJANGO is a feature release (`6.0`: its newest patch), an exact version (`5.2.3`), `latest` (the newest
release) or `pre` (the newest pre-release; when the newest version is a final release there is none, and the
run says so and passes). Then it runs what `make test` runs (every block of every page, the harness tests, the
strict build) with the reports in `reports/django-<version>/`, and lists what failed: blocks as `page:line`,
other tests by name. On another Django, versioned blocks outside their range must fail, as in `make test`
(tests/harness/outside.py); an unversioned block that fails there is a claim the page makes for every Django
that this one does not keep: give it a `django` range, or make it true on both.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ENVS = ROOT / ".venvs"
LOCK = ROOT / "requirements.lock"
UV = str(Path(sys.executable).parent / "uv")


def newest(pre: bool) -> str:
    """The newest Django on the package index (a pre-release too with `pre`), as uv resolves it."""
    command = [UV, "pip", "compile", "-", "--quiet", "--no-header", "--no-annotate", "--python-version", "3.12"]
    done = subprocess.run(command + (["--prerelease", "allow"] if pre else []), input="django\n",
                          capture_output=True, text=True, check=True)
    return re.search(r"^django==(\S+)$", done.stdout, re.MULTILINE | re.IGNORECASE)[1]


def requirement(django: str) -> str:
    if re.fullmatch(r"\d+\.\d+", django):
        return f"django=={django}.*"
    return f"django=={django}"


def make_env(label: str, django: str) -> Path:
    """The lock, then `django` over it; rebuilt when the lock changed since."""
    env = ENVS / f"suite-{label}"
    python = env / "bin" / "python"
    marker = env / ".installed"
    wanted = f"{requirement(django)} {LOCK.stat().st_mtime_ns}"
    if marker.exists() and marker.read_text() == wanted:
        return python
    subprocess.run([UV, "venv", "--quiet", "--clear", "--python", sys.executable, str(env)], check=True)
    subprocess.run([UV, "pip", "install", "--quiet", "--python", str(python), "--require-hashes", "--no-deps",
                    "-r", str(LOCK)], check=True)
    subprocess.run([UV, "pip", "install", "--quiet", "--python", str(python), "--prerelease", "allow",
                    requirement(django)], check=True)
    marker.write_text(wanted)
    return python


def failures(reports: Path) -> tuple[list[str], list[str]]:
    """(failed blocks as `page:line: reason`, other failed tests by node id)."""
    blocks = json.loads((reports / "blocks.json").read_text()) if (reports / "blocks.json").exists() else []
    failed_blocks = [f"{b['page']}:{b['line']}: {b['reason']}" for b in blocks if b["status"] == "failed"]
    others = []
    junit = reports / "junit.xml"
    if junit.exists():
        for case in ElementTree.parse(junit).iter("testcase"):
            if case.find("failure") is not None or case.find("error") is not None:
                if not case.get("file", case.get("classname", "")).startswith("docs"):
                    others.append(f"{case.get('classname')}::{case.get('name')}")
    return failed_blocks, [name for name in others if not name.startswith("docs.")]


def summary(django: str, python: str, code: int, blocks: list[str], others: list[str]) -> str:
    lines = [f"## The suite on Django {django} (Python {python})", ""]
    if code == 0:
        lines.append("Every block and test passed.")
    else:
        lines += [f"{len(blocks)} failing blocks, {len(others)} other failing tests.", ""]
        lines += [f"- `{b.split(': ', 1)[0]}`: {b.split(': ', 1)[1] if ': ' in b else ''}" for b in blocks]
        lines += [f"- `{name}`" for name in others]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("django", help="6.0, 5.2.3, latest or pre")
    parser.add_argument("--summary", type=Path, help="append a Markdown report (e.g. $GITHUB_STEP_SUMMARY)")
    parser.add_argument("--version-only", action="store_true", help="print the Django version it would test, and stop")
    parser.add_argument("pytest_args", nargs="*", help="after --: what to run (default: what make test runs)")
    args = parser.parse_args(argv)
    django = args.django
    if django in ("latest", "pre"):
        django = newest(pre=django == "pre")
        if args.django == "pre" and not re.search(r"(a|b|rc)\d+$", django):
            message = f"No Django pre-release is newer than the newest release ({django}): nothing to test."
            print(message)
            if args.summary:
                with open(args.summary, "a") as handle:
                    handle.write(f"## The suite on the newest Django pre-release\n\n{message}\n")
            return 0
    if args.version_only:
        print(django)
        return 0
    python = make_env(args.django if args.django in ("latest", "pre") else django, django)
    installed = subprocess.run([str(python), "-c", "import django, sys; print(django.__version__, sys.version.split()[0])"],
                               capture_output=True, text=True, check=True).stdout.split()
    reports = ROOT / "reports" / f"django-{installed[0]}"
    reports.mkdir(parents=True, exist_ok=True)
    print(f"suite: Django {installed[0]} on Python {installed[1]} ({python.parent.parent.relative_to(ROOT)}); "
          f"reports in {reports.relative_to(ROOT)}/", flush=True)
    env = {**os.environ, "DOCS_REPORTS": str(reports), "PATH": f"{python.parent}{os.pathsep}{os.environ['PATH']}"}
    env.pop("VIRTUAL_ENV", None)
    command = [str(python), "-m", "pytest", *(args.pytest_args or ["-n", "auto", "--dist", "loadfile"]),
               "-p", "no:cacheprovider", f"--junitxml={reports / 'junit.xml'}"]
    code = subprocess.run(command, cwd=ROOT, env=env).returncode
    blocks, others = failures(reports)
    text = summary(installed[0], installed[1], code, blocks, others)
    (reports / "summary.md").write_text(text)
    print(text)
    if args.summary:
        with open(args.summary, "a") as handle:
            handle.write(text)
    return code


if __name__ == "__main__":
    sys.exit(main())
