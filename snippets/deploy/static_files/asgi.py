import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mysite.settings")
django_application = get_asgi_application()  # sets Django up: settings can be read below

from django.conf import settings  # noqa: E402
from servestatic import ServeStaticASGI  # noqa: E402

# Requests under STATIC_URL never reach Django: ServeStatic answers them from STATIC_ROOT with async file reads.
application = ServeStaticASGI(django_application, root=settings.STATIC_ROOT, prefix=settings.STATIC_URL)
