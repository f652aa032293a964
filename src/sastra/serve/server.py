"""``i18n serve``: the built site on 127.0.0.1, rebuilt on change, reloaded in the browser.

:class:`DevServer` builds the site once, serves the output folder with the
standard library's threading HTTP server (bound to 127.0.0.1 only, requests for
other host names refused, so a web page cannot reach it through DNS rebinding),
and, when watching, rebuilds in a background thread whenever a file of the site
changes (watchfiles). Every HTML response gets one ``<script>`` tag that
connects to ``/__sastra/events`` (Server-Sent Events): the page reloads after a
successful rebuild and shows the build errors after a failed one. Files on disk
are never touched by the server; the tag exists only in what it sends.

Besides the site, the server answers under ``/__sastra/``: ``status`` (the HTML
view of ``i18n status``) and ``review/`` (the review of every pair, one page per
pair at ``review/<collection>/<slug>``). HTTP handling lives in
:mod:`sastra.serve.http`.
"""

from __future__ import annotations

import contextlib
import logging
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from sastra.config.load import find_root, load_config
from sastra.config.model import Config
from sastra.errors import BuildError, ConfigError
from sastra.model import Diagnostic, Location
from sastra.serve.http import LocalHTTPServer
from sastra.serve.outcome import BuildOutcome

if TYPE_CHECKING:
    from sastra.workspace import Site

log = logging.getLogger(__name__)

HOST = "127.0.0.1"
#: Folders next to the content that a build may read (themes, images, catalogs).
ASSET_DIRS = ("assets", "static", "images", "public", "src/assets")


class BuildSummary(Protocol):
    """What the server needs from a build result (``sastra.render.build.BuildResult``)."""

    @property
    def pages_written(self) -> int: ...

    @property
    def pages_reused(self) -> int: ...

    @property
    def warnings(self) -> Sequence[Diagnostic]: ...


Builder = Callable[["Site"], BuildSummary]


def _default_builder(site: Site) -> BuildSummary:
    from sastra.render.build import build

    result: BuildSummary = build(site)
    return result


