"""`termcheck check --fix` / `--diff`: replace forbidden renderings by the preferred one.

A fix is made only where it is unambiguous: the term has a preferred rendering in the
document's language, the matched words are the forbidden rendering itself (a stemmed,
inflected match such as "Kievs" cannot be re-inflected mechanically), its case pattern is
one the preferred rendering can follow (lower, UPPER, Title Case, first letter capital),
and no two fixes overlap. Everything else is reported as not fixed.

Files are edited where the reader says the text is, and nowhere else: the fixer works on
the file's own decoded text (BOM and line endings as they are), turns each matched
character's line and column (Segment.position) into an offset in that text, and splices
the replacement in, escaped as the format requires (PO `\\"`, `\\\\`; XML `&amp;`). The
result is parsed again with the format's reader (and, for PO, with polib entry by entry)
and must differ only in the expected texts, else the file is left alone. polib's `save()`
is never used: it re-wraps the whole file.

Planning reads each file's bytes once; applying writes only if the file still has those
bytes, atomically (temporary file in the same directory, same permission bits, fsync,
os.replace).

What is never written, only reported as not fixed: a read-only file (no write permission
bit, or not writable by this user), and a file that lies outside the paths checked once
symlinks are resolved (inside a directory given, or the directory of a file given: a
symlink planted in the tree cannot make --fix write elsewhere). A file with several hard
links is rewritten in place (after the same check that it still has the bytes it was
planned on), so every link keeps seeing one file. A temporary file left by a run that was
killed (`.NAME.xxxxxxxx.tmp` next to NAME, this module's naming) is removed by the next
run that writes NAME, unless a running termcheck still holds it.
"""

from __future__ import annotations

import codecs
import difflib
import os
import re
import stat
import tempfile
from dataclasses import dataclass, field
from typing import Callable, Iterable, Sequence

from checker.matching.corpus import DocumentMatches, match_document
from checker.documents.encoding import normalise_newlines
from checker.documents.model import Document, ReadError, Segment
from checker.glossary import Glossary, Rendering
from checker.matching.matcher import Match, Matcher
from checker.matching.normalise import normalise_word
from checker.matching.tokenise import splitter

CHANGED = "changed on disk since it was read; not fixed"
READ_ONLY = "read-only; not fixed"


@dataclass(frozen=True)
class Edit:
    """`old` (as the reader gives it) at path:line:column becomes `new`."""

    path: str
    line: int
    column: int
    old: str
    new: str
    term_id: str


@dataclass(frozen=True)
class Skipped:
    """A forbidden rendering left as it is, and why."""

    path: str
    line: int
    column: int
    text: str
    reason: str
    term_id: str = ""

    def __str__(self) -> str:
        term = f" [{self.term_id}]" if self.term_id else ""
        return f"{self.path}:{self.line}:{self.column}: not fixed{term}: '{self.text}': {self.reason}"


@dataclass(frozen=True)
class FileFix:
    """One file's planned change: the bytes it was read as and the bytes it will get."""

    path: str
    data: bytes
    new_data: bytes
    text: str  # decoded, BOM removed, line endings as in the file
    new_text: str
    edits: tuple[Edit, ...]
    #: the file written (symlinks resolved, when planned); "" for the path itself resolved then
    target: str = ""


@dataclass
class FixPlan:
    files: dict[str, FileFix] = field(default_factory=dict)
    skipped: list[Skipped] = field(default_factory=list)
    #: files that are not fixed at all, one line each (`path: error: message`)
    errors: list[str] = field(default_factory=list)
    #: the file each planned path writes (device and inode, else its resolved path) -> that path
    targets: dict[object, str] = field(default_factory=dict, repr=False)

    @property
    def edits(self) -> dict[str, list[Edit]]:
        return {path: list(f.edits) for path, f in sorted(self.files.items())}

    def messages(self) -> list[str]:
        """What was not fixed: one line per skipped occurrence, then per file in error."""
        skipped = sorted(self.skipped, key=lambda s: (s.path, s.line, s.column))
        return [str(s) for s in skipped] + list(self.errors)

    def summary(self) -> str:
        count = sum(len(f.edits) for f in self.files.values())
        files = len(self.files)
        text = f"{count} fix{'es' if count != 1 else ''} in {files} file{'s' if files != 1 else ''}"
        not_fixed = len(self.skipped) + len(self.errors)
        return text + (f"; {not_fixed} not fixed" if not_fixed else "")


