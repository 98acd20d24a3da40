"""The side panel of the viewer: what the document is, who signed it, and its SHA-256."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QFormLayout, QFrame, QLabel, QVBoxLayout, QWidget

from ...services.documents import DocumentInfo
from .. import formats
from ..fonts import font_for
from ..labels import label
from ..models.documents import language_name, replaced_note
from ..views.common import Retranslating

PANEL_WIDTH = 280
HASH_GROUP = 16  # hex digits per line, so the 64 of a SHA-256 read in four equal lines


def _value() -> QLabel:
    value = QLabel()
    value.setWordWrap(True)
    value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return value


class DocumentInfoPanel(Retranslating, QFrame):
    """Number, kind, language, created, signer, pages, size, SHA-256; a banner when the
    certificate is a development one."""

    def __init__(self, info: DocumentInfo, pages: int, customer_name: str = "",
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.info, self._pages, self._customer = info, pages, customer_name
        self.setFixedWidth(PANEL_WIDTH)
        self.banner = QLabel()
        self.banner.setObjectName("devBanner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("QLabel#devBanner { background: #fde0dc; color: #8c1d18;"
                                  " border: 1px solid #b3261e; border-radius: 4px;"
                                  " padding: 6px 8px; font-weight: 600; }")
        self.banner.setVisible(info.development)
        self.replaced = QLabel()  # an amendment replaced this document: said above all else
        self.replaced.setObjectName("replacedBanner")
        self.replaced.setWordWrap(True)
        self.replaced.setStyleSheet("QLabel#replacedBanner { background: #eceff1; color: #37474f;"
                                    " border: 1px solid #78909c; border-radius: 4px;"
                                    " padding: 6px 8px; font-weight: 600; }")
        self.replaced.setVisible(bool(info.replaced_by))
        self.title = QLabel()
        self.title.setObjectName("docTitle")
        self.title.setStyleSheet("QLabel#docTitle { font-size: 12pt; font-weight: 600; }")
        self.title.setWordWrap(True)
        self.customer = _value()
        self.customer.setFont(font_for(info.language, bold=True))
        self.customer.setVisible(bool(customer_name))
        self.values = {key: _value() for key in
                       ("number", "kind", "language", "created", "signer", "pages", "size",
                        "sha256")}
        self.values["sha256"].setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.form = QFormLayout()
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.names = {key: QLabel() for key in self.values}
        for key, value in self.values.items():
            self.form.addRow(self.names[key], value)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        for widget in (self.replaced, self.banner, self.title, self.customer):
            layout.addWidget(widget)
        layout.addLayout(self.form)
        layout.addStretch(1)
        self.retranslate_ui()

    def _texts(self) -> dict[str, tuple[str, str]]:
        info = self.info
        digest = info.sha256
        return {
            "number": (self.tr("Number"), info.number),
            "kind": (self.tr("Document"), label(info.kind)),
            "language": (self.tr("Language"), language_name(info.language)),
            "created": (self.tr("Created"), f"{formats.day(info.created_at.date())} "
                                            f"{formats.time_of_day(info.created_at.time())}"),
            "signer": (self.tr("Signed by"), info.signer),
            "pages": (self.tr("Pages"), formats.number(self._pages)),
            "size": (self.tr("Size"), self.tr("%1 KB").replace(
                "%1", formats.number(max(1, round(info.size / 1024))))),
            "sha256": (self.tr("SHA-256"), "\n".join(
                digest[i:i + HASH_GROUP] for i in range(0, len(digest), HASH_GROUP))),
        }

    def retranslate_ui(self) -> None:
        self.banner.setText(self.tr("DEVELOPMENT certificate — not valid as evidence.\n"
                                    "Signed with this laptop's development key, not with a "
                                    "certificate issued by the company."))
        self.title.setText(label(self.info.kind))
        self.replaced.setText(replaced_note(self.info))
        self.customer.setText(self._customer)
        for key, (name, text) in self._texts().items():
            self.names[key].setText(name)
            self.values[key].setText(text)
