"""The glossary as CSV, for spreadsheets.

One row per term and language, a header row, RFC 4180 quoting, UTF-8, CRLF line ends::

    id,language,preferred,variants,forbidden,note,case_sensitive
    kyiv,en,Kyiv,,Kiev,Capital of Ukraine,false
    kyiv,de,Kyjiw,Kiew,,Capital of Ukraine,false

`variants` and `forbidden` hold several renderings separated by `|` (written ` | `); inside
them `\\|` is a literal `|` and `\\\\` a literal backslash (any other backslash is itself).
`preferred` holds one rendering and is never escaped. `note` and `case_sensitive` belong to
the term and are repeated on each of its rows; on import a blank cell means "as on the
term's other rows", and two rows of one term that disagree are an error.

Match modes and exceptions (see the glossary format) take three more columns, written only
when the glossary uses them::

    id,language,preferred,variants,forbidden,note,case_sensitive,match,exceptions,rendering_options
    kyiv,en,Kyiv,,Kiev,,false,exact,Kievan Rus,"{""Kiev"": {""exceptions"": [""Chicken Kiev""]}}"

`match` and `exceptions` are the term's (repeated on each of its rows like `note`;
`exceptions` joined like `variants`); `rendering_options` is a JSON object from a rendering
of the row (its text as in the other cells) to what it sets itself: `{"match": "exact",
"exceptions": ["..."]}`.

Import also reads `;`- or tab-separated files (a spreadsheet's locale may choose them), a
UTF-8 BOM (Excel writes one), columns in any order; only id, language and preferred are
required. Rows of a term need not be adjacent: terms keep the order of their first row.
Control characters other than tab and line breaks (a NUL, an escape) are refused at their
line and column: a glossary cannot hold them.
"""

from __future__ import annotations

import csv
import io
import json
import re

from checker.glossary import MATCH_MODES, STATUSES, Glossary, shown
from checker.wording import plural
from checker.glossary.data import (
    GlossaryData,
    LanguageData,
    RenderingData,
    RenderingValue,
    TermData,
)
from checker.glossary.problems import GlossaryIOError
from checker.language import normalise_tag

#: the columns always written
COLUMNS = ("id", "language", "preferred", "variants", "forbidden", "note", "case_sensitive")
#: written when a term or rendering sets a match mode or exceptions
MATCH_COLUMNS = ("match", "exceptions", "rendering_options")
REQUIRED = ("id", "language", "preferred")
SEPARATOR = " | "
_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_TRUE = ("true", "yes", "on", "1")
_FALSE = ("false", "no", "off", "0")
#: characters no glossary may hold: control characters but tab and line breaks,
#: U+FFFE and U+FFFF (not characters); YAML does not allow them as they are
_FORBIDDEN_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
_NEWLINE = re.compile(r"\r\n|\r|\n")


