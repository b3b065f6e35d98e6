import os

from .settings import *  # noqa: F403 - everything startproject wrote, then:

INSTALLED_APPS = [*INSTALLED_APPS, "mysite"]  # noqa: F405 - so that mysite/management/commands/ is found
DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "HOST": os.environ["PGHOST"],
        "PORT": os.environ["PGPORT"],
        "USER": os.environ["PGUSER"],
        "NAME": os.environ["PGDATABASE"],
        "OPTIONS": {"application_name": "mysite-command"},  # so pg_stat_activity can tell our connections apart
    }
}
