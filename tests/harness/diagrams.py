"""```diagram fences drawn as inline SVG when the page is built (a pymdownx.superfences custom fence, so any
builder that runs Python-Markdown draws them): no script, no network, text at 13 px at the content width, colours
from the theme's variables so that dark mode is right.

Two kinds, named on the first line:

    lanes: WSGI worker thread | ASGI event loop | ASGI sync thread
    WSGI worker thread: request arrives          one step of a flow: `lane: text` (`<br>` breaks a line)
    WSGI worker thread: view(request) runs here  the next step, one row lower, joined by an arrow
                                                 a blank line starts a new flow, from the top row again

    timeline: Planned release to shipped release
    section DEP 0009
    Views and middleware 3.0 to 3.1 : 2019-12-02, 2020-08-04     a bar
    Template wrapper not shipped    : open, 2020-08-04             a bar still open today (dashed end)
    Async safety on time in 3.0     : 2019-12-02                   a milestone
"""

from __future__ import annotations

import html
import textwrap
from dataclasses import dataclass
from datetime import date

WIDTH = 680  # the content column of the theme at desktop width: text is drawn at its real size there
FONT = 13
LINE = 17
CHAR = 7.4  # average width of a 13 px sans-serif character, for wrapping


class DiagramError(ValueError):
    """A diagram a contributor got wrong."""


def fence(source, language, css_class, options, md, **kwargs) -> str:
    """The superfences `format` function."""
    kind, _, rest = source.partition("\n")[0].partition(":")
    body = source.split("\n")[1:]
    kinds = {"lanes": lanes, "timeline": timeline}
    if kind.strip() not in kinds:
        raise DiagramError(f"a diagram starts with `lanes:` or `timeline:`, not {source.splitlines()[0]!r}")
    svg, summary = kinds[kind.strip()](rest.strip(), body)
    return f'<figure class="diagram">{svg}<figcaption class="diagram__text">{summary}</figcaption></figure>'


def text_lines(text: str, width: float) -> list[str]:
    chars = max(8, int(width / CHAR))
    return [row for part in text.split("<br>") for row in textwrap.wrap(part.strip(), chars) or [""]]


def svg_text(x: float, y: float, rows: list[str], anchor: str = "middle", css: str = "") -> str:
    spans = "".join(f'<tspan x="{x:.0f}" dy="{0 if i == 0 else LINE}">{html.escape(r)}</tspan>' for i, r in enumerate(rows))
    return f'<text x="{x:.0f}" y="{y:.0f}" text-anchor="{anchor}" class="{css}">{spans}</text>'


def frame(height: float, title: str, parts: list[str]) -> str:
    label = html.escape(title)
    return (
        f'<svg class="diagram__svg" viewBox="0 0 {WIDTH} {height:.0f}" width="{WIDTH}" height="{height:.0f}" '
        f'role="img" aria-label="{label}" font-size="{FONT}">'
        '<defs><marker id="diagram-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" '
        'orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" class="diagram__arrowhead"/></marker></defs>'
        + "".join(parts)
        + "</svg>"
    )


@dataclass
class Step:
    lane: int
    row: int
    rows: list[str]
    flow: int


def lanes(title_line: str, body: list[str]) -> tuple[str, str]:
    names = [name.strip() for name in title_line.split("|")]
    if len(names) < 1 or not all(names):
        raise DiagramError("`lanes:` needs lane names separated by `|`")
    lane_width = WIDTH / len(names)
    box_width = lane_width - 20
    steps: list[Step] = []
    flow, row = 0, 0
    for number, line in enumerate(body, 2):
        if not line.strip():
            if steps and steps[-1].flow == flow:
                flow, row = flow + 1, 0
            continue
        lane = next((name for name in sorted(names, key=len, reverse=True) if line.startswith(f"{name}:")), None)
        if lane is None:
            raise DiagramError(f"diagram line {number}: write `LANE: text` with LANE one of {names}, not {line!r}")
        text = line[len(lane) + 1 :]
        steps.append(Step(names.index(lane), row, text_lines(text, box_width - 12), flow))
        row += 1
    heights: dict[int, int] = {}
    for step in steps:
        heights[step.row] = max(heights.get(step.row, 0), len(step.rows) * LINE + 14)
    gap, top = 30, 40
    tops, y = {}, top
    for r in sorted(heights):
        tops[r] = y
        y += heights[r] + gap
    parts = []
    for i, name in enumerate(names):
        x = i * lane_width
        if i:
            parts.append(f'<line x1="{x:.0f}" y1="4" x2="{x:.0f}" y2="{y - gap + 10:.0f}" class="diagram__lane"/>')
        parts.append(svg_text(x + lane_width / 2, 22, text_lines(name, lane_width - 8)[:1], css="diagram__heading"))
    for step in steps:
        x = step.lane * lane_width + 10
        h = len(step.rows) * LINE + 14
        parts.append(f'<rect x="{x:.0f}" y="{tops[step.row]:.0f}" width="{box_width:.0f}" height="{h}" rx="6" class="diagram__box"/>')
        parts.append(svg_text(x + box_width / 2, tops[step.row] + 7 + FONT, step.rows))
    for before, after in zip(steps, steps[1:]):
        if before.flow != after.flow:
            continue
        x1 = before.lane * lane_width + lane_width / 2
        x2 = after.lane * lane_width + lane_width / 2
        y1 = tops[before.row] + len(before.rows) * LINE + 14
        y2 = tops[after.row]
        parts.append(
            f'<line x1="{x1:.0f}" y1="{y1:.0f}" x2="{x2:.0f}" y2="{y2 - 2:.0f}" class="diagram__arrow" '
            'marker-end="url(#diagram-arrow)"/>'
        )
    summary = "; ".join(
        f"{names[s.lane]}: {' '.join(s.rows)}" + (" →" if n + 1 < len(steps) and steps[n + 1].flow == s.flow else ".")
        for n, s in enumerate(steps)
    )
    return frame(y - gap + 14, title_line, parts), html.escape(summary)