# --- planning -------------------------------------------------------------------


def plan_paths(
    paths: Sequence[str],
    matcher: Matcher,
    *,
    lang: str | None = None,
    source_lang: str | None = "en",
    include_fuzzy: bool = False,
) -> FixPlan:
    """Read and match `paths` as `termcheck check` does, and plan their fixes.

    Files that cannot be read are left to the check's `read-error` findings.
    """
    from checker.documents import iter_documents

    matches = (
        match_document(doc, matcher, matcher.glossary, source_lang)
        for doc in iter_documents(paths, lang=lang, include_fuzzy=include_fuzzy)
        if not isinstance(doc, ReadError)
    )
    return plan_fixes(matches, matcher.glossary, roots=paths)


def plan_fixes(
    documents: Iterable[DocumentMatches],
    glossary: Glossary,
    *,
    honour_suppressions: bool = True,
    roots: Sequence[str] | None = None,
) -> FixPlan:
    """The fixes for the forbidden renderings found in `documents` (the pipeline's matches).

    A forbidden rendering silenced by a `termcheck: ignore` marker is a human decision
    (a quotation, a historical title): it is left alone unless `honour_suppressions` is off.
    `roots` are the paths checked (files or directories): a document whose file, symlinks
    resolved, lies outside them is not fixed; without roots, each document is taken as
    given by itself (its own directory is its tree).
    """
    plan = FixPlan()
    tree = _Tree(roots) if roots is not None else None
    for dm in documents:
        if dm.document.path in plan.files:
            continue  # the same file given twice
        _plan_document(dm, glossary, plan, honour_suppressions, tree or _Tree([dm.document.path]))
    return plan


class _Tree:
    """The directories --fix may write in: each directory given, and the directory of
    each file given (so a symlink given by name may point at a sibling), symlinks resolved."""

    def __init__(self, roots: Iterable[str]) -> None:
        self.directories: list[str] = []
        for root in roots:
            if os.path.isdir(root):
                self.directories.append(os.path.realpath(root))
            else:
                self.directories.append(os.path.realpath(os.path.dirname(os.path.abspath(root))))

    def holds(self, target: str) -> bool:
        for directory in self.directories:
            try:
                if os.path.commonpath([directory, target]) == directory:
                    return True
            except ValueError:  # different drives (Windows)
                continue
        return False


def _refusal(path: str, tree: _Tree) -> tuple[str, str | None]:
    """(the file --fix would write, why it must not); the reason is None when it may."""
    target = os.path.realpath(path)
    if not tree.holds(target):
        return target, f"is {target}, outside the paths checked; not fixed"
    if _read_only(target):
        return target, READ_ONLY
    return target, None


def _identity(target: str) -> object:
    try:
        info = os.stat(target)
    except OSError:
        return target
    return (info.st_dev, info.st_ino)


def _read_only(target: str) -> bool:
    """No write permission bit at all (root may write anyway: a read-only file is a
    decision), or not writable by this user."""
    try:
        mode = os.stat(target).st_mode
    except OSError:
        return False  # reading it will say what is wrong
    return not stat.S_IMODE(mode) & 0o222 or not os.access(target, os.W_OK)


@dataclass
class _Candidate:
    segment: Segment
    match: Match
    old: str
    line: int
    column: int
    new: str = ""
    #: (start, end, replacement) in the file's decoded text
    pieces: list[tuple[int, int, str]] = field(default_factory=list)


