"""A Python-Markdown extension (registered in mkdocs.yml) that fills the benchmark marks of a page from
docs/data/bench.json when the site is built, so no number or chart on a page is typed by hand:

    <!-- bench-figure: io 100 -->                      the chart of a group at C connections, its table beside it
    <!-- bench-value: io-async-uvicorn 100 rps -->     one number, inline (rps, p50_ms, p99_ms, errors, of_ideal)
    <!-- bench-environment -->                         what the numbers were measured on

It is a Markdown extension rather than an MkDocs hook, so any Python-Markdown site builder can use it. Marks
inside fenced blocks are left alone (there they are examples). A mark naming something bench.json lacks
fails the build."""

from __future__ import annotations

import re

from markdown import Extension
from markdown.preprocessors import Preprocessor

from .. import fences
from . import charts

FIGURE = re.compile(r"^<!-- bench-figure: (?P<group>[\w-]+) (?P<connections>\d+) -->[ \t]*$", re.MULTILINE)
VALUE = re.compile(r"<!-- bench-value: (?P<scenario>[\w-]+) (?P<connections>\d+) (?P<field>\w+) -->")
ENVIRONMENT = re.compile(r"^<!-- bench-environment -->[ \t]*$", re.MULTILINE)
ANY = re.compile(r"<!-- bench-")


class BenchMarks(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        text = "\n".join(lines)
        if not ANY.search(text):
            return lines
        data = charts.load()
        parts, position = [], 0
        for fence in fences.find_fences(text):
            parts += [self.fill(text[position : fence.start], data), text[fence.start : fence.end]]
            position = fence.end
        parts.append(self.fill(text[position:], data))
        return "".join(parts).split("\n")

    def fill(self, prose: str, data: dict) -> str:
        prose = FIGURE.sub(lambda m: self.md.htmlStash.store(
            charts.figure(data, m["group"], int(m["connections"]))), prose)
        prose = VALUE.sub(lambda m: charts.value(data, m["scenario"], int(m["connections"]), m["field"]), prose)
        prose = ENVIRONMENT.sub(lambda m: charts.environment(data), prose)
        if ANY.search(prose):
            bad = prose[ANY.search(prose).start():].split("-->")[0]
            raise charts.ChartError(f"malformed benchmark mark: {bad}-->")
        return prose


class BenchExtension(Extension):
    def extendMarkdown(self, md):
        # After normalize_whitespace (30), which deletes the stash's placeholder characters, and before the
        # fenced-code (25) and raw-HTML (20) preprocessors.
        md.preprocessors.register(BenchMarks(md), "bench_marks", 28)


def makeExtension(**kwargs):
    return BenchExtension(**kwargs)
