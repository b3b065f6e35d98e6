"""nginx as a page's reverse proxy: `$ nginx -p . -c nginx.conf -g 'daemon off;'` in a console block runs the
configuration file the page showed (a ```` ```nginx title="nginx.conf" ```` block, written into the project
directory like any titled block), with only what the harness must own changed, in a copy:

- the one `listen` goes to 127.0.0.1 and a free port (the port the page showed is rewritten in later blocks,
  as for any server), and every `127.0.0.1:PORT` / `localhost:PORT` of a server already running on the page
  (an `upstream` or a `proxy_pass`) becomes that server's real port;
- what the file leaves unset and would otherwise land in system directories goes to the page's temporary
  directory: `pid`, the access log and the five temporary-file paths; errors go to the server log (`-e stderr`).

The prefix (`-p`) is the page's current directory, as `-p .` is in the reader's shell, so a relative `root`
means the same file for both. nginx must run in the foreground (`daemon off`), so that the harness stops it by
PID (SIGTERM: nginx's fast shutdown) and `setpriv --pdeathsig` reaches its master process."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

from .listening import ListensOnPort

TEMP_PATHS = ("client_body_temp_path", "proxy_temp_path", "fastcgi_temp_path", "uwsgi_temp_path", "scgi_temp_path")
LISTEN = re.compile(r"^(?P<indent>[ \t]*)listen[ \t]+(?P<address>[^\s;]+)(?P<rest>[^;]*);", re.MULTILINE)
HTTP_BLOCK = re.compile(r"^[ \t]*http[ \t]*\{[^\n]*\n", re.MULTILINE)


class NginxConfigError(ValueError):
    """A page's nginx command or configuration the harness cannot run; says what to fix."""


OVERRIDE = "DOCS_HARNESS_NGINX"  # the nginx binary to use (tests point it at a missing one)
MISSING = "nginx is not installed (scripts/install-nginx installs Debian's package; it needs root)"


def installed() -> str | None:
    if OVERRIDE in os.environ:
        binary = os.environ[OVERRIDE]
        return binary if os.access(binary, os.X_OK) else None
    return shutil.which("nginx") or shutil.which("nginx", path="/usr/sbin:/sbin")


def _directive(text: str, name: str) -> bool:
    return re.search(rf"^[ \t]*{name}\b", text, re.MULTILINE) is not None


def _take(args: list[str], flag: str) -> str | None:
    """Remove every `flag value` pair from args; the last value."""
    value = None
    while flag in args:
        at = args.index(flag)
        if at + 1 >= len(args):
            raise NginxConfigError(f"`{flag}` needs a value")
        value = args[at + 1]
        del args[at : at + 2]
    return value


def _shown_port(address: str) -> int:
    port = address.rsplit(":", 1)[-1]
    if not port.isdigit():
        return 80  # `listen 127.0.0.1;` or `listen localhost;`: nginx's default port
    return int(port)


class NginxAdapter(ListensOnPort):
    """Recognises `nginx …` as a server; `for_page` gives the adapter that knows the page's directories."""

    name = "nginx"

    def matches(self, program: list[str]) -> bool:
        return bool(program) and Path(program[0]).name == "nginx" and not {"-t", "-T", "-s", "-v"} & set(program)

    def for_page(self, page) -> "PageNginx":
        return PageNginx(page)

    def rewrite(self, args, port):  # pragma: no cover - servers.Server always gets the page's adapter
        raise NginxConfigError("nginx is started through its page (NginxAdapter.for_page)")


class PageNginx(NginxAdapter):
    def __init__(self, page) -> None:
        self.page = page

    def rewrite(self, args: list[str], port: int) -> int:
        """Make `args` run a copy of the page's configuration on HOST:port; return the port the page showed."""
        from .servers import HOST

        args[0] = installed() or args[0]
        _take(args, "-p")
        error_log = _take(args, "-e")
        globals_ = _take(args, "-g") or ""
        shown_file = _take(args, "-c")
        if shown_file is None:
            raise NginxConfigError("nginx needs `-c FILE`: the configuration the page shows in a "
                                   "```nginx title=\"FILE\"``` block above the command")
        source = self.page.cwd / shown_file
        if not source.is_file():
            raise NginxConfigError(f"no file {shown_file!r} in the page's current directory: show it in a "
                                   f"```nginx title=\"{shown_file}\"``` block before the command")
        text = source.read_text()
        if not re.search(r"\bdaemon\s+off\s*;", globals_ + "\n" + text):
            raise NginxConfigError("nginx must run in the foreground so that it can be stopped with its page: "
                                   "add -g 'daemon off;' to the command (or `daemon off;` to the file)")
        listens = list(LISTEN.finditer(text))
        if len(listens) != 1:
            raise NginxConfigError(f"{shown_file} has {len(listens)} `listen` directives; the harness gives nginx "
                                   "one free port, so show exactly one")
        listen = listens[0]
        shown = _shown_port(listen["address"])
        marker = "\0LISTEN\0"
        text = text[: listen.start()] + marker + text[listen.end() :]
        text = self.page.to_real(text)  # upstream ports: the page's running servers
        text = text.replace(marker, f"{listen['indent']}listen {HOST}:{port}{listen['rest']};")

        own = self.page.scratch / f"nginx-{len(self.page.servers) + 1}"
        own.mkdir()
        if os.geteuid() == 0:  # workers run as `nobody`: they must reach the project's files and their temp dirs
            for directory in (self.page.scratch, own):
                directory.chmod(0o755)
        main = [] if _directive(text, "pid") else [f"pid {own / 'nginx.pid'};"]
        http = [f"{name} {own / name.removesuffix('_path')};" for name in TEMP_PATHS if not _directive(text, name)]
        if "access_log" not in text:
            http.append(f"access_log {own / 'access.log'};")
        found = HTTP_BLOCK.search(text)
        if found is None:
            raise NginxConfigError(f"{shown_file} has no `http {{` block")
        text = text[: found.end()] + "".join(f"    {line}  # added by the docs harness\n" for line in http) \
            + text[found.end() :]
        copy = own / "nginx.conf"
        copy.write_text("# The page's configuration as the docs harness runs it (tests/harness/nginx.py)\n"
                        + "".join(f"{line}  # added by the docs harness\n" for line in main) + text)
        globals_args = ["-g", globals_] if globals_ else []
        args[1:] = ["-p", f"{self.page.cwd}/", "-c", str(copy), "-e", error_log or "stderr", *globals_args, *args[1:]]
        return shown
