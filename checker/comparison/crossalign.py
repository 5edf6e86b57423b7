"""Sentence alignment across languages, without a translation engine.

`align_across(source, target)` pairs sentences of a text with those of its translation,
monotonically: 1-1, 1-2, 2-1, 2-2, and sentences left unaligned (1-0, 0-1). What a
sentence and its translation share, strongest first:

- **glossary terms**: the same term id found on both sides (each side's renderings);
- **numbers** ("1999", "2.100" as 2 and 100);
- **names and other tokens that survive translation**: words of five letters or more whose
  first four letters agree once both are transliterated to ASCII (anyascii: "Лавров" is
  "Lavrov", "Kernel" is "kernel"), and tokens with digits, capitals inside or symbols
  ("/etc/apt", "APT", "x86_64");
- **punctuation** a translation keeps (?, !, :, ;, brackets; a weak bonus);
- **length** in characters (Gale and Church 1993): a sentence's translation is about
  `c` times as long, with a variance that grows with the length; `c` is the ratio of the
  two documents' lengths.

How: (1) anchor pairs, sentences sharing features rare on both sides, each the other's
best, are chained monotonically (the longest chain by weight); (2) a dynamic programme
runs in a band around the path through those anchors (or the diagonal), where each
pairing costs its Gale-Church length cost, less a bonus for each shared feature, plus a
prior per pairing type; leaving a sentence unaligned costs SKIP. Costs are negative
log-probabilities, so the path found is the most probable alignment under the model.

>>> [(p.reference, p.other) for p in align_across(
...     ["The letter was sent in 2021.", "Lavrov signed it.", "It was long."],
...     ["Der Brief wurde 2021 verschickt.", "Lawrow unterschrieb ihn.", "Er war lang."], "en", "de")]
[((0,), (0,)), ((1,), (1,)), ((2,), (2,))]
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

#: -log prior of each pairing type (Gale and Church's counts, with 2-2 from their 0.011)
PRIOR = {(1, 1): -math.log(0.89), (1, 2): -math.log(0.0445), (2, 1): -math.log(0.0445),
         (2, 2): -math.log(0.011), (1, 3): -math.log(0.005), (3, 1): -math.log(0.005)}
#: cost of leaving one sentence unaligned (-log of Gale and Church's 0.0099 / 2, plus a
#: margin: an unaligned sentence should need real evidence)
SKIP = -math.log(0.0099 / 2) + 1.0
#: variance of a translation's length per character of the source (Gale and Church: 6.8)
VARIANCE = 6.8
#: bonus (in nats) per shared feature, by kind
BONUS = {"term": 2.5, "number": 2.0, "token": 1.5, "punct": 0.5}
#: a feature found in more sentences than this on either side anchors nothing
RARE = 3
#: a 1-2, 2-1 or 2-2 pairing needs evidence for the sentence it adds (a feature it shares
#: with the other side), unless the 1-1 pairing's lengths fit this badly (-log p: p < 0.05):
#: else an unrelated note next to a sentence is swallowed, merges being cheaper than skips
MISFIT = 3.0
#: the band's half-width: this many sentences, plus this share of the longer document
BAND, BAND_SHARE = 12, 0.03

_NUMBER = re.compile(r"\d+")
_MARKS = {"?": "?？", "!": "!！", ":": ":：", "(": "(（", ";": ";；"}
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_TOKEN = re.compile(r"\S*(?:\d|[A-Z].*[A-Z]|[/@#$%&=_.:]\w)\S*")


@dataclass(frozen=True)
class CrossPair:
    """Sentences of each side paired; `features` are what they share (terms first)."""

    reference: tuple[int, ...]
    other: tuple[int, ...]
    score: float  # 0-100: how much more probable the pair is than leaving its sentences unaligned
    features: tuple[str, ...] = ()


@dataclass(frozen=True)
class Sentence:
    """What the aligner sees of a sentence: its text and the glossary terms found in it."""

    text: str
    terms: frozenset[str] = frozenset()
    #: the paragraph (segment) the sentence belongs to: a split sentence stays in its
    #: paragraph (None: unknown, a paragraph of its own)
    block: int | None = None


def align_across(source: Sequence[str | Sentence], target: Sequence[str | Sentence], source_language: str | None,
                 target_language: str | None) -> list[CrossPair]:
    """The aligned pairs of `source` and `target` (texts, or Sentences with their terms),
    in order; sentences left unaligned are not listed."""
    src = [_sentence(s) for s in source]
    tgt = [_sentence(s) for s in target]
    if not src or not tgt:
        return []
    fs = [_features(s, source_language) for s in src]
    ft = [_features(s, target_language) for s in tgt]
    bs = [s.block if s.block is not None else -1 - k for k, s in enumerate(src)]
    bt = [s.block if s.block is not None else -1 - k for k, s in enumerate(tgt)]
    ls = [_length(s.text) for s in src]
    lt = [_length(s.text) for s in tgt]
    ratio = max(sum(lt), 1) / max(sum(ls), 1)
    anchors = _anchor_chain(fs, ft)
    return _dp(fs, ft, ls, lt, ratio, anchors, bs, bt)


def _sentence(s: str | Sentence) -> Sentence:
    return s if isinstance(s, Sentence) else Sentence(s)


def _length(text: str) -> int:
    return sum(1 for ch in text if not ch.isspace()) or 1


@lru_cache(maxsize=65536)
def _ascii(word: str) -> str:
    from anyascii import anyascii

    return anyascii(word).casefold()


def _features(sentence: Sentence, language: str | None) -> frozenset[str]:
    """term:ID, number:N and token:T features of a sentence."""
    text = sentence.text
    out = {f"term:{t}" for t in sentence.terms}
    out.update(f"number:{int(n)}" for n in _NUMBER.findall(text) if len(n) <= 9)
    # Punctuation a translation keeps: a question, an exclamation, a colon, brackets
    # (full-width forms are the same marks).
    out.update(f"punct:{mark}" for mark, forms in _MARKS.items() if any(f in text for f in forms))
    for token in _TOKEN.findall(text):
        token = token.strip(".,;:!?()[]{}\"'«»“”„‚‘’")
        if len(token) >= 2 and not token.isdigit():
            out.add("token:" + _ascii(token))
    for word in _WORD.findall(text):
        if len(word) >= 5:
            folded = _ascii(word)
            if len(folded) >= 5 and folded.isalpha():
                out.add("token:" + folded[:4])
    return frozenset(out)


def _kind(feature: str) -> str:
    return feature.split(":", 1)[0]


def _anchor_chain(fs: list[frozenset[str]], ft: list[frozenset[str]]) -> list[tuple[int, int]]:
    """Confident 1-1 pairs, in order: sentences sharing features rare on both sides, each
    the other's best, chained monotonically by the heaviest increasing chain."""
    where_s: dict[str, list[int]] = defaultdict(list)
    where_t: dict[str, list[int]] = defaultdict(list)
    for i, f in enumerate(fs):
        for x in f:
            where_s[x].append(i)
    for j, f in enumerate(ft):
        for x in f:
            where_t[x].append(j)
    weight: Counter[tuple[int, int]] = Counter()
    for x, ss in where_s.items():
        ts = where_t.get(x)
        if not ts or len(ss) > RARE or len(ts) > RARE:
            continue
        w = BONUS[_kind(x)] / max(len(ss), len(ts))
        for i in ss:
            for j in ts:
                weight[(i, j)] += w
    best_s: dict[int, tuple[float, int]] = {}
    best_t: dict[int, tuple[float, int]] = {}
    for (i, j), w in weight.items():
        if w > best_s.get(i, (0.0, -1))[0]:
            best_s[i] = (w, j)
        if w > best_t.get(j, (0.0, -1))[0]:
            best_t[j] = (w, i)
    mutual = sorted((i, j, w) for i, (w, j) in best_s.items() if best_t.get(j, (0.0, -1))[1] == i and w >= 2.0)
    return _heaviest_chain(mutual)


