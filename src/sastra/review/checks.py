"""The review checks, in the order they run, and the codes they emit.

Each check is a plain function ``(ctx: PairContext) -> Iterable[Finding]``; to add
one, write the function and put it in :data:`CHECKS`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from sastra.model import Severity
from sastra.review.checks_language import (
    check_field_language,
    check_hygiene,
    check_untranslated,
    check_wrong_language,
)
from sastra.review.checks_media import check_images, check_links, check_shared_fields
from sastra.review.checks_names import check_names
from sastra.review.checks_paragraphs import check_copied_paragraph, check_paragraph_missing
from sastra.review.checks_site import check_duplicates, check_shape, check_stale
from sastra.review.checks_text import check_dates, check_lead_date, check_numbers
from sastra.review.model import Finding, PairContext

Check = Callable[[PairContext], Iterable[Finding]]

CHECKS: tuple[Check, ...] = (
    check_wrong_language,
    check_field_language,
    check_untranslated,
    check_duplicates,
    check_shared_fields,
    check_lead_date,
    check_dates,
    check_numbers,
    check_names,
    check_images,
    check_links,
    check_paragraph_missing,
    check_copied_paragraph,
    check_shape,
    check_stale,
    check_hygiene,
)
"""Every check, in the order findings are produced."""

CODES: dict[str, tuple[Severity, str]] = {
    "wrong-language": (Severity.ERROR, "Khmer in a non-Khmer version, or English prose in Khmer"),
    "untranslated": (Severity.ERROR, "a translation block identical to a source block"),
    "duplicate-title": (Severity.ERROR, "another article of the language has the same title"),
    "duplicate-description": (
        Severity.WARNING,
        "another article of the language has the same description",
    ),
    "shared-field": (Severity.ERROR, "a shared frontmatter field differs between versions"),
    "lead-date": (Severity.WARNING, "the lead's event date is not the frontmatter date"),
    "dates-mismatch": (
        Severity.ERROR,
        "a different date in the same place (error), or a date one version lacks (warning)",
    ),
    "date-weekday": (Severity.ERROR, "a stated weekday that is not the date's weekday"),
    "numbers-mismatch": (
        Severity.ERROR,
        "a different number in the same place (error), or a number one version lacks (warning)",
    ),
    "name-missing": (Severity.WARNING, "a person named in one version and not in the other"),
    "name-spelling": (
        Severity.ERROR,
        "a person of the glossary (or the well-known list) spelt otherwise than listed",
    ),
    "name-other-person": (
        Severity.ERROR,
        "a name listed for another person where the other version names someone else",
    ),
    "image-missing": (Severity.ERROR, "an image in one version and not in the other"),
    "image-order": (Severity.WARNING, "the same images in another order"),
    "image-alt": (Severity.WARNING, "an image without alt text"),
    "link-mismatch": (Severity.WARNING, "a link target in one version and not in the other"),
    "paragraph-missing": (Severity.WARNING, "a paragraph with no counterpart in the other version"),
    "sentence-missing": (
        Severity.WARNING,
        "the last sentence of a paragraph with no counterpart in the other version",
    ),
    "copied-paragraph": (
        Severity.ERROR,
        "a paragraph copied from another article instead of translated",
    ),
    "shape-length": (Severity.WARNING, "a length ratio far from the site's usual one"),
    "stale": (Severity.WARNING, "the source changed since the translation's baseline"),
    "stale-paragraph": (Severity.INFO, "a source block changed since the baseline"),
    "km-legacy-font": (Severity.WARNING, "Khmer typed in a legacy (Limon/ABC) font"),
    "km-cluster-order": (Severity.WARNING, "a Khmer syllable typed in a non-canonical order"),
    "km-split-vowel": (Severity.WARNING, "a Khmer vowel typed as two signs"),
    "km-doubled-sign": (Severity.WARNING, "a Khmer vowel or sign typed twice"),
    "km-zero-width": (Severity.WARNING, "a zero-width character"),
    "km-nbsp": (Severity.WARNING, "a no-break space in Khmer text"),
}
"""Every finding code with its severity and a one-line description (``docs/review.md``)."""
