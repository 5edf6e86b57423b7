"""Term extraction from bilingual units: source terms and how the translations render them.

1. **Source terms.** Every phrase of one to MAX_SOURCE_WORDS words (see phrases.Phrases:
   keyed by lemma, no function word at either end, placeables masked) found in at least
   `min_units` units' sources is a candidate. Candidates are ranked by C-value (Frantzi,
   Ananiadou & Mima 2000), with log2(n + 1) for a phrase of n words so that single words
   rank too: a phrase scores by how often it occurs, less how often that is only as part
   of longer candidates, and longer phrases weigh more ("email address" ranks, "address"
   only for its uses outside it).
2. **Renderings.** For a source term held by the units U, every target phrase (one to
   MAX_TARGET_WORDS words; characters in Japanese and Chinese) of those units is scored by
   its Dice coefficient with the term across all units: 2 |U ∩ V| / (|U| + |V|), V the units
   whose target holds the phrase. The best is the dominant rendering; then, among the units
   it does not cover, the next best, and so on: the renderings a term really has, each with
   the number of units using it.

>>> units = [Unit("Change password", "Passwort ändern"), Unit("Password reset", "Passwort zurücksetzen"),
...          Unit("Your password is too short", "Ihr Passwort ist zu kurz"), Unit("Delete", "Löschen")]
>>> [t.renderings[0].text for t in extract(units, "en", "de", min_units=3).terms]
['Passwort']
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Iterable, Sequence

from checker.glossary.phrases import Phrases, compound_parts
from checker.language import primary
from checker.matching.analyser import COMPOUNDING
from checker.matching.normalise import normalise_word

MAX_SOURCE_WORDS = 5
MAX_TARGET_WORDS = 4
#: in languages written without spaces a target phrase is a run of characters
MAX_TARGET_CHARACTERS = 8
#: renderings listed per term: the dominant one and at most this many others
MAX_OTHERS = 3
#: a longer phrase holding the best one wins when its association is at least this share of
#: the best's: "站点" over "站", "mot de passe" over "passe" (a part occurs wherever the
#: whole does, and sometimes elsewhere, so it always scores a little higher)
LONGER = 0.8
#: a source term held inside one longer phrase in this share of its units is "nested"
NESTED = 0.5
#: another rendering needs this many units, and this share of the term's units
MIN_OTHER_UNITS = 2
MIN_OTHER_SHARE = 0.05
EXAMPLES = 3
#: candidates whose renderings are worked out, per term asked for
POOL = 3


@dataclass(frozen=True)
class Unit:
    """One translated unit: its source and target text (placeables masked, what is counted),
    its place, and the texts as the file has them (what an example shows)."""

    source: str
    target: str
    path: str = ""
    line: int = 0
    unit_id: str | None = None
    shown_source: str = ""
    shown_target: str = ""


@dataclass(frozen=True)
class Rendering:
    """A target phrase as mostly written, in `units` of the term's units; `dice` its association."""

    text: str
    units: int
    dice: float


@dataclass(frozen=True)
class Term:
    """A source term, the units holding it, its termhood and its renderings (dominant first)."""

    source: str
    units: int
    termhood: float
    renderings: tuple[Rendering, ...]
    examples: tuple[Unit, ...] = ()
    #: the glossary term it is, when it came from the glossary
    term_id: str | None = None


@dataclass(frozen=True)
class Extraction:
    source_language: str
    target_language: str
    units: int
    terms: tuple[Term, ...]
    #: glossary terms looked up, in glossary order (each with its renderings)
    known: tuple[Term, ...] = field(default=())