def _heaviest_chain(points: list[tuple[int, int, float]]) -> list[tuple[int, int]]:
    """The increasing chain (in both coordinates) of largest total weight, O(k log k)."""
    if not points:
        return []
    js = sorted({j for _, j, _ in points})
    rank = {j: r + 1 for r, j in enumerate(js)}
    size = len(js)
    tree = [(0.0, -1)] * (size + 1)  # Fenwick tree of prefix maxima: (weight, point index)
    best: list[tuple[float, int]] = []
    k = 0
    while k < len(points):  # points with the same i must not chain with each other
        group = [p for p in range(k, len(points)) if points[p][0] == points[k][0]]
        found = []
        for p in group:
            _, j, w = points[p]
            r, top = rank[j] - 1, (0.0, -1)
            while r > 0:
                top = max(top, tree[r])
                r -= r & -r
            found.append((top[0] + w, top[1]))
        for p, value in zip(group, found):
            best.append(value)
            r = rank[points[p][1]]
            while r <= size:
                tree[r] = max(tree[r], (value[0], p))
                r += r & -r
        k = group[-1] + 1
    end = max(range(len(best)), key=lambda p: best[p][0])
    chain = []
    while end >= 0:
        chain.append((points[end][0], points[end][1]))
        end = best[end][1]
    return chain[::-1]


