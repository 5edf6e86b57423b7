"""TBX import: the terms of a TBX 2008 or TBX v3 file as glossary data, parsed with
defusedxml (entity declarations refused, nothing fetched), every error naming file and line."""

from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING

from checker.glossary import MATCH_MODES
from checker.glossary.data import (
    GlossaryData,
    LanguageData,
    RenderingData,
    RenderingValue,
    TermData,
    rendering_text,
)
from checker.glossary.problems import GlossaryIOError
from checker.glossary.tbx import CASE_NOTE, EXCEPTION_NOTE, MATCH_NOTE
from checker.language import normalise_tag, primary

if TYPE_CHECKING:
    from xml.etree.ElementTree import Element

_XML_NS = "{http://www.w3.org/XML/1998/namespace}"
_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

# administrativeStatus (and the older normativeAuthorization) values, lower case, without
# the `-admn-sts` / `-norm-auth` suffix; memoQ and Trados sometimes write the bare word.
_STATUS = {
    "preferredterm": "preferred",
    "preferred": "preferred",
    # ISO 12620's normative statuses above "preferred": still the term to use
    "standardizedterm": "preferred",
    "legalterm": "preferred",
    "regulatedterm": "preferred",
    "admittedterm": "admitted",
    "admitted": "admitted",
    "deprecatedterm": "forbidden",
    "deprecated": "forbidden",
    "supersededterm": "forbidden",
    "superseded": "forbidden",
    "notrecommended": "forbidden",
    "forbidden": "forbidden",
}
_STATUS_TYPES = ("administrativeStatus", "normativeAuthorization")


def import_tbx(data: bytes, path: str) -> GlossaryData:
    """The glossary a TBX file holds, as data `dump_glossary` writes.

    Raises GlossaryIOError (file, line, one-line message) for XML that is malformed or
    declares entities, for a file that is not TBX, and for entries termcheck cannot hold.
    """
    root, lines = _parse(data, path)
    if _local(root.tag) not in ("martif", "tbx"):
        raise GlossaryIOError(path, lines.get(root, 1), f"not a TBX file (root element <{_local(root.tag)}>)")
    reader = _Reader(path, lines)
    terms = [reader.entry(e) for e in root.iter() if _local(e.tag) in ("termEntry", "conceptEntry")]
    return {"version": 1, "terms": terms}


