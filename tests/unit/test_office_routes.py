"""A collector's route in the office: suggestions by reason and rank, saving a day in one
transaction beside a laptop's own stops, on SQLite and PostgreSQL."""

import shutil
import subprocess
from dataclasses import replace
from datetime import date, datetime, time

import pytest
from sqlalchemy import select, text

from fieldapp.domain.errors import FieldappError
from fieldapp.domain.money import Money
from fieldapp.domain.routes import Objective, Reason, StopPlan
from fieldapp.domain.visit import Dispute, DisputeReason, Promise, Refusal, NextStep
from fieldapp.services import settings as cfg
from fieldapp.services.office.routes import Routes
from fieldapp.services.visits import Visits
from fieldapp.store import bulk
from fieldapp.store.tables import RouteStopRow
from tests.conftest import ON_BOTH_DATABASES, Clock, VN
from tests.unit.test_visits import complete

pytestmark = ON_BOTH_DATABASES

NOW = datetime(2026, 11, 22, 9, 30, tzinfo=VN)
DAY = date(2026, 11, 26)


def add_collector(store, cid, name, language="vi"):
    with store.sessions.begin() as session:
        session.execute(text("INSERT INTO collector (id, name, phone, language, active, created_at)"
                             " VALUES (:id, :name, '0909', :lang, TRUE, '2026-11-01T00:00:00+00:00')"),
                        {"id": cid, "name": name, "lang": language})


def assign(store, collector_id, *customer_ids):
    with store.sessions.begin() as session:
        session.execute(text("UPDATE customer SET collector_id = :c WHERE id IN "
                             f"({','.join(map(str, customer_ids))})"), {"c": collector_id})


def pay(store, pid, cid, day, minor):
    bulk.write_rows(store, {"payment": [dict(id=pid, customer_id=cid, paid_on=day,
                                             amount_minor=minor, currency="VND",
                                             method="transfer", reference="UNC")]})


@pytest.fixture
def office(builder):
    """Collector "a" (Khoa) with customers for every reason, collector "b" with one more."""
    b = builder
    c = {name: b.customer(full, contacts=[("Chị Hường", "0912 000 111")])
         for name, full in [("promise", "Công ty Đặng Hưng"), ("kept", "Cửa hàng Kim Long"),
                            ("revisit", "Đại lý Phú Thọ"), ("dispute", "Siêu thị Hòa Bình"),
                            ("old", "永豐貿易有限公司"), ("recent", "Tạp hóa Bà Tư"),
                            ("later", "Nhà thuốc An Khang"), ("quiet", "Công ty Không Nợ"),
                            ("theirs", "Công ty Của Người Khác")]}
    b.invoice(c["promise"], "HD-P", date(2026, 10, 1), 9_000_000)
    b.invoice(c["kept"], "HD-K", date(2026, 11, 1), 4_000_000)
    b.invoice(c["revisit"], "HD-R", date(2026, 11, 10), 1_000_000)
    b.invoice(c["dispute"], "HD-D", date(2026, 11, 15), 2_000_000)
    b.invoice(c["old"], "HD-O", date(2026, 7, 1), 3_000_000)        # 148 days late: 90+
    b.invoice(c["recent"], "HD-N", date(2026, 11, 5), 50_000_000)   # bigger, but 1-30
    b.invoice(c["later"], "HD-L", date(2026, 11, 20), 1_000_000)
    b.invoice(c["quiet"], "HD-Q", date(2026, 12, 30), 7_000_000)    # not yet due
    b.invoice(c["theirs"], "HD-T", date(2026, 6, 1), 90_000_000)
    b.save()
    store = b.store
    add_collector(store, "a", "Trần Minh Khoa")
    add_collector(store, "b", "Lê Thị Bích")
    assign(store, "a", *(v for k, v in c.items() if k != "theirs"))
    assign(store, "b", c["theirs"])
    clock = Clock(NOW)
    settings = cfg.Settings(store)
    visits = Visits(store, settings, clock)

    def finalize(cid, *outcomes, **answers):
        draft = complete(visits.start(cid), *outcomes)
        visits.finalize(replace(draft, answers={**draft.answers, **answers}))

    finalize(c["promise"], Promise(Money(5_000_000, "VND"), date(2026, 11, 25), "Chị Hường"))
    finalize(c["kept"], Promise(Money(2_000_000, "VND"), date(2026, 11, 24), "Chị Hường"))
    pay(store, "p-kept", c["kept"], date(2026, 11, 23), 2_000_000)
    finalize(c["revisit"], Refusal("Chờ giám đốc", NextStep.REVISIT), follow_up_on="2026-11-24")
    hd = store.sessions().execute(text("SELECT id FROM invoice WHERE number = 'HD-D'")).scalar()
    finalize(c["dispute"], Dispute(DisputeReason.QUALITY, (hd,), "Hàng lỗi", "Đổi hàng", NOW))
    finalize(c["later"], Promise(Money(1_000_000, "VND"), date(2026, 12, 10), "Chị Hường"))
    return Routes(store, clock), c, store


