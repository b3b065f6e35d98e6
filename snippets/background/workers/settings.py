import os

SECRET_KEY = "django-insecure-example-only"
DEBUG = True
ALLOWED_HOSTS = []

INSTALLED_APPS = [
    "django_tasks_db",  # the database backend of Django's Tasks, its table and the db_worker command
    "mysite",
    "django.contrib.auth",
    "django.contrib.contenttypes",
]
ROOT_URLCONF = "mysite.urls"
USE_TZ = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
# PostgreSQL; libpq reads PGHOST, PGPORT and PGUSER from the environment
DATABASES = {"default": {"ENGINE": "django.db.backends.postgresql", "NAME": os.environ.get("PGDATABASE", "mysite")}}

# Django's Tasks: enqueue writes a row, `manage.py db_worker` runs it
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# Celery: Redis as the broker and for results
REDIS_URL = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0")
CELERY_BROKER_URL = REDIS_URL
CELERY_RESULT_BACKEND = REDIS_URL

# Mail goes to a local SMTP server (the sink started on this page)
MAILERS = {
    "default": {
        "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "OPTIONS": {"host": "127.0.0.1", "port": int(os.environ.get("EMAIL_PORT", "8025"))},
    }
}
DEFAULT_FROM_EMAIL = "site@example.com"
