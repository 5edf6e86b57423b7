"""Discovery of unlisted renderings: spans of text that look like a glossary term but are not one
of its listed renderings ("indivisibility of the security", "Paris Charter for New Europe").

Two steps, cheap first:

1. Candidate spans. A rendering's *anchors* are its two rarest content words (stems not
   in a short stop list, rarest across the glossary's renderings). Wherever an anchor
   occurs in a text (found from C with one set look-up per word), the windows around it of about the rendering's length are compared with the
   rendering by Dice overlap of their stems; the best window that shares at least
   `MIN_OVERLAP` of them is kept. Spans the matcher already found (listed renderings,
   inflected or not) are left out.
2. Scores. Each kept span is scored with sacrebleu's sentence chrF against every rendering
   of its term in its language (both case folded); the best one is its closest rendering.
   Spans scoring at least `threshold` are candidates. Scores are cached per distinct span.

The default threshold, 45, is measured on a labelled set built from the default corpus
(tests/matching/test_discovery.py: the glossary with ten renderings removed, plus renderings the
corpus uses and the glossary never listed, and near-miss distractors): precision 1.0 at
every threshold from 20 to 55 (the window rules keep the distractors out), recall 0.90 up
to 45, 0.85 at 50, 0.70 at 55. Renderings that share no word with any listed one
("Istanbul Charter" for "Charter for European Security") are beyond discovery.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, compress

from checker.glossary import Rendering
from checker.language import primary
from checker.matching.matcher import LanguageIndex, Match, VocabularyKeys
from checker.matching.normalise import normalise_word
from checker.matching.tokenise import UNSPACED_LANGUAGES

DEFAULT_THRESHOLD = 45.0
MIN_OVERLAP = 0.5  # Dice overlap of stems between a window and a rendering
SLACK = 2  # words a window may be longer or shorter than the rendering
ANCHORS = 2  # content words of a rendering that anchor windows: its rarest in the glossary
HEAD_LAST = frozenset({"en", "de", "nl", "da", "sv", "no", "nb", "nn", "fi", "hu", "tr", "ja", "ko", "zh"})

# Function words never anchor a rendering and never stand for one of its content words
# (they still count in the overlap): without "de", Spanish "nombre de" passed for "nombre de
# usuario" less one modifier. Articles, prepositions and conjunctions only: a longer list
# (the `stopwords` package's) changes which words anchor a rendering, and recall on the
# labelled set fell from 0.90 to 0.75.
STOPWORDS = {
    "en": "a an the of for in on at to and or no not is are be by with as its their it this that from all any".split(),
    "de": "der die das des dem den ein eine einer eines und oder nicht für von zu im in am an auf mit ist".split(),
    "fr": "le la les l de du des d un une et ou ne pas pour à au aux en dans sur par est".split(),
    "ru": "и в во на не для по с со к о об от из за что как это".split(),
    "es": "el la los las lo un una unos unas de del al a en y o u e ni no por para con sin sobre que es".split(),
    "pt": "o a os as um uma de do da dos das no na nos nas em e ou não por para com sem que é".split(),
    "it": "il lo la i gli le un una uno di del della dei delle da dal in nel nella e o non per con su che è".split(),
    "nl": "de het een van in op aan en of niet voor met bij te door is".split(),
}


@lru_cache(maxsize=None)
def function_words(language: str) -> frozenset[str]:
    """Normalised function words of `language` (none for a language no list covers)."""
    return frozenset(normalise_word(w) for w in STOPWORDS.get(primary(language), ()))


@dataclass(frozen=True)
class Discovery:
    """An unlisted span in a text: text[start:end] resembles `closest` (chrF `score`)."""

    start: int
    end: int
    term_id: str
    closest: Rendering
    score: float


@dataclass(frozen=True)
class _Pattern:
    rendering: Rendering
    keys: tuple[str, ...]
    counts: Counter
    content: frozenset[str]  # keys that are not function words
    head: str  # the content word a phrase is about: the last in English or German, else the first


class Discoverer:
    """Finds unlisted renderings of one language's terms."""

    def __init__(self, index: LanguageIndex, renderings: list[Rendering], threshold: float = DEFAULT_THRESHOLD):
        self.index = index
        self.threshold = threshold
        self._unspaced = primary(index.language) in UNSPACED_LANGUAGES
        stop_words = function_words(index.language)
        # Discovery compares stems, not the matcher's lemmas: an unlisted variant shares a
        # stem with a listed word ("indivisibility" / "indivisible") more often than a lemma.
        stem_key = index.analyser.stem_key
        stop = {stem_key(w) for w in stop_words}
        self._is_stop = lambda w: normalise_word(w) in stop_words
        self._stem = lru_cache(maxsize=65536)(stem_key)
        self._by_term: dict[str, list[Rendering]] = {}
        self._anchors: dict[str, list[_Pattern]] = {}
        patterns: list[_Pattern] = []
        for r in renderings:
            self._by_term.setdefault(r.term_id, []).append(r)
            keys = tuple(stem_key(w) for w in index._split(r.text)[1::2])
            if not keys:
                continue
            content = frozenset(keys) - stop or frozenset(keys)
            head = _head(keys, content, primary(index.language) in HEAD_LAST)
            patterns.append(_Pattern(r, keys, Counter(keys), content, head))
        # A rendering is anchored on its ANCHORS rarest content words (rarest across the
        # glossary): a word that many renderings share says little about which one a span
        # renders, and anchoring on it would try them all wherever it occurs.
        spread = Counter(k for p in patterns for k in p.content)
        for pattern in patterns:
            for anchor in sorted(pattern.content, key=lambda k: (spread[k], k))[:ANCHORS]:
                self._anchors.setdefault(anchor, []).append(pattern)
        self._listed = {
            term_id: {_fold(r.text) for r in rs} for term_id, rs in self._by_term.items()
        }
        self._scores: dict[tuple[str, str], tuple[float, Rendering]] = {}
        vocabulary = {k for p in patterns for k in p.keys}
        self._keys = VocabularyKeys(stem_key, vocabulary)

    def find(self, text: str, tokens: tuple[list[str], list[str | None]], matches: list[Match]) -> list[Discovery]:
        """Unlisted renderings in `text`, given its tokens and the matcher's matches."""
        parts = tokens[0]
        words = parts[1::2]
        keys = list(map(self._keys.__getitem__, words))
        anchors = self._anchors
        hits = list(compress(range(len(keys)), map(anchors.__contains__, keys)))
        if not hits:
            return []
        # Offsets and gaps from C: accumulate gives each part's end, so word k starts at [2k].
        starts = list(accumulate(map(len, parts)))[0::2]
        clean_gap = list(map("".__eq__, map(self.index._gaps.__getitem__, parts[0::2])))
        taken = [(m.start, m.end) for m in matches]
        best: dict[tuple[int, int, str], tuple[int, float]] = {}
        for i in hits:
            for pattern in anchors[keys[i]]:
                if not _worth_a_look(words, keys, i, pattern, self._stem):
                    continue
                window = _best_window(words, keys, clean_gap, i, pattern, self._is_stop, self._stem)
                if window is not None:
                    s, e, rank = window
                    key = (s, e, pattern.rendering.term_id)
                    if key not in best or rank > best[key]:
                        best[key] = rank
        # Of overlapping windows of one term (found from several anchors), the best-ranked.
        chosen: list[tuple[int, int, str]] = []
        for (s, e, term_id), _rank in sorted(best.items(), key=lambda kv: (-kv[1][0], -kv[1][1], kv[0])):
            if not any(t == term_id and s < ce and cs < e for cs, ce, t in chosen):
                chosen.append((s, e, term_id))
        found: list[Discovery] = []
        for s, e, term_id in sorted(chosen):
            start, end = starts[s], starts[e - 1] + len(parts[2 * (e - 1) + 1])
            # a listed rendering may lie inside a longer unlisted one ("Paris Charter" in
            # "Paris Charter for New Europe"), not overlap it partly or contain it
            if any(a < end and start < b and not (start <= a and b <= end and (a, b) != (start, end)) for a, b in taken):
                continue
            if self._unspaced and not _whole_run(text, start, end):
                continue
            span = text[start:end]
            folded = _fold(span)
            if folded in self._listed[term_id]:
                continue
            score, closest = self._score(term_id, folded)
            if score >= self.threshold:
                found.append(Discovery(start, end, term_id, closest, score))
        return _best_of_overlapping(found)

    def _score(self, term_id: str, folded: str) -> tuple[float, Rendering]:
        cached = self._scores.get((term_id, folded))
        if cached is None:
            cached = max(
                ((round(chrf(folded, _fold(r.text)), 2), r) for r in self._by_term[term_id]),
                key=lambda sr: (sr[0], -sr[1].order),
            )
            self._scores[(term_id, folded)] = cached
        return cached


