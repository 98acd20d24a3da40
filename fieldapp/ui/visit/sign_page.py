"""Review and sign: the summary in the customer's language, then both signatures."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QTextBrowser, QWidget

from ...domain.checklist import Step, customer_absent, customer_signed_already
from ...domain.enums import Language
from ...i18n.summary import visit_summary
from ..fonts import font_for
from ..labels import label
from ..summary_html import sections_html
from ..views.common import Banner
from .page import Page
from .setup import VisitSetup
from .signer import SignerPanel

SUMMARY_HEIGHT = 240


class SignPage(Page):
    """The customer reads what they sign; a change after signing clears both signatures."""

    def __init__(self, step: Step, setup: VisitSetup, parent: QWidget | None = None):
        super().__init__(step, parent)
        self.setup = setup
        self.caption = QLabel()
        self.summary = QTextBrowser()
        self.summary.setFont(font_for(setup.language))
        self.summary.setMinimumHeight(SUMMARY_HEIGHT)
        self.resigned = Banner()
        self.resigned.hide()
        self.customer = SignerPanel(self.error_label("customer_signature"),
                                    self.error_label("customer_signature_name"))
        self.collector = SignerPanel(self.error_label("collector_signature"),
                                     self.error_label("collector_signature_name"))
        self.customer.name.setFont(font_for(setup.language))
        pads = QHBoxLayout()
        pads.addWidget(self.customer)
        pads.addWidget(self.collector)
        for name, panel in (("customer", self.customer), ("collector", self.collector)):
            panel.changed.connect(lambda n=name: self._signed(n))
        for widget in (self.caption, self.summary, self.resigned):
            self.body.addWidget(widget)
        self.absent_note = Banner()  # nobody met: only the collector signs
        self.absent_note.hide()
        self._why = ""
        self.body.addWidget(self.absent_note)
        self.body.addLayout(pads)
        self.body.addStretch(1)
        self.retranslate_ui()

    def set_absent(self, absent: bool) -> None:
        """The customer was absent: no customer signature is asked for."""
        self._collector_alone("absent" if absent else "")

    def _collector_alone(self, why: str) -> None:
        """``why``: "absent", "unchanged" (an amendment of internal fields) or "" (both sign)."""
        self._why = why
        self.customer.setVisible(not why)
        self.absent_note.setVisible(bool(why))
        self._word_why()

    def _word_why(self) -> None:
        if self._why == "absent":
            self.absent_note.setText(self.tr("The customer was absent: nobody signs for the "
                                             "customer; you sign the record alone."))
        elif self._why == "unchanged":
            self.absent_note.setText(self.tr(
                "Nothing the customer signed has changed: their signature on the original record "
                "stands, and you sign the amendment alone."))

    def _original(self, visit):
        """The record this amendment corrects, from the customer's history."""
        return next((e.visit for e in self.setup.history if e.visit.uuid == visit.amends), None) \
            if visit.amends else None

    def _signed(self, who: str) -> None:
        self.touch(f"{who}_signature")
        self.touch(f"{who}_signature_name")
        self.resigned.hide()
        self.changed.emit()

    # -- values -----------------------------------------------------------------------------
    def show_visit(self, visit) -> None:
        """Refresh the summary and fill empty names from the person met and the settings."""
        sections = visit_summary(visit, self.setup.checklist, self.setup.language,
                                 self.setup.invoice_numbers())
        self.summary.setHtml(sections_html(sections, self.setup.file.customer.name))
        if not customer_absent(visit.answers):
            unchanged = customer_signed_already(visit, self.setup.checklist, self._original(visit))
            self._collector_alone("unchanged" if unchanged else "")
        self.customer.prefill(visit.answers.get("met_contact", ""), visit.answers.get("met_role", ""))
        self.collector.prefill(self.setup.collector_name or visit.collector,
                               self.setup.collector_title)

    def load(self, visit) -> None:
        self.customer.load(visit.customer_signature)
        self.collector.load(visit.collector_signature)

    def signatures(self):
        customer = None if self.customer.isHidden() else self.customer.signature()
        return customer, self.collector.signature()

    def signatures_cleared(self) -> None:
        """The visit changed after signing: the old ink is gone, say why."""
        self.customer.clear_ink()
        self.collector.clear_ink()
        self.resigned.setText(self.tr("The record changed after it was signed: read the summary "
                                      "again with the customer, then both sign again."))
        self.resigned.show()

    def first_field(self):
        return self.collector.pad if self.customer.isHidden() else self.customer.pad

    def first_error_widget(self):
        for who, panel in (("customer", self.customer), ("collector", self.collector)):
            if self.messages_for(f"{who}_signature"):
                return panel.pad
            if self.messages_for(f"{who}_signature_name"):
                return panel.name
        return None

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        language = label(Language(self.setup.language))
        self.caption.setText("<b>" + self.tr("Summary for the customer (%1)").replace("%1", language)
                             + "</b>")
        self.customer.setTitle(self.tr("Customer signs"))
        self.collector.setTitle(self.tr("Collector signs"))
        if hasattr(self, "_why"):
            self._word_why()

