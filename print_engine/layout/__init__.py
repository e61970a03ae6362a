"""Page layout: the notice, the cover letter and the target list as primitives.

The layout is renderer-neutral: :mod:`print_engine.output.pdf_writer` and the Qt
painter (``gui/painter.py``) draw the same :class:`~.primitives.Page`.
"""

from print_engine.layout.fonts import FontSet, uncovered_characters
from print_engine.layout.primitives import (
    Circle,
    Line,
    Overflow,
    Page,
    QrCode,
    Rect,
    TextRun,
)
from print_engine.layout.templates import Template, TemplateError, load_template

__all__ = [
    "Circle",
    "FontSet",
    "Line",
    "Overflow",
    "Page",
    "QrCode",
    "Rect",
    "Template",
    "TemplateError",
    "TextRun",
    "load_template",
    "uncovered_characters",
]
