"""One warning for the whole site about markup the build shows only in part (MDX
components, Hugo shortcodes): at the first place met, naming what every page had."""

from __future__ import annotations

from collections.abc import Iterable

from sastra.model import Diagnostic, Location, Severity


def left_out_warning(
    where: Location, names: Iterable[str], pages: int, what: str, done: str, why: str
) -> Diagnostic:
    """``{what} {names, six at most} {done} (and on N more pages): {why}``, at ``where``
    (the first page's first one; ``pages``: how many pages had any)."""
    listed = list(dict.fromkeys(names))
    shown = ", ".join(listed[:6]) + (", …" if len(listed) > 6 else "")
    others = pages - 1
    also = f" (and on {others} more page{'s' if others > 1 else ''})" if others else ""
    return Diagnostic(where, f"{what} {shown} {done}{also}: {why}", Severity.WARNING)
