from uvicorn_worker import UvicornWorker


class QuietUvicornWorker(UvicornWorker):
    """Uvicorn's Gunicorn worker, with the lifespan protocol turned off."""

    CONFIG_KWARGS = {**UvicornWorker.CONFIG_KWARGS, "lifespan": "off"}
