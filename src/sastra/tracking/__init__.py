"""Translation tracking: fingerprints, baselines (frontmatter, git), states."""

FINGERPRINT_VERSION = "1"
"""Bumped whenever the text fingerprint changes meaning (caches keyed by it are dropped)."""
CHANGES = f"change:{FINGERPRINT_VERSION}"
"""Cache namespace of the paragraph summary of a stale source, keyed
``"<old fingerprint>><new fingerprint>"``."""
COUNTERPARTS = f"counterparts:{FINGERPRINT_VERSION}"
"""Cache namespace of which old source paragraphs a translation has a counterpart for,
keyed ``"<old source fingerprint>><translation fingerprint>"``."""
