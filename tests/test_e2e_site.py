"""End to end in headless Chromium: the built site as ``i18n serve`` serves it.

Debian's Chromium (``/usr/bin/chromium``) is driven by Playwright for Python;
without it this module is skipped with one line. Every request of every page is
recorded (and anything not addressed to the local server is aborted), so the
tests can say that nothing leaves 127.0.0.1; console errors and page errors are
recorded too.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import (
    Browser,
    BrowserContext,
    Page,
    Playwright,
    Request,
    Route,
    sync_playwright,
)

from helpers import article, write_files
from sastra.serve.server import DevServer

CHROMIUM = Path("/usr/bin/chromium")
if not CHROMIUM.exists():
    pytest.skip(
        "no Chromium at /usr/bin/chromium: apt-get install chromium", allow_module_level=True
    )

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
KM_TITLE = "ភូមិទាំង ១២ មានទឹកស្អាតប្រើប្រាស់"
EN_TITLE = "All 12 villages now have clean water"
CONFIG = 'languages = ["km", "en"]\nsource_language = "km"\n\n[build]\npage_size = 5\n'
FILES = {
    "content/km/news/clean-water.md": article(
        KM_TITLE,
        "នៅថ្ងៃទី១៤ ខែមេសា ឆ្នាំ២០២៥ ក្រសួងបានបើកអណ្តូងទឹកថ្មីចំនួន ១២ "
        "នៅក្នុងខេត្តតាកែវ។ ប្រជាជនប្រមាណ ៣ ០០០ នាក់ទទួលបានទឹកស្អាត។\n\n"
        "## លទ្ធផល\n\nកុមារនៅសាលារៀនមិនចាំបាច់ដើរទៅយកទឹកឆ្ងាយទៀតទេ។",
        date="2025-04-14",
        tags="[water, takeo]",
    ),
    "content/en/news/clean-water.md": article(
        EN_TITLE,
        "On 14 April 2025 the ministry opened 12 new wells in Takeo province. "
        "About 3,000 people now have clean water.\n\n## Results\n\n"
        "Children at school no longer walk far to fetch water.",
        date="2025-04-14",
        tags="[water, takeo]",
    ),
    "content/km/news/road-repair.md": article(
        "ការជួសជុលផ្លូវលំក្នុងភូមិ",
        "ផ្លូវលំប្រវែង ៤ គីឡូម៉ែត្រត្រូវបានជួសជុលរួចរាល់។",
        date="2025-05-02",
    ),
}


def make_site(root: Path) -> Path:
    """A small bilingual site with the shipped theme and catalogs."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "sastra.toml").write_text(CONFIG, "utf-8")
    write_files(root, FILES)
    return root


@dataclass
class Visit:
    """A browser tab that records what it requested and what went wrong."""

    page: Page
    base: str
    urls: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def open(self, path: str) -> None:
        response = self.page.goto(self.base + path.lstrip("/"), wait_until="load")
        assert response is not None and response.ok, f"{path}: {response and response.status}"

    def foreign(self) -> list[str]:
        """Requests not addressed to the local server."""
        return [u for u in self.urls if not _local(u)]


def _local(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in ("data", "about", "blob") or parts.hostname == "127.0.0.1"


@pytest.fixture(scope="module")
def playwright() -> Iterator[Playwright]:
    with sync_playwright() as p:
        yield p


@pytest.fixture(scope="module")
def browser(playwright: Playwright) -> Iterator[Browser]:
    # launch() gives the browser a new, empty user-data-dir of its own (and removes it)
    browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, timeout=60_000)
    yield browser
    browser.close()


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DevServer]:
    root = make_site(tmp_path_factory.mktemp("e2e") / "site")
    with DevServer(root, port=0, watch=False) as dev:
        assert dev.outcome.ok, [str(d) for d in dev.outcome.diagnostics]
        yield dev


def _visit(context: BrowserContext, base: str) -> Visit:
    page = context.new_page()
    page.set_default_timeout(20_000)
    visit = Visit(page, base)

    def route(r: Route) -> None:
        visit.urls.append(r.request.url)
        if _local(r.request.url):
            r.continue_()
        else:
            r.abort()

    context.route("**/*", route)
    page.on("console", lambda m: visit.errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: visit.errors.append(str(e)))
    page.on("requestfailed", lambda r: _failed(visit, r))
    return visit


def _failed(visit: Visit, request: Request) -> None:
    # leaving a page aborts its live-reload event stream: expected, not an error
    aborted = request.failure == "net::ERR_ABORTED"
    if not (aborted and request.url.endswith("/__sastra/events")):
        visit.errors.append(f"failed: {request.url} ({request.failure})")


@pytest.fixture
def visit(browser: Browser, server: DevServer) -> Iterator[Visit]:
    context = browser.new_context(viewport={"width": 1000, "height": 900})
    try:
        yield _visit(context, server.url)
    finally:
        context.close()


KM_PAGE = "km/news/clean-water/"
EN_PAGE = "en/news/clean-water/"


