"""What a build remembers for the next one (``build.pickle``), as a typed value.

The next build into the same output folder reads it to skip pages whose inputs did not
change (:class:`PageEntry` per page) and, when nothing at all changed
(:attr:`BuildState.site_key`) and the output is there as written
(:attr:`BuildState.stamps`), to do nothing. The file is sealed like every cache
(:mod:`sastra.cache`); one written by another version, for another output folder or of
another shape is set aside with one log line, and the build renders everything.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from sastra.cache import BUILD, load_sealed, save_sealed
from sastra.model import Diagnostic

log = logging.getLogger(__name__)


class Stamp(NamedTuple):
    """A file as the build wrote it: a file edited by hand since has another stamp."""

    size: int
    mtime_ns: int


class PageEntry(NamedTuple):
    """One rendered page, as the next build needs it."""

    digest: str
    """Hash of everything the page is made of (spec, theme, config, render version)."""
    assets: tuple[tuple[str, str], ...]
    """``(output path, source path)`` of every image the page's body uses."""
    fallbacks: tuple[tuple[str, str, str], ...]
    """The page's warnings, as :attr:`sastra.render.worker.Rendered.fallbacks`."""


@dataclass(frozen=True)
class BuildState:
    """The state of the last build into one output folder."""

    out: str
    """The output folder (absolute); a state for another folder is not used."""
    pages: Mapping[str, PageEntry]
    """Every page written or kept, by output path."""
    images: Mapping[str, str]
    """Images the plan published (feature images), output path to source path."""
    site_key: str
    """Hash of everything any page depends on (see ``render.build._site_key``)."""
    outputs: tuple[str, ...]
    """Every file of the output, sorted."""
    stamps: Mapping[str, Stamp]
    """Size and mtime of every page as written."""
    warnings: tuple[Diagnostic, ...]
    """The build's warnings, shown again by a build that does nothing."""


def load_state(path: Path, out: Path) -> BuildState | None:
    """The previous build's state for the output folder ``out``; ``None`` when there is
    none, or (one log line) it is of another version or for another folder."""
    data = load_sealed(path)  # a broken or planted cache means a full build, never an error
    if data is None:
        return None
    if not (
        isinstance(data, tuple)
        and len(data) == 2
        and data[0] == BUILD.version
        and isinstance(data[1], BuildState)
    ):
        log.info("ignoring cache %s: not this version's shape", path)
        return None
    state: BuildState = data[1]
    if state.out != str(out):
        log.info("ignoring cache %s: written for another output folder", path)
        return None
    return state


def save_state(path: Path, state: BuildState) -> None:
    """Write ``state`` (sealed, temp file + rename); a failure is only logged."""
    try:
        save_sealed(path, (BUILD.version, state))
    except OSError as exc:
        log.warning("could not write the build cache %s: %s", path, exc)
