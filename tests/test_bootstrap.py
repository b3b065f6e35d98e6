"""The bootstrap finds a Python >= 3.12 by itself, or says in one line that there is none."""

import subprocess
import sys

from tests.helpers import ROOT


def find_python(path: str, pyenv_root: str):
    env = {"PATH": path, "PYENV_ROOT": pyenv_root, "HOME": pyenv_root}
    return subprocess.run([str(ROOT / "scripts" / "find-python")], env=env, capture_output=True, text=True)


def test_a_python_on_path_is_found_and_checked_by_running_it(tmp_path):
    (tmp_path / "bin").mkdir()
    (tmp_path / "bin" / "python3.12").symlink_to(sys.executable)  # this suite runs on >= 3.12
    found = find_python(f"{tmp_path / 'bin'}:/usr/bin:/bin", str(tmp_path / "no-pyenv"))
    assert found.returncode == 0 and found.stdout.strip() == str(tmp_path / "bin" / "python3.12")


def test_no_suitable_python_is_one_clear_line_and_a_failure(tmp_path):
    (tmp_path / "bin").mkdir()
    (tmp_path / "bin" / "python3.12").write_text("#!/bin/sh\nexit 127\n")  # a broken shim
    (tmp_path / "bin" / "python3.12").chmod(0o755)
    found = find_python(f"{tmp_path / 'bin'}:/usr/bin:/bin", str(tmp_path / "no-pyenv"))
    assert found.returncode == 1 and found.stdout == ""
    assert found.stderr.count("\n") == 1 and found.stderr.startswith("error: no Python >= 3.12 found")
