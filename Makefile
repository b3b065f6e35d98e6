# Two commands for a fresh machine: `make serve` and `make test`. Both create .venv from the lock first.
.DEFAULT_GOAL := help
VENV := .venv
PY := $(VENV)/bin/python
export NO_MKDOCS_2_WARNING := 1
export PIP_CONFIG_FILE := /dev/null
# Python may cache compiled modules (in __pycache__/, ignored by git): the suite starts hundreds of Pythons that
# import the harness and the snippets, and pytest caches its rewritten test modules there. Some shells turn it off.
unexport PYTHONDONTWRITEBYTECODE

$(VENV)/.installed: requirements.lock scripts/bootstrap scripts/find-python
	@scripts/bootstrap

.PHONY: install  ## Create .venv from requirements.lock (does nothing when it is up to date)
install: $(VENV)/.installed

# Two workers per core: most pages spend much of their time waiting on their servers, so one page's waits
# overlap another's work. Files go out whole (a page's blocks share a namespace), the longest first.
WORKERS ?= $(shell echo $$(( $$(nproc) * 2 )))

.PHONY: test  ## Run every block of every page, the harness tests and the strict site build; print the block report
test: install services
	$(PY) -m pytest -n $(WORKERS) --dist loadfile --no-loadscope-reorder

# What the pages and the browser suite run: Debian's packages, axe-core from npm (each script does nothing when
# its package is there).
.PHONY: services
services:
	@scripts/install-postgres
	@scripts/install-nginx
	@scripts/install-redis
	@scripts/install-chromium
	@scripts/install-axe-core
	@scripts/install-wrk

.PHONY: matrix  ## Run every versioned block on each Django release 2.2-6.1, in parallel; check every claim; write docs/data/compat.json and async-twins.json
matrix: install
	$(PY) -m tests.harness.matrix

DJANGO ?= latest
SUMMARY ?=
.PHONY: test-django  ## The whole suite on another Django, over the lock, in .venvs/suite-X: make test-django DJANGO=6.0 (or 5.2.3, latest, pre)
test-django: install services
	$(PY) -m tests.harness.suite $(DJANGO) $(if $(SUMMARY),--summary "$(SUMMARY)")

.PHONY: release-notes  ## Re-read the async APIs each release's notes name (Django sdist); write docs/data/release-notes-async.json
release-notes: install
	$(PY) -m tests.harness.release_notes

.PHONY: bench  ## Measure sync vs async views under each server with wrk (under 10 min on 2 cores); write docs/data/bench.json
bench: install
	@scripts/install-wrk
	@scripts/install-postgres
	$(PY) -m tests.harness.bench

.PHONY: bench-check  ## Compare the orderings of two bench runs: make bench-check FILE=other.json [BASE=docs/data/bench.json]
bench-check: install
	$(PY) -m tests.harness.bench check $(or $(BASE),docs/data/bench.json) $(FILE)

.PHONY: serve  ## Preview the site with live reload at http://127.0.0.1:8000
serve: install
	$(PY) -m mkdocs serve --dev-addr 127.0.0.1:8000 --livereload

.PHONY: build  ## Build the site into site/ (strict: a broken link, anchor or snippet fails)
build: install
	$(PY) -m mkdocs build --strict

.PHONY: lock  ## Re-resolve requirements.lock from pyproject.toml (needs network)
lock: install
	$(PY) -m pip install --quiet uv && $(VENV)/bin/uv pip compile pyproject.toml --universal \
		--python-version 3.12 --generate-hashes --quiet -o requirements.lock

.PHONY: clean  ## Remove .venv, .venvs/, site/, reports/ and caches
clean:
	rm -rf $(VENV) .venvs site reports .pytest_cache .cache

.PHONY: help  ## List the targets
help:
	@grep -E '^\.PHONY: [a-z-]+ +## ' $(MAKEFILE_LIST) | sed -E 's/^\.PHONY: ([a-z-]+) +## /  make \1\t/' | expand -t 24
