"""The same project with one synchronous-only middleware in front of every view."""

from .settings import *  # noqa: F403

MIDDLEWARE = ["benchsite.middleware.SyncOnlyMiddleware"]
