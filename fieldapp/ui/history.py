"""Back navigation between opened customers (Alt+Left), like a browser's history."""

from __future__ import annotations


class History:
    """Customer ids in the order they were opened; ``back()`` steps to the previous one."""

    def __init__(self, limit: int = 50):
        self._ids: list[int] = []
        self._limit = limit

    def visit(self, customer_id: int) -> None:
        if self._ids and self._ids[-1] == customer_id:
            return  # opening the same customer again is not a step
        self._ids.append(customer_id)
        del self._ids[:-self._limit]

    def back(self) -> int | None:
        """Forget the current customer and return the one before it (None at the start)."""
        if len(self._ids) < 2:
            return None
        self._ids.pop()
        return self._ids[-1]

    @property
    def can_go_back(self) -> bool:
        return len(self._ids) > 1
