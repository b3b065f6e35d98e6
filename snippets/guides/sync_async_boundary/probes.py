import threading
import time


def current_thread_name():
    return threading.current_thread().name


def slow_thread_name():
    """Blocking work: 0.2 s of a sync call (a C library, a blocking HTTP client, a query)."""
    time.sleep(0.2)
    return threading.current_thread().name
