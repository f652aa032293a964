"""The result of one (re)build of ``i18n serve``, as the server and the browser see it."""

from __future__ import annotations

from dataclasses import dataclass

from sastra.model import Diagnostic, Severity


@dataclass(frozen=True)
class BuildOutcome:
    """The result of one (re)build, as the server and the browser see it."""

    generation: int
    """Counts builds since the server started (0: none yet)."""
    ok: bool
    """True when the build succeeded and the output is current."""
    seconds: float = 0.0
    """Wall time of the build."""
    pages_written: int = 0
    """Pages rendered by this build."""
    pages_reused: int = 0
    """Pages taken unchanged from the previous build."""
    diagnostics: tuple[Diagnostic, ...] = ()
    """Errors of a failed build, or warnings of a successful one."""
    changes: tuple[str, ...] = ()
    """Files (relative to the site root) whose change caused this build."""

    @property
    def errors(self) -> tuple[Diagnostic, ...]:
        """The diagnostics that made the build fail."""
        return tuple(d for d in self.diagnostics if d.severity is Severity.ERROR)
