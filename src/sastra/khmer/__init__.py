"""Pure Khmer text functions used by every stage: digits, dates, lunar calendar,
word segmentation, romanization and Unicode hygiene. No I/O except the
segmenter's optional on-disk cache, which the caller passes in."""