def _best_window(
    words: list[str], keys: list[str | None], clean_gap: list[bool], i: int, pattern: _Pattern, stop, stem
) -> tuple[int, int, tuple[int, float]] | None:
    """The window around word i most like `pattern`, if it shares enough of its words.

    A window is about the rendering's length (never a single word for a multi-word
    rendering: a surname alone is not a full name), crosses no punctuation, and may lack
    a content word of the rendering only where another content word stands in for it
    ("Sergei Lavrov" for "Sergey Lavrov"), or a modifier of a rendering of three content
    words or more ("Astana Declaration"; not "European security", which lacks the head
    of "European Security Charter"). Windows rank by the number of rendering words they
    share, then by Dice overlap of keys, words in the same position ("Sergei Lavrov"
    beats "Lavrov said") and edges that are rendering words.
    """
    n = len(pattern.keys)
    best: tuple[float, int, int] | None = None
    for length in range(max(2 if n > 1 else 1, n - SLACK), n + SLACK + 1):
        for s in range(max(0, i - length + 1), min(i, len(keys) - length) + 1):
            if not all(clean_gap[s + 1 : s + length]):
                continue
            window = keys[s : s + length]
            need = dict(pattern.counts)
            shared = 0
            for k in window:
                left = need.get(k)
                if left:
                    need[k] = left - 1
                    shared += 1
            dice = 2 * shared / (length + n)
            if dice < MIN_OVERLAP:
                continue
            missing = [k for k in pattern.content if k not in window]
            strangers = [w for w, k in zip(words[s : s + length], window) if k not in pattern.counts and not stop(w)]
            if not _stand_ins_ok(missing, strangers, pattern, stem):
                continue
            aligned = sum(a == b for a, b in zip(window, pattern.keys)) / n
            edges = (window[0] in pattern.counts) + (window[-1] in pattern.counts)
            rank = (shared, dice + 0.1 * aligned + 0.1 * edges)
            if best is None or rank > best[0]:
                best = (rank, s, s + length)
    if best is None:
        return None
    return best[1], best[2], best[0]


