"""Record the name of the thread that runs each SQL query Django executes."""

import contextlib
import logging
import threading


class QueryThreads(logging.Handler):
    """A handler for the `django.db.backends` logger, which logs every query while DEBUG is True."""

    def __init__(self):
        super().__init__(level=logging.DEBUG)
        self.names = []

    def emit(self, record):
        # Logging calls handlers in the thread that logged, and Django logs each query right after
        # running it, in the thread that ran it.
        self.names.append(threading.current_thread().name)


@contextlib.contextmanager
def query_threads():
    """Collect, in a list, the thread name of every SQL query run inside the `with` block."""
    handler = QueryThreads()
    logger = logging.getLogger("django.db.backends")
    level = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    try:
        yield handler.names
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)