def test_suggestions_come_by_reason_then_age_and_amount(office):
    routes, c, _store = office
    found = routes.suggest("a", DAY)
    order = {v: k for k, v in c.items()}
    assert [(order[s.customer.id], s.reason) for s in found] == [
        ("promise", Reason.PROMISE_DUE), ("revisit", Reason.REVISIT_DUE),
        ("dispute", Reason.DISPUTE_WAITING), ("old", Reason.OVERDUE), ("recent", Reason.OVERDUE),
        ("kept", Reason.OVERDUE), ("later", Reason.OVERDUE)]
    first = found[0]
    # the unkept promise first, with what it still expects; its customer also owes
    assert (first.amount, first.due_on) == (Money(5_000_000, "VND"), date(2026, 11, 25))
    assert first.reasons == (Reason.PROMISE_DUE, Reason.OVERDUE)
    assert first.objective is Objective.COLLECT_PROMISE
    assert first.purpose == "Thu khoản tiền khách đã hứa trả"  # the collector's language
    assert found[3].objective is Objective.COLLECT_OVERDUE
    # 90+ days before 1-30 however large; within 1-30 the 50 M (21 days) before the 4 M (25)
    assert [s.amount for s in found[3:6]] == [Money(3_000_000, "VND"), Money(50_000_000, "VND"),
                                              Money(4_000_000, "VND")]


def test_a_kept_promise_and_another_collector_s_customers_are_not_reasons(office):
    routes, c, _store = office
    found = {s.customer.id: s for s in routes.suggest("a", DAY, limit=50)}
    assert found[c["kept"]].reasons == (Reason.OVERDUE,)
    assert c["theirs"] not in found and c["quiet"] not in found
    assert [s.customer.id for s in routes.suggest("b", DAY)] == [c["theirs"]]


def test_a_promise_not_yet_due_on_the_day_is_no_reason_yet(office):
    routes, c, _store = office
    before = {s.customer.id: s.reasons for s in routes.suggest("a", date(2026, 11, 24))}
    assert Reason.PROMISE_DUE not in before[c["promise"]]
    later = {s.customer.id: s.reasons for s in routes.suggest("a", date(2026, 12, 10))}
    assert later[c["later"]][0] is Reason.PROMISE_DUE


def test_limit_and_exclude(office):
    routes, c, _store = office
    found = routes.suggest("a", DAY, limit=2, exclude={c["promise"]})
    assert [s.customer.id for s in found] == [c["revisit"], c["dispute"]]


def test_save_replaces_the_day_and_spreads_times(office):
    routes, c, store = office
    routes.save("a", DAY, [StopPlan(c["old"]), StopPlan(c["promise"], time(10, 0), "Gặp kế toán"),
                           StopPlan(c["recent"])])
    changes = routes.save("a", DAY, [StopPlan(c["promise"]), StopPlan(c["old"], purpose="Thu nợ")],
                          start=time(9, 0))
    assert changes.route and changes.touches(c["promise"])
    day = routes.day("a", DAY)
    assert [(s.seq, s.customer.id, s.planned_time, s.purpose) for s in day] == [
        (1, c["promise"], time(9, 0), ""), (2, c["old"], time(9, 45), "Thu nợ")]
    assert day[1].customer.max_days_late == 148


def test_save_keeps_the_laptop_s_and_other_days_and_collectors(office, builder):
    routes, c, store = office
    builder.route_stop(c["old"], 1, day=DAY)  # a laptop's own stop: no collector
    builder.save()
    routes.save("b", DAY, [StopPlan(c["theirs"])])
    routes.save("a", date(2026, 11, 27), [StopPlan(c["recent"])])
    routes.save("a", DAY, [StopPlan(c["promise"])])
    routes.save("a", DAY, [StopPlan(c["kept"])])
    with store.sessions() as session:
        rows = session.execute(select(RouteStopRow.collector_id, RouteStopRow.route_date,
                                      RouteStopRow.customer_id)
                               .order_by(RouteStopRow.id)).all()
    assert sorted(rows, key=str) == sorted([
        (None, DAY, c["old"]), ("b", DAY, c["theirs"]), ("a", date(2026, 11, 27), c["recent"]),
        ("a", DAY, c["kept"])], key=str)


def test_a_refused_save_leaves_the_day_as_it_was(office):
    routes, c, _store = office
    routes.save("a", DAY, [StopPlan(c["promise"]), StopPlan(c["old"])])
    before = routes.day("a", DAY)
    for stops, code in [([StopPlan(c["old"]), StopPlan(c["theirs"])], "route.not_assigned"),
                        ([StopPlan(c["old"]), StopPlan(c["old"])], "route.customer_twice"),
                        ([StopPlan(c["old"])] * 61, "route.too_many_stops")]:
        with pytest.raises(FieldappError) as caught:
            routes.save("a", DAY, stops)
        assert caught.value.code == code
    with pytest.raises(FieldappError) as caught:
        routes.save("nobody", DAY, [])
    assert caught.value.code == "route.unknown_collector"
    assert routes.day("a", DAY) == before


