"""Inline AsciiDoc: which characters of a block are prose, which are marks, which are code.

`spans(s)` splits a block's text into the runs of prose to keep, in order, and the places
where something that is not prose stands (one U+FFFC each in the segment):

- formatting marks are dropped and their text kept: `*strong*`, `_emphasis_`, `#mark#`,
  `**un**constrained`, `[.role]#text#`, `~sub~`, `^super^`, "`curved quotes`";
- code and passthroughs are objects: `` `mono` ``, ``` ``mono`` ```, `+pass+`, `++pass++`,
  `pass:[...]`, `stem:[...]`, `kbd:[...]`, attribute references `{name}`, URLs, `<<id>>`,
  index terms `(((...)))`, inline anchors `[[id]]`, and any inline macro `name:target[...]`
  not listed below;
- of `link:`, `xref:`, `mailto:`, URL macros (`https://host[text]`), `<<id,text>>`,
  `footnote:[text]`, `btn:[label]`, `menu:File[Save]` and `image:file[alt]`, the text is kept
  and the rest is an object;
- a backslash that escapes markup is dropped, and so is a trailing ` +` (a hard line break).

Characters the block scanner has already ruled out (list markers, admonition labels,
comment lines) arrive as NUL and are dropped.
"""

from __future__ import annotations

import re
from functools import lru_cache

# One alternative per construct, with the strings a text must hold for it to match (a block
# is scanned with only the alternatives it can hold: most prose has no `:` and no `+`). The
# first that matches at a place wins (order matters: `**` before `*`, curved quotes before
# monospace).
_ALTERNATIVES = (
    (r"(?P<escape>\\(?=[*_#`+{\[<~^\\|]))", ("\\",)),
    (r"(?P<passmacro>\b(?:pass|stem|latexmath|asciimath|kbd|icon|anchor|indexterm2?|footnoteref)"
     r":[^\s\[\]]*\[(?:\\\]|[^\]])*\])", (":",)),
    (r"(?P<textmacro>\b(?P<macro>link|xref|mailto|footnote|btn|menu|image):(?P<target>[^\s\[\]]*)"
     r"\[(?P<label>(?:\\\]|[^\]])*)\])", (":",)),
    (r"(?P<urlmacro>\b(?:https?|ftp|irc|file)://[^\s\[\]<>]+\[(?P<urllabel>(?:\\\]|[^\]])*)\])", (":",)),
    (r"(?P<url>\b(?:https?|ftp|irc|file)://[^\s\[\]<>]*[^\s\[\]<>.,;:!?)'\"])", (":",)),
    (r"(?P<othermacro>\b[a-z][a-z0-9_-]*:[^\s\[\]]*\[(?:\\\]|[^\]])*\])", (":",)),
    (r"(?P<xref><<(?P<xrefid>[^,<>\n]+)(?:,\s*(?P<xreftext>[^<>]*?))?>>)", ("<<",)),
    (r"(?P<index>\(\(\(.*?\)\)\)|\[\[[^\[\]\n]*\]\])", ("(((", "[[")),
    (r"(?P<curved>(?P<cq>[\"'])`(?P<curvedtext>[^`\n].*?)`(?P=cq))", ("`",)),
    (r"(?P<mono2>``.+?``)", ("`",)),
    (r"(?P<mono>(?<![\w`])`(?=\S).*?(?<=\S)`(?![\w`]))", ("`",)),
    (r"(?P<pass3>\+\+\+.*?\+\+\+|\+\+.+?\+\+)", ("+",)),
    (r"(?P<pass1>(?<![\w+])\+(?=\S).*?(?<=\S)\+(?![\w+]))", ("+",)),
    (r"(?P<attribute>\{[\w][\w-]*\})", ("{",)),
    (r"(?P<role>\[[.#%][^\]\n]*\](?=[#*_]))", ("[",)),
    (r"(?P<double>(?P<dm>\*\*|__|\#\#)(?P<doubletext>.+?)(?P=dm))", ("**", "__", "##")),
    (r"(?P<single>(?<![\w;:}\\])(?P<sm>[*_#])(?=\S)(?P<singletext>.*?\S)(?P=sm)(?!\w))", ("*", "_", "#")),
    (r"(?P<subsup>(?P<ssm>[~^])(?P<subsuptext>[^\s~^]+)(?P=ssm))", ("~", "^")),
    (r"(?P<hardbreak>[ \t]\+(?=\n|$))", ("+",)),
)
_TRIGGERS = tuple(sorted({t for _, needs in _ALTERNATIVES for t in needs}))
_NOTHING = re.compile(r"(?!)")


