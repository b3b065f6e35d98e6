"""What a build keeps between builds, in .cache/: results that depend only on their key (a hash of everything
that goes into them), so a build that finds one skips the work. Used by highlight_cache.py (Pygments) and
mkdocs_hooks.py (the search index's sections of a page). A whole build writes back only what it used, so a file
does not outgrow the site; a build of a few pages adds to the rest.
"""

from __future__ import annotations

import atexit
import os
import pickle
from pathlib import Path

CACHE = Path(__file__).resolve().parents[2] / ".cache"


class Store:
    def __init__(self, path: Path) -> None:
        self.path, self.loaded, self.used, self.missed = path, None, {}, 0

    def _entries(self) -> dict[str, object]:
        if self.loaded is None:
            try:
                self.loaded = pickle.loads(self.path.read_bytes())
            except (OSError, pickle.UnpicklingError, EOFError, AttributeError):
                self.loaded = {}
            atexit.register(self.save)
        return self.loaded

    def get(self, key: str) -> object | None:
        found = self._entries().get(key)
        if found is not None:
            self.used[key] = found
        return found

    def put(self, key: str, value: object) -> None:
        self._entries()[key] = self.used[key] = value
        self.missed += 1

    def save(self) -> None:
        loaded = self.loaded or {}
        if not self.missed and len(self.used) == len(loaded):
            return  # nothing new and nothing to drop
        kept = self.used if len(self.used) >= len(loaded) / 2 else {**loaded, **self.used}
        self.path.parent.mkdir(parents=True, exist_ok=True)
        partial = self.path.with_name(f"{self.path.name}.{os.getpid()}")
        partial.write_bytes(pickle.dumps(kept))
        os.replace(partial, self.path)  # whole or not at all: builds in other test processes read it
