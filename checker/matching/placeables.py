"""Placeables: the parts of a text that are code, not words (format codes, markup, URLs...).

`mask(text, flags)` returns `text` with every placeable's characters replaced by U+FFFC,
one for one, so offsets, lines and columns stay exact while no term, no language
guess and no fix can ever see "object" in `%(object)s` or "fsf" in `<https://fsf.org/>`.
U+FFFC is neither a word character nor white space: a term never matches across a
masked placeable ("indivisible %s security" is not "indivisible security").

Every reader's text goes through the same mask before matching, discovery, language
detection and `--fix` (see corpus.match_document, checks.wrong_language, language).

What is masked (docs/placeables.md has the table):

| syntax | example | masked |
|---|---|---|
| printf | `%s`, `%d`, `%(name)s`, `%1$s`, `%%` | the whole code |
| brace formats | `{0}`, `{name}`, `{name!r:>10}`, `{}` | the whole code |
| ICU MessageFormat | `{count, plural, one {# item} other {# items}}` | the argument, keywords, selectors, braces and `#`; the branch text is kept |
| Django/Jinja | `{{ value }}`, `{{ x|date }}`, `{% url 'a' %}` | the whole tag |
| Symfony/Ruby | `%count%`, `%{count}` | the whole code |
| HTML/XML | `<a href="...">`, `</b>`, `<br/>`, `<!-- -->`, `&amp;`, `&#160;` | tags with their attributes, comments, entities |
| URLs, e-mail | `https://fsf.org/`, `www.example.com`, `fsf@gitster.g` | the address |
| file paths | `/usr/share/doc`, `~/.config/x`, `./manage.py`, `C:\\Temp\\x` | the path |
| reStructuredText | ``:ref:`target` ``, ` ``literal`` ` | role and its text, literals |
| Markdown | `` `code` ``, `[text](target)` | inline code, link targets (the link text is kept) |
| Apple, Qt | `%@`, `%1$@`, `%#@files@`; `%1`, `%L2`, `%n` | the whole code |
| i18next, Chrome | `$t(key)`, `$DOMAIN$` | the whole code |

Why not a library: Translate Toolkit's placeables (`translate.storage.placeables.general`)
cover most of these with regexes too, but return string elements rather than offsets,
need lxml and a Rust extension, and do not parse ICU plural branches; Weblate's format
checks live inside a Django application. These patterns follow theirs (and the gettext
manual's format-string definitions), compiled into one regex.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable, Iterator

MASK = "\ufffc"

# printf: conversions the gettext `c-format` and `python-format` flags describe. Without a
# flag, the space flag is not taken: "100 % sure" is prose, not "% s".
# (`@` is Objective-C's and Swift's object conversion: `%@`, `%1$@`.)
_PRINTF_STRICT = r"%(?:\(\w+\)|\d+\$)?[-+0#']?(?:\d+|\*)?(?:\.(?:\d+|\*))?(?:hh|h|ll|l|L|q|j|z|t)?[diouxXeEfFgGcrsaAp@]"
_PRINTF_SPACE = r"%(?:\(\w+\)|\d+\$)?[- +0#']{0,3}(?:\d+|\*)?(?:\.(?:\d+|\*))?(?:hh|h|ll|l|L|q|j|z|t)?[diouxXeEfFgGcrsaAp@]"

_FILE_TYPES = (
    "html?|xhtml|css|js|mjs|ts|json|xml|ya?ml|toml|ini|cfg|conf|txt|md|rst|po|pot|mo|xliff|xlf|tmx|"
    "py|pyc|rb|php|java|c|h|cpp|go|rs|sh|bat|exe|dll|so|csv|tsv|pdf|png|jpe?g|gif|svg|ico|zip|gz|tar|log|sql|db|sqlite3?"
)

# Each alternative with what a text must contain for it to match anywhere (any one of the
# strings, ".x" meaning a dot before a letter): a text is scanned with only the alternatives
# it can hold, and one alternative that may start at any word costs far less than all of
# them (a leftmost-first scan drops nothing by leaving out what cannot match).
_COMMON = [
    # Django/Jinja first: `{{ x }}` is not two brace formats.
    (r"\{\{.*?\}\}", ("{",)),
    (r"\{%.*?%\}", ("{",)),
    (r"\{#.*?#\}", ("{",)),
    # HTML/XML comments, tags (with attributes), entities.
    (r"<!--.*?-->", ("<",)),
    (r"</?[A-Za-z][\w:.-]*(?:\s+[^<>]*?)?/?>", ("<",)),
    (r"&(?:[A-Za-z][A-Za-z0-9]{1,31}|#\d{1,7}|#[xX][0-9A-Fa-f]{1,6});", ("&",)),
    # URLs (trailing sentence punctuation stays prose) and e-mail addresses.
    (r"(?:(?:https?|ftps?|file|sftp|ssh|git|irc|news|mailto):(?://)?|www\.)[^\s<>\"'`\u00ab\u00bb\u201c\u201d]*[^\s<>\"'`.,;:!?)\]}\u00ab\u00bb\u201c\u201d]",
     (":", "www.")),
    # (from the start of a token only: tried inside every word, it rescanned the word)
    (r"(?<![\w.+-])[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*", ("@",)),
    # File paths: rooted, home or relative with ./ ../, or a drive letter.
    (r"(?<![\w/.])/[\w.+-]+(?:/[\w.+-]*)+", ("/",)),
    (r"(?<![\w/.])(?:~|\.{1,2})/[\w.+-]+(?:/[\w.+-]*)*", ("/",)),
    (r"\b[A-Za-z]:\\[\w.+-]+(?:\\[\w.+-]*)*", ("\\",)),
    # Relative paths and file names with a file type: "flatpages/default.html", "setup.cfg".
    (r"\b[\w-]+(?:[./][\w-]+)*\.(?:" + _FILE_TYPES + r")\b", (".x",)),
    # reStructuredText roles and literals; Markdown inline code and link targets.
    (r":[A-Za-z][\w+.-]*(?::[A-Za-z][\w+.-]*)*:`[^`]*`", ("`",)),
    (r"``[^`\n]+``", ("`",)),
    (r"`[^`\n]+`", ("`",)),
    (r"(?<=\])\([^()\s]*(?:\s+\"[^\"]*\")?\)", ("](",)),
    (r"%%", ("%",)),
]

# ICU MessageFormat arguments and Python/.NET/Java brace formats; the ICU complex forms
# (plural, select, selectordinal) are handled by a scanner so their branch text is kept.
_ICU_COMPLEX = re.compile(r"\{\s*\w+\s*,\s*(?:plural|selectordinal|select)\s*,")
_BRACE = r"\{(?:[A-Za-z_][\w.]*|\d+)?(?:\[[^\[\]{}]*\])*(?:![rsa])?(?::[^{}]*)?\}|\{\s*\w+\s*,\s*\w+(?:\s*,[^{}]*)?\}"


def _compile(printf: str | None, present: frozenset[str] | None = None) -> re.Pattern[str]:
    """The placeable regex; given `present` (see _present), only the alternatives a text
    holding just those strings can match."""
    # Symfony `%count%` and Ruby `%{count}` before printf: `%c` is not what `%count%` means.
    alternatives = [(r"%\{\w+\}", ("%",)), (r"%[A-Za-z_][\w.]+%", ("%",))]
    # Apple .stringsdict variables (`%#@items@`) before printf, which would take `%#@` alone.
    alternatives.append((r"%#@\w+@", ("%",)))
    if printf is not None:
        alternatives.append((printf, ("%",)))
    # Qt: `%1`..`%99`, `%L1` (localized number), `%n` (the plural count); after printf,
    # so `%1$s` stays one code.
    alternatives.append((r"%L?[1-9]\d?(?!\d)|%n(?![A-Za-z])", ("%",)))
    # i18next nesting: `$t(key)`, `$t(key, {"count": 2})`; Chrome extension placeholders `$name$`.
    alternatives.append((r"\$t\([^()]*\)", ("$",)))
    alternatives.append((r"\$[A-Za-z_][\w@]*\$", ("$",)))
    alternatives += _COMMON
    alternatives.append((_BRACE, ("{",)))
    parts = [p for p, needs in alternatives if present is None or any(n in present for n in needs)]
    if not parts:
        return _NOTHING
    return re.compile("|".join(f"(?:{p})" for p in parts), re.DOTALL)


_NOTHING = re.compile(r"(?!)")
_PRINTF = {"strict": _PRINTF_STRICT, "space": _PRINTF_SPACE, "none": None}


@lru_cache(maxsize=None)
def _pattern(kind: str, present: frozenset[str] | None = None) -> re.Pattern[str]:
    # Compiled on first use: a pre-commit run on text without placeables never pays for it.
    return _compile(_PRINTF[kind], present)


_NEEDED = ("%", "{", "<", "&", "@", "/", "\\", "`", ":", "www.", "](", "$")


def _present(text: str) -> frozenset[str]:
    """Which of the strings the alternatives need occur in `text` (C-speed substring tests)."""
    found = [n for n in _NEEDED if n in text]
    if _DOT_LETTER.search(text) is not None:
        found.append(".x")
    return frozenset(found)
# Characters without which no placeable can start: most prose paragraphs skip the regex.
_TRIGGER_CHARS = "%{<&@/\\`$"
# A dot followed by a letter: file names ("setup.cfg"); prose puts a space after its dots.
_DOT_LETTER = re.compile(r"\.[A-Za-z]")


def _may_hold_placeables(text: str) -> bool:
    # Substring tests run at C speed; one regex with these alternatives costs a third of
    # matching on plain prose.
    for c in _TRIGGER_CHARS:
        if c in text:
            return True
    return "www." in text or "](" in text or _DOT_LETTER.search(text) is not None


def _pattern_for(flags: Iterable[str], present: frozenset[str] | None = None) -> re.Pattern[str]:
    flags = set(flags)
    if any(f.startswith("no-") and f.endswith("-format") for f in flags) and not any(
        f in flags for f in ("c-format", "python-format", "javascript-format", "php-format")
    ):
        return _pattern("none", present)
    if flags & {"c-format", "python-format", "php-format", "perl-format", "sh-format", "awk-format", "javascript-format"}:
        return _pattern("space", present)
    return _pattern("strict", present)


def spans(text: str, flags: Iterable[str] = ()) -> list[tuple[int, int]]:
    """(start, end) of every placeable in `text`, in order, not overlapping.

    `flags` are a PO entry's flags (`python-format`, `c-format`, `no-c-format`, ...):
    they say which printf syntax to expect.
    """
    if not text or not _may_hold_placeables(text):
        return []
    pattern = _pattern_for(flags, _present(text))
    if "{" in text:  # an ICU plural or select argument needs one: walk it
        found = list(_spans(text, pattern))
        found.sort()
    else:
        found = [m.span() for m in pattern.finditer(text)]  # in order already
    merged: list[tuple[int, int]] = []
    for start, end in found:
        if merged and start <= merged[-1][1]:
            if end > merged[-1][1]:
                merged[-1] = (merged[-1][0], end)
        elif end > start:
            merged.append((start, end))
    return merged


def _spans(text: str, pattern: re.Pattern[str], pos: int = 0, n: int | None = None) -> Iterator[tuple[int, int]]:
    n = len(text) if n is None else n
    while pos < n:
        icu = _ICU_COMPLEX.search(text, pos, n)
        stop = icu.start() if icu else n
        for m in pattern.finditer(text, pos, stop):
            yield m.start(), m.end()
        if icu is None:
            return
        end = _matching_brace(text, icu.start(), n)
        if end is None:  # unbalanced: not ICU after all; mask the head only
            yield icu.start(), icu.end()
            pos = icu.end()
            continue
        yield from _icu(text, icu.start(), end, pattern)
        pos = end


def mask(text: str, flags: Iterable[str] = ()) -> str:
    """`text` with every placeable's characters replaced by U+FFFC (same length)."""
    found = spans(text, flags)
    if not found:
        return text
    out: list[str] = []
    last = 0
    for start, end in found:
        out.append(text[last:start])
        out.append(MASK * (end - start))
        last = end
    out.append(text[last:])
    return "".join(out)


