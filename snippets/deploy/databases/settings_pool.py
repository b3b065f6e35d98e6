import os

from .settings import *  # noqa: F403 - everything startproject wrote; only the database changes

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "HOST": os.environ["PGHOST"],
        "PORT": os.environ["PGPORT"],
        "USER": os.environ["PGUSER"],
        "NAME": os.environ["PGDATABASE"],
        "CONN_MAX_AGE": 0,  # the default; the pool refuses anything else
        "OPTIONS": {
            "application_name": "mysite",
            "pool": {"min_size": 2, "max_size": 4},  # psycopg_pool.ConnectionPool(min_size=2, max_size=4)
        },
    }
}
