"""Translation tracking: fingerprints, baselines (frontmatter, git), states."""

from sastra.model import is_mdx

FINGERPRINT_VERSION = "2"
"""Bumped whenever the text fingerprint changes meaning (caches keyed by it are dropped;
2: the arguments of Hugo shortcodes are not text)."""
CHANGES = f"change:{FINGERPRINT_VERSION}"
"""Cache namespace of the paragraph summary of a stale source, keyed
``"<old fingerprint>><new fingerprint>"``."""
COUNTERPARTS = f"counterparts:{FINGERPRINT_VERSION}"
"""Cache namespace of which old source paragraphs a translation has a counterpart for,
keyed ``"<old source fingerprint>><translation fingerprint>"``."""


def fp_key(blob: str, path: str) -> str:
    """The cache key of a version's fingerprint: its blob id, marked for an MDX page.

    One blob is two texts when a page is renamed between ``.md`` and ``.mdx`` (an
    ``import`` line is a paragraph of the one, code of the other), so the blob alone
    does not name a fingerprint."""
    return f"{blob}:mdx" if is_mdx(path) else blob
