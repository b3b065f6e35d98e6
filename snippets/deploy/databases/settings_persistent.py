import os

from .settings import *  # noqa: F403 - everything startproject wrote; only the database changes

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "HOST": os.environ["PGHOST"],
        "PORT": os.environ["PGPORT"],
        "USER": os.environ["PGUSER"],
        "NAME": os.environ["PGDATABASE"],
        "CONN_MAX_AGE": 60,  # persistent connections: keep each one for 60 s after its request
        "OPTIONS": {
            "application_name": "mysite",  # how pg_stat_activity tells this server's connections apart
        },
    }
}
