"""The synced-source store: the source text a translation was last synced with.

``i18n new`` and ``i18n mark`` save the source's visible text under its
fingerprint, so that a stale translation can show *what* changed even where git
has no history (a site outside git, or a baseline recorded by hand). One small
JSON file per fingerprint; written atomically.
"""

from __future__ import annotations

import json
from pathlib import Path

from sastra.cache import atomic_write
from sastra.model import Paragraph
from sastra.tracking.fingerprint import VisibleText


class SyncedStore:
    """``<folder>/<fingerprint>.json`` files holding visible text."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def get(self, fingerprint: str) -> VisibleText | None:
        path = self.folder / f"{fingerprint}.json"
        try:
            data = json.loads(path.read_text("utf-8"))
            fields = tuple(Paragraph(0, label, text, 0) for label, text in data["fields"])
            body = tuple(Paragraph(i, "body", text, 0) for i, text in enumerate(data["body"], 1))
        except (OSError, ValueError, KeyError, TypeError):
            return None
        text = VisibleText(fields, body)
        return text if text.fingerprint == fingerprint else None

    def put(self, text: VisibleText) -> None:
        data = {
            "fields": [[p.label, p.text] for p in text.fields],
            "body": [p.text for p in text.body],
        }
        path = self.folder / f"{text.fingerprint}.json"
        if not path.exists():
            atomic_write(path, json.dumps(data, ensure_ascii=False, indent=1) + "\n")
