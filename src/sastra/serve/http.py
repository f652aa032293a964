"""The HTTP side of ``i18n serve``: files of the built site, live reload, the ``/__sastra/`` pages.

Standard library only (``http.server``). Paths are percent-decoded as UTF-8
(Khmer slugs), normalised and kept inside the output folder; a folder answers
with its ``index.html`` (after a redirect to the trailing-slash URL); a missing
page answers 404 with the language's own 404 page when the build made one.
"""

from __future__ import annotations

import contextlib
import ipaddress
import json
import logging
import mimetypes
import posixpath
import re
import socket
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Protocol
from urllib.parse import quote, unquote, urlsplit

from sastra.config.model import Config
from sastra.render.assets import font_files
from sastra.report.html import FONT_PATH
from sastra.serve.outcome import BuildOutcome
from sastra.serve.views import (
    PageNotFound,
    SiteHost,
    review_index_page,
    review_page,
    status_page,
)

log = logging.getLogger(__name__)

PREFIX = "/__sastra/"
EVENTS_PATH = "/__sastra/events"
SCRIPT_PATH = "/__sastra/live.js"
STATUS_PATH = "/__sastra/status"
REVIEW_PATH = "/__sastra/review/"
HEARTBEAT_SECONDS = 10.0
_ALLOWED_HOSTS = frozenset({"127.0.0.1", "localhost"})
_BODY_END = re.compile(rb"</body\s*>", re.IGNORECASE)
_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".xml": "application/xml; charset=utf-8",
    ".atom": "application/atom+xml; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
    ".json": "application/json",
    ".svg": "image/svg+xml",
    ".woff2": "font/woff2",
    ".woff": "font/woff",
    ".ttf": "font/ttf",
    ".otf": "font/otf",
}

#: Connects to the event stream: reload after a newer successful build, show a failed one.
LIVE_RELOAD_JS = """\
(function () {
  "use strict";
  var me = document.currentScript;
  var served = me ? me.getAttribute("data-generation") : null;
  var box = null;
  function show(errors) {
    if (box) { box.remove(); box = null; }
    if (!errors.length) { return; }
    box = document.createElement("div");
    box.id = "sastra-build-errors";
    box.setAttribute("role", "alert");
    var s = box.style;
    s.position = "fixed"; s.left = "0"; s.right = "0"; s.bottom = "0"; s.zIndex = "2147483647";
    s.maxHeight = "40vh"; s.overflow = "auto"; s.margin = "0"; s.padding = "0.75rem 1rem";
    s.background = "#b71c1c"; s.color = "#fff"; s.font = "14px/1.4 monospace";
    s.whiteSpace = "pre-wrap";
    box.textContent = "i18n serve: the build failed\\n" + errors.join("\\n");
    document.body.appendChild(box);
  }
  var events = new EventSource("/__sastra/events");
  events.addEventListener("build", function (event) {
    var info = JSON.parse(event.data);
    if (info.ok && served !== null && String(info.generation) !== served) {
      events.close();
      window.location.reload();
      return;
    }
    show(info.ok ? [] : info.errors);
  });
})();
"""


class ServedSite(SiteHost, Protocol):
    """What the HTTP side needs from the server (:class:`sastra.serve.server.DevServer`)."""

    @property
    def config(self) -> Config:
        """The configuration of the latest build."""
        ...

    @property
    def out_dir(self) -> Path:
        """The folder being served."""
        ...

    @property
    def outcome(self) -> BuildOutcome:
        """The latest build."""
        ...

    @property
    def stopping(self) -> bool:
        """True once the server is stopping."""
        ...

    def output_settled(self) -> contextlib.AbstractContextManager[object]:
        """Held, no build is swapping its new output in (the folder is whole)."""
        ...

    def wait_for_build(self, after: int, timeout: float) -> BuildOutcome:
        """The latest build once its generation differs from ``after`` (or on timeout/stop)."""
        ...


class LocalHTTPServer(ThreadingHTTPServer):
    """A threading HTTP server that knows the site it serves (a :class:`ServedSite`)."""

    daemon_threads = True

    def __init__(self, address: tuple[str, int], dev: ServedSite) -> None:
        self.dev = dev
        if ":" in address[0]:
            self.address_family = socket.AF_INET6
        super().__init__(address, Handler)


