"""The home page's map (the `<!-- site-map -->` mark): every section and page of `nav` in mkdocs.yml, each page
with its first sentence, read when the site is built, so a page added to `nav` appears on the map by itself."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
MARK = re.compile(r"^<!-- site-map -->[ \t]*$", re.MULTILINE)
LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.DOTALL)  # group 1: the YAML
NOT_PROSE = ("#", "<", "|", "```", "~~~", "!!!", "???", "- ", "* ", "=== ", "--8<--", ">", "    ", "1. ")


class _Loader(yaml.SafeLoader):
    """mkdocs.yml without its `!!python/name:` tags (the map needs only `nav`)."""


_Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def nav(config: Path = ROOT / "mkdocs.yml") -> list:
    return yaml.load(config.read_text(), Loader=_Loader)["nav"]


def title_of(text: str, path: str) -> str:
    heading = re.search(r"^#\s+(.+?)\s*(?:\{[^}]*\})?\s*$", FRONT_MATTER.sub("", text), re.MULTILINE)
    return heading[1] if heading else path


def summary(text: str) -> str:
    """The first sentence of the page's first paragraph of prose, with links reduced to their text."""
    text = FRONT_MATTER.sub("", text)
    text = re.sub(r"<!--.*?-->", "", text, flags=re.DOTALL)
    paragraph: list[str] = []
    in_fence = False
    for line in text.splitlines():
        if line.lstrip().startswith(("```", "~~~")):
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        if not line.strip():
            if paragraph:
                break
            continue
        if not paragraph and line.startswith(NOT_PROSE):
            continue
        paragraph.append(line.strip())
    prose = LINK.sub(r"\1", " ".join(paragraph))
    sentence = re.match(r"(.+?[.:!?])(?:\s|$)", prose)
    return (sentence[1] if sentence else prose).rstrip(":") + ("." if sentence and sentence[1].endswith(":") else "")


def render(docs: Path, items: list | None = None) -> str:
    """The map as Markdown: a heading per `nav` section, a line per page. Links are docs-relative: the mark belongs
    on a top-level page (the home page)."""
    lines: list[str] = []
    top: list[str] = []
    for item in items if items is not None else nav():
        name, value = next(iter(item.items())) if isinstance(item, dict) else (None, item)
        if isinstance(value, list):
            lines += ["", f"### {name}", ""]
            lines += [_entry(docs, child) for child in value]
        elif value != "index.md":
            top.append(_entry(docs, item))
    return "\n".join(top + lines) + "\n"


def _entry(docs: Path, item) -> str:
    name, path = next(iter(item.items())) if isinstance(item, dict) else (None, item)
    if isinstance(path, list):
        raise ValueError(f"nav section {name!r} is nested two levels deep: the site map shows one level of sections")
    text = (docs / path).read_text()
    return f"- [{name or title_of(text, path)}]({path}): {summary(text)}"
