from tests.harness.matching import compare, normalise


def test_ellipsis_line_matches_any_number_of_lines_including_none():
    assert compare("a\n...\nz", "a\nb\nc\nz") is None
    assert compare("a\n...\nz", "a\nz") is None
    assert compare("a\n...\nz", "a\nb") is not None


def test_inline_ellipsis_stays_on_its_line():
    assert compare("thread ThreadPoolExecutor-..._0", "thread ThreadPoolExecutor-3_0") is None
    assert compare("x ... y", "x a\ny") is not None


def test_everything_else_must_match_exactly():
    problem = compare("HTTP/1.1 200 OK", "HTTP/1.1 500 Internal Server Error")
    assert "Expected (shown on the page)" in problem and "-HTTP/1.1 200 OK" in problem


def test_pids_timestamps_and_surrounding_whitespace_are_normalised():
    assert normalise("\nINFO:     Started server process [41872]  \n\n") == "INFO:     Started server process [PID]"
    assert normalise("[2026-11-25 10:31:03 +0000] [7001] [INFO] Booting worker with pid: 7002") == (
        "[<timestamp>] [PID] [INFO] Booting worker with pid: PID"
    )
    assert normalise("November 25, 2026 - 10:31:03") == "<timestamp>"
    assert normalise("[INFO] Starting granian (main PID: 41872)") == "[INFO] Starting granian (main PID: PID)"
    assert normalise("[1974, 1975]") == "[1974, 1975]"  # not a PID: a wrong year must not pass
    assert normalise("date: Wed, 25 Nov 2026 10:38:46 GMT") == "date: <timestamp>"
