"""Django for the pages' Python blocks: configured once per test process, reset after every page.

The settings are those of a fresh `startproject` (see README, 'The Django that Python blocks see'), with
a temporary file-based SQLite database: in-memory SQLite gives every thread its own empty database, and
the async ORM runs queries in a worker thread. Each test process starts from a copy of a database migrated
once for this Django and these migrations (.cache/docs-db/).
"""

from __future__ import annotations

import atexit
import hashlib
import os
import shutil
import sys
import tempfile
from pathlib import Path

CACHE = Path(__file__).resolve().parents[2] / ".cache" / "docs-db"  # migrated databases (see _migrated_template)


def configure() -> None:
    import django
    from django.conf import global_settings, settings

    if settings.configured:
        return
    database = Path(tempfile.mkdtemp(prefix="docs-db-")) / "db.sqlite3"
    atexit.register(shutil.rmtree, database.parent, ignore_errors=True)  # one per test process, gone with it
    settings.configure(
        DEBUG=True,
        SECRET_KEY="django-insecure-docs-only",
        ALLOWED_HOSTS=["127.0.0.1", "localhost", "testserver"],
        INSTALLED_APPS=[
            "django.contrib.admin",
            "django.contrib.auth",
            "django.contrib.contenttypes",
            "django.contrib.sessions",
            "django.contrib.messages",
            "django.contrib.staticfiles",
            "snippets.bookshop",  # the models pages import (snippets/bookshop/models.py)
        ],
        MIDDLEWARE=[
            "django.middleware.security.SecurityMiddleware",
            "django.contrib.sessions.middleware.SessionMiddleware",
            "django.middleware.common.CommonMiddleware",
            "django.middleware.csrf.CsrfViewMiddleware",
            "django.contrib.auth.middleware.AuthenticationMiddleware",
            "django.contrib.messages.middleware.MessageMiddleware",
            "django.middleware.clickjacking.XFrameOptionsMiddleware",
        ],
        ROOT_URLCONF=None,
        TEMPLATES=[
            {
                "BACKEND": "django.template.backends.django.DjangoTemplates",
                "DIRS": [],
                "APP_DIRS": True,
                "OPTIONS": {
                    "context_processors": [
                        "django.template.context_processors.request",
                        "django.contrib.auth.context_processors.auth",
                        "django.contrib.messages.context_processors.messages",
                    ]
                },
            }
        ],
        DATABASES={"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": str(database)}},
        USE_TZ=True,
        STATIC_URL="static/",
        DEFAULT_AUTO_FIELD="django.db.models.BigAutoField",
        # As Django's testing docs advise ("Speeding up the tests"): the default hasher, PBKDF2, takes 0.36 s of CPU
        # per password on 6.1, by design, and pages create and log in many users. The others still check existing
        # hashes; a block about that slowness puts the default back in a hidden setup.
        PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher", *global_settings.PASSWORD_HASHERS],
    )
    django.setup()
    template = _migrated_template()
    if template.exists():
        shutil.copyfile(template, database)
        return
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)
    template.parent.mkdir(parents=True, exist_ok=True)
    partial = template.with_name(f"{template.name}.{os.getpid()}")
    shutil.copyfile(database, partial)
    os.replace(partial, template)  # whole or not at all: another test process may be reading it


def _migrated_template() -> Path:
    """Where a database migrated for this Django and these apps' migrations is kept: every test process copies it
    instead of migrating (a quarter of a second of CPU each, and the harness's tests start about forty)."""
    import django
    from django.apps import apps

    digest = hashlib.sha256(f"{django.__version__} {sys.version_info[:2]}".encode())
    for config in sorted(apps.get_app_configs(), key=lambda config: config.name):
        digest.update(config.name.encode())
        for path in sorted(Path(config.path).glob("migrations/*.py")):
            digest.update(path.name.encode() + path.read_bytes())
    return CACHE / f"{digest.hexdigest()[:16]}.sqlite3"


def snapshot() -> dict:
    from django.conf import settings

    return dict(settings._wrapped.__dict__)


def restore(saved: dict) -> None:
    """Undo what a page did to settings, URLconfs and the database."""
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connections
    from django.urls import clear_url_caches, set_urlconf

    from django.test.signals import setting_changed

    current, missing = settings._wrapped.__dict__, object()
    changed = {name for name in current.keys() | saved.keys()
               if current.get(name, missing) is not saved.get(name, missing)}
    settings._wrapped.__dict__.clear()
    settings._wrapped.__dict__.update(saved)
    for name in sorted(changed):  # what caches a setting (the password hashers, for one) forgets it, as after a test
        setting_changed.send(sender=None, setting=name, value=saved.get(name), enter=False)
    clear_url_caches()
    set_urlconf(None)
    call_command("flush", verbosity=0, interactive=False)
    connections.close_all()
