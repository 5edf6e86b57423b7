"""Sentence segmentation with exact offsets, for aligning documents sentence by sentence.

`split_sentences(text, language)` cuts `text` in three passes, each on the pieces of
the one before, so offsets stay exact without ever rewriting the text:

1. paragraphs: a line break followed by a blank line always ends a sentence;
2. lines: inside a paragraph a single line break does not end a sentence, unless the line
   looks like a headline: no final punctuation, short next to the paragraph's longest
   line (or the whole paragraph is made of short lines), and the next line starts with a
   capital letter or a digit;
3. punctuation: `.`, `?`, `!`, `…`, `...` (and `。！？`), with any closing quotes or
   brackets after them, end a sentence when whitespace follows and the next word does
   not start with a lower-case letter. A single `.` does not end a sentence after an
   abbreviation of the language (`ABBREVIATIONS`), a dotted acronym ("U.S.", "e.g.",
   "т.е."), a single letter (initials "J. R. R.", "z. B."), or in languages that write
   ordinals with a dot (`ORDINAL_DOT`: "am 1. Februar") a one- or two-digit number.
   Abbreviations in `SENTENCE_FINAL` ("etc.", "usw.") end a sentence when a capitalised
   word follows.

Limitations (rules, not a trained model such as Punkt):
- an abbreviation or acronym at the very end of a sentence ("... moved to the U.S. He")
  does not end it, unless it is in `SENTENCE_FINAL`; nor does a single letter
  ("vitamin C. Then") or, in `ORDINAL_DOT` languages, a small number ("Er war 5. Dann");
- a sentence that starts with a lower-case letter ("iPhone sales rose.") is joined to
  the previous one;
- a headline is only recognised as such when a blank line follows it or it is short
  next to the paragraph's longest line: a hard-wrapped paragraph that has a headline
  of nearly its width as first line keeps it in the first sentence;
- a paragraph break inside a sentence (a wrongly wrapped "the United\\n\\nStates")
  splits it;
- languages without spaces between sentences are only cut after `。！？`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from checker.language import primary


@dataclass(frozen=True)
class Sentence:
    """A sentence of a text: `text == source[start:end]`, without surrounding whitespace."""

    text: str
    start: int
    end: int


# Words that a '.' follows without ending the sentence, without that dot. Entries with a
# capital letter match only as written ("No" but not "no"); lower-case entries match any
# case ("vs", "Vs"). Dotted acronyms and single letters need no entry: they are caught
# by shape. Kept small on purpose: each entry is a sentence end that is never seen.
ABBREVIATIONS: dict[str, frozenset[str]] = {
    "en": frozenset(
        """Mr Mrs Ms Messrs Dr Prof Sr Jr St Mt Gen Col Lt Maj Sgt Capt Cmdr Adm Gov Sen Rep
        Rev Hon Pres Amb Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec No Nos Vol Fig
        Art Sec Ch Inc Ltd Co Corp Bros Dept Univ Ave Rd etc vs cf al approx ca pp viz
        est""".split()
    ),
    "de": frozenset(
        """Dr Prof Hr Hrn Fr Nr Abs Art Bd Kap Jan Feb Febr Mär Apr Jun Jul Aug Sep Sept Okt
        Nov Dez St Str Mio Mrd Tsd Std Min Jh Jhd bzw ca vgl usw usf ggf evtl inkl sog geb
        gest bspw ebd etc""".split()
    ),
    "ru": frozenset(
        """г гг т.е т.к т.д т.п т.н др пр см ср стр рис тыс млн млрд руб коп ул им проф
        акад доц канд г-н г-жа янв фев февр авг сент окт нояб дек напр""".split()
    ),
}

# Abbreviations that often end a sentence too: they end one when a capitalised word follows.
SENTENCE_FINAL: dict[str, frozenset[str]] = {
    "en": frozenset({"etc", "Inc", "Ltd", "Co", "Corp"}),
    "de": frozenset({"usw", "usf", "etc"}),
    "ru": frozenset({"т.д", "т.п", "др"}),
}

# Languages that write ordinal numbers with a dot: "am 1. Februar", "den 3. maj".
ORDINAL_DOT = frozenset({"de", "da", "nb", "nn", "no", "fi", "is", "cs", "sk", "sl", "hr",
                         "sr", "bs", "hu", "pl", "et", "lv", "tr"})

_CLOSERS = "\"'”’»›)]}」』）"
_OPENERS = "\"'“‘„«‹([{¿¡—–-"
# A run of terminators, any closers, then whitespace (or, after CJK ones, anything).
_TERMINATOR = re.compile(
    r"(?:[.!?…]+[" + re.escape(_CLOSERS) + r"]*(?=\s)|[。！？]+[" + re.escape(_CLOSERS) + r"]*)"
)
# A line break, then at least one blank line: a paragraph break.
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n\s*")
_LINE = re.compile(r"[^\n]+")
_DOTTED = re.compile(r"^(?:\w\.)+\w$")
_SMALL_NUMBER = re.compile(r"^\d{1,2}$")
_WIDE = 40          # a paragraph whose longest line is shorter is all short lines
_SHORT_SHARE = 0.6  # a line shorter than this share of the longest line is short


def split_sentences(text: str, language: str | None = "en", *, soft_breaks: bool = False) -> list[Sentence]:
    """The sentences of `text`, in order, with their offsets (see the module docstring).

    `soft_breaks`: a single line break is a space, never the end of a headline (pass 2 is
    skipped): in HTML, Markdown, reStructuredText and AsciiDoc a paragraph's lines are
    wrapped text, and a heading is a block of its own. Hard-wrapped German, where every
    noun starts with a capital, was otherwise cut at every line that looks like a headline."""
    lang = primary(language) if language else "en"
    abbreviations = ABBREVIATIONS.get(lang, ABBREVIATIONS["en"])
    final = SENTENCE_FINAL.get(lang, SENTENCE_FINAL["en"])
    ordinal = lang in ORDINAL_DOT
    out: list[Sentence] = []
    for para_start, para_end in _paragraphs(text):
        for start, end in [(para_start, para_end)] if soft_breaks else _blocks(text, para_start, para_end):
            cuts = [start]
            cuts += _punctuation_cuts(text, start, end, abbreviations, final, ordinal)
            cuts.append(end)
            for a, b in zip(cuts, cuts[1:]):
                sentence = _stripped(text, a, b)
                if sentence is not None:
                    out.append(sentence)
    return out


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """Spans of the paragraphs of `text` that hold more than whitespace."""
    spans, start = [], 0
    for m in _PARAGRAPH_BREAK.finditer(text):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return [(a, b) for a, b in spans if text[a:b].strip()]


def _stripped(text: str, start: int, end: int) -> Sentence | None:
    piece = text[start:end]
    body = piece.strip()
    if not body:
        return None
    start += len(piece) - len(piece.lstrip())
    return Sentence(body, start, start + len(body))


def _blocks(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Cut a paragraph after its headline-like lines."""
    lines = [(m.start(), m.end()) for m in _LINE.finditer(text, start, end)]
    lines = [(a, b) for a, b in lines if text[a:b].strip()]
    width = max(len(text[a:b].strip()) for a, b in lines)
    out, block_start = [], start
    for (a, b), (c, d) in zip(lines, lines[1:]):
        line = text[a:b].strip()
        if _is_headline(line, width) and _starts_sentence(text[c:d].lstrip()):
            out.append((block_start, b))
            block_start = c
    out.append((block_start, end))
    return out


