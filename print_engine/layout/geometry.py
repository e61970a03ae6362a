"""Where things go on the sheet: the page constants and the notice's geometry.

Every position and size of the notice is here, in millimetres from the
top-left corner of the page (font sizes in points), so changing the layout
means editing this module only. The page constants — the A4 sheet, the
5 mm edge no printer reaches and the fold lines of a sheet folded in three
for a 長3 window envelope — are shared by every document, the calibration
page and the run profile's checks.

Not here: the font's own metrics (``notice_parts.ASCENT`` …), the
window block of an envelope mailed home (``mail_block.MailBlockGeometry``)
and the certificate's sheet (``certificate.CertificateGeometry``, whose card
comes from its template). This module holds data only and imports nothing
from the engine.
"""

from __future__ import annotations

from dataclasses import dataclass

A4_MM = (210.0, 297.0)  # width, height of the sheet (portrait)
EDGE_MM = 5.0  # nothing is printed closer to the paper's edge (office printers cannot print there)
FOLDS_MM = (99.0, 198.0)  # the two folds of an A4 sheet folded in three, from the top


@dataclass(frozen=True, slots=True)
class LineFit:
    """How one line of a stacked block (window block, sender block) is set.

    ``notice_parts.WindowLine.fitted(text, fit, zone)`` makes the line.
    """

    max_pt: float  # size it is set at when everything fits
    min_pt: float  # smallest size it may shrink to
    max_lines: int  # lines it may wrap to
    gap_before: float  # mm above the line (ignored for the first line of a block)


@dataclass(frozen=True, slots=True)
class WindowBlockGeometry:
    """The lines of the window block, top to bottom (inside ``window_margin``)."""

    number: LineFit = LineFit(10.5, 8.0, 1, 0.0)  # 記号-番号-枝番
    self_label: LineFit = LineFit(9.0, 7.0, 1, 0.6)  # ご本人様
    name: LineFit = LineFit(14.0, 9.0, 2, 1.2)  # the member's name with 様
    others: LineFit = LineFit(12.0, 7.5, 3, 0.6)  # the other addressees (envelope without the insured)
    insured: LineFit = LineFit(10.0, 7.5, 1, 1.0)  # 被保険者 ○○ 様
    employer: LineFit = LineFit(10.0, 7.0, 2, 1.2)


@dataclass(frozen=True, slots=True)
class SenderGeometry:
    """The sender block beside the window, top to bottom."""

    insurer: LineFit = LineFit(11.0, 7.0, 1, 0.0)
    number: LineFit = LineFit(8.5, 6.5, 1, 1.0)  # 保険者番号
    postal: LineFit = LineFit(8.5, 6.5, 1, 0.8)
    address: LineFit = LineFit(8.5, 6.5, 2, 0.4)
    inquiry: LineFit = LineFit(8.0, 6.0, 2, 2.6)
    phone: LineFit = LineFit(8.5, 6.5, 1, 0.6)
    note: LineFit = LineFit(7.5, 6.0, 2, 0.6)
    height: float = 60.0  # the block shrinks to stay within this height


@dataclass(frozen=True, slots=True)
class BodyGeometry:
    """The title, the lead sentence and the マイナポータル and clinic paragraphs."""

    title_pt: float = 16.0
    lead_pt: float = 10.0
    lead_leading: float = 1.55  # line pitch of the lead sentence, in em
    lead_note_pt: float = 10.0
    portal_heading_pt: float = 10.0
    qr_rise: float = 4.0  # QR code top above the マイナポータル heading baseline
    portal_body_gap: float = 6.5  # heading baseline → first baseline of the paragraph
    portal_body_pt: float = 9.5
    clinic_pt: float = 9.5
    clinic_indent_pt: float = 9.5  # first-line indent (字下げ) of the clinic paragraph: one character
    end_rise: float = 3.0  # baseline after a paragraph → bottom of its last line
    clear_above_strip: float = 4.0  # the body must end this far above the strip and frame ②


@dataclass(frozen=True, slots=True)
class TableGeometry:
    """Frame ①'s lines, labels and values (its columns are NoticeGeometry's ``table_*``)."""

    frame_pt: float = 0.8  # outer frame
    rule_pt: float = 0.4  # lines between cells
    label_fill: float = 0.9  # grey of the label cells (1 = white)
    label_pt: float = 9.5
    mark_offset: float = 5.6  # the mark ① stands this far left of the table
    mark_pt: float = 10.0
    value_pt: float = 11.0  # values, and the fixed 保険者名 and masked 負担割合
    name_pt: float = 12.0  # 氏名
    value_min_pt: float = 8.0  # a long value shrinks no further (then wraps; what still does not fit is reported)
    value_lines: int = 2
    value_clear: float = 1.0  # a value's lines stay this much shorter than the row
    value_pitch: float = 1.15  # line pitch of a wrapped value, in em


