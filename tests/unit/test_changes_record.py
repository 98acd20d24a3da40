"""The Changes record: what a write touched, as the services build it."""

from __future__ import annotations

from fieldapp.services.changes import Changes


def test_touches_names_customers_or_everyone():
    one = Changes(frozenset({3}), payments=True)
    assert one.touches(3) and not one.touches(4) and not one.touches(None)
    assert one.touches_any([1, 2, 3]) and not one.touches_any([1, 2])
    everyone = Changes.everything()
    assert everyone.touches(4) and everyone.money and everyone.customers_added
    assert everyone.route and everyone.settings and everyone.documents and everyone.drafts


def test_the_source_says_who_caused_it_but_is_not_part_of_what_changed():
    view, other = object(), object()
    changes = Changes(frozenset({1}), documents=True)
    tagged = changes.from_source(view)
    assert tagged.caused_by(view) and not tagged.caused_by(other)
    assert not changes.caused_by(view)  # no source: nobody skips it
    assert tagged == changes  # same change, whoever asked for it


def test_money_means_payments_or_invoices():
    assert Changes(payments=True).money and Changes(invoices=True).money
    assert not Changes(visits=True, documents=True, follow_ups=True).money
