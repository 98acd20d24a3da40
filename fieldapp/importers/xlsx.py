"""Workbook rows with the standard library only, under notes/office.md §C's safety rules."""

from __future__ import annotations

import posixpath
import re
import unicodedata
import zipfile
from datetime import date, timedelta
from xml.parsers import expat

from .legacy import TCVN3, convert
from .reading import Unreadable, header_of, opener
from .values import DateCell, NumberCell

MAX_MEMBERS = 1000            # a real workbook has tens
MAX_MEMBER_BYTES = 1 << 29    # 512 MB of XML in one sheet
MAX_TOTAL_BYTES = 1 << 30
MAX_RATIO = 100               # POI's MIN_INFLATE_RATIO of 0.01
RATIO_FROM = 1 << 20          # small members may compress better without harm
MAX_STRINGS = 2_000_000
MAX_STRING_CHARS = 64_000_000
MAX_COLUMNS = 16_384
CHUNK = 1 << 16
_DATE_FORMATS = {14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47, *range(27, 37), *range(50, 59)}


def workbook_rows(open_, sheet: str | int | None = None, notes: dict | None = None):
    """(row number, cells) of one sheet (a name, an index from 0, or None for the first),
    streamed; cells are str, NumberCell or DateCell. ``notes`` counts text cells converted from
    the old Vietnamese encodings (legacy.py)."""
    with open_() as handle:
        with _opened(handle) as book:
            name, epoch = _sheet_member(book, sheet)
            strings = shared_strings(book, notes)
            dates = date_styles(book)
            yield from sheet_rows(book, name, strings, dates, epoch, notes)


def choose_sheet(open_, preset, sheet, notes):
    """(rows, header as reading.header_of gives it, sheet name) of the sheet asked for (a
    name or an index), or by default of the first sheet whose header matches ``preset`` (any
    preset when None); the first sheet's reason when none does."""
    names = sheet_names_of(open_) if sheet is None else [sheet]
    refused = None
    for index, choice in enumerate(names):
        rows = workbook_rows(open_, index if sheet is None else choice, notes)
        try:
            return rows, header_of(rows, preset), choice
        except Unreadable as error:
            rows.close()
            if sheet is not None or error.problem.code not in (
                    "file.no_header", "file.unknown_source"):
                raise
            refused = refused or error
    raise refused


def sheet_names(file) -> list[str]:
    """The names of a workbook's sheets in their order (``file`` a path or bytes)."""
    return sheet_names_of(opener(file))


def sheet_names_of(open_) -> list[str]:
    with open_() as handle, _opened(handle) as book:
        return [sheet_name for sheet_name, _ in sheets(book)[0]]


def _opened(handle) -> zipfile.ZipFile:
    try:
        book = zipfile.ZipFile(handle)
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise Unreadable("xlsx.damaged", reason=str(error)) from None
    check_members(book)
    return book


def _sheet_member(book, sheet) -> tuple[str, date]:
    found, epoch = sheets(book)
    names = [n for n, _ in found]
    if sheet is None:
        index = 0
    elif isinstance(sheet, int) and not isinstance(sheet, bool):
        index = sheet if 0 <= sheet < len(found) else None
    else:
        index = names.index(sheet) if sheet in names else None
    if index is None or not found:
        raise Unreadable("xlsx.no_sheet", sheet=str(sheet), sheets=", ".join(names))
    member = found[index][1]
    if member not in book.namelist():
        raise Unreadable("xlsx.damaged", reason=f"no sheet {member}")
    return member, epoch


def check_members(book: zipfile.ZipFile) -> None:
    """Names, counts, declared sizes and ratios, before anything is inflated."""
    members = book.infolist()
    if len(members) > MAX_MEMBERS:
        raise Unreadable("xlsx.unsafe", reason=f"{len(members)} members")
    names, total, ends = set(), 0, []
    for info in members:
        name = info.filename
        if (name in names or name.startswith(("/", "\\")) or "\\" in name or ":" in name
                or ".." in name.split("/")):
            raise Unreadable("xlsx.unsafe", reason=f"member name {name!r}")
        names.add(name)
        if info.flag_bits & 0x1:
            raise Unreadable("xlsx.unsafe", reason=f"{name} is encrypted")
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise Unreadable("xlsx.unsafe", reason=f"{name} compression {info.compress_type}")
        total += info.file_size
        if info.file_size > MAX_MEMBER_BYTES or total > MAX_TOTAL_BYTES:
            raise Unreadable("xlsx.unsafe", reason=f"{name} inflates to {info.file_size} bytes")
        if info.file_size > RATIO_FROM and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise Unreadable("xlsx.unsafe", reason=f"{name} compresses {info.file_size} bytes "
                                                   f"into {info.compress_size}")
        ends.append((info.header_offset, info.header_offset + info.compress_size))
    # Python 3.11's zipfile does not refuse members sharing their bytes (the overlapping-entry
    # bomb); every member's data must end before the next one's header.
    ends.sort()
    for (_, end), (start, _) in zip(ends, ends[1:]):
        if start < end:
            raise Unreadable("xlsx.unsafe", reason="overlapping members")
    if "xl/workbook.xml" not in names:
        raise Unreadable("xlsx.damaged", reason="no xl/workbook.xml")


