# Wires the docs harness into pytest: Sybil runs every block of docs/*.md (see tests/harness/plugin.py).
pytest_plugins = ["tests.harness.plugin"]