def _plan_document(
    dm: DocumentMatches, glossary: Glossary, plan: FixPlan, honour_suppressions: bool, tree: _Tree
) -> None:
    doc = dm.document
    syntax = _SYNTAX.get(doc.format)
    candidates = [
        _Candidate(unit.segment, m, unit.segment.text[m.start : m.end], *unit.segment.position(m.start))
        for unit in dm.units
        for m in unit.target
        if m.rendering.status == "forbidden"
    ]
    if not candidates:
        return
    if syntax is None or dm.language is None:
        for c in candidates:
            plan.skipped.append(_skip(doc.path, c, f"{doc.format} files cannot be fixed"))
        return
    path = doc.path
    target, refusal = _refusal(path, tree)
    if refusal:
        plan.errors.append(f"{path}: error: {refusal}")
        return
    identity = _identity(target)
    if identity in plan.targets:
        return  # the same file reached twice (a symlink, a hard link): fixed once, by its other name
    try:
        data = _read(path)
    except OSError as e:
        plan.errors.append(f"{path}: error: cannot read: {e.strerror or e}; not fixed")
        return
    # The matches were made on the file as the pipeline read it; they hold for these
    # bytes only if the reader gives back the very same segments (texts and places).
    try:
        before = _parse(doc, data)
    except ReadError:
        plan.errors.append(f"{path}: error: {CHANGED}")
        return
    if not {c.segment for c in candidates} <= set(before.segments):
        plan.errors.append(f"{path}: error: {CHANGED}")
        return
    decoded = _decode(data, doc.encoding)
    if decoded is None:
        plan.errors.append(f"{path}: error: cannot decode and re-encode as {doc.encoding} byte for byte; not fixed")
        return
    bom, codec, text = decoded
    starts = _line_starts(text)
    split = splitter(dm.language)
    suppressed = _suppressions(doc, text) if honour_suppressions else _never

    accepted: list[_Candidate] = []
    for c in candidates:
        if suppressed(c.line, c.match.rendering.term_id):
            plan.skipped.append(_skip(path, c, "suppressed by a termcheck: ignore marker"))
            continue
        reason = _prepare(c, dm.language, glossary, split, syntax, text, starts, codec)
        if reason:
            plan.skipped.append(_skip(path, c, reason))
        else:
            accepted.append(c)
    accepted = _without_overlaps(accepted, path, plan)
    if not accepted:
        return

    pieces = sorted((p for c in accepted for p in c.pieces), reverse=True)
    new_text = text
    for start, end, replacement in pieces:
        new_text = new_text[:start] + replacement + new_text[end:]
    new_data = bom + new_text.encode(codec)
    problem = _verify(doc, before, accepted, new_data, text, new_text)
    if problem:
        plan.errors.append(f"{path}: error: verification failed: {problem}; not fixed")
        return
    edits = tuple(
        Edit(path, c.line, c.column, c.old, c.new, c.match.rendering.term_id)
        for c in sorted(accepted, key=lambda c: (c.line, c.column))
    )
    plan.files[path] = FileFix(path, data, new_data, text, new_text, edits, target)
    plan.targets[identity] = path


def _never(line: int, term_id: str) -> bool:
    return False


def _suppressions(doc: Document, text: str) -> Callable[[int, str], bool]:
    """Whether a forbidden rendering of a term on a line is silenced by a marker.

    Uses checker.project.suppressions when it is there (PO: fuzzy entries' markers too, so a
    fix never overrides a marker the check might have honoured).
    """
    try:
        from checker.project.suppressions import scan_suppressions
    except ImportError:
        return _never
    found = [
        s
        for s in scan_suppressions(doc.path, normalise_newlines(text), doc.format, include_fuzzy=True)
        if not s.error
    ]
    if not found:
        return _never

    def suppressed(line: int, term_id: str) -> bool:
        return any(
            s.first_line <= line <= s.last_line
            and (s.rules is None or any(r == "forbidden-rendering" and t in (None, term_id) for r, t in s.rules))
            for s in found
        )

    return suppressed


def _skip(path: str, c: _Candidate, reason: str) -> Skipped:
    return Skipped(path, c.line, c.column, c.old, reason, c.match.rendering.term_id)


