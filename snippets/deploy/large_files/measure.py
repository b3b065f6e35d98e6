import time
from pathlib import Path

import httpx


def memory_mb(pid, field):
    """VmRSS (now) or VmHWM (peak since the last reset) of a process, in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024


async def download(url, server_pid):
    """Download url; the time to the first body byte, the bytes received, and how much the server's peak
    memory rose above what it used before the request (Linux: writing 5 to clear_refs resets the peak)."""
    Path(f"/proc/{server_pid}/clear_refs").write_text("5")
    before = memory_mb(server_pid, "VmRSS")
    received, first_byte = 0, None
    async with httpx.AsyncClient(timeout=30) as client:
        started = time.perf_counter()
        async with client.stream("GET", url) as response:
            async for chunk in response.aiter_raw():
                first_byte = first_byte or time.perf_counter() - started
                received += len(chunk)
    return first_byte, received, memory_mb(server_pid, "VmHWM") - before
