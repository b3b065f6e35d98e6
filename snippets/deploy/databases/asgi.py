"""mysite's ASGI entry point, with the PostgreSQL settings as the default settings module."""

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mysite.settings_pg")

application = get_asgi_application()
