"""``i18n serve``'s server: files, live reload, safety, rebuilds, the status page.

The server runs on an ephemeral port in background threads; every request goes
to 127.0.0.1 with a timeout. The builder here writes one page per article (the
real ``i18n build`` is exercised in tests/test_serve_build.py and the e2e tests),
so these tests pin the server's own behaviour.
"""

from __future__ import annotations

import contextlib
import http.client
import json
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from helpers import article, write_files
from sastra.errors import BuildError
from sastra.model import Diagnostic, Location
from sastra.render.output import SWAPPING
from sastra.serve.server import DevServer
from sastra.workspace import Site

CONFIG = 'languages = ["km", "en"]\nsource_language = "km"\n'
FILES = {
    "content/km/news/water.md": article("ទឹកស្អាត", "ភូមិទាំង ១២ មានទឹកស្អាត។"),
    "content/en/news/water.md": article("Clean water", "All 12 villages have clean water."),
    "content/km/news/only-khmer.md": article("តែខ្មែរ", "មិនទាន់បកប្រែ។"),
    "content/km/news/a<b>.md": article("ឈ្មោះចម្លែក", "អត្ថបទ។"),
    "content/km/news/roads 2025.md": article("ផ្លូវ", "ផ្លូវប្រវែង ២០ គីឡូម៉ែត្រ។"),
    "content/en/news/roads 2025.md": article("Roads", "A road of 25 kilometres."),
}


@dataclass(frozen=True)
class Result:
    pages_written: int
    pages_reused: int
    warnings: tuple[Diagnostic, ...] = ()


class PageBuilder:
    """Writes ``_site/<lang>/<slug>/index.html`` per article, a style sheet and 404 pages."""

    def __init__(self) -> None:
        self.fail_with: Diagnostic | None = None
        self.calls = 0

    def __call__(self, site: Site) -> Result:
        self.calls += 1
        if self.fail_with is not None:
            raise BuildError([self.fail_with])
        out = site.config.output_dir
        files: dict[str, str] = {"style.css": "body { color: black; }\n"}
        for lang in site.config.languages:
            files[f"{lang}/404.html"] = f"<html><body><h1>404 {lang}</h1></body></html>"
        for a in site.articles:
            files[f"{a.lang}/{a.key.slug}/index.html"] = (
                f'<!DOCTYPE html><html lang="{a.lang}"><head><title>{a.title}</title></head>'
                f"<body><h1>{a.title}</h1></body></html>"
            )
        write_files(out, files)
        return Result(len(site.articles), 0)


@pytest.fixture
def served(make_site) -> Iterator[tuple[DevServer, PageBuilder]]:  # type: ignore[no-untyped-def]
    root = make_site(FILES, config=CONFIG)
    builder = PageBuilder()
    server = DevServer(root, port=0, watch=False, builder=builder)
    server.start()
    try:
        yield server, builder
    finally:
        server.stop()


def get(
    server: DevServer, path: str, headers: dict[str, str] | None = None
) -> tuple[int, dict[str, str], bytes]:
    port = int(server.url.rsplit(":", 1)[1].strip("/"))
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        conn.request("GET", path, headers=headers or {})
        resp = conn.getresponse()
        return resp.status, dict(resp.getheaders()), resp.read()
    finally:
        conn.close()


def test_binds_to_loopback_only(served: tuple[DevServer, PageBuilder]) -> None:
    server, _ = served
    assert server.url.startswith("http://127.0.0.1:")
    assert server._httpd is not None and server._httpd.server_address[0] == "127.0.0.1"


def test_html_gets_the_live_reload_tag_but_files_on_disk_do_not(
    served: tuple[DevServer, PageBuilder],
) -> None:
    server, _ = served
    status, headers, body = get(server, "/en/water/")
    assert status == 200
    assert headers["Content-Type"] == "text/html; charset=utf-8"
    assert headers["Cache-Control"] == "no-store"
    tag = b'<script src="/__sastra/live.js" data-generation="1"></script>'
    assert body.endswith(tag + b"</body></html>")
    on_disk = (server.out_dir / "en/water/index.html").read_bytes()
    assert tag not in on_disk and body == on_disk.replace(b"</body>", tag + b"</body>")


def test_other_files_are_sent_byte_for_byte(served: tuple[DevServer, PageBuilder]) -> None:
    server, _ = served
    status, headers, body = get(server, "/style.css")
    assert (status, headers["Content-Type"]) == (200, "text/css; charset=utf-8")
    assert body == b"body { color: black; }\n"


def test_folder_without_slash_redirects(served: tuple[DevServer, PageBuilder]) -> None:
    server, _ = served
    status, headers, _ = get(server, "/km/water?x=1")
    assert (status, headers["Location"]) == (301, "/km/water/?x=1")


def test_percent_encoded_khmer_and_odd_names(served: tuple[DevServer, PageBuilder]) -> None:
    server, _ = served
    status, _, body = get(server, "/km/a%3Cb%3E/")
    assert status == 200 and "ឈ្មោះចម្លែក".encode() in body


