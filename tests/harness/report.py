"""Block accounting: every fenced block of every page in the run, with what happened to it.

Writes `reports/blocks.json` (one record per fenced block: page, line, lang, status, reason), prints a
one-line summary, and fails the run when a block of an executable language was neither run nor
skipped with a reason ("unaccounted"). A versioned block outside its range that failed, as it claims to
(tests/harness/outside.py), counts as passed, its reason saying so. Works under xdist: outcomes travel in
`user_properties`.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from pathlib import Path

import pytest

from . import tested_with
from .failures import relative
from .fences import find_fences
from .parsers import is_executable

PROPERTY = "docs_block"
REPORTS_VARIABLE = "DOCS_REPORTS"  # another directory for the reports (the suite on another Django uses one)


def reports_dir(config: pytest.Config) -> Path:
    return Path(os.environ.get(REPORTS_VARIABLE) or config.rootpath / "reports")


def pages_in_run(config: pytest.Config) -> list[Path]:
    """The docs pages this run covers: all of docs/ for a directory argument that contains or is inside it, or
    the pages named on the command line."""
    docs = config.rootpath / "docs"
    pages: set[Path] = set()
    for arg in config.args:
        path = Path(arg.split("::")[0]).resolve()
        if path.is_dir() and (path == docs or docs in path.parents):
            pages.update(path.rglob("*.md"))
        elif path.is_dir() and path in docs.parents:
            pages.update(docs.rglob("*.md"))
        elif path.suffix == ".md" and docs in path.parents:
            pages.add(path)
    return sorted(pages)


class BlockReport:
    def __init__(self, config: pytest.Config) -> None:
        self.config = config
        self.outcomes: dict[tuple[str, int], tuple[str, str]] = {}
        self.hidden = Counter()
        self.outside: set[tuple[str, int]] = set()  # blocks that failed outside their range, as claimed
        self.records: list[dict] = []
        self.unaccounted: list[dict] = []

    @pytest.hookimpl(trylast=True)
    def pytest_collection_modifyitems(self, items) -> None:
        for item in items:
            info = _block_info(item)
            if info is not None:
                item.user_properties.append(
                    (PROPERTY, {"page": relative(item.path), "line": info.line, "hidden": info.hidden})
                )

    @pytest.hookimpl(tryfirst=True)
    def pytest_runtest_makereport(self, item, call) -> None:
        """What the evaluator learnt while it ran (a block outside its range: what it failed with) joins the
        block's properties before pytest copies them into the report (under xdist, the only way out)."""
        info = _block_info(item)
        if info is not None and info.outside and call.when == "call":
            dict(item.user_properties)[PROPERTY]["outside"] = info.outside

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        block = dict(report.user_properties).get(PROPERTY)
        if block is None:
            return
        key = (block["page"], block["line"])
        previous = self.outcomes.get(key, ("passed", ""))
        if report.failed:
            self.outcomes[key] = ("failed", _reason(report))
        elif report.skipped:
            self.outcomes[key] = ("skipped", _reason(report))
        elif report.when == "call" and previous[0] != "failed":
            self.outcomes[key] = ("passed", block.get("outside", ""))
            if block.get("outside"):
                self.outside.add(key)
        if block["hidden"] and report.when == "call":
            self.hidden[block["page"]] += 1

    def pytest_sessionfinish(self, session: pytest.Session, exitstatus: int) -> None:
        if hasattr(self.config, "workerinput"):
            return  # the controller writes the report
        if self.config.option.collectonly:
            return  # nothing ran: a report would call every block unaccounted (and stamp the site as failing)
        pages = pages_in_run(self.config)
        if not pages:
            return
        for page in pages:
            name = relative(page)
            for fence in find_fences(page.read_text()):
                record = {"page": name, "line": fence.line, "lang": fence.lang or "(none)"}
                if not is_executable(fence):
                    record.update(status="not-executable", reason=f"{record['lang']} is display-only")
                elif (name, fence.line) in self.outcomes:
                    status, reason = self.outcomes[(name, fence.line)]
                    record.update(status=status, reason=reason)
                else:
                    record.update(status="failed", reason="unaccounted: the harness did not run this block")
                    self.unaccounted.append(record)
                self.records.append(record)
        target = reports_dir(self.config) / "blocks.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(self.records, indent=1) + "\n")
        if self.unaccounted:
            session.exitstatus = pytest.ExitCode.TESTS_FAILED
        if pages == sorted((self.config.rootpath / "docs").rglob("*.md")):  # only a run of the whole site stamps it
            count = Counter(record["status"] for record in self.records)
            tested_with.record(reports_dir(self.config), session.exitstatus == 0,
                               {"passed": count["passed"], "failed": count["failed"], "skipped": count["skipped"]},
                               self.config.rootpath)

    def summary(self) -> str:
        count = Counter(record["status"] for record in self.records)
        pages = len({record["page"] for record in self.records})
        executed = count["passed"] + count["failed"]
        outside = sum(r["status"] == "passed" and (r["page"], r["line"]) in self.outside for r in self.records)
        return (
            f"docs blocks: {pages} pages, {len(self.records)} blocks: {executed} executed "
            f"({count['passed']} passed, {count['failed']} failed), {count['skipped']} skipped, "
            f"{count['not-executable']} not executable, {len(self.unaccounted)} unaccounted; "
            f"{sum(self.hidden.values())} hidden setup blocks ran; "
            f"{outside} passed by failing outside their Django range, as claimed"
        )

    def pytest_terminal_summary(self, terminalreporter) -> None:
        if not self.records:
            return
        for record in self.unaccounted:
            terminalreporter.write_line(f"{record['page']}:{record['line']}: unaccounted {record['lang']} block: "
                                        "it was neither run nor skipped with a reason", red=True)
        terminalreporter.write_line(self.summary(), bold=True)


def _block_info(item):
    return getattr(getattr(getattr(item, "example", None), "region", None), "block_info", None)


def _reason(report: pytest.TestReport) -> str:
    if report.skipped and isinstance(report.longrepr, tuple):
        return report.longrepr[2].removeprefix("Skipped: ")
    if report.failed:
        return str(report.longrepr).strip().splitlines()[0][:300] if report.longrepr else "failed"
    return ""