def inject_script(html: bytes, generation: int) -> bytes:
    """The page with the live-reload tag before its last ``</body>`` (else at the end)."""
    tag = f'<script src="{SCRIPT_PATH}" data-generation="{generation}"></script>'.encode()
    ends = list(_BODY_END.finditer(html))
    if not ends:
        return html + tag
    at = ends[-1].start()
    return html[:at] + tag + html[at:]


def event_data(outcome: BuildOutcome) -> str:
    """The JSON of one ``build`` event."""
    errors = [str(d) for d in outcome.errors]
    return json.dumps({"generation": outcome.generation, "ok": outcome.ok, "errors": errors})


def resolve(out_dir: Path, url_path: str) -> tuple[str, Path | None]:
    """Map a decoded URL path to a file of the site, never one outside ``out_dir``.

    Returns ``("file", path)``, ``("missing", None)``, or ``("redirect", None)``
    when the path names a folder but lacks its trailing slash.
    """
    if "\x00" in url_path:
        return "missing", None
    normal = posixpath.normpath("/" + url_path.lstrip("/"))
    rel = normal.lstrip("/")
    base = out_dir.resolve()
    target = (base / rel) if rel else base
    try:
        real = target.resolve()
    except (OSError, RuntimeError):
        return "missing", None
    if real != base and base not in real.parents:
        return "missing", None
    try:  # a name too long for the file system (a 300-byte segment) is not there either
        if real.is_dir():
            if not url_path.endswith("/"):
                return "redirect", None
            real = real / "index.html"
        return ("file", real) if real.is_file() else ("missing", None)
    except OSError:
        return "missing", None


def _lookup(out_dir: Path, url_path: str) -> tuple[str, Path | None, bytes | None]:
    """:func:`resolve`, and the file's bytes (``missing`` if it cannot be read)."""
    kind, file = resolve(out_dir, url_path)
    if file is None:
        return kind, None, None
    try:
        return kind, file, file.read_bytes()
    except OSError:
        return "missing", None, None


