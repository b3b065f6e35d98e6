from .celery import app as celery_app  # so that @shared_task binds to this app when Django starts

__all__ = ["celery_app"]
