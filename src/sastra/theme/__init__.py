"""The default theme and its UI catalogs, shipped inside the package (package data).

A site needs no ``templates/`` of its own: templates are looked up in the site's
``templates_dir`` first, then here, file by file (a site may override only
``article.html``). The same goes for the theme's ``static/`` files. The shipped
catalogs (``i18n/<lang>/LC_MESSAGES/messages.po``) translate the theme's UI strings;
a site's own catalog overrides them string by string (see :mod:`sastra.catalogs`).
``i18n theme copy`` copies all of it into the site for customising.
"""

from __future__ import annotations

from pathlib import Path

THEME_DIR = Path(__file__).resolve().parent
"""The installed theme folder."""
TEMPLATES = THEME_DIR / "templates"
"""The shipped templates (``static/`` below them holds the CSS)."""
CATALOGS = THEME_DIR / "i18n"
"""The shipped catalogs: ``<lang>/LC_MESSAGES/messages.po`` and ``messages.pot``."""

__all__ = ["CATALOGS", "TEMPLATES", "THEME_DIR", "shipped_catalog", "template_dirs", "theme_files"]


def template_dirs(templates_dir: Path) -> list[Path]:
    """Folders templates are looked up in, first match wins: the site's, then the shipped."""
    own = [templates_dir] if templates_dir.is_dir() else []
    return [*own, TEMPLATES]


def shipped_catalog(lang: str) -> Path:
    """The shipped ``.po`` of ``lang`` (it may not exist: the theme ships ``km`` and ``en``)."""
    return CATALOGS / lang / "LC_MESSAGES" / "messages.po"


def theme_files(templates_dir: Path) -> dict[str, Path]:
    """Every file of the effective theme: name below the theme → the file that wins."""
    files: dict[str, Path] = {}
    for folder in reversed(template_dirs(templates_dir)):
        for path in sorted(folder.rglob("*")):
            if path.is_file() and not path.name.startswith(".") and "__pycache__" not in path.parts:
                files[path.relative_to(folder).as_posix()] = path
    return files
