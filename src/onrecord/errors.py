"""Errors a user can meet, each with a code and a one-line message.

The CLI prints ``str(error)`` and exits non-zero; it never shows a traceback for these.
"""

from __future__ import annotations


class OnrecordError(Exception):
    """Base class: something about the input or set-up that the user can fix."""

    code = "E000"

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None):
        self.message = message
        self.path = path
        self.line = line
        super().__init__(str(self))

    def __reduce__(self):
        """Pickle by fields, so an error raised in a worker process arrives intact."""
        return (_rebuild, (type(self), self.message, self.path, self.line))

    def __str__(self) -> str:
        where = self.path or ""
        if self.line is not None:
            where = f"{where}:{self.line}" if where else f"line {self.line}"
        return f"[{self.code}] {where + ': ' if where else ''}{self.message}"


class ReadError(OnrecordError):
    """An input that cannot be read as an article (binary, mis-encoded, empty, malformed)."""

    code = "E100"


class ModelError(OnrecordError):
    """A spaCy pipeline or onrecord model that cannot be loaded."""

    code = "E200"


class EvalError(OnrecordError):
    """An evaluation corpus that is missing or malformed."""

    code = "E300"


class StoreError(OnrecordError):
    """A corpus database that cannot be opened, is locked, or is of an unknown version."""

    code = "E400"


def _rebuild(
    kind: type[OnrecordError], message: str, path: str | None, line: int | None
) -> OnrecordError:
    return kind(message, path=path, line=line)
