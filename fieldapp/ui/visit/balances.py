"""Fresh balances for an open visit window when another window took money from its customer."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QObject


class BalanceRefresh(QObject):
    """Reloads the window's invoices, file and promises; the pages keep what was typed."""

    def __init__(self, window):
        super().__init__(window)
        self.w = window

    def on_changes(self, changes) -> None:
        setup = self.w.setup
        cid = setup.visit.customer_id
        if changes.caused_by(self.w) or not changes.touches(cid) or not changes.money:
            return
        services = self.w.services
        self.w.taskman.run(lambda: (services.visits.context(cid),
                                    services.portfolio.open_customer(cid),
                                    services.follow_ups.promise_statuses(cid)), self._loaded)

    def _loaded(self, result) -> None:
        w = self.w
        if w.closing:
            return
        context, file, promises = result
        w.setup = replace(w.setup, context=context, file=file, promises=promises)
        for page in w.pages:
            page.set_setup(w.setup)
        w.statusBar().showMessage(self.tr(
            "Another record took money from this customer: open balances are updated."), 15_000)
        if not w.session.closed:
            w.session.commit()  # the typed amounts are checked against the new balances
        w.context_refreshed.emit()
