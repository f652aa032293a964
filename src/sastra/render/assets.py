"""Where images and static files come from, and where they go in the output.

Image addresses in articles (Markdown ``![](…)`` and the ``image`` field):

* ``@/…`` is Astro's alias of the ``src/`` folder: ``src/…`` in the Astro layout,
  the site root in the default layout (so ``@/assets/x.jpg`` is ``assets/x.jpg``);
* a relative address is relative to the article's file;
* ``http(s)://``, ``data:``, ``//…`` and site-absolute ``/…`` addresses are left alone.

A found image is copied to ``_site/assets/<path below the assets folder>``
(``src/assets/`` or ``assets/``; other files keep their path below the site root).
The Khmer web font comes from the installed ``fontpkg-noto-sans-khmer`` package
and the theme's ``templates/static/`` files go to ``_site/assets/``.
"""

from __future__ import annotations

import importlib.util
import posixpath
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

from sastra.addresses import from_page, leaves_site
from sastra.config.model import Config
from sastra.theme import template_dirs, theme_files

_KEEP_PREFIXES = ("http://", "https://", "data:", "//", "/", "#", "mailto:")
FONT_DIR = "assets/fonts"
FONT_FILE = "NotoSansKhmer.ttf"
FONT_LICENSE = "NotoSansKhmer-OFL.txt"


def is_external(src: str) -> bool:
    """True for addresses the build does not resolve (URLs, site-absolute paths)."""
    return src.startswith(_KEEP_PREFIXES) or "://" in src


def image_source(config: Config, article_path: str, src: str) -> Path:
    """The file an image address names (it may not exist)."""
    address = unquote(src.split("#", 1)[0].split("?", 1)[0])
    if address.startswith("@/"):
        base = config.root / "src" if config.layout == "astro" else config.root
        return base / address[2:]
    return (config.root / article_path).parent / address


def asset_refusal(config: Config, source: Path) -> str | None:
    """Why the file ``source`` (an image or a linked file) must not be published, else
    ``None``: it lies outside the site (a symlink or ``..`` leading out counts), it or a
    folder above it is hidden (``.env``, ``.git/config``), it is the site's config or in
    its cache, or its type is not one of ``build.asset_types``."""
    try:
        real = source.resolve(strict=True)
    except (OSError, RuntimeError):
        return "not found"
    root = config.root.resolve()
    try:
        inside = real.relative_to(root)
    except ValueError:
        return "outside the site"
    if any(part.startswith(".") for part in inside.parts):
        return "a hidden file or folder (never published)"
    if config.config_path is not None and real == config.config_path.resolve():
        return "the site's configuration (never published)"
    for folder in (config.cache_dir, config.root / config.tracking.synced_dir):
        if real == folder.resolve() or folder.resolve() in real.parents:
            return "in the cache folder (never published)"
    if not real.is_file():
        return "not a file"
    kind = real.suffix.lower().lstrip(".")
    if kind not in config.build.asset_types:
        shown = f".{kind}" if kind else "no extension"
        return f"not an asset type ({shown}; see build.asset_types)"
    return None


def image_output(config: Config, source: Path) -> str | None:
    """Output path (relative to ``_site``) of an image file; ``None`` when outside the site."""
    resolved = source.resolve()
    for base in (config.root / "src" / "assets", config.root / "assets"):
        try:
            return "assets/" + resolved.relative_to(base.resolve()).as_posix()
        except ValueError:
            continue
    try:
        return "assets/" + resolved.relative_to(config.root).as_posix()
    except ValueError:
        return None


def url_path(rel: str) -> str:
    """A relative output path written as a URL (spaces and non-ASCII percent-encoded)."""
    return quote(rel, safe="/-._~")


def font_files() -> tuple[Path, Path] | None:
    """``(font, licence)`` from the installed Noto Sans Khmer package; ``None`` when absent.

    A ``.woff2`` is preferred when the package ships one, else the ``.ttf``.
    """
    spec = importlib.util.find_spec("fontpkg_noto_sans_khmer")
    if spec is None or spec.origin is None:
        return None
    root = Path(spec.origin).parent
    fonts = sorted(root.rglob("*.woff2")) or sorted(root.rglob("*.ttf"))
    licences = [p for p in sorted(root.rglob("*")) if p.name.upper().startswith(("LICENSE", "OFL"))]
    if not fonts or not licences:
        return None
    return fonts[0], licences[0]


def static_files(config: Config) -> dict[str, Path]:
    """Output path → source of every fixed file: the font, its licence, the theme's statics."""
    files: dict[str, Path] = {}
    found = font_files()
    if found is not None:
        font, licence = found
        name = FONT_FILE if font.suffix == ".ttf" else FONT_FILE.replace(".ttf", font.suffix)
        files[f"{FONT_DIR}/{name}"] = font
        files[f"{FONT_DIR}/{FONT_LICENSE}"] = licence
    folders = [folder.resolve() for folder in template_dirs(config.templates_dir)]
    for name, path in theme_files(config.templates_dir).items():
        if not name.startswith("static/") or any(p.startswith(".") for p in name.split("/")):
            continue
        real = path.resolve()
        if not any(folder in real.parents for folder in folders):  # a symlink out of the theme
            continue
        files["assets/" + name.removeprefix("static/")] = path
    return files


def link_target(page_out: str, href: str, base_url: str = "") -> str | None:
    """The output file a link of the page at ``page_out`` leads to, when it is a page of
    this site (``../welcome/`` from ``en/news/reg/index.html`` is
    ``en/news/welcome/index.html``); ``None`` for anything else: another site, a
    fragment, mail, a file with an extension other than ``.html``, or a site-absolute
    address outside the site's base path (``base_url``'s path, default ``/``)."""
    href = href.strip()
    if not href or href.startswith("#") or leaves_site(href):
        return None
    path = unquote(href.split("#", 1)[0].split("?", 1)[0])
    if not path:
        return None
    if path.startswith("/"):
        base = "/" + urlsplit(base_url).path.strip("/")
        base = base.rstrip("/") + "/"
        if not path.startswith(base):
            return None
        path = path[len(base) :]
    else:
        path = from_page(posixpath.dirname(page_out), path)
    tail = path.rsplit("/", 1)[-1]
    if "." in tail and not tail.endswith(".html"):
        return None  # a file: a PDF, an image, a feed
    path = posixpath.normpath(path) if path.strip("/") else ""
    if path.startswith("..") or path.startswith("/"):
        return None
    if path.endswith(".html"):
        return path
    return f"{path}/index.html" if path not in ("", ".") else "index.html"
