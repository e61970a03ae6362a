"""The engine's operator-facing error: its message is shown as it is, never a traceback."""

from __future__ import annotations


class OperatorError(Exception):
    """A failure whose ``str()`` is the Japanese message for the operator.

    The command line prints it on one line and exits 2; the window shows it
    in its message strip.
    """
