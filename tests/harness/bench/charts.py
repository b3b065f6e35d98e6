"""Charts and tables of bench.json, rendered when the site is built: a static SVG (no script, no request to
another host) with a <title> and a <desc> for screen readers, and beside it the table of the same numbers.

Colours come from CSS variables of the theme (with fallbacks), and text uses currentColor, so a chart reads in
the light and the dark scheme alike."""

from __future__ import annotations

import html
import json
from pathlib import Path

from . import scenarios
from .run import OUTPUT

ROW = 28
LABEL_WIDTH = 340
BAR_WIDTH = 300
VALUE_WIDTH = 90
TOP = 8


class ChartError(ValueError):
    pass


def load(path: Path | None = None) -> dict:
    return json.loads((path or OUTPUT).read_text())


def kind(scenario_id: str) -> str:
    """sync, async, or mistake (an async view used in a way that loses what async offers)."""
    if any(word in scenario_id for word in ("blocking", "client-per-request", "async-wsgi", "middleware-sync")):
        return "mistake"
    return "sync" if "-sync-" in scenario_id else "async"


def rows(data: dict, group: str, connections: int) -> list[tuple[str, dict, dict]]:
    found = [(sid, {**s, "label": _label(sid, s)}, s["cells"].get(str(connections)))
             for sid, s in data["scenarios"].items() if s["group"] == group]
    if not found:
        raise ChartError(f"bench.json has no scenario in group {group!r} (groups: {sorted(scenarios.GROUPS)})")
    if any(cell is None for _, _, cell in found):
        raise ChartError(f"bench.json has no results at {connections} connections for group {group!r}")
    return found


def _label(scenario_id: str, scenario: dict) -> str:
    known = scenarios.BY_ID.get(scenario_id)
    return known.label if known else scenario["label"]


def _number(value: float) -> str:
    return f"{value:,.0f}" if value >= 100 else f"{value:,.1f}"


def chart(data: dict, group: str, connections: int) -> str:
    """Horizontal bars of requests per second, one per scenario; a dashed mark at the I/O rows' ideal."""
    found = rows(data, group, connections)
    ideal = next((cell["ideal_rps"] for _, _, cell in found if "ideal_rps" in cell), None)
    top = max([cell["rps"] for _, _, cell in found] + ([ideal] if ideal else [])) or 1
    kinds = sorted({kind(sid) for sid, _, _ in found}, key=list(FALLBACK).index)
    width = LABEL_WIDTH + BAR_WIDTH + VALUE_WIDTH
    height = TOP * 2 + ROW * len(found) + (18 if ideal else 0) + LEGEND_ROW
    slug = f"bench-{group}-{connections}"
    title = f"{scenarios.GROUPS[group]}: requests per second at {connections} connection{'s' * (connections > 1)}"
    described = "; ".join(
        f"{s['label']}: {_number(cell['rps'])} requests/s" + (f" ({cell['of_ideal']:.0%} of ideal)" if "of_ideal" in cell else "")
        for _, s, cell in found)
    parts = [
        f'<svg class="bench-chart" role="img" aria-labelledby="{slug}-title {slug}-desc" '
        f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" xmlns="http://www.w3.org/2000/svg" '
        f'font-size="13" fill="currentColor">',
        f'<title id="{slug}-title">{html.escape(title)}</title>',
        f'<desc id="{slug}-desc">{html.escape(described)}. Source: docs/data/bench.json, '
        f'{html.escape(data["environment"]["date"])}.</desc>',
    ]
    for index, (sid, s, cell) in enumerate(found):
        y = TOP + index * ROW
        bar = max(1.0, BAR_WIDTH * cell["rps"] / top)
        parts += [
            f'<text x="{LABEL_WIDTH - 8}" y="{y + 18}" text-anchor="end">{html.escape(s["label"])}</text>',
            f'<rect class="bench-bar bench-{kind(sid)}" x="{LABEL_WIDTH}" y="{y + 5}" width="{bar:.1f}" height="{ROW - 10}" '
            f'fill="{FALLBACK[kind(sid)]}"><title>{html.escape(s["label"])}: {_number(cell["rps"])} requests/s</title></rect>',
            f'<text x="{LABEL_WIDTH + bar + 6:.1f}" y="{y + 18}">{_number(cell["rps"])}</text>',
        ]
    if ideal:
        x = LABEL_WIDTH + BAR_WIDTH * ideal / top
        bottom = TOP + ROW * len(found)
        parts += [
            f'<line class="bench-ideal" x1="{x:.1f}" y1="{TOP}" x2="{x:.1f}" y2="{bottom}" stroke="currentColor" '
            f'stroke-dasharray="4 3" stroke-width="1.5"/>',
            f'<text x="{x:.1f}" y="{bottom + 14}" text-anchor="end">ideal: {connections} / {scenarios.UPSTREAM_DELAY:g} s '
            f'= {_number(ideal)}</text>',
        ]
    parts += _legend(kinds, height - LEGEND_ROW + 6)
    parts.append("</svg>")
    return "".join(parts)