def export_csv(glossary: Glossary) -> str:
    """The glossary as CSV text (CRLF line ends: write it with newline='')."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    options = any(
        t.match or t.exceptions or any(r.own_match or r.own_exceptions for rs in t.renderings.values() for r in rs)
        for t in glossary.terms
    )
    writer.writerow(COLUMNS + MATCH_COLUMNS if options else COLUMNS)
    for term in glossary.terms:
        for lang, renderings in term.renderings.items():
            by_status = {s: [r.text for r in renderings if r.status == s] for s in STATUSES}
            row = [
                term.id,
                lang,
                by_status["preferred"][0],
                join_renderings(by_status["variant"]),
                join_renderings(by_status["forbidden"]),
                term.note or "",
                "true" if term.case_sensitive else "false",
            ]
            if options:
                own = {}
                for r in renderings:
                    if r.own_match or r.own_exceptions:
                        own[r.text] = {
                            **({"match": r.own_match} if r.own_match else {}),
                            **({"exceptions": list(r.own_exceptions)} if r.own_exceptions else {}),
                        }
                row += [
                    term.match or "",
                    join_renderings(list(term.exceptions)),
                    json.dumps(own, ensure_ascii=False) if own else "",
                ]
            writer.writerow(row)
    return out.getvalue()


def join_renderings(items: list[str]) -> str:
    """['a|b', 'c'] -> 'a\\|b | c'."""
    return SEPARATOR.join(i.replace("\\", "\\\\").replace("|", "\\|") for i in items)


def split_renderings(cell: str) -> list[str]:
    """'a\\|b | c' -> ['a|b', 'c']; empty items are dropped, whitespace collapsed."""
    items, current, i = [], [], 0
    while i < len(cell):
        char = cell[i]
        if char == "\\" and i + 1 < len(cell) and cell[i + 1] in "\\|":
            current.append(cell[i + 1])
            i += 2
            continue
        if char == "|":
            items.append("".join(current))
            current = []
        else:
            current.append(char)
        i += 1
    items.append("".join(current))
    return [clean for clean in (" ".join(item.split()) for item in items) if clean]


def import_csv(data: bytes, path: str) -> GlossaryData:
    """The glossary a CSV file holds, as data `dump_glossary` writes.

    Raises GlossaryIOError naming the line of the first bad row (or of the header).
    """
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise GlossaryIOError(path, line, "not valid UTF-8 (save the spreadsheet as 'CSV UTF-8')") from None
    bad = _FORBIDDEN_CHARS.search(text)
    if bad:
        before = text[: bad.start()]
        line = len(_NEWLINE.findall(before)) + 1
        column = bad.start() - max(before.rfind("\n"), before.rfind("\r"))
        raise GlossaryIOError(
            path, line, f"control character U+{ord(bad.group()):04X} in a cell: a glossary cannot hold it", column
        )
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text), strict=True)
    rows = _rows(reader, path)
    if not rows:
        raise GlossaryIOError(path, 1, f"empty file: expected a header row ({','.join(COLUMNS)})")
    header_line, header = rows[0]
    columns = _columns(header, header_line, path)
    builder = _Builder(path)
    for line, cells in rows[1:]:
        if not any(c.strip() for c in cells):
            continue  # blank rows, as spreadsheets leave them
        if len(cells) > len(columns):
            raise GlossaryIOError(path, line, f"{plural(len(cells), 'field')}, but the header names {len(columns)}")
        builder.row(line, {name: cells[i] if i < len(cells) else "" for i, name in enumerate(columns)})
    return builder.result()


def _delimiter(text: str) -> str:
    """',' unless the header row is only a header when split at ';' or a tab."""
    first = _NEWLINE.split(text, 1)[0]  # a lone \r ends a line for the reader too
    for delimiter in (",", ";", "\t"):
        try:
            names = {c.strip().lower() for c in next(csv.reader([first], delimiter=delimiter), [])}
        except csv.Error:
            continue  # malformed: the reader says where, with the delimiter it gets
        if {"id", "language"} <= names:
            return delimiter
    return ","


def _rows(reader, path: str) -> list[tuple[int, list[str]]]:
    """(first line, cells) of every record; a quoted cell may span lines."""
    rows, line = [], 1
    try:
        for cells in reader:
            rows.append((line, cells))
            line = reader.line_num + 1
    except csv.Error as exc:
        raise GlossaryIOError(path, reader.line_num or line, f"malformed CSV: {shown(exc)}") from None
    return rows


def _columns(header: list[str], line: int, path: str) -> list[str]:
    names = [h.strip().lower() for h in header]
    for name in names:
        if name not in COLUMNS + MATCH_COLUMNS:
            raise GlossaryIOError(
                path, line, f"unknown column '{shown(name)}' (expected: {', '.join(COLUMNS + MATCH_COLUMNS)})"
            )
        if names.count(name) > 1:
            raise GlossaryIOError(path, line, f"column '{shown(name)}' given twice")
    missing = [c for c in REQUIRED if c not in names]
    if missing:
        raise GlossaryIOError(path, line, f"missing column{'s' if len(missing) > 1 else ''}: {', '.join(missing)}")
    return names


class _Builder:
    """Collects rows into terms, checking each row and the agreement of a term's rows."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.terms: dict[str, TermData] = {}
        self.first_line: dict[str, int] = {}
        self.note_line: dict[str, int] = {}
        self.case_line: dict[str, int] = {}
        self.case: dict[str, bool | None] = {}
        self.match_line: dict[str, int] = {}
        self.exceptions_line: dict[str, int] = {}
        self.language_line: dict[tuple[str, str], int] = {}
        self.rendering_lines: dict[tuple[str, str], list[tuple[str, str, int]]] = {}

    def error(self, line: int, message: str) -> GlossaryIOError:
        return GlossaryIOError(self.path, line, message)

    def row(self, line: int, cells: dict[str, str]) -> None:
        term_id = cells["id"].strip()
        if not term_id:
            raise self.error(line, "missing id")
        if not _ID.match(term_id):
            raise self.error(line, f"term id '{shown(term_id)}' must be lowercase letters, digits and '-'")
        raw_lang = cells["language"].strip()
        if not raw_lang:
            raise self.error(line, f"term '{shown(term_id)}': missing language")
        lang = normalise_tag(raw_lang)
        if lang is None:
            raise self.error(line, f"term '{shown(term_id)}': '{shown(raw_lang)}' is not a language code")
        preferred = " ".join(cells["preferred"].split())
        if not preferred:
            raise self.error(line, f"term '{shown(term_id)}' [{lang}]: missing preferred rendering")
        term = self.terms.setdefault(term_id, {"id": term_id, "note": None, "case_sensitive": False, "renderings": {}})
        if (term_id, lang) in self.language_line:
            first = self.language_line[term_id, lang]
            raise self.error(line, f"term '{shown(term_id)}' [{lang}]: second row (first at line {first})")
        self.language_line[term_id, lang] = line
        self._note(term, line, cells.get("note", ""))
        self._case(term_id, line, cells.get("case_sensitive", ""))
        self._match(term, line, cells.get("match", ""))
        self._exceptions(term, line, cells.get("exceptions", ""))
        variants, forbidden = split_renderings(cells.get("variants", "")), split_renderings(cells.get("forbidden", ""))
        options = self._options(term_id, lang, line, cells.get("rendering_options", ""), [preferred, *variants, *forbidden])

        def value(text: str) -> RenderingValue:
            return options.get(text, text)

        term["renderings"][lang] = LanguageData(
            preferred=value(preferred), variants=[value(v) for v in variants], forbidden=[value(f) for f in forbidden]
        )
        self.rendering_lines[term_id, lang] = [(preferred, "preferred", line)] + [
            (v, "variant", line) for v in variants
        ] + [(f, "forbidden", line) for f in forbidden]

    def _note(self, term: TermData, line: int, cell: str) -> None:
        note = cell.strip()
        if not note:
            return
        if term.get("note") is None:
            term["note"] = note
            self.note_line[term["id"]] = line
        elif term["note"] != note:
            first = self.note_line[term["id"]]
            raise self.error(line, f"term '{shown(term['id'])}': note differs from the one at line {first}")

    def _match(self, term: TermData, line: int, cell: str) -> None:
        value = cell.strip()
        if not value:
            return
        if value not in MATCH_MODES:
            raise self.error(
                line, f"term '{shown(term['id'])}': unknown match mode '{shown(value)}' (expected one of: {', '.join(MATCH_MODES)})"
            )
        if "match" not in term:
            term["match"] = value
            self.match_line[term["id"]] = line
        elif term["match"] != value:
            first = self.match_line[term["id"]]
            raise self.error(line, f"term '{shown(term['id'])}': match differs from the one at line {first}")

    def _exceptions(self, term: TermData, line: int, cell: str) -> None:
        phrases = split_renderings(cell)
        if not phrases:
            return
        if "exceptions" not in term:
            term["exceptions"] = phrases
            self.exceptions_line[term["id"]] = line
        elif term["exceptions"] != phrases:
            first = self.exceptions_line[term["id"]]
            raise self.error(line, f"term '{shown(term['id'])}': exceptions differ from the ones at line {first}")

    def _options(self, term_id: str, lang: str, line: int, cell: str, texts: list[str]) -> dict[str, RenderingData]:
        """rendering text -> its data with the match mode and exceptions it sets itself."""
        where = f"term '{shown(term_id)}' [{lang}]: rendering_options"
        if not cell.strip():
            return {}
        try:
            options = json.loads(cell)
        except (ValueError, RecursionError) as exc:
            reason = "nested too deeply" if isinstance(exc, RecursionError) else shown(exc)
            raise self.error(line, f"{where} is not valid JSON ({reason})") from None
        if not isinstance(options, dict):
            raise self.error(line, f"{where} must be a JSON object (rendering -> {{\"match\": ..., \"exceptions\": [...]}})")
        out: dict[str, RenderingData] = {}
        for raw, settings in options.items():
            text = " ".join(raw.split())
            if text not in texts:
                raise self.error(line, f"{where}: '{shown(raw)}' is not a rendering of this row")
            if not isinstance(settings, dict) or set(settings) - {"match", "exceptions"}:
                raise self.error(line, f"{where}: '{shown(raw)}' must map to an object with \"match\" and/or \"exceptions\"")
            data: RenderingData = {"text": text}
            match = settings.get("match")
            if match is not None:
                if match not in MATCH_MODES:
                    raise self.error(
                        line, f"{where}: '{shown(raw)}': unknown match mode '{shown(match)}' (expected one of: {', '.join(MATCH_MODES)})"
                    )
                data["match"] = match
            exceptions = settings.get("exceptions")
            if exceptions is not None:
                if not isinstance(exceptions, list) or not all(isinstance(e, str) and e.strip() for e in exceptions):
                    raise self.error(line, f"{where}: '{shown(raw)}': exceptions must be a list of non-empty strings")
                if exceptions:
                    data["exceptions"] = [" ".join(e.split()) for e in exceptions]
            if len(data) > 1:
                out[text] = data
        return out

    def _case(self, term_id: str, line: int, cell: str) -> None:
        value = cell.strip().lower()
        if not value:
            return
        if value not in _TRUE + _FALSE:
            raise self.error(line, f"term '{shown(term_id)}': case_sensitive must be true or false, not '{shown(cell.strip())}'")
        flag = value in _TRUE
        if self.case.get(term_id) is None:
            self.case[term_id], self.case_line[term_id] = flag, line
        elif self.case[term_id] != flag:
            first = self.case_line[term_id]
            raise self.error(line, f"term '{shown(term_id)}': case_sensitive differs from the one at line {first}")

    def result(self) -> GlossaryData:
        for term_id, term in self.terms.items():
            term["case_sensitive"] = bool(self.case.get(term_id))
            for lang in term["renderings"]:
                self._no_duplicates(term_id, lang, term["case_sensitive"])
        return {"version": 1, "terms": list(self.terms.values())}

    def _no_duplicates(self, term_id: str, lang: str, case_sensitive: bool) -> None:
        # Known only now: a later row of the term may have made it case-sensitive.
        seen: dict[str, str] = {}
        for text, status, line in self.rendering_lines[term_id, lang]:
            key = text if case_sensitive else text.casefold()
            if key in seen:
                raise self.error(
                    line, f"term '{shown(term_id)}' [{lang}]: '{shown(text)}' listed twice (as {seen[key]} and as {status})"
                )
            seen[key] = status