def _parse(book, name: str, start=None, end=None, text=None, drain=None):
    """Stream the member ``name`` through expat with the handlers given; DOCTYPE (and with it
    every entity declaration, the XML bomb) is refused. ``drain`` runs after each chunk and
    may yield what the handlers collected."""
    parser = expat.ParserCreate()
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)

    def refuse(*_):
        raise Unreadable("xlsx.unsafe", reason=f"{name} declares a DOCTYPE")
    parser.StartDoctypeDeclHandler = refuse
    parser.EntityDeclHandler = refuse
    if start:
        parser.StartElementHandler = start
    if end:
        parser.EndElementHandler = end
    if text:
        parser.CharacterDataHandler = text
    parser.buffer_text = True
    try:
        with book.open(name) as stream:
            while chunk := stream.read(CHUNK):
                parser.Parse(chunk, False)
                if drain:
                    yield from drain()
            parser.Parse(b"", True)
    except expat.ExpatError as error:
        raise Unreadable("xlsx.damaged", reason=f"{name}: {error}") from None
    except (zipfile.BadZipFile, EOFError, OSError) as error:
        raise Unreadable("xlsx.damaged", reason=f"{name}: {error}") from None
    if drain:
        yield from drain()


def _local(tag: str) -> str:
    return tag.rpartition(":")[2]


def _run(generator) -> None:
    for _ in generator:
        pass


def sheets(book) -> tuple[list[tuple[str, str]], date]:
    """(sheet name, member name) of each sheet in the workbook's order, and the date epoch
    (1904 workbooks count from 1904)."""
    found = {"sheets": [], "rels": {}, "epoch": date(1899, 12, 30)}

    def book_start(tag, attrs):
        tag = _local(tag)
        if tag == "sheet":
            rid = next((v for k, v in attrs.items() if _local(k) == "id"), None)
            found["sheets"].append((unicodedata.normalize("NFC", attrs.get("name", "")), rid))
        elif tag == "workbookPr" and attrs.get("date1904") in ("1", "true"):
            found["epoch"] = date(1904, 1, 1)
    _run(_parse(book, "xl/workbook.xml", start=book_start))

    def rel_start(tag, attrs):
        if _local(tag) == "Relationship":
            found["rels"][attrs.get("Id")] = attrs.get("Target", "")
    if "xl/_rels/workbook.xml.rels" in book.namelist():
        _run(_parse(book, "xl/_rels/workbook.xml.rels", start=rel_start))
    members = []
    for index, (name, rid) in enumerate(found["sheets"]):
        target = found["rels"].get(rid, f"worksheets/sheet{index + 1}.xml")
        members.append((name, target.lstrip("/") if target.startswith("/")
                        else posixpath.normpath("xl/" + target)))
    return members or [("", "xl/worksheets/sheet1.xml")], found["epoch"]


def _text(raw: str, notes: dict | None) -> str:
    """A text cell in NFC; one typed in an old Vietnamese font converted, and counted."""
    seen = notes is not None and TCVN3 in notes
    text, legacy = convert(unicodedata.normalize("NFC", raw), seen)
    if legacy and notes is not None:
        notes.setdefault(legacy, [0, text])[0] += 1  # [cells, the first one as converted]
    return text


def shared_strings(book, notes: dict | None = None) -> list[str]:
    """The shared strings (rich text runs joined, phonetic guides left out), capped."""
    if "xl/sharedStrings.xml" not in book.namelist():
        return []
    strings, buf, on, phonetic, chars = [], None, False, 0, 0

    def start(tag, _attrs):
        nonlocal buf, on, phonetic
        if tag != "si" and tag != "t" and tag != "r":
            tag = _local(tag)
        if tag == "si":
            buf = []
        elif tag == "t":
            on = not phonetic
        elif tag == "rPh":
            phonetic += 1

    def end(tag):
        nonlocal on, phonetic
        if tag != "si" and tag != "t" and tag != "r":
            tag = _local(tag)
        if tag == "t":
            on = False
        elif tag == "si":
            strings.append(unicodedata.normalize("NFC", "".join(buf)))
            if len(strings) > MAX_STRINGS:
                raise Unreadable("xlsx.unsafe", reason="too many shared strings")
        elif tag == "rPh":
            phonetic -= 1

    def text(data):
        nonlocal chars
        if on and buf is not None:
            buf.append(data)
            chars += len(data)
            if chars > MAX_STRING_CHARS:
                raise Unreadable("xlsx.unsafe", reason="shared strings too long")
    _run(_parse(book, "xl/sharedStrings.xml", start, end, text))
    # Twice when TCVN3 turned up: its cells without a telling symbol are known only then.
    converted = [_text(s, notes) for s in strings]
    if notes is not None and TCVN3 in notes:
        converted = [_text(s, notes) if s == c else c for s, c in zip(strings, converted)]
    return converted


