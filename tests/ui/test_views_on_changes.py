"""Views read the Changes record: each reloads what a change touched of it, and nothing else."""

from __future__ import annotations

from datetime import date

from fieldapp.domain.money import Money
from fieldapp.domain.visit import OutcomeKind
from fieldapp.services.changes import Changes
from fieldapp.ui import formats
from fieldapp.ui.visit.outcomes.money_card import BALANCE
from fieldapp.store import visit_repo

from conftest import settle
from visit_helpers import customer_with_open_invoices, resume_draft, type_text


def recorder(signal) -> list:
    seen: list = []
    signal.connect(lambda *args: seen.append(args[0] if args else True))
    return seen


def off_route(window, all_files) -> int:
    on_route = {s.customer.id for s in window._portfolio.route()}
    return next(cid for cid in all_files if cid not in on_route)


def open_file(qtbot, window, customer_id: int) -> None:
    with qtbot.waitSignal(window.customer_view.visits.loaded, timeout=5000):
        window.customer_view.open(customer_id)
    settle(qtbot, window.taskman)


def test_a_change_to_customer_a_does_not_reload_customer_bs_file(qtbot, window, all_files):
    a, b = list(all_files)[:2]
    open_file(qtbot, window, b)
    shown = recorder(window.customer_view.file_shown)
    window.signals.data_changed.emit(Changes(frozenset({a}), visits=True, payments=True,
                                             invoices=True, follow_ups=True))
    settle(qtbot, window.taskman)
    assert shown == []
    with qtbot.waitSignal(window.customer_view.file_shown, timeout=5000) as reloaded:
        window.signals.data_changed.emit(Changes(frozenset({b}), payments=True, invoices=True))
    assert reloaded.args == [b]
    assert window.customer_view.file.customer.id == b
    assert not window.customer_view.history.can_go_back  # a refresh is not a step back


def test_a_new_document_reloads_only_the_documents_tab(qtbot, window, all_files):
    cid = next(iter(all_files))
    open_file(qtbot, window, cid)
    shown = recorder(window.customer_view.file_shown)
    visits = recorder(window.customer_view.visits.loaded)
    with qtbot.waitSignal(window.customer_view.documents.loaded, timeout=5000) as loaded:
        window.signals.data_changed.emit(Changes(frozenset({cid}), documents=True))
    assert loaded.args == [cid]
    settle(qtbot, window.taskman)
    assert shown == [] and visits == []


def test_new_judgement_of_promises_reloads_the_visits_tab_not_the_file(qtbot, window, all_files):
    cid = next(iter(all_files))
    open_file(qtbot, window, cid)
    shown = recorder(window.customer_view.file_shown)
    with qtbot.waitSignal(window.customer_view.visits.follow_ups_loaded, timeout=5000):
        window.signals.data_changed.emit(Changes(frozenset({cid}), follow_ups=True))
    settle(qtbot, window.taskman)
    assert shown == []


def test_a_view_skips_the_change_it_caused_itself(qtbot, window, all_files):
    cid = next(iter(all_files))
    open_file(qtbot, window, cid)
    shown = recorder(window.customer_view.file_shown)
    window.signals.data_changed.emit(
        Changes(frozenset({cid}), payments=True).from_source(window.customer_view))
    settle(qtbot, window.taskman)
    assert shown == []
    with qtbot.waitSignal(window.customer_view.file_shown, timeout=5000):
        window.signals.data_changed.emit(
            Changes(frozenset({cid}), payments=True).from_source(window.route_view))


def test_the_route_reloads_for_money_of_its_stops_only(qtbot, window, all_files):
    loaded = recorder(window.route_view.loaded)
    window.signals.data_changed.emit(Changes(frozenset({off_route(window, all_files)}),
                                             payments=True, invoices=True, visits=True))
    settle(qtbot, window.taskman)
    assert loaded == []
    stop = window.route_view.model.customer_id(1)
    with qtbot.waitSignal(window.route_view.loaded, timeout=5000):
        window.signals.data_changed.emit(Changes(frozenset({stop}), payments=True))
    with qtbot.waitSignal(window.route_view.loaded, timeout=5000):
        window.signals.data_changed.emit(Changes(route=True))


def test_follow_ups_reload_for_commitments_and_payments_only(qtbot, window, all_files):
    cid = next(iter(all_files))
    loaded = recorder(window.follow_up_view.loaded)
    window.signals.data_changed.emit(Changes(frozenset({cid}), documents=True, drafts=True))
    settle(qtbot, window.taskman)
    assert loaded == []
    with qtbot.waitSignal(window.follow_up_view.loaded, timeout=5000):
        window.signals.data_changed.emit(Changes(frozenset({cid}), payments=True))
    with qtbot.waitSignal(window.follow_up_view.loaded, timeout=5000):
        window.signals.data_changed.emit(Changes(all_customers=True, settings=True,
                                                 follow_ups=True))


