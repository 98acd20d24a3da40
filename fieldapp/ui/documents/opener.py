"""Opens documents in viewers: stored ones, a visit's record, a fresh statement, an ink version."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from ...services.documents import DocumentInfo, DocumentKind
from .pdf import PdfLoadError
from .viewer import DocumentViewer


class DocumentOpener(QObject):
    """One viewer per document; the store work runs on the task manager, viewers on the GUI."""

    opened = Signal(object)  # DocumentViewer

    def __init__(self, window, services, taskman, signals, settings_file):
        super().__init__(window)
        self._w, self._documents, self._taskman = window, services.documents, taskman
        self._signals, self._settings_file = signals, settings_file
        self.viewers: dict[str, DocumentViewer] = {}

    def open(self, info: DocumentInfo, customer_name: str = "") -> None:
        if self._raise(info.id):
            return
        documents = self._documents
        self._taskman.run(lambda: (info, documents.pdf(info.id), None),
                          lambda result: self._show(result, customer_name))

    def open_visit_record(self, visit_uuid: str, customer_name: str = "") -> None:
        """The newest record document of a visit, made now if finalizing could not make it."""
        documents = self._documents

        def job():
            changes = None
            records = [d for d in documents.of_visit(visit_uuid)
                       if d.kind is DocumentKind.VISIT_RECORD]
            if not records:
                made, changes = documents.for_visit(visit_uuid)
                records = [d for d in made if d.kind is DocumentKind.VISIT_RECORD]
            info = records[-1]
            return info, documents.pdf(info.id), changes

        self._busy(self.tr("Opening the visit record…"))
        self._taskman.run(job, lambda result: self._show(result, customer_name))

    def statement(self, customer_id: int, customer_name: str = "") -> None:
        """A statement of account as of today, signed and kept with the customer, on screen."""
        documents = self._documents
        self._busy(self.tr("Making the statement of account…"))
        # Drawn and signed beside the database lane: searches go on meanwhile.
        self._taskman.run_split(lambda: documents.plan_statement(customer_id), documents.make,
                                lambda row: self._kept(row),
                                lambda result: self._show(result, customer_name))

    def agreement_for_print(self, visit_uuid: str, index: int = 1,
                            customer_name: str = "") -> None:
        """The visit's ``index``-th plan with empty boxes for signing in ink."""
        documents = self._documents
        self._busy(self.tr("Making the agreement for signing in ink…"))
        self._taskman.run_split(lambda: documents.plan_agreement_for_print(visit_uuid, index),
                                documents.make, lambda row: self._kept(row),
                                lambda result: self._show(result, customer_name))

    def _kept(self, row: dict):
        """On the database lane: store what was made; what ``_show`` needs."""
        info, changes = self._documents.keep(row)
        return info, row["data"], changes

    # -- viewers ----------------------------------------------------------------------------
    def _show(self, result, customer_name: str) -> None:
        info, data, changes = result
        if changes is not None:
            # The Documents tab lists the new one.
            self._signals.data_changed.emit(changes.from_source(self))
        self._clear_busy()
        if self._raise(info.id):
            return
        try:
            viewer = DocumentViewer(info, data, self._settings_file, customer_name, self._w)
        except PdfLoadError as error:  # a damaged file: said in the status bar, not a crash
            self._taskman.default_on_error(error)
            return
        self.viewers[info.id] = viewer
        viewer.closed.connect(lambda doc_id: self.viewers.pop(doc_id, None))
        viewer.show()
        viewer.activateWindow()
        self.opened.emit(viewer)

    def _raise(self, document_id: str) -> bool:
        viewer = self.viewers.get(document_id)
        if viewer is not None:
            viewer.show()
            viewer.raise_()
            viewer.activateWindow()
        return viewer is not None

    def _busy(self, text: str) -> None:
        status = getattr(self._w, "statusBar", None)
        if status is not None:
            status().showMessage(text)

    def _clear_busy(self) -> None:
        status = getattr(self._w, "statusBar", None)
        if status is not None:
            status().clearMessage()

    def close_all(self) -> None:
        for viewer in list(self.viewers.values()):
            viewer.close()
