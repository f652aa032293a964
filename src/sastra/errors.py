"""Exceptions. A user's mistake is a :class:`~sastra.model.Diagnostic`, not a traceback.

Every error Sastra raises on purpose is a :class:`SastraError` carrying diagnostics
(``path:line: message``, every problem found, not just the first); the ``i18n`` command
prints them in one place (``sastra.cli.LazyGroup.invoke``) and exits with
:attr:`SastraError.exit_code`. A bad argument to a library function (an unknown date
style, a year out of range) stays a plain ``ValueError``: that is a caller's bug, not a
user's file.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from sastra.model import Diagnostic, Location


class SastraError(Exception):
    """Base class of every error Sastra raises on purpose; carries every problem found."""

    exit_code: ClassVar[int] = 2
    """The exit status of the command it stops (2: usage or configuration)."""

    def __init__(self, diagnostics: Iterable[Diagnostic]) -> None:
        self.diagnostics = tuple(diagnostics)
        super().__init__("\n".join(str(d) for d in self.diagnostics))


class ConfigError(SastraError):
    """The site configuration is invalid."""


class BuildError(SastraError):
    """The build failed; the previous output is untouched."""

    exit_code = 1


class EditError(SastraError):
    """A file cannot be changed as asked (a glossary whose ``names:`` list cannot be
    appended to, a frontmatter that is never closed); nothing was written."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__([Diagnostic(Location(path), message)])