class Handler(BaseHTTPRequestHandler):
    """One request: a file of the site, an event stream or a ``/__sastra/`` page."""

    server: LocalHTTPServer
    server_version = "sastra-serve"

    def do_GET(self) -> None:
        """Answer a GET."""
        self._handle(head=False)

    def do_HEAD(self) -> None:
        """Answer a HEAD (headers only)."""
        self._handle(head=True)

    def log_message(self, format: str, *args: object) -> None:
        log.debug("%s %s", self.address_string(), format % args)

    # -- dispatch ------------------------------------------------------------------------------
    def _handle(self, *, head: bool) -> None:
        host = self.headers.get("Host")
        if host is not None and not _allowed_host(_host_name(host)):
            self._send(HTTPStatus.FORBIDDEN, b"unknown host\n", "text/plain; charset=utf-8", head)
            return
        url = urlsplit(self.path)
        try:
            path = unquote(url.path, errors="strict")
        except UnicodeDecodeError:
            self._send(HTTPStatus.BAD_REQUEST, b"bad path\n", "text/plain; charset=utf-8", head)
            return
        if path == EVENTS_PATH and not head:
            self._events()
        elif path == SCRIPT_PATH:
            self._send(HTTPStatus.OK, LIVE_RELOAD_JS.encode(), _TYPES[".js"], head)
        elif path.startswith(PREFIX) or path == PREFIX.rstrip("/"):
            self._tool_page(path, head)
        else:
            self._file(path, url.query, head)

    def _file(self, path: str, query: str, head: bool) -> None:
        dev = self.server.dev
        kind, file, data = _lookup(dev.out_dir, path)
        if kind == "missing":
            # Perhaps a build was swapping its output in (the folder is briefly not there,
            # or a file found was gone before it was read): look again once it is whole.
            with dev.output_settled():
                kind, file, data = _lookup(dev.out_dir, path)
        if kind == "redirect":
            location = quote(path + "/") + (f"?{query}" if query else "")
            self.send_response(HTTPStatus.MOVED_PERMANENTLY)
            self.send_header("Location", location)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        if file is None or data is None:
            self._not_found(path, head)
            return
        self._send(HTTPStatus.OK, data, _content_type(file), head)

    def _not_found(self, path: str, head: bool) -> None:
        dev = self.server.dev
        first = path.strip("/").split("/", 1)[0]
        langs = [first] if first in dev.config.languages else []
        langs.append(dev.config.default_language)
        candidates = [f"{lang}/404.html" for lang in langs]
        candidates += [f"{lang}/404/index.html" for lang in langs] + ["404.html"]
        for candidate in candidates:
            kind, file = resolve(dev.out_dir, candidate)
            if kind == "file" and file is not None:
                self._send(HTTPStatus.NOT_FOUND, file.read_bytes(), _TYPES[".html"], head)
                return
        self._send(HTTPStatus.NOT_FOUND, b"404 not found\n", "text/plain; charset=utf-8", head)

    def _tool_page(self, path: str, head: bool) -> None:
        dev = self.server.dev
        if path in (PREFIX, PREFIX.rstrip("/")):
            self._redirect(STATUS_PATH)
            return
        if path == REVIEW_PATH.rstrip("/"):
            self._redirect(REVIEW_PATH)
            return
        if path == FONT_PATH:
            self._font(head)
            return
        try:
            if path == STATUS_PATH:
                page = status_page(dev, review_prefix=REVIEW_PATH)
            elif path == REVIEW_PATH:
                page = review_index_page(dev, review_prefix=REVIEW_PATH)
            elif path.startswith(REVIEW_PATH):
                page = review_page(dev, path[len(REVIEW_PATH) :], review_prefix=REVIEW_PATH)
            else:
                raise PageNotFound(path)
        except PageNotFound as exc:
            body = f"404 not found: {exc}\n".encode()
            self._send(HTTPStatus.NOT_FOUND, body, "text/plain; charset=utf-8", head)
            return
        self._send(HTTPStatus(page.status), page.html.encode(), _TYPES[".html"], head)

    def _font(self, head: bool) -> None:
        """The bundled Noto Sans Khmer, for the tool pages (offline, no external URL)."""
        found = font_files()
        if found is None:
            self._send(HTTPStatus.NOT_FOUND, b"no Khmer font installed\n", "text/plain", head)
            return
        ctype = "font/woff2" if found[0].suffix == ".woff2" else "font/ttf"
        self._send(HTTPStatus.OK, found[0].read_bytes(), ctype, head)

    def _redirect(self, location: str) -> None:
        self.send_response(HTTPStatus.FOUND)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    # -- responses -----------------------------------------------------------------------------
    def _send(self, status: HTTPStatus, data: bytes, ctype: str, head: bool) -> None:
        if ctype.startswith("text/html"):
            data = inject_script(data, self.server.dev.outcome.generation)
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        if not head:
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                self.wfile.write(data)

    def _events(self) -> None:
        """Server-Sent Events: the current build at once, then every new one, until stopped."""
        dev = self.server.dev
        self.close_connection = True
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/event-stream; charset=utf-8")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        seen = -1
        try:
            self.wfile.write(b"retry: 1000\n\n")
            while not dev.stopping:
                outcome = dev.wait_for_build(seen, HEARTBEAT_SECONDS)
                if dev.stopping:
                    return
                if outcome.generation == seen:
                    self.wfile.write(b": ping\n\n")
                else:
                    seen = outcome.generation
                    self.wfile.write(f"event: build\ndata: {event_data(outcome)}\n\n".encode())
                self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError, ConnectionAbortedError):
            return


def _allowed_host(name: str) -> bool:
    """``localhost`` or an IP address: a page can reach the server through DNS rebinding
    only under a domain name, so only names other than ``localhost`` are refused."""
    if name in _ALLOWED_HOSTS:
        return True
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return False
    return True


def _host_name(host: str) -> str:
    host = host.strip().lower()
    if host.startswith("["):
        return host[1 : host.find("]")] if "]" in host else host
    return host.rsplit(":", 1)[0] if ":" in host else host


def _content_type(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix in _TYPES:
        return _TYPES[suffix]
    guessed, _ = mimetypes.guess_type(path.name)
    return guessed or "application/octet-stream"
