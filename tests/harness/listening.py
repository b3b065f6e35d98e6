"""When a started program is ready for the page's next block: a server, once it accepts connections on
HOST and its port. Workers (workers.py) override this with a line of their log."""

from __future__ import annotations

import socket

HOST = "127.0.0.1"


class ListensOnPort:
    def ready(self, server) -> bool:
        try:
            socket.create_connection((HOST, server.port), timeout=0.5).close()
            return True
        except OSError:
            return False

    def awaited(self, server) -> str:
        """What `ready` waits for, as failure messages say it: "did not …"."""
        return f"accept connections on {HOST}:{server.port}"

    def became_ready(self, server) -> str:
        """The same, as "exited before it …" says it."""
        return "accepted connections"
