"""`make bench`: measured answers to "is async faster?". One module per job:

- `upstream.py`: the slow service the I/O views call (answers after 100 ms)
- `benchsite/`: the Django project under test (its views are the scenarios' views)
- `scenarios.py`: the grid (which view, under which server, at which concurrency)
- `servers.py`: start a process pinned to its CPUs, wait until it answers, stop it by PID
- `wrk.py`: run Debian's wrk and read its results
- `environment.py`: what ran (CPU count, versions, date)
- `run.py`: run the grid and write docs/data/bench.json; `__main__.py`: its command line
- `ordering.py`: compare two runs' orderings of scenarios by throughput
- `quick.py`: the short run that the performance page's blocks make in `make test`
- `charts.py`, `markdown_ext.py`: SVG charts and tables from bench.json, rendered when the site is built
"""
