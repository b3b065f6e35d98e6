"""The GitHub Actions workflows, linted offline: schema (check-jsonschema's bundled copy), security audit
(zizmor --offline) and every action pinned to a full commit SHA with its version in a comment."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
BIN = Path(sys.executable).parent
USES = re.compile(r"^\s*(?:-\s+)?uses:\s*(?P<ref>\S+)(?P<comment>.*)$", re.MULTILINE)
PINNED = re.compile(r"[\w.-]+/[\w./-]+@[0-9a-f]{40}")


def run(*command: str) -> subprocess.CompletedProcess:
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=120)


def test_there_are_workflows():
    assert {path.name for path in WORKFLOWS} >= {"ci.yml", "pages.yml"}


def test_workflows_match_the_schema():
    result = run(str(BIN / "check-jsonschema"), "--builtin-schema", "vendor.github-workflows", *map(str, WORKFLOWS))
    assert result.returncode == 0, result.stdout + result.stderr


def test_zizmor_finds_nothing():
    result = run(str(BIN / "zizmor"), "--offline", "--persona", "pedantic", str(ROOT / ".github" / "workflows"))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No findings" in result.stdout + result.stderr


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda path: path.name)
def test_every_action_is_pinned_to_a_commit_sha(workflow):
    uses = list(USES.finditer(workflow.read_text()))
    assert uses, f"{workflow.name} uses no action"
    unpinned = [m["ref"] for m in uses if not m["ref"].startswith("./") and not PINNED.fullmatch(m["ref"])]
    assert unpinned == []
    unlabelled = [m["ref"] for m in uses if not re.fullmatch(r"\s*#\s*v\d+(\.\d+)*\s*", m["comment"])]
    assert unlabelled == [], "write the version after the SHA: `uses: owner/action@<sha> # v1.2.3`"