def test_collectors_codes_search_and_the_sheet(office):
    routes, c, _store = office
    assert [x.name for x in routes.collectors()] == ["Lê Thị Bích", "Trần Minh Khoa"]
    assert routes.collector_named("trần minh khoa").id == "a"
    with pytest.raises(FieldappError):
        routes.collector_named("Khoa")
    assert routes.by_codes("a", ["KH000005", "KH000001"]) == [c["old"], c["promise"]]
    with pytest.raises(FieldappError) as caught:
        routes.by_codes("a", ["KH000009"])
    assert caught.value.code == "route.not_assigned"
    with pytest.raises(FieldappError) as caught:
        routes.by_codes("a", ["NOPE"])
    assert caught.value.code == "route.unknown_customer"
    assert [s.id for s in routes.customers("a", "dai ly", DAY)] == [c["revisit"]]
    assert [s.id for s in routes.customers("a", "永豐", DAY)] == [c["old"]]
    assert c["theirs"] not in {s.id for s in routes.customers("a", "", DAY)}
    routes.save("a", DAY, [StopPlan(c["old"])])
    sheet = routes.sheet("a", DAY)
    (line,) = sheet.stops
    assert (line.contact, line.phone, line.address) == ("Chị Hường", "0912 000 111",
                                                        "Quận 1, TP. Hồ Chí Minh")
    assert sheet.collector.language == "vi" and sheet.company.name


def test_the_office_reads_settings_without_writing_any(office):
    routes, _c, store = office
    with store.sessions.begin() as session:
        session.execute(text("DELETE FROM setting"))
    routes.suggest("a", DAY)
    routes.save("a", DAY, [])
    routes.sheet("a", DAY)
    with store.sessions() as session:
        assert session.execute(text("SELECT COUNT(*) FROM setting")).scalar() == 0


def pdf_text(pdf: bytes, tmp_path) -> str:
    path = tmp_path / "route.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True, check=True)
    return "".join(out.stdout.decode("utf-8").split())


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils missing")
def test_the_route_sheet_prints_the_stops_in_the_collector_s_language(office, tmp_path):
    routes, c, store = office
    routes.save("a", DAY, [StopPlan(c["old"], time(8, 30), "Thu nợ 永豐"),
                           StopPlan(c["promise"], purpose="Gặp chị Hường")])
    text = pdf_text(routes.sheet_pdf("a", DAY), tmp_path)
    for expected in ("LỘTRÌNHTHUHỒICÔNGNỢ", "TrầnMinhKhoa", "永豐貿易有限公司(KH000005)",
                     "CôngtyĐặngHưng(KH000001)", "ChịHường·0912000111", "VND3.000.000",
                     "148", "Thunợ永豐", "08:30", "09:15", "Ghichú/chữký", "Trang1/1"):
        assert expected in text
    assert text.index("永豐貿易") < text.index("CôngtyĐặngHưng")  # in visiting order
    add_collector(store, "tw", "林志明", language="zh_TW")
    assign(store, "tw", c["later"])
    routes.save("tw", DAY, [StopPlan(c["later"])])
    text = pdf_text(routes.sheet_pdf("tw", DAY), tmp_path)
    for expected in ("催收路線表", "林志明", "NhàthuốcAnKhang", "逾期金額", "備註／簽名", "第1頁，共1頁"):
        assert expected in text


def test_two_supervisors_saving_at_once_keep_both_routes(office):
    """Stop ids are max + 1: two saves at once on two connections must not take the same."""
    from concurrent.futures import ThreadPoolExecutor

    routes, c, _store = office
    days = [date(2026, 11, d) for d in range(23, 30)]

    def plan(collector, customers):
        for day in days:
            routes.save(collector, day, [StopPlan(cid) for cid in customers])

    with ThreadPoolExecutor(2) as pool:
        done = [pool.submit(plan, "a", [c["old"], c["recent"], c["promise"]]),
                pool.submit(plan, "b", [c["theirs"]])]
        for future in done:
            future.result()
    for day in days:
        assert [s.customer.id for s in routes.day("a", day)] == [c["old"], c["recent"],
                                                                c["promise"]]
        assert [s.customer.id for s in routes.day("b", day)] == [c["theirs"]]


def test_the_sheet_says_an_address_s_district_and_province_once(office, builder):
    routes, c, store = office
    with store.sessions.begin() as session:
        session.execute(text("UPDATE customer SET address = :a WHERE id = :i"),
                        {"a": "12 Lê Lợi, Quận 1, TP. Hồ Chí Minh", "i": c["old"]})
    routes.save("a", DAY, [StopPlan(c["old"])])
    (line,) = routes.sheet("a", DAY).stops
    assert line.address == "12 Lê Lợi, Quận 1, TP. Hồ Chí Minh"
