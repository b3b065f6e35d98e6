from .settings import INSTALLED_APPS, MIDDLEWARE

INSTALLED_APPS += ["debug_toolbar"]
# The toolbar goes first (after any middleware that encodes the response, such as GZipMiddleware).
MIDDLEWARE.insert(0, "debug_toolbar.middleware.DebugToolbarMiddleware")
MIDDLEWARE += ["mysite.legacy.LegacyHeaderMiddleware", "mysite.legacy.TimingMiddleware"]
INTERNAL_IPS = ["127.0.0.1"]