@dataclass(frozen=True, slots=True)
class StripGeometry:
    """The inside of the cut-off strip ③ (its cut line is NoticeGeometry's ``strip_*``).

    Baselines step down from ``title_baseline``; the ``*_compact`` steps are
    used when the strip also shows the フリガナ (one more line above the
    warning box).
    """

    cut_pt: float = 0.6  # the dashed cut line
    cut_dash: tuple[float, float] = (3.0, 2.0)  # dash, gap
    gap_x: float = 3.0  # white gap in the cut line for the scissors: left, from the strip's left
    gap_rise: float = 1.8  # its top above the cut line
    gap_w: float = 7.0
    gap_h: float = 3.6
    scissors_x: float = 3.5  # the scissors mark's left end, from the strip's left
    scissors_size: float = 6.0
    title_baseline: float = 4.4  # below the padded top
    mark_pt: float = 10.0  # the mark ③
    title_x: float = 5.0  # 資格情報のお知らせ, right of the mark
    title_pt: float = 10.5
    issued_pt: float = 7.5  # issue date, right-aligned on the title line
    title_rule: float = 1.8  # the rule under the title line, below its baseline
    rule_pt: float = 0.4
    insurer_step: float = 6.2  # title baseline → insurer line
    insurer_pt: float = 8.0
    insurer_min_pt: float = 6.0
    insurer_share: float = 0.58  # part of the width for the insurer's name (the rest: 保険者番号)
    insurer_number_pt: float = 7.5
    number_step: float = 8.0  # insurer line → 記号 番号 枝番 line
    number_step_compact: float = 7.0
    number_pt: float = 9.5
    number_min_pt: float = 7.0
    name_step: float = 8.4  # number line → 氏名 line
    name_step_compact: float = 7.4
    row_step: float = 7.6  # between the 氏名 / フリガナ / 負担割合 lines
    row_step_compact: float = 5.6
    label_w: float = 13.5  # label column of those lines
    label_gap: float = 2.5  # label text stops this far before the value
    label_pt: float = 7.5
    name_pt: float = 11.0
    name_lines: int = 2
    value_pt: float = 9.0  # フリガナ, 負担割合 (also masked)
    value_lines: int = 1
    value_min_pt: float = 7.0
    value_max_h: float = 6.4  # height a value's lines may take
    value_pitch: float = 1.2  # line pitch of a wrapped name, in em
    warning_box_h: float = 6.4  # the box 「受診の際は…」 at the strip's bottom
    warning_box_pt: float = 0.5
    warning_pt: float = 8.0
    below_pt: float = 8.0  # the sentence under the cut line
    below_descent: float = 0.25  # after each of its lines, in em, plus below_gap
    below_gap: float = 0.6


@dataclass(frozen=True, slots=True)
class Frame2Geometry:
    """The inside of frame ② (its box is NoticeGeometry's ``frame2_*``)."""

    frame_pt: float = 0.8
    mark_baseline: float = 4.0  # the mark ②, below the padded top
    mark_pt: float = 11.0
    body_indent: float = 6.0  # explanation and digits box, right of the padded left
    body_top: float = 3.6  # first baseline of the explanation, below the padded top
    body_pt: float = 8.5
    body_leading: float = 1.5  # in em
    end_rise: float = 3.0  # baseline after the explanation → bottom of its last line
    digits_box_h: float = 12.0  # the box of ``**** **** 1234`` at the frame's padded bottom
    digits_box_pt: float = 0.4
    digits_fill: float = 0.95
    digits_pt: float = 18.0


@dataclass(frozen=True, slots=True)
class NoticeGeometry:
    """Every fixed position and size of the notice, in mm from the top-left corner.

    The fields below place the zones; what lies inside each zone (font
    sizes, line steps, offsets, line widths) is in the zone's own small
    dataclass at the end (``window_block``, ``sender``, ``body``,
    ``table``, ``strip``, ``frame2``). The window block follows the run profile's ``[envelope]`` window; the
    title, the table and the paragraphs flow below it; the cut-off strip and
    frame ② sit at fixed places in the bottom third of the sheet (below the
    second fold of a sheet folded in three, :data:`FOLDS_MM`, so no fold
    crosses the card).
    """

    page: tuple[float, float] = A4_MM
    edge: float = EDGE_MM  # nothing printed closer to the paper's edge
    folds: tuple[float, float] = FOLDS_MM  # where the sheet bends in the envelope: no fold crosses the card
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
    # What lies inside each zone
    window_block: WindowBlockGeometry = WindowBlockGeometry()
    sender: SenderGeometry = SenderGeometry()
    body: BodyGeometry = BodyGeometry()
    table: TableGeometry = TableGeometry()
    strip: StripGeometry = StripGeometry()
    frame2: Frame2Geometry = Frame2Geometry()


GEOMETRY = NoticeGeometry()