def _worth_a_look(words: list[str], keys: list[str | None], i: int, pattern: _Pattern, stem) -> bool:
    """Cheap test before the windows: does another word of the rendering occur near word i?

    A window with the anchor alone can only pass for a two-word rendering whose other
    word is spelt otherwise next to it ("Sergei Lavrov"), by a word no rendering uses
    (a glossary word is not taken for another's spelling); in running text most anchors
    stand alone and are dropped here.
    """
    n = len(pattern.keys)
    region = keys[max(0, i - n - SLACK) : i + n + SLACK + 1]
    if sum(map(pattern.counts.__contains__, region)) >= 2:
        return True
    if n != 2:
        return False
    other = pattern.keys[1] if pattern.keys[0] == keys[i] else pattern.keys[0]
    return any(
        _similar(stem(words[j]), other) for j in (i - 1, i + 1) if 0 <= j < len(words) and keys[j] is None
    )


def _stand_ins_ok(missing: list[str], strangers: list[str], pattern: _Pattern, stem) -> bool:
    """Whether the window's other words may stand in for the rendering's missing content words.

    In a short rendering (up to three content words: names, titles) a missing word needs
    another spelling of it ("Sergei" for "Sergey"), not just any word ("told Blinken" is
    no rendering of "Tony Blinken"); a longer one may be paraphrased word for word
    ("enhance" for "strengthen"). Either may drop one modifier ("Astana Declaration"),
    never its head ("European security architecture" is no "European Security Charter"),
    and the head may only be replaced by a spelling of it.
    """
    if not missing:
        return True
    spelled = {k for k in missing if any(_similar(stem(w), k) for w in strangers)}
    if pattern.head in missing and pattern.head not in spelled:
        return False
    unmatched = [k for k in missing if k not in spelled]
    if len(pattern.content) > 3:
        unmatched = unmatched[max(0, len(strangers) - len(spelled)):]
    return not unmatched or (len(unmatched) == 1 and len(pattern.content) >= 3)