@lru_cache(maxsize=None)
def _token(present: frozenset[str]) -> re.Pattern[str]:
    """The token regex for a text holding just the `present` trigger strings."""
    parts = [p for p, needs in _ALTERNATIVES if any(n in present for n in needs)]
    return re.compile("|".join(parts), re.S) if parts else _NOTHING


def spans(
    s: str, start: int = 0, end: int | None = None, token: re.Pattern[str] | None = None
) -> list[tuple[int, int] | int]:
    """The prose of s[start:end], in order: (a, b) for a run to keep, a lone offset for an
    object (code, a link target...) standing there."""
    end = len(s) if end is None else end
    if token is None:
        token = _token(frozenset(t for t in _TRIGGERS if t in s))
    out: list[tuple[int, int] | int] = []
    pos = start
    while pos < end:
        m = token.search(s, pos, end)
        if m is None:
            _keep(s, pos, end, out)
            break
        _keep(s, pos, m.start(), out)
        pos = m.end()
        kind = m.lastgroup if m.lastgroup in _KINDS else _kind(m)
        if kind == "escape":
            # The escaped character is text: keep it (and do not read it as markup).
            _keep(s, m.end(), m.end() + 1, out)
            pos = m.end() + 1
        elif kind == "textmacro":
            out.append(m.start())
            if m.group("macro") == "menu":
                out.extend(spans(s, m.start("target"), m.end("target"), token))
            macro = m.group("macro")
            _label(s, m.start("label"), m.end("label"), out, macro in ("footnote", "btn", "menu"), macro == "image", token)
        elif kind == "urlmacro":
            out.append(m.start())
            _label(s, m.start("urllabel"), m.end("urllabel"), out, False, False, token)
        elif kind == "xref":
            out.append(m.start())
            if m.group("xreftext"):
                out.extend(spans(s, m.start("xreftext"), m.end("xreftext"), token))
        elif kind in ("curved", "double", "single", "subsup"):
            group = {"curved": "curvedtext", "double": "doubletext", "single": "singletext", "subsup": "subsuptext"}[kind]
            out.extend(spans(s, m.start(group), m.end(group), token))
        elif kind in ("role", "hardbreak"):
            pass  # marks only
        else:
            out.append(m.start())
    return out


_KINDS = frozenset(
    {"escape", "passmacro", "textmacro", "urlmacro", "url", "othermacro", "xref", "index", "curved", "mono2", "mono",
     "pass3", "pass1", "attribute", "role", "double", "single", "subsup", "hardbreak"}
)


def _kind(m: re.Match[str]) -> str:
    # lastgroup names the last group closed, an inner one for some alternatives.
    for name in _KINDS:
        if m.group(name) is not None:
            return name
    return "object"  # pragma: no cover - every alternative is named


def _label(
    s: str, a: int, b: int, out: list[tuple[int, int] | int], whole: bool, first: bool, token: re.Pattern[str]
) -> None:
    """A macro's text: all of it, or (links) the first attribute when named ones
    (`window=_blank`) follow, or (images: alt, width, height) the first; without the `^` that
    asks for a new window."""
    label = s[a:b]
    if first:
        label = label.split(",")[0]
    if not whole and "=" in label:
        first = label.split(",")[0]
        label = "" if "=" in first else first
    label = label.rstrip()
    if label.endswith("^"):
        label = label[:-1]
    if label.strip():
        out.extend(spans(s, a, a + len(label), token))


def _keep(s: str, a: int, b: int, out: list[tuple[int, int] | int]) -> None:
    """Keep s[a:b], without the NULs the block scanner put where no prose is."""
    while a < b:
        nul = s.find("\0", a, b)
        stop = b if nul < 0 else nul
        if stop > a:
            out.append((a, stop))
        if nul < 0:
            break
        a = nul + 1
