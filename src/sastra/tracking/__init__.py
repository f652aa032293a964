"""Translation tracking: fingerprints, baselines (frontmatter, git), states."""

FINGERPRINT_VERSION = "1"
"""Bumped whenever the text fingerprint changes meaning (caches keyed by it are dropped)."""