def test_khmer_page_renders_with_the_bundled_font(
    visit: Visit, tmp_path_factory: pytest.TempPathFactory
) -> None:
    visit.open(KM_PAGE)
    page = visit.page
    assert page.evaluate("document.documentElement.lang") == "km"
    assert page.locator("h1").first.inner_text() == KM_TITLE
    fonts = page.evaluate(
        """async () => {
            await document.fonts.ready;
            const faces = [...document.fonts].map(f => [f.family.replace(/["']/g, ""), f.status]);
            return {faces, check: document.fonts.check('16px "Noto Sans Khmer"', "ខ្មែរ")};
        }"""
    )
    # check() is also true when no face of that family exists: require a loaded one
    assert ["Noto Sans Khmer", "loaded"] in fonts["faces"], fonts
    assert fonts["check"] is True
    body_font = page.evaluate("getComputedStyle(document.querySelector('h1')).fontFamily")
    assert "Noto Sans Khmer" in body_font
    font_requests = [u for u in visit.urls if u.endswith((".woff2", ".woff", ".ttf", ".otf"))]
    assert font_requests and all(u.startswith(visit.base) for u in font_requests)
    shot = tmp_path_factory.mktemp("screens") / "khmer-article.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000
    assert visit.errors == [] and visit.foreign() == []


def test_the_switcher_leads_to_the_counterpart(visit: Visit) -> None:
    visit.open(KM_PAGE)
    page = visit.page
    page.locator('a[hreflang="en"]').first.click()
    page.wait_for_url(visit.base + EN_PAGE)
    assert page.evaluate("document.documentElement.lang") == "en"
    assert page.locator("h1").first.inner_text() == EN_TITLE
    page.locator('a[hreflang="km"]').first.click()
    page.wait_for_url(visit.base + KM_PAGE)
    assert page.locator("h1").first.inner_text() == KM_TITLE
    assert visit.errors == [] and visit.foreign() == []


def test_a_missing_translation_leads_to_the_language_index(visit: Visit) -> None:
    visit.open("km/news/road-repair/")
    page = visit.page
    page.locator('a[hreflang="en"]').first.click()
    page.wait_for_url(visit.base + "en/")
    assert page.evaluate("document.documentElement.lang") == "en"
    assert visit.errors == [] and visit.foreign() == []


@pytest.mark.parametrize(
    "path",
    ["km/", "en/", KM_PAGE, EN_PAGE, "km/tags/water/", "en/tags/water/", "__sastra/status"],
)
def test_no_console_errors_and_nothing_leaves_localhost(visit: Visit, path: str) -> None:
    visit.open(path)
    visit.page.evaluate("document.fonts.ready")
    visit.page.wait_for_load_state("networkidle")
    assert visit.errors == []
    assert visit.foreign() == []
    assert visit.urls and visit.urls[0] == visit.base + path


def test_the_root_sends_the_reader_to_the_default_language(visit: Visit) -> None:
    visit.open("")
    visit.page.wait_for_url(visit.base + "km/")
    visit.page.wait_for_load_state("networkidle")
    assert visit.page.evaluate("document.documentElement.lang") == "km"
    assert visit.urls[0] == visit.base
    assert visit.errors == [] and visit.foreign() == []


def test_a_missing_page_shows_the_language_404(visit: Visit) -> None:
    response = visit.page.goto(visit.base + "en/no-such-page/")
    assert response is not None and response.status == 404
    assert visit.page.evaluate("document.documentElement.lang") == "en"
    assert visit.foreign() == []


def test_the_review_pages_work_in_chromium(visit: Visit) -> None:
    visit.open("__sastra/review/")
    page = visit.page
    assert page.locator("h1").inner_text() == "Review"
    assert page.locator("#pairs tbody tr").count() == 2
    page.locator('a[href="/__sastra/review/news/clean-water"]').click()
    page.wait_for_url(visit.base + "__sastra/review/news/clean-water")
    assert page.locator("h1").inner_text() == "news/clean-water"
    cells = page.locator("#side-by-side").inner_text()
    assert "ក្រសួងបានបើកអណ្តូងទឹកថ្មី" in cells and "opened 12 new wells" in cells
    page.locator("nav a").click()  # back to the index
    page.wait_for_url(visit.base + "__sastra/review/")
    page.wait_for_load_state("networkidle")
    assert visit.errors == [] and visit.foreign() == []


def test_the_status_page_links_to_the_review(visit: Visit) -> None:
    visit.open("__sastra/status")
    page = visit.page
    assert "Missing: no translation yet (1)" in page.locator("h2").all_inner_texts()
    page.locator('a[href="/__sastra/review/news/road-repair"]').click()
    page.wait_for_url(visit.base + "__sastra/review/news/road-repair")
    assert page.locator("h1").inner_text() == "news/road-repair"
    assert visit.errors == [] and visit.foreign() == []


def test_the_browser_reloads_after_a_change(browser: Browser, tmp_path: Path) -> None:
    root = make_site(tmp_path / "site")
    with DevServer(root, port=0, watch=True) as dev:
        context = browser.new_context()
        try:
            visit = _visit(context, dev.url)
            visit.open(EN_PAGE)
            assert visit.page.locator("h1").first.inner_text() == EN_TITLE
            source = root / "content/en/news/clean-water.md"
            deadline = time.monotonic() + 30
            new_title = "Twelve villages now have clean water"
            while dev.outcome.generation == 1 and time.monotonic() < deadline:
                source.write_text(source.read_text("utf-8").replace(EN_TITLE, new_title), "utf-8")
                dev.wait_for_build(1, timeout=1.0)
            assert dev.outcome.ok and dev.outcome.generation >= 2
            visit.page.wait_for_function(
                "t => document.querySelector('h1').innerText === t", arg=new_title
            )
            assert visit.errors == [] and visit.foreign() == []
        finally:
            context.close()