LEGEND_ROW = 26
LEGEND = {"sync": "sync view", "async": "async view", "mistake": "async view, misused"}


def _legend(kinds: list[str], y: int) -> list[str]:
    """Which colour is which (the labels say it too, so colour is never the only clue)."""
    parts, x = [], LABEL_WIDTH
    for name in kinds:
        parts += [f'<rect class="bench-bar bench-{name}" x="{x}" y="{y}" width="12" height="12" fill="{FALLBACK[name]}"/>',
                  f'<text x="{x + 17}" y="{y + 11}">{LEGEND[name]}</text>']
        x += 34 + 7 * len(LEGEND[name])
    return parts


FALLBACK = {"sync": "#5c6bc0", "async": "#009485", "mistake": "#e57373"}  # when the theme's CSS is absent


def table(data: dict, group: str, connections: int) -> str:
    """The chart's numbers as an HTML table, plus latency and errors."""
    found = rows(data, group, connections)
    ideal = any("of_ideal" in cell for _, _, cell in found)
    cpu = all("cpu_ms_per_request" in cell for _, _, cell in found)  # recorded since the runs of 2026-12-01
    head = (["scenario", "requests/s"] + (["of ideal"] if ideal else []) + ["p50 ms", "p99 ms", "errors"]
            + (["server CPU ms/request"] if cpu else []))
    body = []
    for _, s, cell in found:
        values = [html.escape(s["label"]), _number(cell["rps"])]
        values += [f"{cell['of_ideal']:.0%}"] if ideal else []
        values += [_latency(cell["p50_ms"]), _latency(cell["p99_ms"]), str(cell["errors"])]
        values += [_latency(cell["cpu_ms_per_request"])] if cpu else []
        body.append("<tr>" + "".join(f"<td>{v}</td>" for v in values) + "</tr>")
    return ("<table><thead><tr>" + "".join(f"<th>{h}</th>" for h in head) + "</tr></thead><tbody>"
            + "".join(body) + "</tbody></table>")


def _latency(value: float | None) -> str:
    return "–" if value is None else f"{value:g}"  # no response in the whole sample: no latency to show


def figure(data: dict, group: str, connections: int) -> str:
    svg = chart(data, group, connections)  # first: it names a group or connection count bench.json lacks
    caption = (f"{html.escape(scenarios.GROUPS[group])}, {connections} connection{'s' * (connections > 1)}: median of "
               f"{data['method']['repeats']} runs of {data['method']['seconds']} s (make bench, "
               f"{html.escape(data['environment']['date'])}).")
    return (f'<figure class="bench-figure">{svg}'
            f'<div class="bench-data">{table(data, group, connections)}</div>'
            f"<figcaption>{caption}</figcaption></figure>")


def value(data: dict, scenario_id: str, connections: int, field: str) -> str:
    """One number of one cell, formatted for prose: `rps`, `p50_ms`, `p99_ms`, `errors`, `of_ideal`."""
    try:
        cell = data["scenarios"][scenario_id]["cells"][str(connections)]
        number = cell[field]
    except KeyError as missing:
        raise ChartError(f"bench.json has no {field!r} for {scenario_id} at {connections} connections "
                         f"(missing {missing}); run make bench") from None
    if field == "of_ideal":
        return f"{number:.0%}"
    if number is None:
        raise ChartError(f"{scenario_id} at {connections} connections had no response, so no {field}")
    return _number(number) if field == "rps" else f"{number:g}"


def _load(env: dict) -> str:
    """The machine's 1-minute load average while wrk ran: how much other programs competed for the CPUs."""
    load = env.get("load_average")
    if not load:
        return "not recorded"
    return f"median {load['median']:g}, highest {load['max']:g} (the machine's 1-minute load average during the samples)"


def environment(data: dict) -> str:
    env = data["environment"]
    method = data["method"]
    pinning = env["pinning"]
    warmup = (f" after {method['warmup_seconds']} s of warm-up load" if method["warmup_seconds"]
              else " whose view has answered once (the start-up probe)")
    cpus = (f"server on CPU {','.join(map(str, pinning['server']))}, wrk, the upstream and PostgreSQL on CPU "
            f"{','.join(map(str, pinning['load']))} (taskset)" if pinning["pinned"] else "not pinned (one CPU)")
    rows_ = [
        ("date", env["date"]),
        ("machine", f"{env['cpu_count']} CPUs, {env['cpu_model']}; {env['platform']}"),
        ("pinning", cpus),
        ("Python", env["python"]),
        ("load average", _load(env)),
        ("load generator", f"{env['wrk']}, 1 thread"),
        ("PostgreSQL", env["postgresql"]),
        ("method", f"{method['repeats']} runs of {method['seconds']} s per cell, interleaved, each on a freshly started "
                   f"server{warmup}; medians; the whole grid took {method['wall_seconds']:.0f} s"),
        ("packages", ", ".join(f"{name} {version}" for name, version in env["packages"].items())),
    ]
    return "| measured on | |\n| --- | --- |\n" + "\n".join(f"| {k} | {v} |" for k, v in rows_) + "\n"