def _prepare(
    c: _Candidate,
    language: str,
    glossary: Glossary,
    split: Callable[[str], list[str]],
    syntax: _Syntax,
    text: str,
    starts: list[int],
    codec: str,
) -> str | None:
    """Fill in `c.new` and `c.pieces`; or say why `c` cannot be fixed."""
    rendering = c.match.rendering
    term = glossary.by_id.get(rendering.term_id) or next(
        (t for t in glossary.terms if t.id == rendering.term_id), None
    )
    preferred = term.preferred(language) if term is not None else None
    if term is None or preferred is None:
        return f"no preferred rendering in {language}"
    parts = split(c.old)
    words = parts[1::2]
    if [normalise_word(w) for w in words] != [normalise_word(w) for w in split(rendering.text)[1::2]]:
        return f"inflected form of '{rendering.text}'; fix by hand"
    cased = preferred.text if term.case_sensitive else _follow_case(words, rendering, preferred.text, split)
    if cased is None:
        return f"case pattern of '{c.old}' is unclear; fix by hand to '{preferred.text}'"

    located = _locate(c.segment, c.match.start, c.match.end, text, starts, syntax)
    if located is None:
        return "cannot locate the text in the file"
    raw_chars, groups = located
    if len(groups) > 1 and not syntax.split_ok:
        return "spans inline markup; fix by hand"

    # Keep the spacing the writer chose between words (a line break, a no-break space)
    # when both have as many words, only spaces between; else write the preferred as is.
    new_parts = split(cased)
    new_words = new_parts[1::2]
    gap_spans = _gap_spans(parts)
    if (
        len(new_words) == len(words)
        and all(c.old[a:b].isspace() for a, b in gap_spans)
        and all(cased[a:b].isspace() for a, b in _gap_spans(new_parts))
    ):
        logical, raw = list(new_parts), [syntax.escape(p) for p in new_parts]
        for i, (a, b) in zip(range(2, len(new_parts) - 1, 2), gap_spans):
            logical[i], raw[i] = c.old[a:b], "".join(raw_chars[a:b])
        new, raw_new = "".join(logical), "".join(raw)
    else:
        new, raw_new = cased, syntax.escape(cased)
    if new == c.old:
        return "the preferred rendering is written the same"
    try:
        raw_new.encode(codec)
    except UnicodeEncodeError:
        return f"'{new}' cannot be written in {codec}"
    c.new = new
    # The whole replacement goes where the match starts; the rest of a match that
    # continues on other PO lines is emptied, so the strings still concatenate right.
    c.pieces = [(groups[0][0], groups[0][1], raw_new)] + [(a, b, "") for a, b in groups[1:]]
    return None


def _gap_spans(parts: list[str]) -> list[tuple[int, int]]:
    """Offsets of the gaps between the words of re.split `parts` (not before or after)."""
    spans, offset = [], 0
    for i, part in enumerate(parts):
        if i % 2 == 0 and 0 < i < len(parts) - 1:
            spans.append((offset, offset + len(part)))
        offset += len(part)
    return spans


def _without_overlaps(candidates: list[_Candidate], path: str, plan: FixPlan) -> list[_Candidate]:
    """Drop (and report) every candidate whose pieces overlap another's."""
    spans = sorted((a, b, i) for i, c in enumerate(candidates) for a, b, _ in c.pieces)
    bad: set[int] = set()
    end, owner = -1, -1
    for a, b, i in spans:
        if a < end and i != owner:
            bad.update((i, owner))
        if b > end:
            end, owner = b, i
    for i in sorted(bad):
        plan.skipped.append(_skip(path, candidates[i], "overlaps another fix"))
    return [c for i, c in enumerate(candidates) if i not in bad]


# --- case -------------------------------------------------------------------------