def extract(
    units: Sequence[Unit],
    source_language: str,
    target_language: str,
    *,
    limit: int = 50,
    min_units: int = 3,
    known: Iterable[tuple[str, str]] = (),
) -> Extraction:
    """The `limit` best new source terms of `units` with their renderings, and the renderings
    of the `known` terms ((term id, source rendering) pairs: a glossary's terms)."""
    # A unit repeated in several catalogs counts once.
    first: dict[tuple[str, str], Unit] = {}
    for unit in units:
        first.setdefault((unit.source, unit.target), unit)
    units = list(first.values())
    source, target = Phrases(source_language), Phrases(target_language, full_stops=False)
    max_target = MAX_TARGET_CHARACTERS if target.unspaced else MAX_TARGET_WORDS
    source_units: dict[tuple[str, ...], list[int]] = defaultdict(list)
    source_sets: list[Iterable[tuple[str, ...]]] = []
    spellings: dict[tuple[str, ...], Counter[str]] = defaultdict(Counter)
    target_sets: list[dict[tuple[str, ...], str]] = []
    target_units: Counter[tuple[str, ...]] = Counter()
    for n, unit in enumerate(units):
        phrases = source.phrases(unit.source, MAX_SOURCE_WORDS)
        source_sets.append(phrases.keys())
        for key, written in phrases.items():
            source_units[key].append(n)
            spellings[key][written] += 1
        found = target.phrases(unit.target, max_target)
        target_sets.append(found)
        target_units.update(found.keys())
    compounds = (_add_compound_parts(units, target_sets, target_units, target)
                 if primary(target_language) in COMPOUNDING else {})
    association = _Association(units, target_sets, target_units, target, compounds)
    known = list(known)
    known_keys = {source.key_of(text) for _, text in known}
    # The linguistic filter comes before C-value, as in Frantzi et al.: "Please enter" is
    # no candidate, so it does not count against "enter" either.
    written = {k: spellings[k].most_common(1)[0][0] for k, v in source_units.items() if len(v) >= min_units}
    candidates = {k: len(source_units[k]) for k, text in written.items() if source.term_shaped(text)}
    # An adjective before a term is a free combination ("valid date", "new password").
    candidates = {k: f for k, f in candidates.items()
                  if len(k) == 1 or k[1:] not in candidates or not source.modifier_only(source.words(written[k])[0])}
    ranked = _c_values(candidates)
    # A term is rendered consistently: C-value times the Dice association of its dominant
    # rendering ranks "password" (Passwort, 0.96) over "one" (no rendering above 0.3). The
    # renderings are worked out for the best POOL * limit candidates by C-value only.
    terms = []
    for key, termhood in ranked if limit > 0 else ():
        if termhood <= 0:
            break  # held only inside longer candidates ("account" always in "user account")
        if key in known_keys:
            continue
        renderings, examples = association.renderings(source_units[key], len(key),
                                                      _nested(key, source_units[key], source_sets))
        terms.append(Term(_spelling(spellings[key], source), len(source_units[key]), round(termhood, 2),
                          renderings, examples))
        if len(terms) == POOL * limit:
            break
    terms.sort(key=lambda t: (-t.termhood * (t.renderings[0].dice if t.renderings else 0.0), -t.units, t.source))
    terms = terms[:limit]
    looked_up = []
    scores = dict(ranked)
    for term_id, text in known:
        key = source.key_of(text)
        held = source_units.get(key, [])
        renderings, examples = (association.renderings(held, len(key), _nested(key, held, source_sets))
                                if held else ((), ()))
        looked_up.append(Term(text, len(held), round(scores.get(key, 0.0), 2), renderings, examples, term_id))
    return Extraction(source_language, target_language, len(units), tuple(terms), tuple(looked_up))


def _add_compound_parts(units: Sequence[Unit], target_sets: list[dict[tuple[str, ...], str]],
                        target_units: Counter[tuple[str, ...]], target: Phrases) -> dict[str, set[tuple[str, ...]]]:
    """Count the parts of compounds as words of their own ("Glossar" in "Glossareintrag",
    "Breite" in "Bildbreite"): a glossary term is often rendered inside compounds. Returns
    part -> the compounds holding it (a compound nearly as associated wins: "Inhaltstyp",
    not its part "Inhalt", renders "content type")."""

    compounds: dict[str, set[tuple[str, ...]]] = defaultdict(set)  # part key -> compound keys
    alone: dict[str, str] = {}  # folded word standing alone -> its key
    spelling: dict[str, str] = {}  # key -> the first spelling met
    for found in target_sets:
        for key, written in found.items():
            if len(key) == 1 and " " not in written and "-" not in written:
                alone.setdefault(normalise_word(written), key[0])
                spelling.setdefault(key[0], written)
    keys = set(alone.values())

    def known(part: str) -> str | None:
        """The key of a word standing alone that `part` is, as written or inflected."""
        key = alone.get(part)
        if key is None:
            key = target.key(part[:1].upper() + part[1:] if target.noun_case else part)
            key = key if key in keys else None
        return key

    for n, unit in enumerate(units):
        found = target_sets[n]
        for word in target.words(unit.target):
            for part in compound_parts(word, known, target.language):
                compounds[part].add((target.key(word),))
                key = (part,)
                if key not in found:
                    found[key] = spelling[part]
                    target_units[key] += 1
    return compounds


