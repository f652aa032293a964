"""The whole built site of tests/fixtures/site-golden, compared with tests/golden/site/.

Regenerate the golden tree after an intended change of the theme or the build with
``make golden`` (it sets ``SASTRA_REGEN_GOLDEN=1`` and runs this file), then read the
diff of tests/golden/ before committing it.

Text files are compared byte for byte; binary files (images, the font) are listed
with their SHA-256 in tests/golden/site.binaries.txt.
"""

from __future__ import annotations

import dataclasses
import hashlib
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from helpers import REGEN_GOLDEN, REPO
from sastra.render.build import build
from sastra.workspace import open_site

FIXTURE = REPO / "tests" / "fixtures" / "site-golden"
GOLDEN = REPO / "tests" / "golden" / "site"
BINARIES = REPO / "tests" / "golden" / "site.binaries.txt"
BINARY_SUFFIXES = {".jpg", ".jpeg", ".png", ".gif", ".webp", ".ttf", ".woff2", ".woff"}


def _build(tmp: Path, jobs: int = 1) -> Path:
    site = open_site(FIXTURE, use_cache=False)
    config = dataclasses.replace(site.config, cache_dir=tmp / "cache")
    site = dataclasses.replace(site, config=config)
    out = tmp / "_site"
    build(site, out_dir=out, force=True, jobs=jobs)
    return out


def _tree(root: Path) -> tuple[dict[str, bytes], dict[str, str]]:
    texts: dict[str, bytes] = {}
    binaries: dict[str, str] = {}
    for path in sorted(root.rglob("*")):
        if not path.is_file():
            continue
        rel = path.relative_to(root).as_posix()
        if path.suffix.lower() in BINARY_SUFFIXES:
            binaries[rel] = hashlib.sha256(path.read_bytes()).hexdigest()
        else:
            texts[rel] = path.read_bytes()
    return texts, binaries


def _manifest(binaries: dict[str, str]) -> str:
    return "".join(f"{digest}  {rel}\n" for rel, digest in sorted(binaries.items()))


def test_golden_site(tmp_path: Path) -> None:
    texts, binaries = _tree(_build(tmp_path))
    if REGEN_GOLDEN:
        shutil.rmtree(GOLDEN, ignore_errors=True)
        for rel, data in texts.items():
            (GOLDEN / rel).parent.mkdir(parents=True, exist_ok=True)
            (GOLDEN / rel).write_bytes(data)
        BINARIES.write_text(_manifest(binaries), encoding="utf-8")
    golden_texts, _ = _tree(GOLDEN)
    assert sorted(texts) == sorted(golden_texts), "the set of built files changed"
    for rel, data in texts.items():
        assert data.decode("utf-8") == golden_texts[rel].decode("utf-8"), rel
    assert _manifest(binaries) == BINARIES.read_text(encoding="utf-8")


def test_build_is_deterministic(tmp_path: Path) -> None:
    first = _tree(_build(tmp_path / "a"))
    second = _tree(_build(tmp_path / "b"))
    assert first == second


def test_a_process_pool_builds_the_same_site(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Big sites render in worker processes (forked ones get page numbers, not specs)."""
    from sastra import parallel

    monkeypatch.setattr(parallel, "THRESHOLD", 1)
    assert _tree(_build(tmp_path / "pool", jobs=2)) == _tree(_build(tmp_path / "one"))


def test_golden_site_references_no_external_url() -> None:
    for path in GOLDEN.rglob("*"):
        if path.suffix in (".html", ".css"):
            text = path.read_text(encoding="utf-8")
            assert "http://" not in text and "https://" not in text, path
            assert 'src="//' not in text and 'href="//' not in text, path


def test_golden_feeds_and_sitemap_are_well_formed_xml() -> None:
    sitemap = ET.parse(GOLDEN / "sitemap.xml").getroot()
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    locs = [loc.text for loc in sitemap.findall("s:url/s:loc", ns)]
    assert "km/news/first-meeting/" in locs and "en/news/first-meeting/" in locs
    entry = next(
        u
        for u in sitemap.findall("s:url", ns)
        if u.findtext("s:loc", None, ns) == "km/news/first-meeting/"
    )
    assert [link.get("hreflang") for link in entry.findall("x:link", ns)] == ["km", "en"]
    only_km = next(
        u
        for u in sitemap.findall("s:url", ns)
        if u.findtext("s:loc", None, ns) == "km/news/khmer-only/"
    )
    assert only_km.findall("x:link", ns) == []
    for lang in ("km", "en"):
        feed = ET.parse(GOLDEN / lang / "feed.xml").getroot()
        titles = [
            e.findtext("{http://www.w3.org/2005/Atom}title")
            for e in feed.findall("{http://www.w3.org/2005/Atom}entry")
        ]
        assert titles, lang
    assert (GOLDEN / "robots.txt").read_text() == "User-agent: *\nAllow: /\n"
