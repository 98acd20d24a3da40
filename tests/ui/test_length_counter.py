"""Long-text boxes say how much room is left as the text nears its limit; nothing is cut."""

from PySide6.QtCore import Qt

from fieldapp.domain.checklist import Item
from fieldapp.domain.text_limits import LONG_TEXT, SHORT_TEXT
from fieldapp.ui.visit.fields import LongTextField, TextField
from fieldapp.ui.visit.outcomes.simple_cards import _text_box


def test_the_counter_appears_near_the_limit_and_turns_red_beyond_it(qtbot):
    field = LongTextField(Item("position_notes", "longtext", {"en": "What the customer said"}), "vi")
    qtbot.addWidget(field)
    field.resize(500, 120)
    field.show()
    counter = field.counter
    qtbot.keyClicks(field.editor, "Khach hang noi")
    assert not counter.isVisible()  # everyday notes are left alone
    field.set_value("a" * (LONG_TEXT - 10))
    assert counter.isVisible() and counter.limit == LONG_TEXT
    assert "19,990" in counter.text() and "20,000" in counter.text()
    assert "#5f6368" in counter.styleSheet()
    qtbot.keyClicks(field.editor, "b" * 15)
    assert "20,005" in counter.text() and "#b3261e" in counter.styleSheet()
    assert len(field.value()) == LONG_TEXT + 5  # shown as too long, never cut
    assert field.editor.rect().contains(counter.geometry())
    field.set_value("")
    assert not counter.isVisible()


def test_one_line_fields_and_outcome_boxes_count_too(qtbot):
    role = TextField(Item("met_role", "text", {"en": "Their role"}), "vi")
    qtbot.addWidget(role)
    role.show()
    qtbot.keyClicks(role.editor, "x" * (SHORT_TEXT + 1))
    assert role.counter.isVisible() and role.counter.limit == SHORT_TEXT
    assert len(role.value()) == SHORT_TEXT + 1
    box = _text_box()
    qtbot.addWidget(box)
    box.show()
    box.setPlainText("y" * LONG_TEXT)
    assert box.counter.isVisible() and box.counter.limit == LONG_TEXT
    assert box.counter.testAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
