"""Exceptions. A user's mistake is a :class:`~sastra.model.Diagnostic`, not a traceback."""

from __future__ import annotations

from collections.abc import Iterable

from sastra.model import Diagnostic


class SastraError(Exception):
    """Base class of every error Sastra raises on purpose."""


class ConfigError(SastraError):
    """The site configuration is invalid; carries every problem found, not just the first."""

    def __init__(self, diagnostics: Iterable[Diagnostic]) -> None:
        self.diagnostics = tuple(diagnostics)
        super().__init__("\n".join(str(d) for d in self.diagnostics))


class UsageError(SastraError):
    """The command was called with arguments that cannot work (unknown key, unknown language)."""


class ContentError(SastraError):
    """One file could not be read; carries its diagnostic."""

    def __init__(self, diagnostic: Diagnostic) -> None:
        self.diagnostic = diagnostic
        super().__init__(str(diagnostic))


class BuildError(SastraError):
    """The build failed; carries every problem found."""

    def __init__(self, diagnostics: Iterable[Diagnostic]) -> None:
        self.diagnostics = tuple(diagnostics)
        super().__init__("\n".join(str(d) for d in self.diagnostics))
