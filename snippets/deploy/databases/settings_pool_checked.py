import os

from .settings import *  # noqa: F403 - everything startproject wrote; only the database changes

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "HOST": os.environ["PGHOST"],
        "PORT": os.environ["PGPORT"],
        "USER": os.environ["PGUSER"],
        "NAME": os.environ["PGDATABASE"],
        "CONN_MAX_AGE": 0,
        "CONN_HEALTH_CHECKS": True,  # with a pool: check each connection before the pool hands it out
        "OPTIONS": {
            "application_name": "mysite",
            "pool": {"min_size": 2, "max_size": 4},
        },
    }
}
