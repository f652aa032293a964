"""The names stage: one spelling per person, organisation and place, across languages.

The facade other stages use: the glossary (:mod:`~sastra.names.glossary`), the form of a
name for a page's language (:func:`render_name`, the templates' ``name`` filter) and the
variant check and fix of ``i18n names check`` (:mod:`~sastra.names.variants`).

The other modules, imported by name where needed:

* :mod:`~sastra.names.mentions`: the text rules (honorifics, word boundaries, the
  regions of an article that are searched);
* :mod:`~sastra.names.missing`: names present in one version of a pair and absent from
  another (``i18n review``; it loads the discovery machinery, so review imports it when
  it runs);
* :mod:`~sastra.names.discover` (with :mod:`~sastra.names.align`,
  :mod:`~sastra.names.clusters`, :mod:`~sastra.names.places`, :mod:`~sastra.names.known`):
  names nobody listed yet (``i18n names discover``);
* :mod:`~sastra.names.glossary_yaml`: suggested entries written as glossary YAML.

No module of this package imports the package itself, so the facade never sits in an
import circle.
"""

from sastra.names.glossary import (
    Glossary,
    Honorific,
    Kind,
    NameEntry,
    parse_glossary,
    read_glossary,
)
from sastra.names.render import render_name
from sastra.names.variants import VariantFinding, find_variants, fix_text

__all__ = [
    "Glossary",
    "Honorific",
    "Kind",
    "NameEntry",
    "VariantFinding",
    "find_variants",
    "fix_text",
    "parse_glossary",
    "read_glossary",
    "render_name",
]