def _band(anchors: list[tuple[int, int]], n: int, m: int) -> tuple[list[int], list[int]]:
    """For each source index i, the range of target indices the path may take: around the
    line through the anchors, as wide as BAND plus what the sides' sizes differ by between
    the two anchors around i (an insertion or a drop moves the path that far off the line),
    plus BAND_SHARE of that stretch."""
    path = [(0, 0), *[(i + 1, j + 1) for i, j in anchors], (n, m)]
    low, high = [m] * (n + 1), [0] * (n + 1)
    for (i0, j0), (i1, j1) in zip(path, path[1:]):
        width = BAND + abs((j1 - j0) - (i1 - i0)) + int(BAND_SHARE * max(i1 - i0, j1 - j0))
        for i in range(i0, i1 + 1):
            centre = j0 + (j1 - j0) * ((i - i0) / (i1 - i0) if i1 > i0 else 0.0)
            low[i] = min(low[i], max(0, int(centre) - width))
            high[i] = max(high[i], min(m, int(math.ceil(centre)) + width))
    return low, high


def _length_cost(a: int, b: int, ratio: float) -> float:
    """-log P(lengths a, b | translation), Gale and Church's two-sided normal tail."""
    mean = (a + b / ratio) / 2
    delta = (b - a * ratio) / math.sqrt(max(mean, 1.0) * VARIANCE * ratio)
    p = math.erfc(abs(delta) / math.sqrt(2))
    return -math.log(max(p, 1e-12))


def _merge_ok(i: int, j: int, di: int, dj: int, fs, ft, one_to_one, bs, bt) -> bool:  # noqa: ANN001
    """Whether a pairing of more than one sentence on a side may be made at (i, j): the
    sentences joined on each side are of one paragraph (a translator split or joined a
    sentence there: the splitter, too, may cut one at markup), or each sentence the pairing
    adds to a 1-1 pairing shares a feature with the other side, or no 1-1 pairing inside
    it fits. Three sentences are joined only within a paragraph."""
    same_s = len({bs[i + a] for a in range(di)}) == 1
    same_t = len({bt[j + b] for b in range(dj)}) == 1
    if same_s and same_t:
        return True
    if di == 3 or dj == 3:
        return False
    if min(one_to_one(i + a, j + b) for a in range(di) for b in range(dj)) >= MISFIT:
        return True
    other_t = ft[j] if dj == 1 else ft[j] | ft[j + 1]
    other_s = fs[i] if di == 1 else fs[i] | fs[i + 1]
    added_s = same_s or all(fs[i + a] & other_t for a in range(di))
    added_t = same_t or all(ft[j + b] & other_s for b in range(dj))
    return added_s and added_t


