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

Import also reads `;`- or tab-separated files (a spreadsheet's locale may choose them), a
UTF-8 BOM (Excel writes one), columns in any order; only id, language and preferred are
required. Rows of a term need not be adjacent: terms keep the order of their first row.
"""

from __future__ import annotations

import csv
import io
import re

from checker.glossary import STATUSES, Glossary
from checker.glossary_yaml import GlossaryData, GlossaryIOError, LanguageData, TermData
from checker.language import normalise_tag

COLUMNS = ("id", "language", "preferred", "variants", "forbidden", "note", "case_sensitive")
REQUIRED = ("id", "language", "preferred")
SEPARATOR = " | "
_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_TRUE = ("true", "yes", "on", "1")
_FALSE = ("false", "no", "off", "0")


def export_csv(glossary: Glossary) -> str:
    """The glossary as CSV text (CRLF line ends: write it with newline='')."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for term in glossary.terms:
        for lang, renderings in term.renderings.items():
            by_status = {s: [r.text for r in renderings if r.status == s] for s in STATUSES}
            writer.writerow([
                term.id,
                lang,
                by_status["preferred"][0],
                join_renderings(by_status["variant"]),
                join_renderings(by_status["forbidden"]),
                term.note or "",
                "true" if term.case_sensitive else "false",
            ])
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
            raise GlossaryIOError(path, line, f"{len(cells)} fields, but the header names {len(columns)}")
        builder.row(line, {name: cells[i] if i < len(cells) else "" for i, name in enumerate(columns)})
    return builder.result()


def _delimiter(text: str) -> str:
    """',' unless the header row is only a header when split at ';' or a tab."""
    first = text.split("\n", 1)[0]
    for delimiter in (",", ";", "\t"):
        names = {c.strip().lower() for c in next(csv.reader([first], delimiter=delimiter), [])}
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
        raise GlossaryIOError(path, reader.line_num or line, f"malformed CSV: {exc}") from None
    return rows


def _columns(header: list[str], line: int, path: str) -> list[str]:
    names = [h.strip().lower() for h in header]
    for name in names:
        if name not in COLUMNS:
            raise GlossaryIOError(path, line, f"unknown column '{name}' (expected: {', '.join(COLUMNS)})")
        if names.count(name) > 1:
            raise GlossaryIOError(path, line, f"column '{name}' given twice")
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
        self.language_line: dict[tuple[str, str], int] = {}
        self.rendering_lines: dict[tuple[str, str], list[tuple[str, str, int]]] = {}

    def error(self, line: int, message: str) -> GlossaryIOError:
        return GlossaryIOError(self.path, line, message)

    def row(self, line: int, cells: dict[str, str]) -> None:
        term_id = cells["id"].strip()
        if not term_id:
            raise self.error(line, "missing id")
        if not _ID.match(term_id):
            raise self.error(line, f"term id '{term_id}' must be lowercase letters, digits and '-'")
        raw_lang = cells["language"].strip()
        if not raw_lang:
            raise self.error(line, f"term '{term_id}': missing language")
        lang = normalise_tag(raw_lang)
        if lang is None:
            raise self.error(line, f"term '{term_id}': '{raw_lang}' is not a language code")
        preferred = " ".join(cells["preferred"].split())
        if not preferred:
            raise self.error(line, f"term '{term_id}' [{lang}]: missing preferred rendering")
        term = self.terms.setdefault(term_id, {"id": term_id, "note": None, "case_sensitive": False, "renderings": {}})
        if (term_id, lang) in self.language_line:
            first = self.language_line[term_id, lang]
            raise self.error(line, f"term '{term_id}' [{lang}]: second row (first at line {first})")
        self.language_line[term_id, lang] = line
        self._note(term, line, cells.get("note", ""))
        self._case(term_id, line, cells.get("case_sensitive", ""))
        variants, forbidden = split_renderings(cells.get("variants", "")), split_renderings(cells.get("forbidden", ""))
        term["renderings"][lang] = LanguageData(preferred=preferred, variants=variants, forbidden=forbidden)
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
            raise self.error(line, f"term '{term['id']}': note differs from the one at line {first}")

    def _case(self, term_id: str, line: int, cell: str) -> None:
        value = cell.strip().lower()
        if not value:
            return
        if value not in _TRUE + _FALSE:
            raise self.error(line, f"term '{term_id}': case_sensitive must be true or false, not '{cell.strip()}'")
        flag = value in _TRUE
        if self.case.get(term_id) is None:
            self.case[term_id], self.case_line[term_id] = flag, line
        elif self.case[term_id] != flag:
            first = self.case_line[term_id]
            raise self.error(line, f"term '{term_id}': case_sensitive differs from the one at line {first}")

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
                    line, f"term '{term_id}' [{lang}]: '{text}' listed twice (as {seen[key]} and as {status})"
                )
            seen[key] = status