def _nested(key: tuple[str, ...], held: list[int], source_sets: list[Iterable[tuple[str, ...]]]) -> bool:
    """Whether most units holding `key` hold it inside one longer phrase ("match" inside
    "fuzzy match"): a longer target phrase there renders that phrase, not `key`."""
    longer: Counter[tuple[str, ...]] = Counter()
    for n in held:
        longer.update(k for k in source_sets[n] if len(k) > len(key) and _overlaps(key, k))
    return bool(longer) and max(longer.values()) >= NESTED * len(held)


def _c_values(frequency: dict[tuple[str, ...], int]) -> list[tuple[tuple[str, ...], float]]:
    """(candidate, C-value), best first; ties by frequency, then alphabetically."""
    nested_in: dict[tuple[str, ...], list[int]] = defaultdict(list)  # a -> frequencies of longer b holding a
    for key, f in frequency.items():
        n = len(key)
        inside = {key[i : i + m] for m in range(1, n) for i in range(n - m + 1)}
        for part in inside:
            if part in frequency:
                nested_in[part].append(f)
    scored = []
    for key, f in frequency.items():
        longer = nested_in.get(key)
        own = f - sum(longer) / len(longer) if longer else f
        scored.append((key, math.log2(len(key) + 1) * own))
    scored.sort(key=lambda kv: (-kv[1], -frequency[kv[0]], kv[0]))
    return scored


