import os

SECRET_KEY = "django-insecure-example-only"
DEBUG = True
ALLOWED_HOSTS = []

INSTALLED_APPS = [
    "channels",
    "notes",
    "django.contrib.contenttypes",
]
ROOT_URLCONF = "mysite.urls"
USE_TZ = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
# PostgreSQL; libpq reads PGHOST, PGPORT and PGUSER from the environment. The application name lets the page
# find this server's connections in pg_stat_activity.
DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": os.environ.get("PGDATABASE", "mysite"),
        "OPTIONS": {"application_name": "mysite"},
    }
}