def test_the_customer_count_reloads_only_when_customers_come_or_go(qtbot, window, all_files):
    qtbot.waitUntil(lambda: window.count_label.text() == "Customers: 80", timeout=5000)
    window.count_label.setText("")
    window.signals.data_changed.emit(Changes(frozenset(all_files), payments=True, visits=True,
                                             follow_ups=True, documents=True))
    settle(qtbot, window.taskman)
    assert window.count_label.text() == ""
    window.signals.data_changed.emit(Changes(customers_added=True))
    qtbot.waitUntil(lambda: window.count_label.text() == "Customers: 80", timeout=5000)


def test_search_results_rerun_when_a_listed_customers_balance_moved(qtbot, window, all_files):
    view = window.customer_list
    view.search_box.setText("dang")
    qtbot.waitUntil(lambda: view.model.query == "dang" and not view.model.loading
                    and view.mode == "results", timeout=5000)
    listed = {view.model.customer_id(r) for r in range(view.model.rowCount())}
    unlisted = next(cid for cid in all_files if cid not in listed)
    pages = recorder(view.model.page_loaded)
    window.signals.data_changed.emit(Changes(frozenset({unlisted}), payments=True))
    settle(qtbot, window.taskman)
    assert pages == []
    with qtbot.waitSignal(view.model.page_loaded, timeout=5000) as page:
        window.signals.data_changed.emit(Changes(frozenset({min(listed)}), payments=True))
    assert page.args == ["dang"]


def test_hidden_results_run_again_when_shown_after_a_change(qtbot, window):
    view = window.customer_list
    window.customers_action.trigger()
    qtbot.waitUntil(lambda: view.model.rowCount() > 0 and not view.model.loading, timeout=5000)
    window.route_action.trigger()
    window.signals.data_changed.emit(Changes(customers_added=True))
    with qtbot.waitSignal(view.model.page_loaded, timeout=5000):
        window.customers_action.trigger()


def test_an_open_visit_window_hears_money_another_window_took(qtbot, live_window, live_services,
                                                             live_store):
    file, ctx = customer_with_open_invoices(live_services)
    cid = file.customer.id
    win = resume_draft(qtbot, live_window, live_services, cid, {"materials": []})
    type_text(qtbot, "typed before the payment came in")
    before = win.setup.context.open_balance()
    oldest = ctx.invoices[0]
    card = win.page("resolve").add(OutcomeKind.MONEY_RECEIVED, focus=False)
    card.amount.set_money(Money(2000, oldest.balance.currency))
    row = [i.id for i in card.invoices].index(oldest.id)
    with live_store.sessions.begin() as session:  # what another window's finalize wrote
        visit_repo.record_payment(session, cid, win.session.visit.uuid, date(2025, 6, 30), 1000,
                                  oldest.balance.currency, "cash", "", [(oldest.id, 1000)])
    with qtbot.waitSignal(win.context_refreshed, timeout=5000):
        live_window.signals.data_changed.emit(Changes(frozenset({cid}), payments=True,
                                                      invoices=True))
    assert win.setup.context.open_balance().minor == before.minor - 1000
    account = win.page("prepare").accounts[0].invoices
    shown = {account.record(r).id: account.record(r).open_balance.minor
             for r in range(account.rowCount())}
    assert shown[oldest.id] == oldest.balance.minor - 1000
    fresh = Money(oldest.balance.minor - 1000, oldest.balance.currency)
    assert card.table.item(row, BALANCE).text() == formats.money(fresh)  # the card's column too
    assert card.amount.money_or_zero() == Money(2000, oldest.balance.currency)  # typed, kept
    assert "open balances are updated" in win.statusBar().currentMessage()
    assert win.page("plan").fields["objective"].value() == "typed before the payment came in"
    refreshed = recorder(win.context_refreshed)
    live_window.signals.data_changed.emit(  # its own finalize: nothing to hear
        Changes(frozenset({cid}), payments=True).from_source(win))
    live_window.signals.data_changed.emit(Changes(frozenset({cid + 1}), payments=True))
    settle(qtbot, live_window.taskman)
    assert refreshed == []
    win.close()
    qtbot.waitUntil(lambda: not live_window.launcher.windows, timeout=5000)
