"""The signature pad records mouse strokes as vectors; clear, undo and redo work."""

from PySide6.QtCore import QPoint, Qt

from fieldapp.ui.visit.signature_pad import SignaturePad


def draw(qtbot, pad, points):
    qtbot.mousePress(pad, Qt.MouseButton.LeftButton, pos=QPoint(*points[0]))
    for p in points[1:]:
        qtbot.mouseMove(pad, QPoint(*p))
    qtbot.mouseRelease(pad, Qt.MouseButton.LeftButton, pos=QPoint(*points[-1]))


def test_strokes_ink_clear_undo_redo(qtbot):
    pad = SignaturePad()
    qtbot.addWidget(pad)
    pad.resize(400, 150)
    pad.show()
    with qtbot.waitSignal(pad.changed):
        draw(qtbot, pad, [(10, 10), (60, 10), (60, 50)])
    draw(qtbot, pad, [(100, 100), (130, 140)])
    assert len(pad.strokes()) == 2
    assert pad.strokes()[0][0] == (10.0, 10.0)
    assert abs(pad.ink() - (50 + 40 + 50)) < 1
    pad.undo()
    assert len(pad.strokes()) == 1
    pad.redo()
    assert len(pad.strokes()) == 2
    pad.clear()
    assert pad.is_empty() and pad.ink() == 0
    sig = pad.signature("Nguyễn Văn Á", "Giám đốc")
    assert sig.strokes == () and sig.signer_name == "Nguyễn Văn Á"
