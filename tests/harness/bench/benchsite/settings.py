"""The benchmarked project: no middleware (each scenario adds only what it measures), PostgreSQL from the
libpq environment variables (PGHOST, PGPORT, PGUSER, PGDATABASE) with psycopg's pool, and no DEBUG (DEBUG
keeps every query in memory)."""

import os

SECRET_KEY = "benchmark-only"
DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
INSTALLED_APPS = ["django.contrib.contenttypes", "django.contrib.auth"]
MIDDLEWARE: list[str] = []
ROOT_URLCONF = "benchsite.urls"
WSGI_APPLICATION = "benchsite.wsgi.application"
USE_TZ = True
DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "HOST": os.environ.get("PGHOST", "127.0.0.1"),
        "PORT": os.environ.get("PGPORT", "5432"),
        "USER": os.environ.get("PGUSER", "postgres"),
        "NAME": os.environ.get("PGDATABASE", "postgres"),
        "CONN_MAX_AGE": 0,  # the pool keeps the connections; see the databases page
        "OPTIONS": {"pool": {"min_size": 2, "max_size": 16, "timeout": 30}},
    }
}
