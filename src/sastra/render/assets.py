"""Where images and static files come from, and where they go in the output.

Image addresses in articles (Markdown ``![](…)`` and the ``image`` field):

* ``@/…`` is Astro's alias of the ``src/`` folder: ``src/…`` in the Astro layout,
  the site root in the default layout (so ``@/assets/x.jpg`` is ``assets/x.jpg``);
* a relative address is relative to the article's file;
* a site-absolute ``/…`` address on a site with a static folder (Hugo's and
  Docusaurus' ``static/``, :attr:`~sastra.config.model.Config.static_dirs`) names the
  file there: ``/images/x.png`` is ``static/images/x.png`` (below ``base_url``'s path);
* ``http(s)://``, ``data:``, ``//…`` and other site-absolute ``/…`` addresses are left alone.

A found image is copied to ``_site/assets/<path below the assets folder>``
(``src/assets/`` or ``assets/``; other files keep their path below the site root).
Every file of a static folder is copied to the same path below ``_site/``, as the
generator does.
The Khmer web font comes from the installed ``fontpkg-noto-sans-khmer`` package
and the theme's ``templates/static/`` files go to ``_site/assets/``.
"""

from __future__ import annotations

import importlib.util
import os
import posixpath
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

from sastra.addresses import from_page, leaves_site
from sastra.config.model import Config
from sastra.render.urls import site_path
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


def static_address(config: Config, src: str) -> str | None:
    """The output path (below ``_site``) a site-absolute address names on a site with a
    static folder: ``/images/x.png`` → ``images/x.png`` (``base_url``'s path comes off
    first); ``None`` for any other address, or one outside ``base_url``'s path."""
    if not config.static_dirs or not src.startswith("/") or src.startswith("//"):
        return None
    path = unquote(src.split("#", 1)[0].split("?", 1)[0])
    base = site_path(config.build.base_url)
    if not path.startswith(base):
        return None
    rel = posixpath.normpath(path[len(base) :])
    if rel in ("", ".") or rel.startswith(".."):
        return None
    return rel


def static_file(config: Config, rel: str) -> Path | None:
    """The file of a static folder published at ``rel`` (below ``_site``), else ``None``."""
    for folder, target in config.static_dirs:
        prefix = f"{target}/" if target else ""
        if rel.startswith(prefix):
            source = folder / rel[len(prefix) :]
            if source.is_file() and _publishable(config, folder, source):
                return source
    return None


def not_in_static(config: Config, src: str) -> str:
    """The warning for a site-absolute image address no static folder holds."""
    folders = " or ".join(f"{config.rel(folder)}/" for folder, _ in config.static_dirs)
    return f"image not found in {folders}: {src} (a broken image on the page)"


def _publishable(config: Config, folder: Path, source: Path) -> bool:
    """A file of a static folder is copied unless it or a folder below the static folder
    is hidden, or it leads out of the site (a symlink)."""
    if any(part.startswith(".") for part in source.relative_to(folder).parts):
        return False
    return _inside_site(source, config.root.resolve())


def _static_folder_files(config: Config) -> dict[str, Path]:
    """Output path → source of every file of the static folders (the first folder wins).
    Hidden files and folders are left out, so are symlinks leading out of the site (a
    symlinked folder is not walked)."""
    files: dict[str, Path] = {}
    root = config.root.resolve()
    for folder, target in config.static_dirs:
        if not folder.is_dir() or not _inside_site(folder, root):
            continue
        prefix = f"{target}/" if target else ""
        for top, dirs, names in os.walk(folder):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            rel_top = os.path.relpath(top, folder)
            for name in sorted(names):
                path = os.path.join(top, name)
                if name.startswith(".") or not os.path.isfile(path):
                    continue
                if os.path.islink(path) and not _inside_site(Path(path), root):
                    continue
                rel = name if rel_top == "." else f"{rel_top}/{name}".replace(os.sep, "/")
                files.setdefault(prefix + rel, Path(path))
    return files


def _inside_site(path: Path, root: Path) -> bool:
    try:
        path.resolve(strict=True).relative_to(root)
    except (OSError, RuntimeError, ValueError):
        return False
    return True


def static_files(config: Config) -> dict[str, Path]:
    """Output path → source of every fixed file: the font, its licence, the theme's statics,
    and the files of the site's static folders (which never replace the others)."""
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
    for rel, source in _static_folder_files(config).items():
        files.setdefault(rel, source)
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