@dataclass
class Bar:
    section: str
    label: str
    start: date
    end: date | None  # None: still open
    milestone: bool


def timeline(title: str, body: list[str]) -> tuple[str, str]:
    bars: list[Bar] = []
    section = ""
    for number, line in enumerate(body, 2):
        line = line.strip()
        if not line:
            continue
        if line.startswith("section "):
            section = line.removeprefix("section ").strip()
            continue
        label, sep, when = line.rpartition(":")
        words = [w.strip() for w in when.split(",")]
        try:
            if not sep:
                raise ValueError
            if words[0] == "open":
                bars.append(Bar(section, label.strip(), date.fromisoformat(words[1]), None, False))
            elif len(words) == 1:
                day = date.fromisoformat(words[0])
                bars.append(Bar(section, label.strip(), day, day, True))
            else:
                bars.append(Bar(section, label.strip(), date.fromisoformat(words[0]), date.fromisoformat(words[1]), False))
        except (ValueError, IndexError):
            raise DiagramError(f"diagram line {number}: write `label : YYYY-MM-DD, YYYY-MM-DD`, `label : open, YYYY-MM-DD` "
                               f"or `label : YYYY-MM-DD`, not {line!r}") from None
    if not bars:
        raise DiagramError("a timeline needs at least one bar")
    first = date(min(b.start for b in bars).year, 1, 1)
    last = date(max((b.end or b.start) for b in bars).year + 2, 1, 1)
    label_width, right = 250, WIDTH - 10
    span = (last - first).days

    def x(day: date) -> float:
        return label_width + (right - label_width) * (day - first).days / span

    parts, y, row_height = [], 30, 22
    years = range(first.year, last.year + 1)
    for year in years:
        xx = x(date(year, 1, 1))
        parts.append(f'<line x1="{xx:.0f}" y1="22" x2="{xx:.0f}" y2="{{bottom}}" class="diagram__lane"/>')
        if year < last.year:
            parts.append(svg_text(xx + 4, 16, [str(year)], anchor="start", css="diagram__muted"))
    shown_section = None
    for bar in bars:
        if bar.section != shown_section:
            shown_section = bar.section
            y += 8
            parts.append(svg_text(4, y + 12, [bar.section], anchor="start", css="diagram__heading"))
            y += row_height
        parts.append(svg_text(12, y + 15, [bar.label], anchor="start"))
        if bar.milestone:
            cx, cy = x(bar.start), y + 10
            parts.append(f'<path d="M{cx:.0f},{cy - 8} l8,8 l-8,8 l-8,-8 z" class="diagram__milestone"/>')
        else:
            end = bar.end or last
            css = "diagram__bar" + (" diagram__bar--open" if bar.end is None else "")
            parts.append(f'<rect x="{x(bar.start):.0f}" y="{y + 3}" width="{x(end) - x(bar.start):.0f}" height="15" rx="3" class="{css}"/>')
        y += row_height
    bottom = y + 6
    parts = [p.replace("{bottom}", f"{bottom:.0f}") for p in parts]
    summary = "; ".join(
        f"{b.section}: {b.label}, "
        + (f"{b.start}" if b.milestone else f"{b.start} to {b.end}" if b.end else f"from {b.start}, still open")
        for b in bars
    )
    return frame(bottom + 4, title, parts), html.escape(summary)
