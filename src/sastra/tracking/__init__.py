"""Translation tracking: fingerprints, baselines (frontmatter, git), states."""