def _joined(lengths: list[int], start: int, count: int) -> int:
    return sum(lengths[start:start + count])


def _union(features: list[frozenset[str]], start: int, count: int) -> frozenset[str]:
    return features[start] if count == 1 else frozenset().union(*features[start:start + count])


def _dp(fs, ft, ls, lt, ratio, anchors, bs, bt) -> list[CrossPair]:  # noqa: ANN001
    n, m = len(fs), len(ft)
    low, high = _band(anchors, n, m)
    inf = float("inf")
    cost: list[dict[int, float]] = [dict() for _ in range(n + 1)]
    back: list[dict[int, tuple[int, int]]] = [dict() for _ in range(n + 1)]
    cost[0][0] = 0.0
    bonus_cache: dict[tuple[int, int, int, int], tuple[float, tuple[str, ...]]] = {}
    length_cache: dict[tuple[int, int], float] = {}

    def one_to_one(a: int, b: int) -> float:
        """The 1-1 length cost of source sentence a and target sentence b (memoised)."""
        c = length_cache.get((a, b))
        if c is None:
            c = length_cache[(a, b)] = _length_cost(ls[a], lt[b], ratio)
        return c

    def shared(i0: int, i1: int, j0: int, j1: int) -> tuple[float, tuple[str, ...]]:
        key = (i0, i1, j0, j1)
        hit = bonus_cache.get(key)
        if hit is None:
            common = _union(fs, i0, i1 - i0) & _union(ft, j0, j1 - j0)
            hit = (sum(BONUS[_kind(x)] for x in common),
                   tuple(sorted(common, key=lambda x: (_kind(x) != "term", x)))) if common else (0.0, ())
            bonus_cache[key] = hit
        return hit

    for i in range(n + 1):
        row = cost[i]
        for j in range(low[i], high[i] + 1):
            here = row.get(j, inf)
            if i == 0 and j == 0:
                here = 0.0
            if here == inf:
                continue
            # skips
            for di, dj in ((1, 0), (0, 1)):
                ni, nj = i + di, j + dj
                if ni <= n and nj <= m and low[ni] <= nj <= high[ni]:
                    c = here + SKIP
                    if c < cost[ni].get(nj, inf):
                        cost[ni][nj] = c
                        back[ni][nj] = (i, j)
            for (di, dj), prior in PRIOR.items():
                ni, nj = i + di, j + dj
                if ni > n or nj > m or not low[ni] <= nj <= high[ni]:
                    continue
                if di == 1 and dj == 1:
                    length = one_to_one(i, j)
                elif _merge_ok(i, j, di, dj, fs, ft, one_to_one, bs, bt):
                    length = _length_cost(_joined(ls, i, di), _joined(lt, j, dj), ratio)
                else:
                    continue
                bonus, _ = shared(i, ni, j, nj)
                c = here + prior + length - bonus
                if c < cost[ni].get(nj, inf):
                    cost[ni][nj] = c
                    back[ni][nj] = (i, j)
    pairs: list[CrossPair] = []
    i, j = n, m
    if m not in cost[n]:  # the band missed the corner: cannot happen with the centre at (n, m)
        return pairs
    while (i, j) != (0, 0):
        pi, pj = back[i][j]
        if i > pi and j > pj:
            a, b = _joined(ls, pi, i - pi), _joined(lt, pj, j - pj)
            bonus, common = shared(pi, i, pj, j)
            pair_cost = PRIOR[(i - pi, j - pj)] + _length_cost(a, b, ratio) - bonus
            gain = SKIP * ((i - pi) + (j - pj)) - pair_cost  # against leaving them unaligned
            score = round(100 / (1 + math.exp(-gain / 2)), 1)
            pairs.append(CrossPair(tuple(range(pi, i)), tuple(range(pj, j)), score, common))
        i, j = pi, pj
    return pairs[::-1]