@pytest.mark.parametrize(
    "path", ["/../sastra.toml", "/%2e%2e/sastra.toml", "/km/../../sastra.toml", "/%00"]
)
def test_nothing_outside_the_output_is_served(
    served: tuple[DevServer, PageBuilder], path: str
) -> None:
    server, _ = served
    status, _, body = get(server, path)
    assert status == 404 and b"source_language" not in body


def test_missing_page_gets_its_language_404(served: tuple[DevServer, PageBuilder]) -> None:
    server, _ = served
    status, _, body = get(server, "/en/no-such-page/")
    assert status == 404 and b"<h1>404 en</h1>" in body
    status, _, body = get(server, "/nowhere")
    assert status == 404 and b"<h1>404 km</h1>" in body  # the default language's page


def test_a_page_asked_for_while_a_build_swaps_its_output_in_is_found(
    served: tuple[DevServer, PageBuilder], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Between a build's two renames the output folder is not there (render/output.py):
    # a request then waits for the swap instead of answering 404 (the serve soak saw it).
    server, _ = served
    out = server.out_dir
    aside = out.with_name("_site.swapping")
    looked_again = threading.Event()
    settled = server.output_settled

    def output_settled() -> contextlib.AbstractContextManager[object]:
        looked_again.set()
        return settled()

    monkeypatch.setattr(server, "output_settled", output_settled)
    answers: list[int] = []
    with SWAPPING:
        out.rename(aside)
        asking = threading.Thread(target=lambda: answers.append(get(server, "/en/water/")[0]))
        asking.start()
        assert looked_again.wait(10)
        aside.rename(out)
    asking.join(10)
    assert answers == [200]


def test_other_host_names_are_refused(served: tuple[DevServer, PageBuilder]) -> None:
    server, _ = served
    assert get(server, "/en/water/", {"Host": "attacker.example:8000"})[0] == 403
    assert get(server, "/en/water/", {"Host": "localhost:1234"})[0] == 200


def test_status_page(served: tuple[DevServer, PageBuilder]) -> None:
    server, _ = served
    status, headers, body = get(server, "/__sastra/status")
    assert status == 200 and headers["Content-Type"] == "text/html; charset=utf-8"
    page = body.decode()
    assert "Missing: no translation yet (2)" in page
    assert "news/only-khmer" in page
    assert "news/a&lt;b&gt;" in page and "a<b>" not in page
    assert "Untracked: no baseline" in page  # en/water.md has no l10n block
    assert page.count('data-generation="1"') == 1  # the status page reloads too
    assert get(server, "/__sastra/")[1]["Location"] == "/__sastra/status"
    assert get(server, "/__sastra/nothing")[0] == 404


def test_live_reload_script(served: tuple[DevServer, PageBuilder]) -> None:
    server, _ = served
    status, headers, body = get(server, "/__sastra/live.js")
    assert status == 200 and headers["Content-Type"].startswith("text/javascript")
    assert b'new EventSource("/__sastra/events")' in body


def _events(server: DevServer) -> tuple[http.client.HTTPConnection, http.client.HTTPResponse]:
    port = int(server.url.rsplit(":", 1)[1].strip("/"))
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    conn.request("GET", "/__sastra/events")
    resp = conn.getresponse()
    assert resp.status == 200 and resp.getheader("Content-Type", "").startswith("text/event-")
    return conn, resp


def _next_event(resp: http.client.HTTPResponse) -> dict[str, object]:
    while True:
        line = resp.readline().decode()
        assert line, "event stream closed"
        if line.startswith("data: "):
            data: dict[str, object] = json.loads(line[6:])
            return data


def test_events_announce_each_build_and_failures(served: tuple[DevServer, PageBuilder]) -> None:
    server, builder = served
    conn, resp = _events(server)
    try:
        assert _next_event(resp) == {"generation": 1, "ok": True, "errors": []}
        builder.fail_with = Diagnostic(Location("templates/base.html", 3), "unexpected '}'")
        outcome = server.rebuild(["templates/base.html"])
        assert not outcome.ok and outcome.changes == ("templates/base.html",)
        assert _next_event(resp) == {
            "generation": 2,
            "ok": False,
            "errors": ["templates/base.html:3: unexpected '}'"],
        }
        # the previous output is still served
        assert get(server, "/en/water/")[0] == 200
        builder.fail_with = None
        server.rebuild()
        assert _next_event(resp) == {"generation": 3, "ok": True, "errors": []}
    finally:
        conn.close()


def test_a_crashing_builder_does_not_stop_the_server(make_site) -> None:  # type: ignore[no-untyped-def]
    root = make_site(FILES, config=CONFIG)

    def crash(site: Site) -> Result:
        raise RuntimeError("boom")

    with DevServer(root, port=0, watch=False, builder=crash) as server:
        assert not server.outcome.ok
        assert [d.message for d in server.outcome.errors] == ["build crashed: RuntimeError: boom"]
        assert get(server, "/")[0] == 404


def test_stop_ends_open_event_streams_quickly(make_site) -> None:  # type: ignore[no-untyped-def]
    root = make_site(FILES, config=CONFIG)
    server = DevServer(root, port=0, watch=False, builder=PageBuilder())
    server.start()
    conn, resp = _events(server)
    _next_event(resp)
    started = time.monotonic()
    server.stop()
    assert time.monotonic() - started < 3
    assert resp.read().strip() == b""  # the stream ended (no timeout)
    conn.close()


@pytest.mark.slow
def test_a_change_on_disk_rebuilds(make_site) -> None:  # type: ignore[no-untyped-def]
    root = make_site(FILES, config=CONFIG)
    builder = PageBuilder()
    with DevServer(root, port=0, watch=True, builder=builder) as server:
        target = root / "content/en/news/water.md"
        outcome = server.outcome
        deadline = time.monotonic() + 20
        while outcome.generation == 1 and time.monotonic() < deadline:
            # the watcher may still be starting: write until it sees a change
            target.write_text(article("Clean water!", "All twelve villages."), "utf-8")
            outcome = server.wait_for_build(1, timeout=1.0)
        assert outcome.generation >= 2 and outcome.ok
        assert "content/en/news/water.md" in outcome.changes
        assert b"<h1>Clean water!</h1>" in get(server, "/en/water/")[2]


def test_the_static_folders_the_generator_config_names_are_watched(make_site) -> None:  # type: ignore[no-untyped-def]
    hugo = (
        'staticDir = ["uploads", "static_km"]\ndefaultContentLanguage = "km"\n'
        '[languages.km]\ncontentDir = "content/km"\n[languages.en]\ncontentDir = "content/en"\n'
    )
    root = make_site({**FILES, "hugo.toml": hugo, "uploads/a.pdf": "%PDF", "static_km/b.png": "x"})
    with DevServer(root, port=0, watch=False, builder=PageBuilder()) as server:
        watched = server.watched_paths()
    assert root / "uploads" in watched and root / "static_km" in watched
    assert root / "_site" not in watched


@pytest.mark.slow
def test_changes_to_the_output_do_not_rebuild(make_site) -> None:  # type: ignore[no-untyped-def]
    root = make_site(FILES, config=CONFIG)
    (root / "assets").mkdir()
    builder = PageBuilder()
    with DevServer(root, port=0, watch=True, builder=builder) as server:
        assert server.watched_paths() == [root / "content", root / "assets"]
        for _ in range(3):
            server.rebuild()  # writes into _site, which is not watched
        time.sleep(1.5)
        assert builder.calls == 4 and server.outcome.generation == 4


def test_review_index_links_every_pair(served: tuple[DevServer, PageBuilder]) -> None:
    server, _ = served
    status, headers, body = get(server, "/__sastra/review/")
    assert status == 200 and headers["Content-Type"] == "text/html; charset=utf-8"
    page = body.decode()
    for href in (
        "/__sastra/review/news/water",
        "/__sastra/review/news/only-khmer",
        "/__sastra/review/news/a%3Cb%3E",
        "/__sastra/review/news/roads%202025",
    ):
        assert f'href="{href}"' in page
    assert 'data-key="news/roads 2025"' in page
    assert get(server, "/__sastra/review")[1]["Location"] == "/__sastra/review/"


def test_review_page_of_one_pair(served: tuple[DevServer, PageBuilder]) -> None:
    server, _ = served
    status, _, body = get(server, "/__sastra/review/news/roads%202025")
    page = body.decode()
    assert status == 200
    assert "<h1>news/roads 2025</h1>" in page
    assert 'data-code="numbers-mismatch"' in page  # 20 km in Khmer, 25 in English
    assert 'href="/__sastra/review/"' in page  # back to the index
    assert "ផ្លូវប្រវែង" in page and "A road of 25 kilometres." in page
    assert page.count('data-generation="1"') == 1
    status, _, body = get(server, "/__sastra/review/news/water")
    assert status == 200 and 'data-code="numbers-mismatch"' not in body.decode()


def test_review_pages_load_the_bundled_khmer_font_from_the_server(
    served: tuple[DevServer, PageBuilder],
) -> None:
    from sastra.render.assets import font_files

    server, _ = served
    page = get(server, "/__sastra/review/news/water")[2].decode()
    assert '@font-face { font-family: "Noto Sans Khmer"; src: url("/__sastra/fonts/' in page
    assert "data:font" not in page  # served once, not embedded in every page
    status, headers, body = get(server, "/__sastra/fonts/NotoSansKhmer.ttf")
    found = font_files()
    assert found is not None  # the package is a dependency
    assert status == 200 and headers["Content-Type"] == "font/ttf"
    assert body == found[0].read_bytes()


def test_review_of_an_unknown_key_is_404(served: tuple[DevServer, PageBuilder]) -> None:
    server, _ = served
    status, _, body = get(server, "/__sastra/review/news/nothing")
    assert status == 404 and body == b"404 not found: no article with the key 'news/nothing'\n"


def test_status_page_links_to_reviews(served: tuple[DevServer, PageBuilder]) -> None:
    server, _ = served
    page = get(server, "/__sastra/status")[2].decode()
    assert '<a href="/__sastra/review/news/only-khmer">news/only-khmer</a>' in page