def _parse(data: bytes, path: str) -> tuple[Element, dict[Element, int]]:
    """Parse with defusedxml, keeping the line each element starts on."""
    import xml.etree.ElementTree as ET

    from defusedxml import DefusedXmlException, EntitiesForbidden
    from defusedxml.ElementTree import DefusedXMLParser

    class LineBuilder(ET.TreeBuilder):
        def __init__(self) -> None:
            super().__init__()
            self.lines: dict[Element, int] = {}
            self.expat = None

        def start(self, tag, attrs):  # noqa: ANN001, ANN202
            element = super().start(tag, attrs)
            self.lines[element] = self.expat.CurrentLineNumber if self.expat else 1
            return element

    builder = LineBuilder()
    # A DOCTYPE is allowed (tools write one; its external DTD is never loaded), entity
    # declarations and external references are not: defusedxml's defaults with forbid_dtd off.
    parser = DefusedXMLParser(target=builder, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    builder.expat = parser.parser
    try:
        parser.feed(data)
        root = parser.close()
    except EntitiesForbidden as exc:
        where = parser.parser.CurrentLineNumber or 1
        what = f"external entity {exc.name!r} ({exc.sysid})" if exc.sysid else f"entity {exc.name!r}"
        message = f"refused: the file declares {what}; XML entity declarations are not allowed"
        raise GlossaryIOError(path, where, message) from None
    except DefusedXmlException as exc:
        raise GlossaryIOError(path, parser.parser.CurrentLineNumber or 1, f"refused: {type(exc).__name__}") from None
    except ET.ParseError as exc:
        line, column = exc.position
        message = str(exc).split(": line ")[0]
        raise GlossaryIOError(path, line, f"not well-formed XML: {message}", column + 1) from None
    except (ValueError, LookupError) as exc:  # unknown or multi-byte encodings expat cannot read
        raise GlossaryIOError(path, 1, f"cannot read XML: {exc}") from None
    return root, builder.lines


def _local(tag: str) -> str:
    """The element name without its namespace."""
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _children(element: Element, *names: str) -> list[Element]:
    return [c for c in element if _local(c.tag) in names]


def _content(element: Element) -> str:
    """An element's text with its inline markup's text, whitespace collapsed."""
    return " ".join("".join(element.itertext()).split())


class _Reader:
    """Turns TBX entries into term data, making ids unique."""

    def __init__(self, path: str, lines: dict[Element, int]) -> None:
        self.path = path
        self.lines = lines
        self.ids: set[str] = set()

    def error(self, element: Element, message: str) -> GlossaryIOError:
        return GlossaryIOError(self.path, self.lines.get(element, 1), message)

    def entry(self, entry: Element) -> TermData:
        notes, case_sensitive = self._notes(entry)
        match, exceptions = self._match(entry, [e for e in entry if _local(e.tag) == "note"])
        lang_sets = _children(entry, "langSet", "langSec")
        if not lang_sets:
            raise self.error(entry, "entry has no langSet (no terms)")
        raw: dict[str, list[tuple[str, str | None, Element]]] = {}
        for lang_set in lang_sets:
            tag = lang_set.get(_XML_NS + "lang") or lang_set.get("lang") or ""
            lang = normalise_tag(tag)
            if lang is None:
                raise self.error(lang_set, f"'{tag}' is not a language code" if tag else "langSet without xml:lang")
            # one language may come in several langSets: they are one list of terms
            raw.setdefault(lang, []).extend(self._terms(lang_set))
        renderings = {lang: self._language(items, case_sensitive, lang) for lang, items in raw.items() if items}
        if not renderings:
            raise self.error(entry, "entry has no terms")
        if not notes:
            notes = self._definitions(lang_sets)
        term: TermData = {
            "id": self._id(entry, renderings),
            "note": "\n".join(notes) or None,
            "case_sensitive": case_sensitive,
            "renderings": renderings,
        }
        if match:
            term["match"] = match
        if exceptions:
            term["exceptions"] = exceptions
        return term

    def _match(self, where: Element, notes: list[Element]) -> tuple[str | None, list[str]]:
        """The match mode and exceptions in termcheck's notes among `notes`."""
        match, exceptions = None, []
        for note in notes:
            text = " ".join("".join(note.itertext()).split())
            if text.startswith(MATCH_NOTE):
                value = text[len(MATCH_NOTE) :].strip()
                if value not in MATCH_MODES:
                    raise self.error(
                        note, f"unknown match mode '{value}' (expected one of: {', '.join(MATCH_MODES)})"
                    )
                if match is not None and match != value:
                    raise self.error(note, f"two match modes ('{match}' and '{value}') in one <{_local(where.tag)}>")
                match = value
            elif text.startswith(EXCEPTION_NOTE):
                phrase = text[len(EXCEPTION_NOTE) :].strip()
                if not phrase:
                    raise self.error(note, "empty exception")
                exceptions.append(phrase)
        return match, exceptions

    def _notes(self, entry: Element) -> tuple[list[str], bool]:
        """The entry-level notes (a definition if there is no note) and the case flag."""
        notes, case_sensitive = [], False
        for element in entry:
            name = _local(element.tag)
            if name == "note":
                text = "".join(element.itertext()).strip()
                if text.startswith("termcheck:"):
                    case_sensitive = case_sensitive or text.replace(" ", "") == CASE_NOTE
                elif text:
                    notes.append(text)
        if not notes:
            notes = self._definitions([entry])
        return notes, case_sensitive

    def _definitions(self, elements: list[Element]) -> list[str]:
        """Definitions directly in (or in a descripGrp of) these elements, English first."""
        found: list[tuple[bool, str]] = []
        for element in elements:
            lang = element.get(_XML_NS + "lang") or element.get("lang") or ""
            for child in element:
                if _local(child.tag) == "descripGrp":
                    candidates = _children(child, "descrip")
                else:
                    candidates = [child] if _local(child.tag) == "descrip" else []
                for d in candidates:
                    text = "".join(d.itertext()).strip()
                    if d.get("type") == "definition" and text:
                        found.append((primary(lang) != "en" if lang else False, text))
        found.sort(key=lambda f: f[0])  # stable: English (or entry-level) first
        return [text for _, text in found[:1]]

    def _terms(self, lang_set: Element) -> list[tuple[RenderingValue, str | None, Element]]:
        """(rendering, status or None, element) of each term of a langSet, in order; the
        rendering is its text, or a RenderingData when its notes set a match or exceptions."""
        out: list[tuple[RenderingValue, str | None, Element]] = []
        for holder in _children(lang_set, "tig", "ntig", "termSec"):
            term = next((e for e in holder.iter() if _local(e.tag) == "term"), None)
            if term is None:
                raise self.error(holder, f"<{_local(holder.tag)}> without <term>")
            text = _content(term)
            if not text:
                raise self.error(term, "empty <term>")
            match, exceptions = self._match(holder, [e for e in holder.iter() if _local(e.tag) == "note"])
            value: RenderingValue = text
            if match or exceptions:
                data: RenderingData = {"text": text}
                if match:
                    data["match"] = match
                if exceptions:
                    data["exceptions"] = exceptions
                value = data
            out.append((value, self._status(holder), term))
        return out

    def _status(self, holder: Element) -> str | None:
        for element in holder.iter():
            name = _local(element.tag)
            if (name == "termNote" and element.get("type") in _STATUS_TYPES) or name in _STATUS_TYPES:
                value = (element.text or "").strip()
                key = re.sub(r"-(admn-sts|norm-auth)$", "", value).lower()
                if key not in _STATUS:
                    raise self.error(element, f"unknown administrativeStatus '{value}'")
                return _STATUS[key]
        return None

    def _language(
        self, items: list[tuple[RenderingValue, str | None, Element]], case_sensitive: bool, lang: str
    ) -> LanguageData:
        """preferred: the first marked preferred, else the first not deprecated; every other
        term not deprecated is a variant, in document order."""
        preferred = next((i for i in items if i[1] == "preferred"), None)
        if preferred is None:
            preferred = next((i for i in items if i[1] != "forbidden"), None)
        if preferred is None:
            raise self.error(items[0][2], f"[{lang}] has only deprecated terms: termcheck needs a preferred one")
        result: LanguageData = {"preferred": preferred[0], "variants": [], "forbidden": []}
        seen: dict[str, str] = {}
        for item in [preferred] + [i for i in items if i is not preferred]:
            value, status, element = item
            text = rendering_text(value)
            kind = "preferred" if item is preferred else ("forbidden" if status == "forbidden" else "variant")
            key = text if case_sensitive else text.casefold()
            if key in seen:
                if seen[key] != kind and not (seen[key] == "preferred" and kind == "variant"):
                    raise self.error(element, f"[{lang}] '{text}' is listed both as {seen[key]} and as {kind}")
                continue  # the same term twice
            seen[key] = kind
            if kind == "variant":
                result["variants"].append(value)
            elif kind == "forbidden":
                result["forbidden"].append(value)
        return result

    def _id(self, entry: Element, renderings: dict[str, LanguageData]) -> str:
        """The entry's id made a termcheck id, else one made from its English (or first)
        preferred term; unique in the file."""
        base = _slug(entry.get("id") or "")
        if not base:
            lang = next((lang for lang in renderings if primary(lang) == "en"), next(iter(renderings)))
            base = _slug(rendering_text(renderings[lang]["preferred"])) or "term"
        candidate, n = base, 1
        while candidate in self.ids:
            n += 1
            candidate = f"{base}-{n}"
        self.ids.add(candidate)
        return candidate


def _slug(text: str) -> str:
    """Lowercase ASCII letters, digits and '-': 'Sécurité indivisible' -> 'securite-indivisible'."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")
    if len(slug) > 60:
        slug = slug[:60].rsplit("-", 1)[0] if "-" in slug[:60] else slug[:60]
    assert not slug or _ID.match(slug)
    return slug
