"""The async twins' first releases (tests/harness/twins.py, docs/data/async-twins.json) and the check that
keeps the cheat sheet's file fresh. The page's own block runs the discovery on the installed Django."""

from __future__ import annotations

import ast

import pytest

from tests.harness import matrix, twins

DATA = twins.load()


def first(area: str, async_name: str) -> dict:
    return next(entry for entry in DATA["areas"][area] if entry["async"] == async_name)


@pytest.mark.parametrize("area, async_name, release", [
    # docs/releases/4.1.txt, "Asynchronous ORM interface": "... with an ``a`` prefix, for example ``acreate()``, ``aget()``"
    ("QuerySet", "aget", "4.1"),
    # docs/releases/3.1.txt: "Asynchronous tests and test client"; 3.0.txt names no AsyncClient
    ("django.test", "AsyncClient", "3.1"),
    # docs/releases/5.0.txt: ":func:`~.django.contrib.auth.alogin`" among the new asynchronous functions
    ("django.contrib.auth", "alogin", "5.0"),
    # docs/releases/5.0.txt: "The new :meth:`.Signal.asend` and :meth:`.Signal.asend_robust` methods"
    ("Signal", "asend", "5.0"),
    # docs/releases/4.0.txt: "The new async API for ``django.core.cache.backends.base.BaseCache``"
    ("BaseCache (caches['default'])", "aget", "4.0"),
])
def test_well_known_twins_have_the_first_release_of_their_release_notes(area, async_name, release):
    assert first(area, async_name)["first"] == release
    assert first(area, async_name)["missing_in"] == []


def test_the_data_has_every_feature_release_of_the_matrix_and_no_patch_column():
    assert list(DATA["releases"]) == list(matrix.RELEASES)
    assert all(release.count(".") == 1 for release in DATA["releases"])


def discovery(**areas) -> dict:
    return {"django": "x", "python": "3.9.18", "areas": areas}


def test_build_gives_the_first_release_and_the_releases_that_lost_a_twin():
    found = {
        "4.0": discovery(QuerySet=[]),
        "4.1": discovery(QuerySet=[["get", "aget"], ["count", "acount"]]),
        "4.2": discovery(QuerySet=[["count", "acount"]], Signal=[["send", "asend"]]),
        "4.10": discovery(QuerySet=[["get", "aget"], ["count", "acount"]], Signal=[["send", "asend"]]),
    }
    data = twins.build(found)
    assert list(data["releases"]) == ["4.0", "4.1", "4.2", "4.10"]  # version order, not string order
    assert data["areas"]["QuerySet"] == [
        {"sync": "count", "async": "acount", "first": "4.1", "missing_in": []},
        {"sync": "get", "async": "aget", "first": "4.1", "missing_in": ["4.2"]},
    ]
    assert data["areas"]["Signal"] == [{"sync": "send", "async": "asend", "first": "4.2", "missing_in": []}]
    assert list(data["areas"]) == ["QuerySet", "Signal"]  # the snippet's order
    assert twins.first_releases({"QuerySet": [("count", "acount")], "Signal": [("send", "asend")]}, "4.2", data)


def test_a_stale_file_fails_naming_each_difference_and_the_step_to_run():
    data = twins.build({"5.0": discovery(Signal=[["send", "asend"]]), "5.1": discovery(Signal=[["send", "asend"]])})
    on_51 = {"Signal": [("send", "asend"), ("send_robust", "asend_robust")]}
    with pytest.raises(AssertionError) as raised:
        twins.first_releases(on_51, "5.1", data)
    assert str(raised.value) == (
        "docs/data/async-twins.json is stale: Django 5.1 has Signal: asend_robust, which it does not list for "
        "5.1. Run `.venv/bin/python -m tests.harness.twins` (a step of `make matrix`) and commit it")
    with pytest.raises(AssertionError, match=r"it lists Signal: asend for 5.1, which Django 5.1 does not have"):
        twins.first_releases({"Signal": []}, "5.1", data)
    with pytest.raises(AssertionError, match=r"has no column for Django 5.2: run `.venv/bin/python -m tests.harness"):
        twins.first_releases({"Signal": [("send", "asend")]}, "5.2", data)
    assert twins.first_releases({"Signal": [("send", "asend")]}, "5.1", data) == {"Signal": {"asend": "5.0"}}


@pytest.mark.parametrize("path", [twins.SNIPPET, twins.Path(twins.__file__)])
def test_the_child_side_is_python_3_9(path):
    ast.parse(path.read_text(), str(path), feature_version=(3, 9))


def test_the_oldest_release_runs_the_discovery_and_skips_what_it_lacks():
    python = matrix.ENVS / "django-2.2" / "bin" / "python"
    if not python.exists():
        pytest.skip("no .venvs/django-2.2 (make matrix creates it)")
    found = twins.discover_in(python)
    assert found["django"].startswith("2.2.") and found["python"].startswith("3.9.")
    assert "django.tasks.Task" not in found["areas"]  # no django.tasks before 6.0: left out, no crash
    assert found["areas"]["QuerySet"] == []


def test_make_matrix_writes_the_file_only_with_every_feature_release(monkeypatch):
    written = []
    monkeypatch.setattr(twins, "write", written.append)
    columns = {name: {"column": name, "twins": discovery(Signal=[["send", "asend"]] * (float(name) >= 5.0))}
               for name in matrix.RELEASES}
    columns["3.0.0"] = {"column": "3.0.0"}  # a patch column: not part of the data
    assert matrix.write_twins({**columns, "6.0": {"column": "6.0", "missing": "no Python 3.13"}}) == (
        "matrix: no async twins from Django 6.0; docs/data/async-twins.json not written")
    assert written == []
    matrix.write_twins(columns)
    assert [entry["first"] for entry in written[0]["areas"]["Signal"]] == ["5.0"]
    assert list(written[0]["releases"]) == list(matrix.RELEASES)