def case_pattern(words: Sequence[str]) -> str:
    """'lower', 'upper', 'title' (each word capitalised), 'first' (first word only),
    'none' (no letter has case) or 'mixed'.

    One capitalised word is 'first': it says nothing about the words of a longer
    preferred rendering, which then keeps the glossary's spelling after its first letter.
    """
    joined = "".join(words)
    cased = [ch for ch in joined if ch.lower() != ch.upper()]
    if not cased:
        return "none"
    if joined == joined.lower():
        return "lower"
    if joined == joined.upper() and len(cased) > 1:
        return "upper"
    with_case = [w for w in words if w.lower() != w.upper()]
    capitalised = [w[:1] != w[:1].lower() and w[1:] == w[1:].lower() for w in with_case]
    if all(capitalised):
        return "title" if len(with_case) > 1 else "first"
    if capitalised[0] and all(w == w.lower() for w in with_case[1:]):
        return "first"
    return "mixed"


def _follow_case(
    words: Sequence[str], forbidden: Rendering, preferred: str, split: Callable[[str], list[str]]
) -> str | None:
    """`preferred` in the case pattern of the matched `words`; None if that is unclear."""
    pattern = case_pattern(words)
    if pattern == "lower":
        return preferred.lower()
    if pattern == "upper":
        return preferred.upper()
    if pattern in ("title", "first"):
        parts = split(preferred)
        for i in range(1, len(parts), 2):
            parts[i] = parts[i][:1].title() + parts[i][1:]
            if pattern == "first":
                break
        return "".join(parts)
    if pattern == "none" or preferred.lower() == preferred.upper():
        return preferred  # no case to follow, or none to give
    # Mixed ("McKinsey"): fine if written exactly as the glossary writes the forbidden one.
    written = [normalise_word(w, casefold=False) for w in split(forbidden.text)[1::2]]
    if [normalise_word(w, casefold=False) for w in words] == written:
        return preferred
    return None


# --- formats ------------------------------------------------------------------------


class _Syntax:
    """How a format writes a text character: its length in the file, unescaping, escaping."""

    split_ok = False  # may one match's text be spread over separate places in the file?

    def char_length(self, raw: str, offset: int) -> int:
        return 2 if raw.startswith("\r\n", offset) else 1

    def unescape(self, raw: str) -> str:
        return normalise_newlines(raw)

    def escape(self, text: str) -> str:
        return text


_PO_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "v": "\v", "b": "\b", "f": "\f", "\\": "\\", '"': '"'}
_PO_ESCAPE = re.compile(r'\\([\\ntrvbf"])')  # polib.unescape's pattern


class _Po(_Syntax):
    split_ok = True  # continuation lines: "..." "..." concatenate

    def char_length(self, raw: str, offset: int) -> int:
        return 2 if raw[offset] == "\\" and raw[offset + 1 : offset + 2] in _PO_ESCAPES else 1

    def unescape(self, raw: str) -> str:
        return _PO_ESCAPE.sub(lambda m: _PO_ESCAPES[m.group(1)], raw)

    def escape(self, text: str) -> str:
        import polib

        return polib.escape(text)


_XML_REF = re.compile(r"&(?:#[0-9]+|#x[0-9A-Fa-f]+|[A-Za-z_][A-Za-z0-9._-]*);")
_XML_ENTITIES = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'"}


class _Xml(_Syntax):
    def char_length(self, raw: str, offset: int) -> int:
        if raw[offset] == "&":
            m = _XML_REF.match(raw, offset)
            return m.end() - offset if m else 1
        return super().char_length(raw, offset)

    def unescape(self, raw: str) -> str:
        def ref(m: re.Match[str]) -> str:
            name = m.group()[1:-1]
            if name.startswith("#x"):
                return chr(int(name[2:], 16))
            if name.startswith("#"):
                return chr(int(name[1:]))
            return _XML_ENTITIES.get(name, m.group())

        return _XML_REF.sub(ref, normalise_newlines(raw))

    def escape(self, text: str) -> str:
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


_SYNTAX: dict[str, _Syntax] = {"text": _Syntax(), "markdown": _Syntax(), "po": _Po(), "xliff": _Xml()}