def _head(keys: tuple[str, ...], content: frozenset[str], head_last: bool) -> str:
    """The word a rendering is about: in head-last languages the last content word before
    the first function word that follows one ("Charter for European Security" -> charter,
    "Sergey Lavrov" -> lavrov); elsewhere the first content word."""
    ordered = [k for k in keys if k in content]
    if not head_last:
        return ordered[0]
    head = None
    for k in keys:
        if k in content:
            head = k
        elif head is not None:
            break
    return head or ordered[-1]


@lru_cache(maxsize=65536)
def _similar(word: str, key: str) -> bool:
    """Character-trigram Dice of at least 0.5: two spellings of one word."""
    a, b = _trigrams(word), _trigrams(key)
    return bool(a and b) and 2 * len(a & b) / (len(a) + len(b)) >= 0.5


@lru_cache(maxsize=65536)
def _trigrams(word: str) -> frozenset[str]:
    padded = f" {word} "
    return frozenset(padded[k : k + 3] for k in range(len(padded) - 2))


def _script(ch: str) -> str:
    """The run a character of an unspaced script belongs to: katakana, hiragana, Han, or other."""
    code = ord(ch)
    if 0x30A0 <= code <= 0x30FF or 0x31F0 <= code <= 0x31FF or 0xFF66 <= code <= 0xFF9F:
        return "katakana"  # with the prolonged sound mark U+30FC
    if 0x3040 <= code <= 0x309F:
        return "hiragana"
    if 0x3400 <= code <= 0x9FFF or 0xF900 <= code <= 0xFAFF or code >= 0x20000:
        return "han"
    if 0x0E00 <= code <= 0x0EFF or 0x1000 <= code <= 0x109F or 0x1780 <= code <= 0x17FF:
        return "southeast-asian"
    return "other"


def _whole_run(text: str, start: int, end: int) -> bool:
    """In text written without spaces, whether text[start:end] neither begins nor ends inside a
    run of one script: with no spaces, a script change is the only word boundary a span can
    be seen to respect. 'スト' inside 'リスト' is a piece of a word, not a rendering."""
    first, last = _script(text[start]), _script(text[end - 1])
    if first != "other" and start > 0 and _script(text[start - 1]) == first:
        return False
    if last != "other" and end < len(text) and _script(text[end]) == last:
        return False
    return True


def _best_of_overlapping(found: list[Discovery]) -> list[Discovery]:
    """Where discoveries of different terms overlap, the best-scoring one, in text order."""
    out: list[Discovery] = []
    for d in sorted(found, key=lambda d: (-d.score, d.start)):
        if not any(d.start < o.end and o.start < d.end for o in out):
            out.append(d)
    return sorted(out, key=lambda d: d.start)


def _fold(text: str) -> str:
    return " ".join(normalise_word(w) for w in text.split())


@lru_cache(maxsize=1)
def _metric():
    from sacrebleu.metrics import CHRF

    return CHRF()


def chrf(hypothesis: str, reference: str) -> float:
    """sacrebleu's sentence chrF (0-100)."""
    return _metric().sentence_score(hypothesis, [reference]).score
