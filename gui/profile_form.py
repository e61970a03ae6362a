"""The run profile as form fields, one tab per section of the TOML file.

:class:`ProfileForm` turns a :class:`RunProfile` into widgets and the widgets
back into the nested mapping ``profile_from_mapping`` validates; it knows
which widget edits which dotted key, so a :class:`ProfileError` can point at
its field. Validation itself is the engine's.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QPointF, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QWidget,
)

from print_engine import WIDTH_FIELDS, RunProfile, format_wareki

from .print_dialog import order_labels, variant_labels

PACKING_CHOICES = ("", "affiliation", "number")


class DateField(QWidget):
    """A date edit with its 和暦 beside it (and an optional "today" box)."""

    changed = Signal()

    def __init__(self, allow_today: bool = False, parent=None) -> None:
        super().__init__(parent)
        self.edit = QDateEdit()
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat("yyyy/MM/dd")
        self.wareki = QLabel()
        self.wareki.setMinimumWidth(140)
        self.today = QCheckBox(self.tr("印刷した日（today）")) if allow_today else None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)
        layout.addWidget(self.wareki)
        if self.today is not None:
            layout.addWidget(self.today)
            self.today.toggled.connect(lambda on: (self.edit.setEnabled(not on), self.changed.emit()))
        layout.addStretch(1)
        self.edit.dateChanged.connect(self._changed)

    def _changed(self) -> None:
        d = self.edit.date().toPython()
        self.wareki.setText(format_wareki(d))
        self.changed.emit()

    def set_value(self, value: date | str) -> None:
        if isinstance(value, str):
            if self.today is not None:
                self.today.setChecked(True)
            return
        self.edit.setDate(QDate(value.year, value.month, value.day))
        self.wareki.setText(format_wareki(value))

    def value(self) -> date | str:
        if self.today is not None and self.today.isChecked():
            return "today"
        return self.edit.date().toPython()


class WindowDiagram(QWidget):
    """An A4 sheet in miniature with the envelope window and the cut-off strip."""

    def __init__(self, spins: dict[str, QDoubleSpinBox], parent=None) -> None:
        super().__init__(parent)
        self.spins = spins
        self.setMinimumSize(190, 260)
        for spin in spins.values():
            spin.valueChanged.connect(self.update)

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt override
        from PySide6.QtCore import QRectF
        from PySide6.QtGui import QColor, QPainter, QPen

        from print_engine import GEOMETRY

        g = GEOMETRY
        paper_w, paper_h = g.page
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        k = min((self.width() - 10) / paper_w, (self.height() - 10) / paper_h)
        p.translate(5, 5)
        p.fillRect(QRectF(2, 2, paper_w * k, paper_h * k), QColor(0, 0, 0, 50))
        p.setPen(QPen(QColor("#888"), 1))
        p.setBrush(QColor("white"))
        p.drawRect(QRectF(0, 0, paper_w * k, paper_h * k))
        p.setPen(QPen(QColor("#bbb"), 1, Qt.PenStyle.DotLine))
        for fold in g.folds:
            p.drawLine(QPointF(0, fold * k), QPointF(paper_w * k, fold * k))
        v = {name: spin.value() for name, spin in self.spins.items()}
        window = QRectF(v["window_left_mm"] * k, v["window_top_mm"] * k, v["window_width_mm"] * k,
                        v["window_height_mm"] * k)
        p.setPen(QPen(QColor(30, 110, 220), 1.5))
        p.setBrush(QColor(30, 110, 220, 40))
        p.drawRect(window)
        p.setPen(QPen(QColor(230, 120, 0), 1.2, Qt.PenStyle.DashLine))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawRect(QRectF(g.strip_x * k, g.strip_y * k, g.strip_w * k, g.strip_h * k))
        p.end()


class ProfileForm(QTabWidget):
    """Every setting of the run profile as a field.

    Signals:
        changed(): some field changed.

    Attributes:
        fields: Dotted key → the widget that edits it.
    """

    changed = Signal()

    def __init__(self, employers: dict[str, str] | None = None, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("profileForm")
        self.fields: dict[str, QWidget] = {}
        self._employers = employers or {}
        self._build_insurer()
        self._build_run()
        self._build_rules()
        self._build_notice()
        self._build_certificate()
        self._build_packing()
        self._build_envelope()
        self._build_direct_mail()
        self._build_sheet()

    # --- building ------------------------------------------------------------

    def _tab(self, title: str) -> QFormLayout:
        page = QWidget()
        form = QFormLayout(page)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.addTab(page, title)
        return form

    def _add(self, form: QFormLayout, key: str, label: str, widget: QWidget) -> QWidget:
        widget.setObjectName("field_" + key.replace(".", "_"))
        self.fields[key] = widget
        form.addRow(label, widget)
        if isinstance(widget, QLineEdit):
            widget.textChanged.connect(self.changed)
        elif isinstance(widget, (QSpinBox, QDoubleSpinBox)):
            widget.valueChanged.connect(self.changed)
        elif isinstance(widget, QCheckBox):
            widget.toggled.connect(self.changed)
        elif isinstance(widget, QComboBox):
            widget.currentIndexChanged.connect(self.changed)
        elif isinstance(widget, DateField):
            widget.changed.connect(self.changed)
        return widget

    @staticmethod
    def _combo(items: dict[str, str]) -> QComboBox:
        combo = QComboBox()
        for code, label in items.items():
            combo.addItem(label, code)
        return combo

    def _build_insurer(self) -> None:
        form = self._tab(self.tr("保険者"))
        for key, label in (("name", self.tr("保険者名")), ("number", self.tr("保険者番号（8桁）")),
                           ("postal_code", self.tr("郵便番号")), ("address", self.tr("所在地")),
                           ("inquiry_name", self.tr("問い合わせ先の名称")), ("phone", self.tr("電話番号")),
                           ("hours", self.tr("受付時間"))):
            self._add(form, f"insurer.{key}", label, QLineEdit())

    def _build_run(self) -> None:
        form = self._tab(self.tr("今回の印刷"))
        self._add(form, "run.variant", self.tr("種類"), self._combo(variant_labels()))
        self._add(form, "run.as_of", self.tr("時点（お知らせに印字）"), DateField())
        self._add(form, "run.issue_date", self.tr("発行日"), DateField(allow_today=True))
        self._add(form, "run.order", self.tr("梱包順"), self._combo(order_labels()))
        self._add(form, "run.split", self.tr("PDF の分け方"), QLineEdit()).setToolTip(
            self.tr("employer（事業所ごと）、run（1ファイル）、pages:N（N ページ以内ごと）"))
        self._add(form, "run.documents", self.tr("書類"), self._combo(
            {"all": self.tr("送付状・対象者リスト・お知らせ"), "notices": self.tr("お知らせのみ")}))
        self._add(form, "run.duplex", "", QCheckBox(self.tr("プリンタで両面印刷する（長辺とじ）")))

    def _build_rules(self) -> None:
        form = self._tab(self.tr("対象者の判定"))
        self._add(form, "rules.enrolled_by", self.tr("資格取得日がこの日以前"), DateField())
        self._add(form, "rules.enrollment_recorded_by", self.tr("取得処理日がこの日以前"), DateField())
        self._add(form, "rules.freeze", self.tr("データ確定日"), DateField())
        self._add(form, "rules.require_mynumber", "", QCheckBox(self.tr("個人番号が未登録の方を対象外にする（一斉送付）")))
        self._add(form, "rules.new_members_from", self.tr("新規加入者: 取得処理の開始日"), DateField())
        self._add(form, "rules.new_members_to", self.tr("新規加入者: 取得処理の終了日"), DateField())

    def _build_notice(self) -> None:
        form = self._tab(self.tr("お知らせ"))
        self._add(form, "notice.template", self.tr("テンプレート"), QLineEdit())
        self._add(form, "notice.qr_url", self.tr("QR コードの URL"), QLineEdit())
        self._add(form, "notice.show_burden_ratio", "", QCheckBox(self.tr("負担割合を印字する（しないときは ****）")))
        self._add(form, "notice.show_birth_date", "", QCheckBox(self.tr("生年月日を印字する")))
        self._add(form, "notice.show_kana_on_strip", "", QCheckBox(self.tr("切り取り部分にフリガナを印字する")))

    def _build_certificate(self) -> None:
        form = self._tab(self.tr("資格確認書"))
        self._add(form, "issue.kind", self.tr("発行する書類"), self._combo({
            "notice": self.tr("全員にお知らせ"), "certificate": self.tr("全員に資格確認書"),
            "by-registration": self.tr("マイナ保険証の列で決める（あり: お知らせ、なし: 資格確認書）")}))
        self._add(form, "certificate.template", self.tr("テンプレート"), QLineEdit())
        self._add(form, "certificate.valid_until", self.tr("有効期限（交付日から5年以内）"), DateField())
        self._add(form, "certificate.cap_at_75", "", QCheckBox(self.tr("75歳の誕生日の前日までにする")))
        self._add(form, "certificate.print_sex", "", QCheckBox(self.tr("性別を印字する")))
        self._add(form, "certificate.back_side", "", QCheckBox(self.tr("裏面（臓器提供意思表示欄）を印刷する（両面）")))

    def _build_packing(self) -> None:
        form = self._tab(self.tr("梱包"))
        spin = QSpinBox()
        spin.setRange(0, 1_000_000)
        spin.setSuffix(self.tr(" 世帯まで封筒"))
        self._add(form, "packing.envelope_max_households", self.tr("封筒で送る上限"), spin)
        table = QTableWidget(0, 3)
        table.setObjectName("field_packing_employers")
        table.setHorizontalHeaderLabels([self.tr("事業所コード"), self.tr("事業所名"), self.tr("梱包順")])
        table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        table.verticalHeader().hide()
        self.fields["packing.employers"] = table
        form.addRow(self.tr("事業所ごとの梱包順"), table)
        self.employer_table = table

    def _build_envelope(self) -> None:
        form = self._tab(self.tr("封筒の窓"))
        for key, label in (("window_left_mm", self.tr("用紙の左端から窓まで")), ("window_top_mm", self.tr("用紙の上端から窓まで")),
                           ("window_width_mm", self.tr("窓の幅")), ("window_height_mm", self.tr("窓の高さ"))):
            spin = QDoubleSpinBox()
            spin.setRange(0.0, 297.0)
            spin.setDecimals(1)
            spin.setSingleStep(0.5)
            spin.setSuffix(" mm")
            self._add(form, f"envelope.{key}", label, spin)
        self.envelope_form = form
        spins = {k.split(".")[1]: w for k, w in self.fields.items() if k.startswith("envelope.")}
        hint = QLabel(self.tr("長3窓付き封筒の窓の位置です（A4 用紙の左上から mm）。窓は用紙の端から 5 mm 以上内側に収めます。"
                              "「テストページを印刷」で実物の封筒に合わせて確かめてください。"))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555;")
        form.addRow(hint)
        form.addRow(self.tr("用紙の上の位置"), WindowDiagram(spins))

    def _build_direct_mail(self) -> None:
        form = self._tab(self.tr("自宅郵送"))
        codes = QLineEdit()
        codes.setToolTip(self.tr("全世帯を自宅へ郵送する事業所コード（任意継続など）。複数のときは「,」で区切ります"))
        self._add(form, "direct_mail.employers", self.tr("自宅へ郵送する事業所"), codes)
        spin = QDoubleSpinBox()
        spin.setRange(8.0, 11.5)
        spin.setDecimals(1)
        spin.setSingleStep(0.5)
        spin.setSuffix(self.tr(" ポイント"))
        self._add(form, "direct_mail.barcode_pt", self.tr("カスタマバーコードの大きさ"), spin)
        hint = QLabel(self.tr("送付先の列が「自宅」の世帯も自宅へ郵送します。郵送する封筒の窓には住所・宛名と"
                              "カスタマバーコードを印字します。"))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555;")
        form.addRow(hint)

    def _build_sheet(self) -> None:
        form = self._tab(self.tr("フォント・シート"))
        fonts = QLineEdit()
        fonts.setToolTip(self.tr("外字用の TrueType フォントのパス。複数のときは「;」で区切ります"))
        self._add(form, "fonts.fallback", self.tr("外字用フォント"), fonts)
        self._add(form, "sheet.name", self.tr("加入者シート名（空欄は自動）"), QLineEdit())
        self._add(form, "sheet.encoding", self.tr("CSV の文字コード"), self._combo({
            "auto": self.tr("自動（BOM、UTF-8、だめなら Shift_JIS）"), "utf-8": "UTF-8", "cp932": "Shift_JIS（CP932）"}))
        labels = {"kigo": self.tr("記号"), "bango": self.tr("番号"), "edaban": self.tr("枝番"),
                  "employer_code": self.tr("事業所コード"), "affiliation": self.tr("所属コード")}
        for name in WIDTH_FIELDS:
            spin = QSpinBox()
            spin.setRange(0, 20)
            spin.setSpecialValueText(self.tr("指定しない"))
            spin.setSuffix(self.tr(" 桁"))
            self._add(form, f"sheet.widths.{name}", self.tr("ゼロ埋め桁数: ") + labels.get(name, name), spin)

    # --- values --------------------------------------------------------------

    def set_profile(self, profile: RunProfile) -> None:
        """Fill every field from ``profile`` (without emitting ``changed``)."""
        self.blockSignals(True)
        for key, widget in self.fields.items():
            if key == "packing.employers":
                continue
            if key.startswith("sheet.widths."):
                value = profile.sheet.widths.get(key.rsplit(".", 1)[1], 0)
            elif key == "fonts.fallback":
                value = ";".join(profile.fonts.fallback)
            elif key == "direct_mail.employers":
                value = ", ".join(profile.direct_mail.employers)
            else:
                section, name = key.split(".")
                value = getattr(getattr(profile, section), name)
            if isinstance(widget, QLineEdit):
                widget.setText(str(value))
            elif isinstance(widget, (QSpinBox, QDoubleSpinBox)):
                widget.setValue(value)
            elif isinstance(widget, QCheckBox):
                widget.setChecked(bool(value))
            elif isinstance(widget, QComboBox):
                widget.setCurrentIndex(max(0, widget.findData(value)))
            elif isinstance(widget, DateField):
                widget.set_value(value)
        self._fill_employers(profile.packing.employers)
        self._leaflets = [{"name": leaflet.name, "documents": list(leaflet.documents)}
                          for leaflet in profile.packing.leaflets]  # not edited here: kept as opened
        self.blockSignals(False)

    def _fill_employers(self, chosen: dict[str, str]) -> None:
        table = self.employer_table
        codes = list(dict.fromkeys([*self._employers, *chosen]))
        table.setRowCount(len(codes))
        labels = {"": self.tr("事業所シートに従う"), "affiliation": self.tr("所属別"), "number": self.tr("番号順")}
        for r, code in enumerate(codes):
            table.setItem(r, 0, QTableWidgetItem(code))
            table.setItem(r, 1, QTableWidgetItem(self._employers.get(code, "")))
            combo = QComboBox()
            for choice in PACKING_CHOICES:
                combo.addItem(labels[choice], choice)
            combo.setCurrentIndex(max(0, combo.findData(chosen.get(code, ""))))
            combo.currentIndexChanged.connect(self.changed)
            table.setCellWidget(r, 2, combo)

    def mapping(self) -> dict[str, dict]:
        """The fields as the nested mapping ``profile_from_mapping`` takes."""
        out: dict[str, dict] = {}
        for key, widget in self.fields.items():
            if key == "packing.employers" or key.startswith("sheet.widths."):
                continue
            section, name = key.split(".")
            if isinstance(widget, QLineEdit):
                value = widget.text()
                if key == "fonts.fallback":
                    value = [p.strip() for p in value.split(";") if p.strip()]
                elif key == "direct_mail.employers":
                    value = [c.strip() for c in value.replace("、", ",").split(",") if c.strip()]
            elif isinstance(widget, (QSpinBox, QDoubleSpinBox)):
                value = widget.value()
            elif isinstance(widget, QCheckBox):
                value = widget.isChecked()
            elif isinstance(widget, QComboBox):
                value = widget.currentData()
            else:
                value = widget.value()
            out.setdefault(section, {})[name] = value
        widths = {}
        for name in WIDTH_FIELDS:
            n = self.fields[f"sheet.widths.{name}"].value()
            if n:
                widths[name] = n
        out.setdefault("sheet", {})["widths"] = widths
        employers = {}
        for r in range(self.employer_table.rowCount()):
            choice = self.employer_table.cellWidget(r, 2).currentData()
            if choice:
                employers[self.employer_table.item(r, 0).text()] = choice
        out.setdefault("packing", {})["employers"] = employers
        if getattr(self, "_leaflets", None) is not None:
            out["packing"]["leaflets"] = self._leaflets
        return out

    def field_for(self, key: str) -> QWidget | None:
        """The widget of a dotted key from a :class:`ProfileError` (or its section's)."""
        while key:
            if key in self.fields:
                return self.fields[key]
            key = key.rpartition(".")[0]
        return None
