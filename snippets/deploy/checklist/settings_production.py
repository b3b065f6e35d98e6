import os

from .settings import *  # noqa: F403  (the development settings, then what production changes)

DEBUG = False
SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]  # from the environment, never from the repository
ALLOWED_HOSTS = ["www.example.com"]

# HTTPS ends at the proxy, which sets X-Forwarded-Proto (and nothing else can reach the app servers)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = True
SECURE_HSTS_SECONDS = 3600  # raise it once HTTPS works everywhere; browsers remember it
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True

STATIC_ROOT = BASE_DIR / "staticfiles"  # noqa: F405  (collectstatic writes here; nginx serves it)
CONN_MAX_AGE = 0  # under ASGI: see the databases page before changing it

MAILERS = {"default": {"BACKEND": "django.core.mail.backends.smtp.EmailBackend"}}
