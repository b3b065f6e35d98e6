"""mysite/asgi.py for development under an ASGI server: static files served the way runserver serves them."""

import os

from django.conf import settings
from django.contrib.staticfiles.handlers import ASGIStaticFilesHandler
from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mysite.settings")
application = get_asgi_application()
if settings.DEBUG:  # in production, a web server or WhiteNoise serves `collectstatic`'s output instead
    application = ASGIStaticFilesHandler(application)