class _Association:
    """Target renderings of a set of units, by Dice association across all units."""

    def _translates_a_neighbour(self, longer: tuple[str, ...], key: tuple[str, ...], held: list[int]) -> bool:
        """Whether a word `longer` adds to `key` is a source word of those units, as written
        or nearly ("Fuzzy" in "Fuzzy Match" is the source's "fuzzy"): it renders that word,
        which is not part of the term."""
        extra = [normalise_word(w) for w in longer if w not in key and len(w) >= 3]
        if not extra:
            return False
        source_words = set()
        for n in held:
            if longer in self.target_sets[n]:
                source_words.update(normalise_word(w) for w in self.target.words(self.units[n].source))
        return any(_cognate(w, s) for w in extra for s in source_words)

    def _joined(self, longer: tuple[str, ...], key: tuple[str, ...]) -> bool:
        """Whether `longer` holds `key` joined to other words by a function word ("mot de
        passe" holds "passe"): one unit of meaning, not a term next to another word."""
        inner = set(longer[1:-1])
        return bool(inner & self.target._inner) and len(longer) > len(key)

    def __init__(self, units: Sequence[Unit], target_sets: list[dict[tuple[str, ...], str]],
                 target_units: Counter[tuple[str, ...]], target: Phrases,
                 compounds: dict[str, set[tuple[str, ...]]] | None = None) -> None:
        self.compounds = compounds or {}
        self.units = units
        self.target_sets = target_sets
        self.target_units = target_units
        self.target = target

    def renderings(self, held: list[int], words: int, nested: bool = False
                   ) -> tuple[tuple[Rendering, ...], tuple[Unit, ...]]:
        """The renderings found in the units `held` of a term of `words` words, dominant
        first, and example units. Where words are spaced, a rendering has at most two words
        more than the term ("adresse de courriel" for "email address"), another rendering at
        most one more than the longer of the term and the dominant one: a phrase of four
        words for "value" is a sentence that happens to recur with it."""
        remaining = list(held)
        longest = words + 2
        chosen: list[tuple[tuple[str, ...], int, float]] = []
        examples: tuple[Unit, ...] = ()
        while remaining and len(chosen) <= MAX_OTHERS:
            counts: Counter[tuple[str, ...]] = Counter()
            for n in remaining:
                counts.update(self.target_sets[n].keys())
            need = 2 if not chosen else max(MIN_OTHER_UNITS, math.ceil(MIN_OTHER_SHARE * len(held)))
            best = None
            for key, a in counts.items():
                if a < need or any(_overlaps(key, c[0]) for c in chosen):
                    continue
                if not self.target.unspaced and len(key) > longest:
                    continue
                dice = 2 * a / (len(remaining) + self.target_units[key])
                # On a tie, a word over a phrase that always comes with it in these units
                # ("Element" over "es sollte aber"); LONGER below takes a real longer term.
                rank = (dice, a, len(key) if self.target.unspaced else -len(key), key)
                if best is None or rank > best[0]:
                    best = (rank, key, a, dice)
            if best is None:
                break
            _, key, a, dice = best
            wholes = self.compounds.get(key[0], ()) if len(key) == 1 else ()
            for longer, a2 in counts.items():
                compound = longer in wholes
                if a2 < need or not (compound or (len(longer) > len(key) and _overlaps(key, longer))):
                    continue
                if not self.target.unspaced and len(longer) > longest:
                    continue
                dice2 = 2 * a2 / (len(remaining) + self.target_units[longer])
                if not compound and (len(longer), dice2, longer) <= (len(key), dice, key):
                    continue
                close = dice2 >= LONGER * best[0][0] and a2 >= LONGER * best[2]
                if compound or self.target.unspaced or self._joined(longer, key):
                    promote = close  # "Inhaltstyp" over its part "Inhalt", "站点" over "站", "mot de passe"
                elif len(longer) <= words:  # "Translation Memory" for "translation memory"
                    promote = dice2 >= 0.5 * best[0][0] and a2 >= 0.5 * best[2]
                else:  # "адрес электронной почты", but not "Fuzzy Match" for "match" in "fuzzy match"
                    promote = (close and not nested and len(longer) <= words + 1
                               and not self._translates_a_neighbour(longer, key, held))
                if promote:
                    key, a, dice = longer, a2, dice2
                    break
            chosen.append((key, a, dice))
            if len(chosen) == 1:
                longest = max(len(key), words) + 1
                examples = tuple(self.units[n] for n in remaining if key in self.target_sets[n])[:EXAMPLES]
            remaining = [n for n in remaining if key not in self.target_sets[n]]
        out = []
        for key, a, dice in chosen:
            written = Counter(self.target_sets[n][key] for n in held if key in self.target_sets[n])
            out.append(Rendering(_spelling(written, self.target), a, round(dice, 3)))
        return tuple(out), examples


def _cognate(a: str, b: str) -> bool:
    """Folded words spelt alike: equal, or sharing all but their last two letters."""
    if a == b:
        return True
    short = min(len(a), len(b))
    return short >= 4 and a[: short - 2] == b[: short - 2] and abs(len(a) - len(b)) <= 2


def _overlaps(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    # (see _Association._joined for which longer phrases replace a shorter one)
    """Whether one phrase holds the other (then it is the same rendering, longer or shorter)."""
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    return any(long[i : i + len(short)] == short for i in range(len(long) - len(short) + 1))


def _spelling(spellings: Counter[str], side: Phrases) -> str:
    """How to show a phrase: its most common spelling, a lower-case one winning over
    capitals that only open sentences; a single word in its dictionary form
    ("пользователь", not the genitive "пользователя")."""
    best = sorted(spellings.items(), key=lambda kv: (-kv[1], kv[0]))
    shown = best[0][0]
    lower = [s for s, _ in best if s == s.lower()]
    if lower and spellings[lower[0]] * 2 >= best[0][1]:
        shown = lower[0]
    if " " not in shown and "-" not in shown and not side.unspaced:
        return side.lemma(shown)
    return shown
