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


def load(name: str) -> dict:
    import yaml

    return yaml.load((ROOT / ".github" / "workflows" / name).read_text(), Loader=yaml.BaseLoader)  # `on` stays a key


def commands(job: dict) -> list[str]:
    return [step.get("run", "") for step in job["steps"]]


def test_pages_deploys_only_a_build_whose_tests_passed_in_the_same_job():
    jobs = load("pages.yml")["jobs"]
    builder = next(name for name, job in jobs.items()
                   if any("upload-pages-artifact" in step.get("uses", "") for step in job["steps"]))
    runs = commands(jobs[builder])
    assert runs.index("make test") < runs.index("make build"), "test first, then build the tested commit"
    deploy = next(job for job in jobs.values() if any("deploy-pages" in s.get("uses", "") for s in job["steps"]))
    assert deploy["needs"] == builder
    assert "if" not in deploy, "an `if:` could deploy after a failed test job"


def test_django_releases_run_weekly_and_by_hand_and_only_the_report_job_writes_issues():
    workflow = load("django-releases.yml")
    assert {"schedule", "workflow_dispatch"} <= set(workflow["on"])
    jobs = workflow["jobs"]
    assert jobs["newest"]["strategy"]["matrix"]["django"] == ["latest", "pre"]
    assert "tests.harness.matrix columns" in "".join(commands(jobs["columns"]))
    assert "fromJSON(needs.columns.outputs.columns)" in jobs["column"]["strategy"]["matrix"]["include"]
    assert "tests.harness.matrix run" in "".join(commands(jobs["column"]))
    assert "tests.harness.matrix merge" in "".join(commands(jobs["merge"])) and "--compare" in "".join(commands(jobs["merge"]))
    writers = [name for name, job in jobs.items() if job.get("permissions", {}).get("issues") == "write"]
    assert writers == ["report"]
    assert set(jobs["report"]["needs"]) == {"newest", "merge"} and "failure()" in jobs["report"]["if"]