def _line_starts(text: str) -> list[int]:
    """Offset of each line of `text`; lines end at \\r\\n, \\r or \\n, as the readers count them."""
    return [0] + [m.end() for m in re.finditer(r"\r\n|\r|\n", text)]


def _locate(
    segment: Segment, start: int, end: int, text: str, starts: list[int], syntax: _Syntax
) -> tuple[list[str], list[tuple[int, int]]] | None:
    """Each character of segment.text[start:end] as written in the file, and the runs of
    the file they occupy; None unless unescaping them gives back exactly those characters.
    """
    raw_chars: list[str] = []
    groups: list[list[int]] = []
    for k in range(start, end):
        line, column = segment.position(k)
        if not 0 < line <= len(starts) or column < 1:
            return None
        offset = starts[line - 1] + column - 1
        line_end = starts[line] if line < len(starts) else len(text)
        if offset >= line_end:
            return None
        length = syntax.char_length(text, offset)
        raw_chars.append(text[offset : offset + length])
        if groups and groups[-1][1] == offset:
            groups[-1][1] = offset + length
        else:
            groups.append([offset, offset + length])
    if any(syntax.unescape(ch) != segment.text[start + i] for i, ch in enumerate(raw_chars)):
        return None
    return raw_chars, [(a, b) for a, b in groups]


# --- reading and checking ---------------------------------------------------------------

# Longest first: the UTF-32-LE BOM starts with the UTF-16-LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def _read(path: str) -> bytes:
    with open(path, "rb") as fh:
        return fh.read()


def _decode(data: bytes, encoding: str) -> tuple[bytes, str, str] | None:
    """(BOM, codec, text) such that BOM + text.encode(codec) == data, or None."""
    try:
        family = codecs.lookup(encoding).name[:6]  # "utf-8", "utf-16", "utf-32", else other
    except LookupError:
        return None
    bom, codec = b"", encoding
    for mark, name in _BOMS:
        if data.startswith(mark) and name.startswith(family):
            bom, codec = mark, name
            break
    try:
        text = data[len(bom) :].decode(codec)
        if bom + text.encode(codec) != data:
            return None
    except (UnicodeError, LookupError):
        return None
    return bom, codec, text


def _parse(doc: Document, data: bytes) -> Document:
    """`data` read with `doc`'s reader (PO: fuzzy entries too, a superset of any run's)."""
    if doc.format == "text":
        from checker.documents.text import read_text

        return read_text(doc.path, data)
    if doc.format == "markdown":
        from checker.documents.markdown import read_markdown

        return read_markdown(doc.path, data)
    if doc.format == "po":
        from checker.documents.po import read_po

        return read_po(doc.path, data, include_fuzzy=True)
    if doc.format == "xliff":
        from checker.documents.xliff import read_xliff

        return read_xliff(doc.path, data)
    raise ReadError(doc.path, f"no reader for {doc.format}")


def _apply_to_segment(segment: Segment, candidates: list[_Candidate]) -> str:
    out = segment.text
    for c in sorted(candidates, key=lambda c: c.match.start, reverse=True):
        out = out[: c.match.start] + c.new + out[c.match.end :]
    return out


def _verify(
    doc: Document,
    before: Document,
    accepted: list[_Candidate],
    new_data: bytes,
    text: str,
    new_text: str,
) -> str | None:
    """Why the new bytes are not exactly the old ones with the planned texts changed; None if they are."""
    by_segment: dict[Segment, list[_Candidate]] = {}
    for c in accepted:
        by_segment.setdefault(c.segment, []).append(c)
    expected = {seg: _apply_to_segment(seg, cs) for seg, cs in by_segment.items()}
    try:
        after = _parse(doc, new_data)
    except ReadError as e:
        return f"the fixed file cannot be read ({e.message})"
    want = [(s.unit_id, s.source, expected.get(s, s.text), s.comments) for s in before.segments]
    got = [(s.unit_id, s.source, s.text, s.comments) for s in after.segments]
    if want != got:
        for w, g in zip(want, got):
            if w != g:
                return f"expected {w[2]!r}, read back {g[2]!r}"
        return "the fixed file has other segments"
    if doc.format == "po":
        return _verify_po(before, expected, text, new_text)
    return None


