"""What the import wizard knows so far (file, source, mapping), and the header read behind it."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from ...importers import Import, reading
from ...importers.mapping import adjusted
from ...importers.presets import AUTO, BY_NAME, FIELDS, Preset, header_key
from .import_head import examples, guess_header, head_rows

GUESS_BASE = "plain"  # the formats a file no source knows starts from


@dataclass(frozen=True)
class Layout:
    """A file's header as a source reads it: the columns' labels (compared loosely, as the
    importer does), which column each field is in, and what stopped the reading, if anything."""

    preset: Preset | None
    labels: tuple[str, ...]
    columns: dict
    encoding: str
    problems: tuple = ()
    saved: bool = False    # the preset is a source the office saved, not a built-in one
    guessed: bool = False  # no source knows these columns: the header row is a guess to map
    examples: tuple = ()   # the first value under each column, to recognise it by
    as_of: object = None   # the report's date from its title block, when it states one

    @property
    def readable(self) -> bool:
        return self.preset is not None and not any(p.line is None and p.code.startswith(
            ("file.", "xlsx.")) for p in self.problems)


def read_layout(file, source: Preset | str | None, saved: dict | None = None) -> Layout:
    """The header of ``file`` under ``source``; with none, the saved sources are tried first
    (an adjusted mapping the office kept beats the built-in guess), then the built-in ones."""
    if source is None:
        for preset in (saved or {}).values():
            found = _layout(file, preset, saved=True)
            if found.readable:
                return _with_examples(file, found)
    found = _layout(file, source, saved=isinstance(source, Preset) and source.name not in BY_NAME)
    if found.preset is None and any(p.code in ("file.unknown_source", "file.no_header")
                                    for p in found.problems):
        base = BY_NAME.get(source, BY_NAME[GUESS_BASE]) if not isinstance(source, Preset) \
            else source
        return _guess(file, found.problems, base) or found
    return _with_examples(file, found)


def _layout(file, source, saved: bool) -> Layout:
    with Import(file, source) as reading:
        problems = tuple(p for p in reading.problems if p.line is None)
        return Layout(reading.preset, tuple(reading.labels), dict(reading.columns),
                      reading.encoding, problems, saved and reading.preset is not None,
                      as_of=reading.as_of)


def _guess(file, problems, base: Preset) -> Layout | None:
    """A header to map by hand, with its line pinned, for a file no source knows."""
    try:
        encoding, head = head_rows(file)
    except reading.Unreadable:
        return None
    found = guess_header(head)
    if found is None:
        return None
    line, cells = found
    labels = tuple(header_key(str(c)) for c in cells)
    return Layout(replace(base, labels={}, header_line=line), labels, {}, encoding,
                  tuple(p for p in problems if p.code not in ("file.unknown_source",
                                                              "file.no_header")),
                  guessed=True, examples=examples(head, labels))


def _with_examples(file, layout: Layout) -> Layout:
    if not layout.readable:
        return layout
    try:
        _, head = head_rows(file, None if layout.encoding == "xlsx" else layout.encoding)
    except reading.Unreadable:
        return layout
    return replace(layout, examples=examples(head, layout.labels))


@dataclass
class ImportJob:
    """The wizard's shared state; pages read and fill it in order."""

    file: Path | None = None
    layout: Layout | None = None
    source: Preset | None = None       # what the preview and the import read the file with
    mapping: dict = field(default_factory=lambda: dict.fromkeys(FIELDS))
    dates: str = AUTO
    marks: tuple = (".", ",")
    currency: str = "USD"
    preview: object = None
    report: object = None

    def take_layout(self, layout: Layout) -> None:
        self.layout, self.source = layout, layout.preset
        self.mapping = {f: layout.columns.get(f) for f in FIELDS}
        if layout.preset is not None:
            self.dates = layout.preset.dates
            self.marks = (layout.preset.decimal, layout.preset.group)
            self.currency = layout.preset.currency

    def adopt_saved(self, preset: Preset) -> None:
        """Read on with the mapping as saved: this file and the next ones keep one source."""
        columns = {f: c for f, c in self.mapping.items() if c is not None}
        self.layout = replace(self.layout, preset=preset, columns=columns, saved=True,
                              guessed=False)
        self.take_layout(self.layout)

    def reading_source(self) -> Preset | None:
        """The layout's preset, adjusted by what the mapping page changed."""
        if self.layout is None or self.layout.preset is None:
            return None
        base = self.layout.preset
        original = {f: self.layout.columns.get(f) for f in FIELDS}
        if (self.mapping, self.dates, self.marks, self.currency) == (
                original, base.dates, (base.decimal, base.group), base.currency):
            return base
        return adjusted(base, self.layout.labels, self.mapping, self.dates, self.marks,
                        self.currency)
