"""Where things go on the sheet: the page constants and the notice's geometry.

Every position and size of the notice is here, in millimetres from the
top-left corner of the page (font sizes in points), so changing the layout
means editing this module only. The page constants — the A4 sheet, the
5 mm edge no printer reaches and the fold lines of a sheet folded in three
for a 長3 window envelope — are shared by every document, the calibration
page and the run profile's checks.

This module holds data only and imports nothing from the engine.
"""

from __future__ import annotations

from dataclasses import dataclass

A4_MM = (210.0, 297.0)  # width, height of the sheet (portrait)
EDGE_MM = 5.0  # nothing is printed closer to the paper's edge (office printers cannot print there)
FOLDS_MM = (99.0, 198.0)  # the two folds of an A4 sheet folded in three, from the top


@dataclass(frozen=True, slots=True)
class NoticeGeometry:
    """Every fixed position of the notice, in mm from the top-left corner.

    The window block follows the run profile's ``[envelope]`` window; the
    title, the table and the paragraphs flow below it; the cut-off strip and
    frame ② sit at fixed places in the bottom third of the sheet (below the
    second fold of a sheet folded in three, :data:`FOLDS_MM`, so no fold
    crosses the card).
    """

    page: tuple[float, float] = A4_MM
    edge: float = EDGE_MM  # nothing printed closer to the paper's edge
    left: float = 15.0  # content column
    right: float = 195.0
    window_margin: float = 3.0  # inset of the window block in the window
    sender_gap: float = 7.0  # sender block starts this far right of the window
    sender_right: float = 200.0
    title_gap: float = 13.0  # bottom of the window (or sender block) → title baseline
    lead_gap: float = 10.5  # title baseline → first baseline of the lead sentence
    table_gap: float = 1.0  # line after the lead sentence → top of frame ①
    portal_gap: float = 12.5  # bottom of frame ① → マイナポータル heading baseline
    clinic_gap: float = 8.0  # QR code bottom → clinic paragraph baseline
    # Frame ① (qualification table)
    table_row_h: float = 9.5
    table_label_w: float = 33.0
    table_small_label_w: float = 20.0  # 番号 / 枝番 cells of the first row
    table_value1_w: float = 33.0  # the 記号 value cell
    table_value2_w: float = 44.0  # the 番号 value cell
    cell_pad: float = 3.5
    # マイナポータル paragraph and QR code
    qr_size: float = 22.0
    qr_gap: float = 8.0  # text column → QR code
    # The cut line: a dashed rectangle exactly the size of an ID-1 card.
    strip_x: float = 12.0
    strip_y: float = 217.0
    strip_w: float = 85.6
    strip_h: float = 54.0
    strip_pad: float = 3.5
    below_strip_gap: float = 4.6  # cut line → first line of the sentence under it
    # Frame ② (My Number, last four digits)
    frame2_x: float = 105.0
    frame2_y: float = 217.0
    frame2_w: float = 90.0
    frame2_h: float = 54.0
    frame2_pad: float = 4.0


GEOMETRY = NoticeGeometry()
