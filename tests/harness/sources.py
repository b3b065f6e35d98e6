"""Primary sources on disk: the unpacked sdist of an installed distribution, downloaded once and cached.

The cache is `.cache/sources/<dist>-<version>/` (override with `$ASYNC_DOCS_SOURCES`), keyed by the version
installed in this environment, so an upgrade of the lock downloads the new sdist and an unchanged lock works
offline after the first run. A source that no package ships (a DEP, docs kept only in a repository) is read
from a git mirror when `$QUOTE_MIRRORS` names a directory holding `<owner>+<repo>/repo` bare repositories.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


class SourceUnavailable(Exception):
    """The source cannot be read here; the message says why and what would make it available."""


def cache_dir() -> Path:
    return Path(os.environ.get("ASYNC_DOCS_SOURCES", ROOT / ".cache" / "sources"))


def sdist(dist: str, version: str | None = None) -> Path:
    """The unpacked sdist of `dist` at `version` (default: the installed one), downloading it at most once."""
    if version is None:
        try:
            version = metadata.version(dist)
        except metadata.PackageNotFoundError:
            raise SourceUnavailable(f"{dist} is not installed in this environment") from None
    target = cache_dir() / f"{dist.lower()}-{version}"
    if target.is_dir():
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=target.parent) as scratch:
        download = subprocess.run(
            [sys.executable, "-m", "pip", "download", "--quiet", "--no-binary", ":all:", "--no-deps",
             f"{dist}=={version}", "-d", scratch], capture_output=True, text=True)
        if download.returncode:
            raise SourceUnavailable(f"could not download the {dist} {version} sdist from PyPI (needed once, then "
                                    f"cached in {target}): {download.stderr.strip()[-300:]}")
        archive = next(Path(scratch).glob("*.tar.gz"))
        with tarfile.open(archive) as tar:
            tar.extractall(scratch, filter="data")
        unpacked = next(path for path in Path(scratch).iterdir() if path.is_dir())
        try:
            unpacked.rename(target)  # atomic: a concurrent run either finds the whole tree or none of it
        except OSError:
            if not target.is_dir():
                raise
    return target


def read(source: str) -> str:
    """The text of a source named `dist:path` (a file of that distribution's sdist) or
    `github:owner/repo@commit:path` (a file of a repository at a commit, from a git mirror)."""
    kind, _, rest = source.partition(":")
    if kind == "github":
        return _from_mirror(rest)
    path = sdist(kind) / rest
    if not path.is_file():
        raise FileNotFoundError(f"{rest} is not in the {kind} sdist ({path.parent})")
    return path.read_text(encoding="utf-8")


def _from_mirror(spec: str) -> str:
    repository, _, path = spec.partition(":")
    name, _, commit = repository.partition("@")
    mirrors = os.environ.get("QUOTE_MIRRORS")
    if not mirrors:
        raise SourceUnavailable(f"{name} is not shipped in any package; set QUOTE_MIRRORS to a directory with "
                                f"a {name.replace('/', '+')}/repo git mirror to check it")
    git_dir = Path(mirrors) / name.replace("/", "+") / "repo"
    shown = subprocess.run([shutil.which("git") or "git", "--git-dir", str(git_dir), "show", f"{commit}:{path}"],
                           capture_output=True, text=True)
    if shown.returncode:
        raise SourceUnavailable(f"cannot read {path} at {commit} from {git_dir}: {shown.stderr.strip()}")
    return shown.stdout
