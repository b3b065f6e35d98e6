# Wires the docs harness into pytest: Sybil runs every block of docs/*.md (see tests/harness/plugin.py).
# pytester runs sample pages through the harness in the harness's own tests.
pytest_plugins = ["tests.harness.plugin", "pytester"]
