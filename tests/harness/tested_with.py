"""The "tested with" stamp at the foot of every page: which Django and Python the tests ran on, and when.

The test run writes it (`record`, at the end of a pytest run that covered every page: reports/tested-with.json);
the site build shows it through a Python-Markdown extension (mkdocs.yml `markdown_extensions:
tests.harness.tested_with`), so any builder that runs the configured Markdown extensions shows it, hooks or
not. A build with no test run before it, a failed run, or a run of another commit says so instead.
"""

from __future__ import annotations

import datetime
import json
import subprocess
import sys
from functools import lru_cache
from pathlib import Path
from xml.etree import ElementTree

from markdown import Extension
from markdown.treeprocessors import Treeprocessor

ROOT = Path(__file__).resolve().parents[2]
STAMP = "tested-with.json"


def _commit(root: Path) -> str | None:
    try:
        done = subprocess.run(["git", "rev-parse", "HEAD"], cwd=root, capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return done.stdout.strip() or None if done.returncode == 0 else None


def record(reports: Path, passed: bool, blocks: dict[str, int], root: Path = ROOT) -> dict:
    """Write reports/tested-with.json for the run that just ended (its Django, Python, time and outcome)."""
    import django

    stamp = {
        "django": django.get_version(),
        "python": sys.version.split()[0],
        "finished": datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "passed": passed,
        "commit": _commit(root),
        "blocks": blocks,
    }
    reports.mkdir(parents=True, exist_ok=True)
    (reports / STAMP).write_text(json.dumps(stamp, indent=1) + "\n")
    return stamp


def text(stamp: dict | None, commit: str | None) -> str:
    """The sentence the footer shows (plain text)."""
    if stamp is None:
        return "This build was not tested: no test run came before it."
    when = datetime.datetime.strptime(stamp["finished"], "%Y-%m-%dT%H:%M:%SZ").strftime("%-d %B %Y, %H:%M UTC")
    versions = f"Django {stamp['django']} on Python {stamp['python']}"
    if not stamp["passed"]:
        return f"This build is not a tested one: the last test run ({versions}, {when}) failed."
    if stamp.get("commit") and commit and stamp["commit"] != commit:
        return (f"This build is not a tested one: the last test run ({versions}, {when}) was of commit "
                f"{stamp['commit'][:7]}, not {commit[:7]}.")
    counts = stamp.get("blocks") or {}
    ran = f": {counts['passed']} code blocks ran and passed" if counts.get("passed") else ""
    return f"Tested with {versions}, {when}{ran}."


@lru_cache(maxsize=4)
def _sentence(path: str, mtime: float) -> str:
    return text(json.loads(Path(path).read_text()) if mtime else None, _commit(ROOT))


class _AppendStamp(Treeprocessor):
    """A last paragraph for the page. A tree processor, not a postprocessor: the toc extension runs the
    postprocessors on every heading's text too."""

    def __init__(self, md, path: Path) -> None:
        super().__init__(md)
        self.path = path

    def run(self, root: ElementTree.Element) -> None:
        mtime = self.path.stat().st_mtime if self.path.exists() else 0.0
        stamp = ElementTree.SubElement(root, "p", {"class": "tested-with", "data-search-exclude": ""})
        ElementTree.SubElement(stamp, "small").text = _sentence(str(self.path), mtime)


class TestedWithExtension(Extension):
    def __init__(self, **kwargs) -> None:
        self.config = {"stamp": [str(ROOT / "reports" / STAMP), "the JSON the test run wrote"]}
        super().__init__(**kwargs)

    def extendMarkdown(self, md) -> None:  # noqa: N802 - Python-Markdown's name
        md.treeprocessors.register(_AppendStamp(md, Path(self.getConfig("stamp"))), "tested_with", 0)


def makeExtension(**kwargs) -> TestedWithExtension:  # noqa: N802 - how Python-Markdown finds it
    return TestedWithExtension(**kwargs)