_PO_FIELDS = (
    "msgctxt", "msgid", "msgid_plural", "msgstr", "msgstr_plural", "comment", "tcomment", "occurrences",
    "flags", "previous_msgctxt", "previous_msgid", "previous_msgid_plural", "obsolete", "linenum",
)  # fmt: skip


def _verify_po(before: Document, expected: dict[Segment, str], text: str, new_text: str) -> str | None:
    """polib reads the fixed file with exactly the planned msgstr changed and all else equal."""
    import polib

    from checker.documents.po import _Lines  # the reader's line splitting, so polib agrees with it

    encoding = before.encoding
    try:
        old = polib.pofile(_Lines(normalise_newlines(text)), encoding=encoding)
        new = polib.pofile(_Lines(normalise_newlines(new_text)), encoding=encoding)
    except Exception as e:  # polib signals syntax errors with bare IOError/ValueError
        return f"polib cannot read the fixed file ({e})"
    if (old.header, old.metadata, old.metadata_is_fuzzy) != (new.header, new.metadata, new.metadata_is_fuzzy):
        return "the PO header changed"
    # Where each planned segment's text lives: unit id -> (entry, plural index or None).
    places: dict[str, list[tuple[int, int | None]]] = {}
    for i, entry in enumerate(old):
        if entry.obsolete:
            continue
        unit = entry.msgid if entry.msgctxt is None else f"{entry.msgctxt}\x04{entry.msgid}"
        if entry.msgstr_plural:
            for n in entry.msgstr_plural:
                places.setdefault(f"{unit}[{n}]", []).append((i, n))
        else:
            places.setdefault(unit, []).append((i, None))
    wanted: list[dict] = [{f: _copy(getattr(e, f)) for f in _PO_FIELDS} for e in old]
    for segment, value in expected.items():
        found = places.get(segment.unit_id or "", [])
        if len(found) != 1:
            return f"cannot tell which entry {segment.unit_id!r} is"
        i, n = found[0]
        if n is None:
            wanted[i]["msgstr"] = value
        else:
            wanted[i]["msgstr_plural"][n] = value
    if len(new) != len(old):
        return "polib reads a different number of entries"
    for want, entry in zip(wanted, new):
        got = {f: _copy(getattr(entry, f)) for f in _PO_FIELDS}
        if got != want:
            diff = [f for f in _PO_FIELDS if got[f] != want[f]]
            return f"entry {entry.msgid!r} at line {entry.linenum}: {', '.join(diff)} changed"
    return None


def _copy(value):  # noqa: ANN001, ANN202
    return dict(value) if isinstance(value, dict) else list(value) if isinstance(value, list) else value


# --- output -----------------------------------------------------------------------------


def _lines(text: str) -> list[str]:
    lines = re.split(r"\r\n|\r|\n", text)
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def render_diff(plan: FixPlan) -> str:
    """A unified diff (`--- a/PATH` / `+++ b/PATH`) of every planned change, files in path order."""
    out: list[str] = []
    for path, fix in sorted(plan.files.items()):
        name = path.lstrip("/")
        out.extend(
            difflib.unified_diff(
                _lines(fix.text), _lines(fix.new_text), f"a/{name}", f"b/{name}", lineterm=""
            )
        )
    return "".join(line + "\n" for line in out)


# --- writing -------------------------------------------------------------------------------


class _Changed(Exception):
    pass


class _Refused(Exception):
    pass


def apply_fixes(plan: FixPlan) -> list[str]:
    """Write every planned file; the error lines of the files that could not be written.

    (The plan's own `messages()` list what was not fixed while planning.)
    """
    errors: list[str] = []
    for path, fix in sorted(plan.files.items()):
        try:
            _write(fix)
        except _Changed:
            errors.append(f"{path}: error: {CHANGED}")
        except _Refused as e:
            errors.append(f"{path}: error: {e}")
        except OSError as e:
            errors.append(f"{path}: error: cannot write: {e.strerror or e}; not fixed")
    return errors