def _is_headline(line: str, width: int) -> bool:
    """No final punctuation (it ends in a letter or digit) and short."""
    last = line.rstrip(_CLOSERS)[-1:]
    short = width < _WIDE or len(line) < _SHORT_SHARE * width
    return last.isalnum() and short


def _starts_sentence(rest: str) -> bool:
    """Whether text after a cut begins like a sentence: a capital, a digit or a caseless letter."""
    word = rest.lstrip(_OPENERS + " ")
    return bool(word) and not word[0].islower()


def _punctuation_cuts(
    text: str,
    start: int,
    end: int,
    abbreviations: frozenset[str],
    final: frozenset[str],
    ordinal: bool,
) -> list[int]:
    cuts = []
    for m in _TERMINATOR.finditer(text, start, end):
        rest = text[m.end():end].lstrip()
        if not rest:
            continue  # the block ends here anyway
        capital = _starts_sentence(rest)
        if not capital:
            continue
        terminator = m.group().rstrip(_CLOSERS)
        if terminator == ".":
            word = _word_before(text, start, m.start())
            if _keeps_sentence(word, abbreviations, final, ordinal):
                continue
        cuts.append(m.end())
    return cuts


def _word_before(text: str, start: int, dot: int) -> str:
    """The word before the dot at `dot`, without opening quotes and brackets."""
    i = dot
    while i > start and not text[i - 1].isspace():
        i -= 1
    return text[i:dot].lstrip(_OPENERS)


def _keeps_sentence(
    word: str, abbreviations: frozenset[str], final: frozenset[str], ordinal: bool
) -> bool:
    """Whether a '.' after `word`, followed by a capitalised word, does not end the sentence."""
    if word in final or word.lower() in final:
        return False
    if word in abbreviations or word.lower() in abbreviations:
        return True
    if len(word) == 1 and word.isalpha():
        return True  # an initial, or "z. B.", "т. е."
    if _DOTTED.match(word):
        return True  # U.S, e.g, z.B
    return ordinal and bool(_SMALL_NUMBER.match(word))
