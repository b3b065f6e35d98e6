import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mysite.settings")
app = Celery("mysite", include=["mysite.jobs"])
app.config_from_object("django.conf:settings", namespace="CELERY")  # CELERY_BROKER_URL, CELERY_RESULT_BACKEND
