"""The glossary of domain terms is well formed, and every finished translation uses its words."""

from __future__ import annotations

import json
import re
import unicodedata
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GLOSSARY = ROOT / "resources" / "texts" / "glossary.json"
TRANSLATIONS = ROOT / "translations"
LANGUAGES = ("vi", "zh_TW", "zh_CN")
# The words the collectors' trade is made of; the window and the documents must not drift apart.
REQUIRED = {
    "customer", "contact", "contract", "invoice", "delivery", "payment", "collector", "supervisor",
    "visit", "call", "promise_to_pay", "installment_plan", "installment", "down_payment",
    "early_payment_discount", "default_clause", "dispute", "refusal", "customer_absent", "receipt",
    "visit_record", "amendment", "agreement", "statement_of_account", "document", "signature",
    "aging_bucket", "current", "overdue", "days_late", "open_balance", "credit_limit", "route",
    "todays_route", "follow_up", "follow_ups", "kept", "partially_kept", "broken", "grace_days",
    "outcome", "objection", "evidence", "money_received", "cash", "bank_transfer", "cheque",
    "post_dated_cheque", "draft", "finalize", "settings", "device", "office", "receivables",
    "collection",
}


def terms() -> list[dict]:
    return json.loads(GLOSSARY.read_text(encoding="utf-8"))["terms"]


def shipped_languages() -> list[str]:
    return sorted(p.stem.removeprefix("fieldapp_") for p in TRANSLATIONS.glob("fieldapp_*.ts")
                  if p.stem != "fieldapp_en")


def plain(text: str) -> str:
    """Text as read: accelerator ampersands dropped ('&&' is a literal one), NFC, case-folded."""
    text = re.sub(r"&(.)", r"\1", text)
    return unicodedata.normalize("NFC", text).casefold()


def messages(language: str) -> list[tuple[str, str, str, bool]]:
    """(context, source, translation, finished) of every live message of ``language``'s .ts."""
    root = ET.parse(TRANSLATIONS / f"fieldapp_{language}.ts").getroot()
    out = []
    for ctx in root.iter("context"):
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            if tr.get("type") in ("obsolete", "vanished"):
                continue
            forms = [f.text or "" for f in tr.findall("numerusform")] or [tr.text or ""]
            text = " ".join(forms)
            finished = tr.get("type") != "unfinished" and bool(text.strip())
            out.append((ctx.findtext("name") or "", msg.findtext("source") or "", text, finished))
    return out


def pattern(english: str) -> re.Pattern:
    """The English term as whole words (a plural -s/-es allowed); '(…)' explanations dropped."""
    words = re.sub(r"\s*\(.*?\)", "", english).strip()
    body = r"\s+".join(re.escape(w) for w in words.split())
    return re.compile(rf"(?<![\w-]){body}(?:e?s)?(?![\w-])", re.IGNORECASE)


def terms_in(source: str, glossary: list[dict]) -> list[dict]:
    """Glossary terms in ``source``, longest first; a term inside a longer match is not counted
    ('payment' in 'down payment' is the down payment, translated as such)."""
    found = []
    for term in glossary:
        for m in pattern(term["en"]).finditer(plain(source)):
            found.append((m.end() - m.start(), m.start(), m.end(), term))
    taken: list[tuple[int, int]] = []
    result = []
    for _length, start, end, term in sorted(found, key=lambda f: -f[0]):
        if any(start < e and s < end for s, e in taken):
            continue
        taken.append((start, end))
        if term.get("check", True):
            result.append(term)
    return result


def accepted(term: dict, language: str) -> list[str]:
    return [term[language], *term.get("also", {}).get(language, [])]


def test_glossary_is_complete_and_well_formed():
    glossary = terms()
    ids = [t.get("id") for t in glossary]
    assert len(ids) == len(set(ids)), "duplicate ids"
    for term in glossary:
        for key in ("id", "en", *LANGUAGES):
            value = term.get(key)
            assert isinstance(value, str) and value.strip(), f"{term.get('id')}: no {key}"
            assert value == unicodedata.normalize("NFC", value), f"{term['id']}: {key} not NFC"
        assert term.get("check", True) in (True, False), term["id"]
        also = term.get("also", {})
        assert set(also) <= set(LANGUAGES), f"{term['id']}: 'also' for unknown languages"
        for language, variants in also.items():
            assert variants and all(isinstance(v, str) and v.strip() for v in variants), term["id"]
    assert REQUIRED <= set(ids), f"missing terms: {sorted(REQUIRED - set(ids))}"


def test_terms_are_found_as_whole_words_longest_first():
    glossary = [{"id": "payment", "en": "payment", "vi": "thanh toán"},
                {"id": "down_payment", "en": "down payment", "vi": "trả trước"},
                {"id": "current", "en": "current (not yet due)", "vi": "trong hạn", "check": False}]
    assert [t["id"] for t in terms_in("Down &payment (optional)", glossary)] == ["down_payment"]
    assert [t["id"] for t in terms_in("Payments received", glossary)] == ["payment"]
    assert terms_in("Repayment; early-payment", glossary) == []
    assert terms_in("Current", glossary) == []


@pytest.mark.parametrize("language", shipped_languages())
def test_translations_use_the_glossary_words(language):
    all_messages = messages(language)
    unfinished = sum(1 for *_rest, finished in all_messages if not finished)
    if unfinished:
        pytest.skip(f"{language}: {unfinished} messages are not translated yet; the glossary "
                    "check runs once the translation is complete")
    glossary = terms()
    problems = []
    for context, source, translation, _finished in all_messages:
        for term in terms_in(source, glossary):
            if not any(plain(word) in plain(translation) for word in accepted(term, language)):
                problems.append(f"{language} {context}: {source!r} → {translation!r} lacks "
                                f"{' / '.join(accepted(term, language))} ({term['en']})")
    assert not problems, "\n".join(problems)
