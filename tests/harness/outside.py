"""A versioned block on a Django outside its range (`<!-- test: django ">=5.2,<6.0" -->` on 6.1.3). Its claim
here is that it fails (the matrix's exact rule), so the main run checks that instead of skipping the block.

The block runs as `make matrix` runs it: with the matrix's runner (tests/harness/blockrun.py) in a child process
on this interpreter, in a fresh namespace, after the page's hidden setup and the definitions above it; any
exception or output mismatch is the failure it claims. So "fails" means here exactly what compat.json records.

Never in the page itself: a block that fails stops part-way, and what it did before the failing line (names
rebound in the namespace, rows written to the database, settings it left overridden, tasks left on the page's
event loop, requests made to the page's servers) cannot be undone there, so the blocks after it would run on
state that no Django a reader has produces. In the child, nothing the block does reaches the page.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from .failures import BlockFailure, relative

# Seconds for the child: Django's start-up and migrations, the definitions above the block, then the block
# (which blockrun itself stops after its JOB_TIMEOUT, as in the matrix).
TIMEOUT = 120


class OutsideRange:
    """The evaluator of a versioned block when the installed Django is outside its range: the block must fail."""

    def __init__(self, spec: str, line: int) -> None:
        self.spec = spec
        self.line = line  # the fence's line, as the matrix and the block report know the block

    def __call__(self, example) -> None:
        __tracebackhide__ = True
        from . import matrix  # here, not at import time: matrix imports parsers, which imports this module

        page = Path(example.path)
        [block] = [b for b in matrix.collect_page(page, relative(page)) if b.line == self.line]
        try:
            result = matrix.run_jobs(sys.executable, [matrix.job(block, page)], TIMEOUT)
        except (RuntimeError, subprocess.TimeoutExpired) as error:  # the runner broke: no result either way
            raise BlockFailure(self.line, f"could not check that the block fails outside its range: {error}") from None
        [outcome] = result["results"]
        if outcome["status"] == "passed":
            raise BlockFailure(self.line, f"this block is claimed for Django {self.spec} but passed on "
                                          f"{result['django']}: widen its range or fix the claim")
        # What the block report shows for it (tests/harness/report.py): passed, and why.
        example.region.block_info.outside = (f"failed outside its range, as claimed (Django {self.spec}; this run "
                                             f"has {result['django']}): {outcome['error']}")
