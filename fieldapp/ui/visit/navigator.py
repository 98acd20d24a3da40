"""Moving between steps: Next refuses a step with problems; the list shows each step's state."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ...domain.checklist import localized, skipped
from .. import formats
from .steps_list import StepState


class Navigator:
    """Keeps the current step, the steps already passed, and the latest check of each step."""

    def __init__(self, window, resume: bool):
        self.w = window
        self.steps = window.setup.checklist.steps
        self.current = 0
        self.visited: set[int] = set()
        self.attempted: set[int] = set()  # Next or Finalize was refused here: show everything
        self._resume = resume

    @property
    def last(self) -> int:
        return len(self.steps) - 1

    def errors(self, index: int) -> list:
        return self.w.session.errors.get(self.steps[index].id, [])

    def skipped(self, index: int) -> bool:
        """The step does not apply (Listen when nobody was met): Next and Back pass it by."""
        return skipped(self.steps[index], self.w.session.visit.answers)

    def _step_from(self, index: int, direction: int) -> int:
        while 0 < index < self.last and self.skipped(index):
            index += direction
        return index

    # -- moving -----------------------------------------------------------------------------
    def start(self) -> None:
        """Show the first step, then check everything (a resumed draft opens where it stopped)."""
        self._show(0)
        self.w.session.commit(self._first_check)

    def _first_check(self, _errors: dict) -> None:
        if self._resume:
            first_bad = next((i for i in range(len(self.steps)) if self.errors(i)), self.last)
            self.visited = set(range(first_bad))
            self._show(first_bad)

    def back(self) -> None:
        if self.current > 0:
            self._show(self._step_from(self.current - 1, -1))

    def next(self) -> None:
        if self.current < self.last:
            self._leave_to(self._step_from(self.current + 1, +1))

    def go_on(self) -> None:
        """Ctrl+Enter: the next step, or on the last one, finalize."""
        if self.current < self.last:
            self.next()
        else:
            self.w.session.commit(lambda _e: self._finish_checked())

    def go_to(self, index: int) -> None:
        if self.skipped(index):
            self.w.steps_list.set_current(self.current)  # nothing to do there: stay
            return
        if index <= self.current:
            self._show(index)
        else:
            self._leave_to(index)

    def _leave_to(self, target: int) -> None:
        """Save and check first: only a step (and every step before the target) without problems."""
        def decide(_errors):
            bad = next((i for i in range(self.current, target) if self.errors(i)), None)
            if bad is None:
                self.visited.update(range(self.current, target))
                self._show(target)
            else:
                self.refuse(bad)
        self.w.session.commit(decide)

    def refuse(self, index: int) -> None:
        """Stay on (or go to) a step with problems and show every one of them."""
        self.attempted.add(index)
        if index != self.current:
            self._show(index)
        page = self.w.pages[index]
        page.show_all_errors()
        page.focus_first()
        self._render_states()
        self.w.statusBar().showMessage(
            QCoreApplication.translate("Navigator", "Fix what is marked in red before going on."), 8000)

    def _finish_checked(self) -> None:
        bad = next((i for i in range(len(self.steps)) if self.errors(i)), None)
        if bad is not None:
            self.refuse(bad)
        else:
            self.visited.add(self.current)
            self.w.finisher.confirm()

    def _show(self, index: int) -> None:
        if index != self.current:
            self.w.statusBar().clearMessage()  # "fix what is red" was about the step left
        self.current = index
        page = self.w.pages[index]
        if hasattr(page, "show_visit"):
            page.show_visit(self.w.session.visit)
        self.w.stack.setCurrentWidget(page)
        self.w.steps_list.set_current(index)
        self.w.back_button.setEnabled(index > 0)
        self.w.next_button.setVisible(index < self.last)
        self.w.finalize_button.setVisible(index == self.last)
        self.retitle()
        self._render_states()
        page.focus_first()

    # -- state ------------------------------------------------------------------------------
    def errors_changed(self, errors: dict) -> None:
        for index, page in enumerate(self.w.pages):
            page.set_errors(errors.get(self.steps[index].id, []))
        self._render_states()

    def show_incomplete(self, errors: dict) -> None:
        """Finalize found problems: every step with one shows them, the first is opened."""
        self.w.session.errors = errors
        self.errors_changed(errors)
        bad = [i for i, step in enumerate(self.steps) if errors.get(step.id)]
        for index in bad:
            self.attempted.add(index)
            self.w.pages[index].show_all_errors()
        if bad:
            self.refuse(bad[0])

    def state(self, index: int) -> StepState:
        if self.skipped(index):
            return StepState.SKIPPED
        seen = index in self.visited or index in self.attempted or index == self.current
        if not seen:
            return StepState.TODO
        if self.errors(index):
            return StepState.PROBLEMS if index != self.current or index in self.attempted \
                else StepState.TODO
        return StepState.DONE

    def answers_changed(self) -> None:
        """A step may have started or stopped applying (the customer absent at Meet)."""
        self._render_states()

    def _render_states(self) -> None:
        for index in range(len(self.steps)):
            self.w.steps_list.set_state(index, self.state(index))

    def retitle(self) -> None:
        step = self.steps[self.current]
        title = localized(step.title, formats.ui_language())
        counter = QCoreApplication.translate("Navigator", "Step %1 of %2") \
            .replace("%1", formats.number(self.current + 1)) \
            .replace("%2", formats.number(len(self.steps)))
        self.w.step_title.setText(f"{title}  <span style='font-size:10pt; color:#5f6368'>"
                                  f"{counter}</span>")