def _is_date_format(code: str) -> bool:
    code = re.sub(r'"[^"]*"|\[[^\]]*\]|\\.', "", code).lower()
    return "d" in code or "y" in code or "年" in code


def date_styles(book) -> set[int]:
    """Indexes of cell styles that show a number as a date."""
    if "xl/styles.xml" not in book.namelist():
        return set()
    custom, xfs, state = {}, [], {"in_xfs": False}

    def start(tag, attrs):
        tag = _local(tag)
        if tag == "numFmt":
            custom[int(attrs.get("numFmtId", "0"))] = attrs.get("formatCode", "")
        elif tag == "cellXfs":
            state["in_xfs"] = True
        elif tag == "xf" and state["in_xfs"]:
            xfs.append(int(attrs.get("numFmtId", "0")))

    def end(tag):
        if _local(tag) == "cellXfs":
            state["in_xfs"] = False
    _run(_parse(book, "xl/styles.xml", start, end))
    return {index for index, fmt in enumerate(xfs)
            if fmt in _DATE_FORMATS or (fmt in custom and _is_date_format(custom[fmt]))}


_REF = re.compile(r"([A-Z]{1,3})(\d*)")
_COLUMNS: dict[str, int] = {}  # 'AB' → 27: at most MAX_COLUMNS entries
_DIGITS = "0123456789"


def _column(ref: str) -> int:
    found = _COLUMNS.get(ref.rstrip(_DIGITS))
    if found is not None:
        return found
    letters = _REF.match(ref)
    if not letters:
        raise Unreadable("xlsx.damaged", reason=f"cell {ref!r}")
    index = 0
    for ch in letters.group(1):
        index = index * 26 + ord(ch) - 64
    if index > MAX_COLUMNS:
        raise Unreadable("xlsx.damaged", reason=f"cell {ref!r}")
    _COLUMNS[letters.group(1)] = index - 1
    return index - 1


def sheet_rows(book, name, strings, dates, epoch, notes=None):
    """Rows as they close, so only one row is held at a time."""
    done = []
    # One sheet has millions of cells: the handlers keep their state in closure variables and
    # compare the tag as expat gives it before taking any namespace prefix off.
    n, cells, following, on = 0, {}, 0, False
    column, kind, style, buf = 0, "n", None, []

    def start(tag, attrs):
        nonlocal n, cells, following, on, column, kind, style, buf
        if tag != "c" and tag != "row" and tag != "v" and tag != "t":
            tag = _local(tag)
        if tag == "c":
            ref = attrs.get("r")
            column = _column(ref) if ref else following
            kind, style, buf = attrs.get("t", "n"), attrs.get("s"), []
            following = column + 1
        elif tag == "v" or tag == "t":
            on = True
        elif tag == "row":
            n = int(attrs["r"]) if "r" in attrs else n + 1
            cells, following = {}, 0

    def end(tag):
        nonlocal on
        if tag != "c" and tag != "row" and tag != "v" and tag != "t":
            tag = _local(tag)
        if tag == "v" or tag == "t":
            on = False
        elif tag == "c":
            cells[column] = _value("".join(buf), kind, style, strings, dates, epoch, notes)
        elif tag == "row":
            width = max(cells) + 1 if cells else 0
            done.append((n, [cells.get(i, "") for i in range(width)]))

    def text(data):
        if on:
            buf.append(data)

    def drain():
        rows = done[:]
        done.clear()
        return rows
    yield from _parse(book, name, start, end, text, drain)


def _value(raw, kind, style, strings, dates, epoch, notes):
    if kind == "s":
        try:
            return strings[int(raw)]
        except (ValueError, IndexError):
            raise Unreadable("xlsx.damaged", reason=f"shared string {raw!r}") from None
    if kind in ("inlineStr", "str"):
        return _text(raw, notes)
    if kind == "d":
        return DateCell(raw[:10])
    if kind in ("b", "e") or not raw:
        return raw
    if style is not None and int(style) in dates:
        try:
            return DateCell((epoch + timedelta(days=int(float(raw)))).isoformat())
        except (ValueError, OverflowError):
            return NumberCell(raw)
    return NumberCell(raw)
