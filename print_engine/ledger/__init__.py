"""The issuance ledger (発行台帳): every notice and certificate the app issued (``ledger.md``)."""

from .location import LedgerError, LedgerLocation, choose_ledger, default_ledger_path, location_of
from .store import Ledger, open_ledger

__all__ = ["Ledger", "LedgerError", "LedgerLocation", "choose_ledger", "default_ledger_path",
           "location_of", "open_ledger"]
