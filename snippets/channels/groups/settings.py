import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
SECRET_KEY = "django-insecure-example-only"
DEBUG = True
ALLOWED_HOSTS = []

INSTALLED_APPS = [
    "channels",
    "mysite",  # for mysite/management/commands/ and mysite/tasks.py
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
]
ROOT_URLCONF = "mysite.urls"
DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": BASE_DIR / "db.sqlite3"}}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
USE_TZ = True

REDIS_URL = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0")
# One Redis for every process: server A, server B, the Celery worker, manage.py commands.
CHANNEL_LAYERS = {
    "default": {
        "BACKEND": "channels_redis.core.RedisChannelLayer",
        # socket_timeout above channels_redis's 5 s blocking read: redis-py 8 defaults to 5 s (see below)
        "CONFIG": {"hosts": [{"address": REDIS_URL, "socket_timeout": 10}]},
    },
}
CELERY_BROKER_URL = REDIS_URL
