"""Quotations checked against their source: a `<!-- test: quote "SOURCE …" -->` directive marks the block
quote or paragraph right below it as quoting SOURCE, one or more of

    django:docs/releases/5.0.txt                         a file of the installed Django's sdist
    asgiref:asgiref/sync.py                              a file of another installed distribution's sdist
                                                         (a .py file: its comments, without their `#`)
    github:django/deps@0a36e69:accepted/0009-async.rst   a file no package ships (read from a git mirror)

A block quote is checked whole (its attribution line, starting with "—", is not part of the quotation;
`[...]` or `…` marks an elision and splits it into passages found separately). In a paragraph, every
"double-quoted" passage is checked. Both sides are compared as words and punctuation (commas aside),
whitespace-normalised and with markup removed: reST roles, ``literals``, links and Markdown backticks, emphasis and links, list
bullets, the style of quote marks (Sphinx's smart quotes; single quotes nested in a double-quoted passage), Sphinx's
dashes, and the "()" Sphinx adds after a function's name.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

from . import sources
from .directives import find_directives
from .fences import find_fences

ELISION = re.compile(r"\[\s*(?:\.\.\.|…)\s*\]|…|(?<!\.)\.\.\.(?!\.)")
ATTRIBUTION = re.compile(r"^\s*(?:—|--)\s")
QUOTED = re.compile(r'"([^"]+?)"|“([^”]+?)”')

_RST_ROLE = re.compile(r":(?:[\w+-]+:)?(?P<role>[\w+-]+):`(?P<body>[^`]+)`")
_RST_LABEL = re.compile(r"^\.\. _(?P<label>[^:\n]+):\s*\n\s*\n(?P<title>[^\n]+)\n[=\-~^'\"*+#]{3,}\s*$", re.MULTILINE)
_RST_LINK = re.compile(r"`(?P<text>[^`<]+?)\s*<[^`>]+>`__?")
_MD_LINK = re.compile(r"\[(?P<text>[^\]]+)\]\([^)]*\)")


def _role_text(match: re.Match, titles: dict[str, str]) -> str:
    role, body = match["role"], match["body"]
    label = re.fullmatch(r"(?P<label>.+?)\s*<[^<>]+>", body, re.DOTALL)
    if label:
        return label["label"]
    if role == "ref":  # Sphinx shows the title of the section the label marks
        return titles.get(body, body)
    if role == "ticket":
        return f"#{body}"
    body = body.lstrip("!")
    if body.startswith("~"):
        return body[1:].rsplit(".", 1)[-1]
    return body.lstrip(".")


def section_titles(texts) -> dict[str, str]:
    """reST labels (`.. _label:` right above a section title) and the titles they mark."""
    return {m["label"]: m["title"].strip() for text in texts for m in _RST_LABEL.finditer(text)}


def normalise(text: str, markup: str, titles: dict[str, str] | None = None) -> str:
    """Plain words and punctuation, one space between them, as a reader of the rendered page sees them.
    Commas are left out, so a list the source writes as bullets can be quoted inline, comma-separated."""
    if markup == "rst":
        text = re.sub(r"(?m)^([=\-~^'\"*+#`:.])\1{2,}\s*$", "", text)  # section underlines
        text = _RST_ROLE.sub(lambda m: _role_text(m, titles or {}), text)
        text = _RST_LINK.sub(lambda m: m["text"], text)
        text = re.sub(r"``(.+?)``", r"\1", text, flags=re.DOTALL)
        text = re.sub(r"`([^`]+)`_{0,2}", r"\1", text)
        text = re.sub(r"\\(.)", r"\1", text)
        text = text.replace("---", "—").replace("--", "–")
    elif markup == "py":  # a comment quoted from source code: its lines without their `#`
        text = re.sub(r"(?m)^\s*# ?", "", text)
    else:
        text = _MD_LINK.sub(lambda m: m["text"], text)
        text = text.replace("`", "")
    text = re.sub(r"(?m)^\s*(?:[*+-]|#\.|\d+\.)\s+", " ", text)  # list bullets
    text = re.sub(r"(?<![\w*])\*\*?(?=\S)(.+?)(?<=\S)\*\*?(?![\w*])", r"\1", text)  # emphasis
    text = re.sub(r"(?<!\w)_(?=\S)(.+?)(?<=\S)_(?!\w)", r"\1", text)
    # Quote marks of any style are one mark: a quotation nested in a "double-quoted" passage is written
    # with single quotes, as typography has it.
    text = text.translate(str.maketrans({"“": "'", "”": "'", "‘": "'", "’": "'", '"': "'", "\u00a0": " "}))
    text = re.sub(r"(\w)\(\)", r"\1", text).replace(",", " ")
    return " ".join(text.split())


def markup_of(source: str) -> str:
    return "md" if source.endswith(".md") else "py" if source.endswith(".py") else "rst"


@dataclass
class Quotation:
    page: str
    line: int  # 1-based line of the quoted text on the page
    text: str  # as written on the page (markdown)
    sources: list[str]


@dataclass
class Verdict:
    quotation: Quotation
    ok: bool
    unavailable: list[str] = field(default_factory=list)  # why a source could not be read
    closest: str = ""  # the closest source text, for a misquote
    closest_source: str = ""

    def message(self) -> str:
        q = self.quotation
        if self.ok:
            return f"{q.page}:{q.line}: found in {' or '.join(q.sources)}"
        if self.unavailable and not self.closest:
            return f"{q.page}:{q.line}: not checked: " + "; ".join(self.unavailable)
        return (f"{q.page}:{q.line}: misquote: not found in {' or '.join(q.sources)}\n"
                f"    quoted:  {normalise(q.text, 'md')}\n"
                f"    closest: {self.closest}  ({self.closest_source})")


class QuoteError(ValueError):
    """A quote directive a contributor got wrong; the message starts with `page:line`."""


def _lines_below(text: str, position: int) -> tuple[int, list[str]]:
    """The 1-based line of the first non-blank line at or after `position`, and its block: the lines of a
    block quote, or of a paragraph up to the next blank line."""
    rest = text[position:]
    stripped = rest.lstrip("\n")
    first_line = text.count("\n", 0, position + len(rest) - len(stripped)) + 1
    rows = stripped.split("\n")
    quote = rows[0].lstrip().startswith(">")
    block = []
    for row in rows:
        if (quote and not row.lstrip().startswith(">")) or (not quote and not row.strip()):
            break
        block.append(row)
    return first_line, block


def find_quotations(text: str, page: str) -> list[Quotation]:
    """Every passage a quote directive of the page marks, each with its page line."""
    fences = find_fences(text)
    found = []
    for directive in find_directives(text, page, [(f.start, f.end) for f in fences]):
        if directive.name != "quote":
            continue
        names = directive.value.split()
        if not names or any(":" not in name for name in names):
            raise QuoteError(f"{page}:{directive.line}: a quote directive names its sources as dist:path or "
                             f"github:owner/repo@commit:path, got {directive.value!r}")
        line, rows = _lines_below(text, directive.end)
        if not rows or rows[0].lstrip().startswith(("<!--", "```", "~~~")):
            raise QuoteError(f"{page}:{directive.line}: a quote directive must be right above a block quote or "
                             f"a paragraph with a \"quoted\" passage")
        if rows[0].lstrip().startswith(">"):
            body = [re.sub(r"^\s*> ?", "", row) for row in rows]
            body = [row for row in body if not ATTRIBUTION.match(row)]
            passages = [part for part in ELISION.split("\n".join(body)) if normalise(part, "md")]
            found += [Quotation(page, line, part, names) for part in passages]
        else:
            paragraph = "\n".join(rows)
            # quote marks inside `code` are code, not quotation marks
            masked = re.sub(r"`[^`]*`", lambda m: re.sub(r'["“”]', "'", m[0]), paragraph)
            matches = list(QUOTED.finditer(masked))
            if not matches:
                raise QuoteError(f"{page}:{directive.line}: the paragraph below the quote directive has no "
                                 f"\"quoted\" passage")
            for match in matches:
                passage = paragraph[match.start() + 1 : match.end() - 1]
                for part in ELISION.split(passage):
                    if normalise(part, "md"):
                        found.append(Quotation(page, line + paragraph.count("\n", 0, match.start()), part, names))
    return found


def unmarked_block_quotes(text: str, page: str) -> list[int]:
    """Lines of the block quotes of a page that no quote directive marks (outside fenced code)."""
    fences = find_fences(text)
    marked = set()
    for directive in find_directives(text, page, [(f.start, f.end) for f in fences]):
        if directive.name == "quote":
            marked.add(_lines_below(text, directive.end)[0])
    lines = text.split("\n")
    offsets, position = [], 0
    for row in lines:
        offsets.append(position)
        position += len(row) + 1
    inside = lambda offset: any(f.start <= offset < f.end for f in fences)  # noqa: E731
    unmarked = []
    for number, row in enumerate(lines, 1):
        starts = re.match(r"^\s*>(?!>>)", row) and not (number > 1 and re.match(r"^\s*>", lines[number - 2]))
        if starts and not inside(offsets[number - 1]) and number not in marked:
            unmarked.append(number)
    return unmarked


class Library:
    """Source texts, read and normalised once per run."""

    def __init__(self) -> None:
        self._texts: dict[str, str | Exception] = {}
        self._titles: dict[str, dict[str, str]] = {}

    def titles(self, source: str) -> dict[str, str]:
        """The section titles of the distribution's reST docs, for `:ref:` roles without a text."""
        dist = source.partition(":")[0]
        if dist not in self._titles:
            docs = sources.sdist(dist) / "docs" if dist != "github" else None
            files = docs.rglob("*.txt") if docs and docs.is_dir() else []
            self._titles[dist] = section_titles(path.read_text(encoding="utf-8") for path in files)
        return self._titles[dist]

    def text(self, source: str) -> str:
        if source not in self._texts:
            try:
                raw = sources.read(source)
                titles = self.titles(source) if markup_of(source) == "rst" else {}
                self._texts[source] = normalise(raw, markup_of(source), titles)
            except (sources.SourceUnavailable, FileNotFoundError) as error:
                self._texts[source] = error
        found = self._texts[source]
        if isinstance(found, Exception):
            raise found
        return found

    def check(self, quotation: Quotation) -> Verdict:
        wanted = normalise(quotation.text, "md")
        verdict = Verdict(quotation, ok=False)
        readable = {}
        for source in quotation.sources:
            try:
                readable[source] = self.text(source)
            except sources.SourceUnavailable as error:
                verdict.unavailable.append(str(error))
            except FileNotFoundError as error:
                raise QuoteError(f"{quotation.page}:{quotation.line}: {error}") from None
        if any(wanted in text for text in readable.values()):
            verdict.ok = True
        elif not verdict.unavailable:  # an unreadable source may hold it: reported as not checked, never as passed
            score, verdict.closest, verdict.closest_source = max(
                (*closest_text(wanted, text), source) for source, text in readable.items())
        return verdict


def closest_text(wanted: str, text: str) -> tuple[float, str]:
    """The window of `text`, as long as `wanted` in words, that is most like it (and its similarity): the
    windows sharing the most words with it, compared character by character."""
    words, target = text.split(" "), wanted.split(" ")
    size, vocabulary = len(target), set(target)
    shared = [word in vocabulary for word in words]
    counts, running = [], sum(shared[:size])
    for start in range(max(1, len(words) - size + 1)):
        counts.append((running, start))
        if start + size < len(words):
            running += shared[start + size] - shared[start]
    best = (0.0, "")
    for _, start in sorted(counts, reverse=True)[:50]:
        window = " ".join(words[start : start + size])
        score = difflib.SequenceMatcher(None, wanted, window, autojunk=False).ratio()
        if score > best[0]:
            best = (score, window)
    return best
