"""The shipped list of well-known names: public figures (and a few places) whose Latin
spelling is fixed by usage (``src/sastra/data/names/well-known.yaml``).

:func:`well_known` is that list as a :class:`~sastra.names.Glossary`;
:func:`with_well_known` adds it behind a site's own glossary, which always wins: an
entry of the list is dropped when the site lists the same Khmer name, or uses one of
its spellings for someone else. ``i18n names discover``, ``i18n names check`` and the
``name`` template filter consult it after the site's glossary and before the gazetteer
and the romanizer.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from sastra.names.glossary import Glossary, NameEntry, parse_glossary

__all__ = ["WELL_KNOWN_FILE", "well_known", "with_well_known"]

WELL_KNOWN_FILE = "data/names/well-known.yaml"
"""The list, inside the ``sastra`` package."""


@lru_cache(maxsize=1)
def well_known() -> Glossary:
    """The shipped list (validated by the tests: it loads without a diagnostic)."""
    text = resources.files("sastra").joinpath(WELL_KNOWN_FILE).read_text(encoding="utf-8")
    glossary, _ = parse_glossary(text, f"sastra/{WELL_KNOWN_FILE}")
    return glossary


def with_well_known(glossary: Glossary) -> Glossary:
    """``glossary`` followed by the well-known entries it does not contradict."""
    spellings = {s for e in glossary.entries for s in (e.en, *e.variants)}
    extra: list[NameEntry] = [
        entry
        for entry in well_known().entries
        if glossary.lookup(entry.km) is None and not spellings & {entry.en, *entry.variants}
    ]
    return Glossary((*glossary.entries, *extra), glossary.path) if extra else glossary
