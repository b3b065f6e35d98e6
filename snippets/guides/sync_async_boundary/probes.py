import threading
import time


class InFlight:
    """Counts the calls running right now, from any thread, and the most that ran at once since `reset()`."""

    def __init__(self):
        self.lock = threading.Lock()
        self.now = self.most = 0

    def reset(self):
        self.most = self.now

    def __enter__(self):
        with self.lock:
            self.now += 1
            self.most = max(self.most, self.now)

    def __exit__(self, *exc_info):
        with self.lock:
            self.now -= 1


running = InFlight()  # calls of slow_thread_name()


def current_thread_name():
    return threading.current_thread().name


def slow_thread_name():
    """Blocking work: 0.2 s of a sync call (a C library, a blocking HTTP client, a query)."""
    with running:
        time.sleep(0.2)
    return threading.current_thread().name
