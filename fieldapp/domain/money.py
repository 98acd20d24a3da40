"""Money as an integer count of a currency's minor unit; never a float."""

from __future__ import annotations

from dataclasses import dataclass

from .errors import InvalidValue

# ISO 4217 minor units of the currencies we carry; a test checks them against Babel.
MINOR_UNITS = {"VND": 0, "TWD": 2, "CNY": 2, "USD": 2}


class CurrencyMismatch(InvalidValue):
    """Raised when two amounts in different currencies are combined."""


def minor_units(currency: str) -> int:
    """Digits after the decimal point for ``currency`` (unknown codes are refused)."""
    try:
        return MINOR_UNITS[currency]
    except KeyError:
        raise InvalidValue("money.unsupported_currency", currency=currency) from None


@dataclass(frozen=True, slots=True, order=False)
class Money:
    """An amount of one currency, stored as minor units (đồng, cents, fen)."""

    minor: int
    currency: str

    def __post_init__(self) -> None:
        if not isinstance(self.minor, int) or isinstance(self.minor, bool):
            raise TypeError("Money.minor must be an int count of minor units")
        minor_units(self.currency)

    @classmethod
    def zero(cls, currency: str) -> Money:
        return cls(0, currency)

    def _same(self, other: Money) -> None:
        if self.currency != other.currency:
            raise CurrencyMismatch("money.currency_mismatch", first=self.currency,
                                   second=other.currency)

    def __add__(self, other: Money) -> Money:
        self._same(other)
        return Money(self.minor + other.minor, self.currency)

    def __sub__(self, other: Money) -> Money:
        self._same(other)
        return Money(self.minor - other.minor, self.currency)

    def __neg__(self) -> Money:
        return Money(-self.minor, self.currency)

    def __lt__(self, other: Money) -> bool:
        self._same(other)
        return self.minor < other.minor

    def __le__(self, other: Money) -> bool:
        self._same(other)
        return self.minor <= other.minor

    def __gt__(self, other: Money) -> bool:
        self._same(other)
        return self.minor > other.minor

    def __ge__(self, other: Money) -> bool:
        self._same(other)
        return self.minor >= other.minor

    def is_zero(self) -> bool:
        return self.minor == 0


def totals_by_currency(amounts) -> dict[str, Money]:
    """Sum an iterable of Money into one total per currency, in first-seen order."""
    totals: dict[str, Money] = {}
    for amount in amounts:
        current = totals.get(amount.currency)
        totals[amount.currency] = amount if current is None else current + amount
    return totals
