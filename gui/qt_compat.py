"""Work-arounds for bugs of the Qt binding, applied once when ``gui`` is imported.

PySide6 6.12.0 on CPython 3.11: ``SignalInstance.emit()`` returns ``True``
without taking a new reference, so every emit from Python lowers the
reference count of ``True`` by one; after a few thousand emits (a print
run's progress) the interpreter aborts with "bool_dealloc: deallocating True
or False". :func:`install` probes for the leak and, only if it is there,
wraps ``emit`` to give the missing reference back. On a fixed binding (or on
CPython 3.12+, where ``True`` is immortal) the probe finds nothing and
nothing is changed.
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
