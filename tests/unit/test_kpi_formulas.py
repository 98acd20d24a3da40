"""Each KPI formula against a published worked example (notes/office.md §3)."""

from datetime import date
from decimal import Decimal

from fieldapp.domain import kpi
from fieldapp.domain.commitments import LiveOutcome, PaymentLine, allocate
from fieldapp.domain.enums import AgingBucket as B
from fieldapp.domain.kpi_figures import DEFINITIONS, Figure, promise_shares
from fieldapp.domain.money import Money
from fieldapp.domain.promises import judge
from fieldapp.domain.visit import PromiseStatus as S


def test_cei_period_variant_creditguru_example():
    # creditguru.com CEI illustration: Jan–Mar, N = 3, sales 10,890, B 6,200, ET 6,340,
    # EC 3,590 → "CEI = 55.9%".
    assert kpi.cei(6_200, 10_890, 6_340, 3_590, months=3) == Decimal("55.93")


def test_cei_without_n_gaviti_example():
    # gaviti.com: B $100,000, credit sales $1 million, ET $120,000, EC $100,000 → 98 %.
    assert kpi.cei(100_000, 1_000_000, 120_000, 100_000) == Decimal("98.00")


def test_cei_has_no_value_when_nothing_could_be_collected():
    assert kpi.cei(0, 0, 0, 0) is None


def test_dso_simple_bit1024_example():
    # bit1024.com DSO calculator: AR 50,000, credit sales 200,000, 365 days → 91.25 days.
    assert kpi.dso_simple(50_000, 200_000, 365) == Decimal("91.25")
    # tooldone.com: a wholesaler, 7,500 receivables, 45,000 sales in a 90-day quarter → 15.
    assert kpi.dso_simple(7_500, 45_000, 90) == Decimal("15.00")
    assert kpi.dso_simple(10, 0, 90) is None


def test_dso_countback_benji_example():
    # benjipays / trymesha: AR 212,000; sales M3 100,000, M2 80,000, M1 70,000 (30-day months)
    # → 30 + 30 + 32,000 / 70,000 × 30 ≈ 73.7 days.
    value = kpi.dso_countback(212_000, [(100_000, 30), (80_000, 30), (70_000, 30)])
    assert value == Decimal("73.71")
    # Receivables below the newest month's sales: a fraction of that month alone.
    assert kpi.dso_countback(50_000, [(100_000, 31)]) == Decimal("15.50")
    # Receivables beyond every month given: all their days.
    assert kpi.dso_countback(500_000, [(100_000, 30), (80_000, 31)]) == Decimal("61.00")


def test_best_possible_dso_and_add():
    # BPDSO: the DSO formula with current (not yet due) receivables in the numerator
    # (money-zine, apruve). With the tooldone quarter: 4,500 current of 7,500 → 9 days.
    best = kpi.best_possible_dso(4_500, 45_000, 90)
    assert best == Decimal("9.00")
    # calculatoratoz.com ADD example: DSO 7, BPDSO 3 → 4 days.
    assert kpi.average_days_delinquent(Decimal(7), Decimal(3)) == Decimal("4.00")
    assert kpi.average_days_delinquent(kpi.dso_simple(7_500, 45_000, 90), best) == Decimal("6.00")
    assert kpi.average_days_delinquent(None, best) is None


def test_roll_rate_investopedia_example():
    # Investopedia: 30-day balance $100M in February, 60-day balance $40M in March → 40 %.
    assert kpi.roll_rate(40_000_000, 100_000_000) == Decimal("40.00")
    rates = kpi.roll_rates({B.D1_30: 100_000_000}, {B.D31_60: 40_000_000})
    assert rates[(B.D1_30, B.D31_60)] == Decimal("40.00")
    assert rates[(B.CURRENT, B.D1_30)] is None  # nothing was current in February


def test_aging_buckets_by_due_date():
    as_of = date(2026, 3, 31)
    items = [(date(2026, 3, 31), 1), (date(2026, 3, 30), 10), (date(2026, 3, 1), 100),
             (date(2026, 2, 28), 1000), (date(2026, 1, 1), 10000), (date(2025, 12, 31), 5),
             (date(2025, 12, 30), 100000)]  # 90 days late is still 61-90; 91 is 90+
    assert kpi.aging(items, as_of) == {B.CURRENT: 1, B.D1_30: 110, B.D31_60: 1000,
                                      B.D61_90: 10005, B.D90_PLUS: 100000}


def test_right_party_contact_rate():
    # Oracle Banking Collections names rightPartyContact (%) without a formula; ours: contacts
    # with a person with authority to pay / all attempts. 3 of 8 → 37.5 %.
    assert kpi.rate(3, 8) == Decimal("37.50")
    assert kpi.rate(0, 0) is None


def test_dispute_resolution_days():
    # mydsomanager: average days from "dispute" to the resolved status. 1.5 d and 0.5 d → 1 d.
    seconds = int(1.5 * 86400) + int(0.5 * 86400)
    assert kpi.average(seconds, 2, 86400) == Decimal("1.00")
    assert kpi.average(0, 0) is None


def _promise(uuid, made, due, minor, customer=1):
    return LiveOutcome(uuid, f"v-{uuid}", customer, "promise", made, due, None,
                       Money(minor, "VND"), Money(minor, "VND"), None)


def test_promise_shares_count_each_payment_once():
    # Two promises of 100 due 10 and 12 March, one payment of 150 on 11 March: the older takes
    # 100, the younger the 50 left (partially kept), never 150 each.
    grace, as_of = 3, date(2026, 3, 31)
    promises = [_promise("a", date(2026, 3, 1), date(2026, 3, 10), 100),
                _promise("b", date(2026, 3, 1), date(2026, 3, 12), 100),
                _promise("c", date(2026, 3, 1), date(2026, 3, 30), 100)]
    taken = allocate(promises, [PaymentLine(1, date(2026, 3, 11), Money(150, "VND"), None)],
                     grace)
    statuses = [judge(p.amount.minor, p.due_on, taken[p.uuid], as_of) for p in promises]
    assert statuses == [S.KEPT, S.PARTIALLY_KEPT, S.OPEN]
    shares = promise_shares(statuses + [S.BROKEN])
    assert shares == {"promises_due": 4, "promises_kept": Decimal("25.00"),
                      "promises_partial": Decimal("25.00"), "promises_broken": Decimal("25.00"),
                      "promises_open": Decimal("25.00")}


def test_every_figure_carries_formula_and_variant():
    for name, d in DEFINITIONS.items():
        assert d.formula and d.variant and d.unit, name
    shown = Figure("cei", Decimal("55.93"), "VND").as_dict()
    assert shown["formula"].startswith("(Beginning Receivables + Credit Sales / N")
    assert shown["variant"].startswith("period, N = months")
    assert shown["value"] == "55.93" and shown["currency"] == "VND"


def test_the_quarter_before_a_day():
    assert kpi.quarter_before(date(2026, 11, 22)) == (date(2026, 7, 1), date(2026, 9, 30))
    assert kpi.quarter_before(date(2026, 2, 1)) == (date(2025, 10, 1), date(2025, 12, 31))
    assert kpi.quarter_before(date(2026, 4, 1)) == (date(2026, 1, 1), date(2026, 3, 31))
