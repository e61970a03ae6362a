"""Oshirase print engine: workbook → members → rules → households → pages (no Qt)."""
