"""The pytest entry point (`-p tests.harness.plugin`): Django, the Sybil over `docs/`, the failure
format and the block report. Wiring only."""

from __future__ import annotations

import pytest
from sybil import Document, Sybil

from . import django_env, failures, page, quiet, snippets
from .parsers import PageParser
from .report import BlockReport
from .scheduling import Durations


class PageDocument(Document):
    """A page's namespace knows its file, so `page.setup` can build the page around it."""

    def __init__(self, text: str, path: str) -> None:
        super().__init__(text, path)
        self.namespace["__file__"] = path


class CollectPages:
    def __init__(self, sybil: Sybil) -> None:
        self.collect = sybil.pytest()

    def pytest_collect_file(self, file_path, parent):
        return self.collect(file_path, parent)


def pytest_configure(config: pytest.Config) -> None:
    failures.BASE = snippets.ROOT = config.rootpath
    failures.install()
    django_env.configure()
    sybil = Sybil(
        parsers=[PageParser()],
        patterns=["*.md"],
        path=str(config.rootpath / "docs"),
        setup=page.setup,
        teardown=page.teardown,
        document_types={".md": PageDocument},
    )
    config.pluginmanager.register(CollectPages(sybil), "docs-pages")
    report = BlockReport(config)
    config.pluginmanager.register(report, "docs-block-report")
    config.pluginmanager.register(Durations(config), "docs-longest-first")
    quiet.configure(config)