def _write(fix: FileFix) -> None:
    """Replace the file's contents, if it still has the bytes it was planned on:
    atomically (a temporary file renamed over it), or in place if it has hard links."""
    target = os.path.realpath(fix.path)  # write through a symlink, do not replace it
    if fix.target and target != fix.target:
        raise _Changed  # a symlink that now points elsewhere
    if _read_only(target):
        raise _Refused(READ_ONLY)
    directory = os.path.dirname(target) or "."
    _remove_stale_temporaries(directory, os.path.basename(target))
    info = os.stat(target)
    if info.st_nlink > 1:
        _write_in_place(target, fix)
        return
    if _read(target) != fix.data:
        raise _Changed
    fd, temporary = tempfile.mkstemp(prefix=_temporary_prefix(target), suffix=".tmp", dir=directory)
    try:
        _lock(fd)  # held until the file is renamed or removed: not stale while this run lives
        with os.fdopen(fd, "wb") as fh:
            fh.write(fix.new_data)
            fh.flush()
            os.fsync(fh.fileno())
            os.chmod(temporary, stat.S_IMODE(info.st_mode))
            if hasattr(os, "chown") and (info.st_uid, info.st_gid) != (os.getuid(), os.getgid()):
                try:
                    os.chown(temporary, info.st_uid, info.st_gid)
                except OSError:
                    pass  # only root may give a file away; the content matters more
            # Last look before replacing: an editor may have saved in the meantime.
            if _read(target) != fix.data:
                raise _Changed
            if os.name != "nt":
                os.replace(temporary, target)  # still locked: no other run takes it for stale
        if os.name == "nt":
            os.replace(temporary, target)  # Windows renames no open file
    except BaseException:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        raise
    _fsync_directory(directory)


def _write_in_place(target: str, fix: FileFix) -> None:
    """Overwrite the file through its own descriptor (same inode: hard links stay one file),
    after checking on that descriptor that it still holds the planned-on bytes."""
    fd = os.open(target, os.O_RDWR | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0))
    with os.fdopen(fd, "r+b") as fh:
        _lock(fh.fileno())
        if fh.read() != fix.data:
            raise _Changed
        fh.seek(0)
        fh.write(fix.new_data)
        fh.truncate()
        fh.flush()
        os.fsync(fh.fileno())


def _temporary_prefix(target: str) -> str:
    return f".{os.path.basename(target)}."


def _lock(fd: int) -> None:
    """An exclusive advisory lock on `fd` (released when it is closed, or the process dies)."""
    try:
        import fcntl
    except ImportError:
        return
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        pass


#: what tempfile.mkstemp adds between prefix and suffix
_RANDOM = re.compile(r"[a-z0-9_]{8}\.tmp")


def _remove_stale_temporaries(directory: str, name: str) -> None:
    """Remove `.NAME.xxxxxxxx.tmp` files a killed run left next to NAME: regular files of
    this user that no running process holds locked (without fcntl: older than an hour)."""
    prefix = f".{name}."
    try:
        entries = [
            e for e in os.scandir(directory) if e.name.startswith(prefix) and _RANDOM.fullmatch(e.name, len(prefix))
        ]
    except OSError:
        return
    try:
        import fcntl
    except ImportError:
        fcntl = None  # type: ignore[assignment]
    import time

    for entry in entries:
        try:
            info = entry.stat(follow_symlinks=False)
            if not stat.S_ISREG(info.st_mode) or (hasattr(os, "geteuid") and info.st_uid != os.geteuid()):
                continue
            if fcntl is None:
                if time.time() - info.st_mtime > 3600:
                    os.unlink(entry.path)
                continue
            fd = os.open(entry.path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                continue  # a running termcheck is writing it
            else:
                os.unlink(entry.path)
            finally:
                os.close(fd)
        except OSError:
            continue


def _fsync_directory(directory: str) -> None:
    """Make the rename durable (POSIX); harmless where directories cannot be opened."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
