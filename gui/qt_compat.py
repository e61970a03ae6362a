"""Work-arounds for Qt / binding pitfalls, applied once when ``gui`` is imported.

PySide6 6.12.0 on CPython 3.11: ``SignalInstance.emit()`` returns ``True``
without taking a new reference, so every emit from Python lowers the
reference count of ``True`` by one; after a few thousand emits (a print
run's progress) the interpreter aborts with "bool_dealloc: deallocating True
or False". :func:`install` probes for the leak and, only if it is there,
wraps ``emit`` to give the missing reference back. On a fixed binding (or on
CPython 3.12+, where ``True`` is immortal) the probe finds nothing and
nothing is changed.

``QRawFont`` objects belong to the thread that made them; the painter's
raw-font cache is made per thread by :func:`per_thread_raw_fonts` (called
by :mod:`gui.printing` before it prints on a worker thread).
"""

from __future__ import annotations

import ctypes
import sys

from PySide6.QtCore import QObject, Signal, SignalInstance

_incref = ctypes.pythonapi.Py_IncRef
_incref.argtypes = [ctypes.py_object]
_incref.restype = None
_installed = False


class _Probe(QObject):
    ping = Signal()


def emit_leaks_bool() -> bool:
    """Whether ``emit()`` loses a reference to the bool it returns."""
    probe = _Probe()
    result = None
    before = sys.getrefcount(True) + sys.getrefcount(False)
    for _ in range(4):
        result = probe.ping.emit()
    after = sys.getrefcount(True) + sys.getrefcount(False)
    del result
    return after < before - 2


def install() -> bool:
    """Wrap ``SignalInstance.emit`` when the binding leaks; returns True if it did."""
    global _installed
    if _installed or not emit_leaks_bool():
        return False
    original = SignalInstance.emit

    def emit(self, *args):
        result = original(self, *args)
        if result is True or result is False:
            _incref(result)
        return result

    emit.__doc__ = original.__doc__
    SignalInstance.emit = emit
    _installed = True
    return True


install()


class PerThreadCache:
    """A dict-like cache with one dict per thread (for objects bound to a thread).

    ``QRawFont`` (its font engine and glyph caches) must not be shared between
    threads: the preview draws on the GUI thread while a print job draws on a
    worker, and a raw font made on one and used on the other crashes Qt.
    """

    def __init__(self) -> None:
        import threading

        self._local = threading.local()

    def _dict(self) -> dict:
        d = getattr(self._local, "d", None)
        if d is None:
            d = self._local.d = {}
        return d

    def get(self, key, default=None):
        return self._dict().get(key, default)

    def __getitem__(self, key):
        return self._dict()[key]

    def __setitem__(self, key, value) -> None:
        self._dict()[key] = value

    def __contains__(self, key) -> bool:
        return key in self._dict()

    def __len__(self) -> int:
        return len(self._dict())

    def clear(self) -> None:
        self._dict().clear()


def per_thread_raw_fonts() -> None:
    """Give ``gui.painter``'s raw-font cache one dict per thread (see :class:`PerThreadCache`)."""
    from . import painter

    if not isinstance(painter._RAW_FONTS, PerThreadCache):
        painter._RAW_FONTS = PerThreadCache()