def _matching_brace(text: str, start: int, n: int) -> int | None:
    """Offset just after the `}` closing the `{` at `start` (ICU quoting ignored)."""
    depth = 0
    for i in range(start, n):
        c = text[i]
        if c == "{":
            depth += 1
        elif c == "}":
            depth -= 1
            if depth == 0:
                return i + 1
    return None


_SELECTOR = re.compile(r"\s*(?:offset:\s*\d+\s*)?(=?[\w-]+)\s*\{")


def _icu(text: str, start: int, end: int, pattern: re.Pattern[str]) -> Iterator[tuple[int, int]]:
    """Spans of an ICU plural/select argument text[start:end]: all but the branch texts."""
    head = _ICU_COMPLEX.match(text, start)
    assert head is not None
    plural = "plural" in head.group(0) or "selectordinal" in head.group(0)
    pos = head.end()
    masked_from = start
    close = end - 1  # the argument's closing brace
    while pos < close:
        sel = _SELECTOR.match(text, pos)
        if sel is None:
            break
        branch_end = _matching_brace(text, sel.end() - 1, end)
        if branch_end is None or branch_end > end:
            break
        yield masked_from, sel.end()  # keyword/selector and the branch's opening brace
        inner_start, inner_end = sel.end(), branch_end - 1
        yield from _branch(text, inner_start, inner_end, pattern, plural)
        masked_from = inner_end
        pos = branch_end
    yield masked_from, end


def _branch(text: str, start: int, end: int, pattern: re.Pattern[str], plural: bool) -> Iterator[tuple[int, int]]:
    """Placeables inside one ICU branch (nested arguments, `#` in plural branches)."""
    yield from _spans(text, pattern, start, end)
    if plural:
        i = text.find("#", start, end)
        while i != -1:
            yield i, i + 1
            i = text.find("#", i + 1, end)
