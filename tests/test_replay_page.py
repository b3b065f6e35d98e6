"""The replay page's shown output is evidence: changing any of it must fail, naming the page and line."""

import re
import shutil

from tests.helpers import ROOT, run_page

MUTATIONS = {
    "INFO:     ASGI 'lifespan' protocol appears unsupported.": "INFO:     ASGI 'lifespan' protocol is supported.",
    "ValueError: Django can only handle ASGI/HTTP connections, not lifespan.": "ValueError: Django handles lifespan.",
    "HTTP/1.1 200 OK": "HTTP/1.1 404 Not Found",
    "#> websockets.exceptions.InvalidStatus: server rejected WebSocket connection: HTTP 500": "#> websockets.exceptions.InvalidStatus: server rejected WebSocket connection: HTTP 403",
    "ValueError: Django can only handle ASGI/HTTP connections, not websocket.": "ValueError: Django can only handle ASGI/HTTP connections, not WebSocket.",
    "async view, thread MainThread": "async view, thread ThreadPoolExecutor-0_0",
}


def test_changing_a_shown_line_fails_at_that_line(pytester, monkeypatch):
    original = (ROOT / "docs" / "replay.md").read_text()
    changed = original
    for shown, wrong in MUTATIONS.items():
        # The first block line that shows it (prose may quote it too; that is not output).
        changed, count = re.subn(rf"^{re.escape(shown)}$", wrong, changed, count=1, flags=re.MULTILINE)
        assert count == 1, shown
    shutil.copytree(ROOT / "snippets" / "replay", pytester.path / "snippets" / "replay")
    run = run_page(pytester, monkeypatch, changed, "replay.md")
    failures = [line for line in run.output.splitlines() if line.startswith("docs/replay.md:")]
    lines = changed.splitlines()
    expected = sorted(lines.index(wrong) + 1 for wrong in MUTATIONS.values())
    assert sorted(int(line.split(":")[1]) for line in failures) == expected, failures
    run.result.assert_outcomes(failed=len(MUTATIONS), passed=len(run.blocks) - len(MUTATIONS))