class DevServer:
    """The development server of one site.

    Use as a context manager or call :meth:`start` and :meth:`stop`. ``port=0``
    picks a free port (see :attr:`url`). ``builder`` replaces the site build
    (tests); ``on_build`` is called after every build, from the building thread.
    """

    def __init__(
        self,
        root: Path | None = None,
        *,
        port: int = 8000,
        host: str = HOST,
        watch: bool = True,
        builder: Builder | None = None,
        on_build: Callable[[BuildOutcome], None] | None = None,
    ) -> None:
        self.config: Config = load_config(find_root(Path.cwd()) if root is None else root)
        self.root = self.config.root
        self.port = port
        self.host = host
        self.watch = watch
        self._builder = builder or _default_builder
        self._on_build = on_build
        self._stop = threading.Event()
        self._changed = threading.Condition()
        self._work = threading.RLock()
        self._outcome = BuildOutcome(0, True)
        self._httpd: LocalHTTPServer | None = None
        self._threads: list[threading.Thread] = []

    # -- lifecycle ---------------------------------------------------------------------------
    @property
    def url(self) -> str:
        """``http://<address>:<port>/`` once bound (``127.0.0.1`` unless ``--bind``)."""
        port = self._httpd.server_address[1] if self._httpd else self.port
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{port}/"

    @property
    def out_dir(self) -> Path:
        """The folder being served (the configured output folder)."""
        return self.config.output_dir

    @property
    def stopping(self) -> bool:
        """True once :meth:`stop` was called."""
        return self._stop.is_set()

    def output_settled(self) -> contextlib.AbstractContextManager[object]:
        """Held, no build of this process is swapping its new output in."""
        from sastra.render.output import SWAPPING

        return SWAPPING

    def bind(self) -> None:
        """Open the listening socket (raises ``OSError`` when the port is taken)."""
        if self._httpd is None:
            self._httpd = LocalHTTPServer((self.host, self.port), self)

    def start(self) -> BuildOutcome:
        """Bind, build once, then serve (and watch) in background threads."""
        self.bind()
        assert self._httpd is not None
        outcome = self.rebuild()
        self._spawn("sastra-http", self._httpd.serve_forever)
        if self.watch:
            self._spawn("sastra-watch", self._watch_loop)
        return outcome

    def wait(self) -> None:
        """Block until :meth:`stop` (or Ctrl-C in the calling thread)."""
        while not self._stop.wait(0.5):
            pass

    def stop(self) -> None:
        """Stop serving and watching; open event streams end. Safe to call twice."""
        if self._stop.is_set():
            return
        self._stop.set()
        with self._changed:
            self._changed.notify_all()
        if self._httpd is not None:
            if any(t.name == "sastra-http" for t in self._threads):
                self._httpd.shutdown()
            self._httpd.server_close()
        for thread in self._threads:
            thread.join(timeout=5)

    def __enter__(self) -> DevServer:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def _spawn(self, name: str, target: Callable[[], None]) -> None:
        thread = threading.Thread(target=target, name=name, daemon=True)
        self._threads.append(thread)
        thread.start()

    # -- building ----------------------------------------------------------------------------
    @property
    def outcome(self) -> BuildOutcome:
        """The latest build."""
        with self._changed:
            return self._outcome

    def rebuild(self, changes: Sequence[str] = ()) -> BuildOutcome:
        """Reload the site from disk and build it; never raises for a user's mistake."""
        from sastra.workspace import open_site

        with self._work:
            started = time.perf_counter()
            generation = self._outcome.generation + 1
            try:
                site = open_site(self.root)
                self.config = site.config
                result = self._builder(site)
                outcome = BuildOutcome(
                    generation,
                    True,
                    time.perf_counter() - started,
                    result.pages_written,
                    result.pages_reused,
                    tuple(result.warnings),
                    tuple(changes),
                )
            except (ConfigError, BuildError) as exc:
                outcome = self._failed(generation, started, exc.diagnostics, changes)
            except Exception as exc:  # a crashing build must not take the server down
                log.exception("build crashed")
                where = Location(self.config.rel(self.config.config_path or self.root))
                crash = Diagnostic(where, f"build crashed: {type(exc).__name__}: {exc}")
                outcome = self._failed(generation, started, (crash,), changes)
        with self._changed:
            self._outcome = outcome
            self._changed.notify_all()
        if self._on_build is not None:
            self._on_build(outcome)
        return outcome

    @staticmethod
    def _failed(
        generation: int, started: float, diags: Sequence[Diagnostic], changes: Sequence[str]
    ) -> BuildOutcome:
        seconds = time.perf_counter() - started
        return BuildOutcome(
            generation, False, seconds, diagnostics=tuple(diags), changes=tuple(changes)
        )

    def wait_for_build(self, after: int, timeout: float) -> BuildOutcome:
        """The latest build once its generation differs from ``after`` (or on timeout/stop)."""
        with self._changed:
            self._changed.wait_for(
                lambda: self._stop.is_set() or self._outcome.generation != after, timeout
            )
            return self._outcome

    def locked(self) -> threading.RLock:
        """The lock that serialises builds with other whole-site work (status, review)."""
        return self._work

    # -- watching ----------------------------------------------------------------------------
    def watched_paths(self) -> list[Path]:
        """Existing folders whose changes trigger a rebuild (the config file is polled):
        the content, the theme, the catalogs, the generator's static folders (Hugo's
        ``staticDir``, Docusaurus' ``staticDirectories``) and the usual asset folders."""
        config = self.config
        candidates = [*config.content_roots, config.templates_dir, config.i18n_dir]
        candidates += [folder for folder, _ in config.static_dirs]
        candidates += [self.root / name for name in ASSET_DIRS]
        paths: list[Path] = []
        for path in candidates:
            if path.is_dir() and not any(_inside(path, p) for p in paths):
                paths = [p for p in paths if not _inside(p, path)] + [path]
        return paths

    def _config_stamp(self) -> tuple[int, int] | None:
        path = self.config.config_path
        try:
            stat = path.stat() if path else None
        except OSError:
            return None
        return (stat.st_mtime_ns, stat.st_size) if stat else None

    def _watch_loop(self) -> None:
        while not self._stop.is_set():
            paths = self.watched_paths()
            log.info("watching %s", ", ".join(self.config.rel(p) for p in paths))
            for changed in self._changes(paths):
                self.rebuild(changed)
                if self.watched_paths() != paths:
                    break  # the configuration moved a folder: watch the new set

    def _changes(self, paths: list[Path]) -> Iterator[list[str]]:
        """Batches of changed files (relative paths), until stopped."""
        from watchfiles import Change, DefaultFilter, watch

        ignored = (self.config.output_dir.resolve(), self.config.cache_dir.resolve())

        class _Filter(DefaultFilter):
            def __call__(self, change: Change, path: str) -> bool:
                if any(_inside(Path(path), folder) for folder in ignored):
                    return False
                return bool(super().__call__(change, path))

        stamp = self._config_stamp()
        if not paths:  # nothing to watch but the configuration
            while not self._stop.wait(1.0):
                if (now := self._config_stamp()) != stamp:
                    stamp = now
                    yield [self._config_name()]
            return
        for batch in watch(
            *paths,
            watch_filter=_Filter(),
            stop_event=self._stop,
            yield_on_timeout=True,
            rust_timeout=1000,
            raise_interrupt=False,
        ):
            changed = sorted({self.config.rel(Path(p)) for _, p in batch})
            if (now := self._config_stamp()) != stamp:
                stamp = now
                changed.append(self._config_name())
            if changed and not self._stop.is_set():
                yield changed

    def _config_name(self) -> str:
        return self.config.rel(self.config.config_path) if self.config.config_path else "config"


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents
