"""Monotonic sentence alignment of two versions of one text, Bleualign-style, scored with chrF.

`align(reference, other)` pairs the sentences of `other` with those of `reference`:
1-1, 1-2 (one reference sentence rendered as two), 2-1 (two rendered as one), and leaves
the rest unaligned. The pairs cover every sentence of both sides once, in order.

How:
1. Candidates (cheap): each sentence becomes a set of word prefixes (the first 5 letters of
   each lower-cased word, a poor man's stemmer), weighted by inverse document frequency;
   prefixes found in more than `COMMON_SHARE` of the sentences are dropped in large
   documents (they would cost most and weigh least). Within a band around the diagonal
   (scaled by the length ratio), each sentence keeps its `CANDIDATES` most similar
   sentences of the other side (weighted Dice), if at least `RELATIVE` times the best.
   Two neighbouring candidates of one sentence make a 1-2 or 2-1 candidate.
2. Scores (costly, cached): sacrebleu's sentence chrF, 0-100, hypothesis = the other
   document's (joined) sentences, reference = the reference's (joined) sentences,
   both lower-cased (`CHRF(lowercase=True)`): case says little about whether two
   sentences say the same, and headlines differ in it. Measured: the corpus's true
   pairs score 1-3 points higher lower-cased, the benchmark is unchanged.
3. Chain: a pair gains `score - min_score`, an unaligned sentence gains 0, so a poor pair
   loses to leaving both sentences unaligned. A 1-2 or 2-1 merge is only made when it
   really scores better than each of its 1-1 parts, judged by chrF in both directions
   (one direction always favours the longer side, see `_merge_pays`); it then gains at
   least `MERGE_MARGIN` more than its best part, so it wins over that part plus an
   unaligned sentence. Pairs whose lengths differ more than `MAX_LENGTH_RATIO` times
   are never made: chrF weighs recall twice as much as precision, so a short reference
   sentence ("Unofficial translation") is "recalled" by any long sentence that happens
   to contain its words. The best monotonic chain of pairs is found over the sparse
   candidates only (O(k log k) with a Fenwick tree of prefix maxima), not a full matrix.
4. Gap filling: between two consecutive pairs of the chain, small runs of sentences left
   unaligned on both sides are scored exhaustively and chained again, which recovers
   short sentences made only of common words that step 1 could not rank.

`min_score` defaults to `DEFAULT_MIN_SCORE` = 30, measured: unrelated sentences of
benchmarks/align_bench.py score 18 (median) to 30 (99.9th percentile); in the default
corpus (000 against 002) the report's paraphrases of the letter score 33-64, while 25
already lets in pairs that merely share a topic. `MERGE_MARGIN` = 2 rejects the corpus's
spurious merges (0 lets in two) and keeps the benchmark's true ones.

Limitations: the band follows the diagonal, so after a drop of more than the band
(10% of the document by default) in one place pairs are found again only where the
diagonal catches up; pass a wider `band`. Moved paragraphs are left unaligned (the
alignment is monotonic). Sentences made only of words common in a large document are
found only by gap filling, between two aligned neighbours. Candidates come from words,
so languages written without spaces get few (gap filling still scores small gaps).
"""

from __future__ import annotations

import heapq
import math
import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

DEFAULT_MIN_SCORE = 30.0
MERGE_MARGIN = 2.0       # chrF points a merge must beat each of its 1-1 parts by
MAX_LENGTH_RATIO = 2.0   # longer / shorter, in characters
CANDIDATES = 3           # per sentence and side
RELATIVE = 0.5           # a candidate's similarity, relative to the sentence's best
COMMON_SHARE = 0.05      # prefixes in more sentences than this share are dropped ...
COMMON_MIN = 50          # ... when that is more than this many sentences
GAP_CELLS = 36           # gap filling scores gaps of at most this many sentence pairs
PREFIX = 5

_WORD = re.compile(r"\w\w+")


@dataclass(frozen=True)
class Pair:
    """Sentences of each side joined in one pair; one side empty for an unaligned sentence."""

    ref: tuple[int, ...]
    other: tuple[int, ...]
    score: float


# A block of sentences joined in one pair: (ref first, ref last, other first, other last).
Block = tuple[int, int, int, int]


def align(
    reference: list[str],
    other: list[str],
    *,
    band: int | None = None,
    min_score: float = DEFAULT_MIN_SCORE,
) -> list[Pair]:
    """Align `other` to `reference` sentence by sentence (see the module docstring).

    `band`: how far (in sentences) from the diagonal a pair may lie; default
    max(50, 10% of the longer document), so dropped or moved paragraphs still align.
    """
    n, m = len(reference), len(other)
    if band is None:
        band = max(50, math.ceil(0.1 * max(n, m)))
    ref = [_normalise(s) for s in reference]
    oth = [_normalise(s) for s in other]
    sides = _sides(ref, oth, min_score)
    candidates = _candidates(ref, oth, band)
    chain = _best_chain(_gains(sides, _block_candidates(candidates)))
    chain = _fill_gaps(chain, sides)
    return _pairs(chain, sides)


def _normalise(sentence: str) -> str:
    return " ".join(sentence.split())


# --- 1. candidates ----------------------------------------------------------------------

def _features(sentences: list[str]) -> list[set[str]]:
    return [{w[:PREFIX] for w in _WORD.findall(s.lower())} for s in sentences]


def _candidates(ref: list[str], oth: list[str], band: int) -> set[tuple[int, int]]:
    """1-1 pairs worth scoring: each sentence's few most similar ones on the other side."""
    n, m = len(ref), len(oth)
    if not n or not m:
        return set()
    ref_f, oth_f = _features(ref), _features(oth)
    df: dict[str, int] = defaultdict(int)
    for fs in ref_f + oth_f:
        for f in fs:
            df[f] += 1
    total = n + m
    common = max(COMMON_MIN, COMMON_SHARE * total)
    idf = {f: math.log((total + 1) / (c + 1)) for f, c in df.items() if c <= common}
    postings: dict[str, list[int]] = defaultdict(list)
    oth_w = []
    for j, fs in enumerate(oth_f):
        oth_w.append(sum(idf.get(f, 0.0) for f in fs))
        for f in fs:
            if f in idf:
                postings[f].append(j)  # in increasing j: ready for bisect
    col_best: list[list[tuple[float, int]]] = [[] for _ in range(m)]
    out: set[tuple[int, int]] = set()
    for i, fs in enumerate(ref_f):
        centre = i * m / n
        lo, hi = math.floor(centre) - band, math.ceil(centre) + band
        overlap: dict[int, float] = defaultdict(float)
        for f in fs:
            w = idf.get(f)
            if w is None:
                continue
            plist = postings[f]
            for j in plist[bisect_left(plist, lo):bisect_right(plist, hi)]:
                overlap[j] += w
        if not overlap:
            continue
        ref_w = sum(idf.get(f, 0.0) for f in fs)
        # Two one-sentence documents share every word they have in common with weight 0
        # (log 3/3): no evidence either way, not a division by zero.
        sims = [(2 * ov / (ref_w + oth_w[j]) if ref_w + oth_w[j] > 0 else 0.0, j) for j, ov in overlap.items()]
        out.update((i, j) for _, j in _top(sims))
        for sim, j in sims:
            heap = col_best[j]
            if len(heap) < CANDIDATES:
                heapq.heappush(heap, (sim, -i))
            elif (sim, -i) > heap[0]:
                heapq.heapreplace(heap, (sim, -i))
    for j, heap in enumerate(col_best):
        out.update((-neg_i, j) for _, neg_i in _top(heap))
    return out


def _top(sims: list[tuple[float, int]]) -> list[tuple[float, int]]:
    """The `CANDIDATES` best, ties by position, and only those close to the best."""
    best = heapq.nlargest(CANDIDATES, sims)
    return [s for s in best if s[0] >= RELATIVE * best[0][0]]


def _block_candidates(pairs: set[tuple[int, int]]) -> list[Block]:
    """1-1 candidates, and 1-2 / 2-1 merges of two neighbouring candidates of one sentence."""
    blocks: list[Block] = [(i, i, j, j) for i, j in sorted(pairs)]
    for i, j in sorted(pairs):
        if (i, j + 1) in pairs:
            blocks.append((i, i, j, j + 1))
        if (i + 1, j) in pairs:
            blocks.append((i, i + 1, j, j))
    return blocks


# --- 2. scores --------------------------------------------------------------------------

@lru_cache(maxsize=1)
def _metric():
    # sacrebleu takes ~0.1 s to import: only callers that align pay for it.
    from sacrebleu.metrics import CHRF

    return CHRF(lowercase=True)


@lru_cache(maxsize=1 << 16)
def chrf(hypothesis: str, reference: str) -> float:
    """Sentence chrF of `hypothesis` against `reference`, lower-cased, 0-100 (cached)."""
    if hypothesis == reference:
        return 100.0 if hypothesis.strip() else 0.0
    return _metric().sentence_score(hypothesis, [reference]).score


class _Sides(NamedTuple):
    """The two documents being aligned, normalised, with their sentence lengths."""

    ref: list[str]
    oth: list[str]
    ref_len: list[int]
    oth_len: list[int]
    min_score: float


def _sides(ref: list[str], oth: list[str], min_score: float) -> _Sides:
    return _Sides(ref, oth, [len(s) for s in ref], [len(s) for s in oth], min_score)


def _texts(sides: _Sides, block: Block) -> tuple[str, str]:
    """(other side's joined sentences, reference side's joined sentences) of a block."""
    i0, i1, j0, j1 = block
    return " ".join(sides.oth[j0:j1 + 1]), " ".join(sides.ref[i0:i1 + 1])


def _score(sides: _Sides, block: Block) -> float:
    hyp, ref = _texts(sides, block)
    return chrf(hyp, ref)


def _reverse(sides: _Sides, block: Block) -> float:
    """chrF the other way round: it weighs what the other side says beyond the reference."""
    hyp, ref = _texts(sides, block)
    return chrf(ref, hyp)


def _gain(sides: _Sides, block: Block) -> float | None:
    """What the block adds to a chain; None if it never belongs in one."""
    i0, i1, j0, j1 = block
    a = sum(sides.ref_len[i0:i1 + 1])
    b = sum(sides.oth_len[j0:j1 + 1])
    if not a or not b or max(a, b) > MAX_LENGTH_RATIO * min(a, b):
        return None
    score = _score(sides, block)
    if i1 > i0 or j1 > j0:
        best_part = _merge_pays(sides, block, score)
        if best_part is None:
            return None
        # A 2-1 merge's parts have inflated forward scores (see _merge_pays): once the
        # merge has proved better, it must also win the chain against its best part
        # plus an unaligned sentence.
        score = max(score, best_part + MERGE_MARGIN)
    gain = score - sides.min_score
    return gain if gain > 0 else None


def _merge_pays(sides: _Sides, block: Block, score: float) -> float | None:
    """Whether a 1-2 or 2-1 block really scores better than each of its 1-1 parts.

    chrF weighs recall twice as much as precision, so in one direction the longer side
    always looks good: joining any related sentence to the hypothesis raises the
    score of a 1-2 merge, and a 2-1 merge's parts score about as well as the merge.
    So a merge is judged by chrF in both directions (their mean, as in
    `checker.scores.distance`): it must beat each of its parts by `MERGE_MARGIN`.
    Returns the best forward score of a part, or None if the merge does not pay.
    """
    i0, i1, j0, j1 = block
    parts = [(i, i, j, j) for i in range(i0, i1 + 1) for j in range(j0, j1 + 1)]
    forward = [_score(sides, p) for p in parts]
    both = (score + _reverse(sides, block)) / 2
    for part, part_score in zip(parts, forward):
        if both < (part_score + _reverse(sides, part)) / 2 + MERGE_MARGIN:
            return None
    return max(forward)


def _gains(sides: _Sides, blocks: list[Block]) -> list[tuple[Block, float]]:
    out = []
    for block in blocks:
        gain = _gain(sides, block)
        if gain is not None:
            out.append((block, gain))
    return out


# --- 3. chain ---------------------------------------------------------------------------

def _best_chain(blocks: list[tuple[Block, float]]) -> list[Block]:
    """The monotonic chain of non-overlapping blocks with the greatest total gain.

    A block may follow another if it starts after it on both sides. Blocks are visited
    by reference start; a Fenwick tree over the other side's end holds the best chain
    ending at or before each position among the blocks already ended on the reference side.
    """
    if not blocks:
        return []
    blocks = sorted(blocks)
    size = max(b[3] for b, _ in blocks) + 2
    tree: list[tuple[float, int]] = [(0.0, -1)] * (size + 1)
    best: list[float] = [0.0] * len(blocks)
    back: list[int] = [-1] * len(blocks)
    by_end = sorted(range(len(blocks)), key=lambda k: blocks[k][0][1])
    pending = 0
    for k, ((i0, _, j0, _), gain) in enumerate(blocks):
        # Make every block that ends before i0 on the reference side available.
        while pending < len(by_end) and blocks[by_end[pending]][0][1] < i0:
            e = by_end[pending]
            _fenwick_update(tree, blocks[e][0][3] + 1, (best[e], e))
            pending += 1
        prior_value, prior = _fenwick_query(tree, j0)  # chains ending before j0
        best[k] = prior_value + gain
        back[k] = prior
    k = max(range(len(blocks)), key=lambda x: (best[x], -x))
    chain = []
    while k != -1:
        chain.append(blocks[k][0])
        k = back[k]
    return chain[::-1]


def _fenwick_update(tree: list[tuple[float, int]], pos: int, value: tuple[float, int]) -> None:
    while pos < len(tree):
        if value[0] > tree[pos][0]:
            tree[pos] = value
        pos += pos & -pos


def _fenwick_query(tree: list[tuple[float, int]], pos: int) -> tuple[float, int]:
    """Best value among positions 1..pos (other-side ends 0..pos-1)."""
    out = (0.0, -1)
    while pos > 0:
        if tree[pos][0] > out[0]:
            out = tree[pos]
        pos -= pos & -pos
    return out


# --- 4. gaps and output -----------------------------------------------------------------

def _fill_gaps(chain: list[Block], sides: _Sides) -> list[Block]:
    """Chain again, exhaustively, inside small gaps left unaligned on both sides."""
    n, m = len(sides.ref), len(sides.oth)
    out: list[Block] = []
    prev_i, prev_j = -1, -1
    for block in chain + [(n, n, m, m)]:
        ri = range(prev_i + 1, block[0])
        rj = range(prev_j + 1, block[2])
        if ri and rj and len(ri) * len(rj) <= GAP_CELLS:
            inner: list[Block] = []
            for i in ri:
                for j in rj:
                    inner.append((i, i, j, j))
                    if j + 1 in rj:
                        inner.append((i, i, j, j + 1))
                    if i + 1 in ri:
                        inner.append((i, i + 1, j, j))
            out.extend(_best_chain(_gains(sides, inner)))
        if block[0] < n:
            out.append(block)
        prev_i, prev_j = block[1], block[3]
    return out


def _pairs(chain: list[Block], sides: _Sides) -> list[Pair]:
    """Blocks as Pairs, with every sentence between them unaligned: the reference's first."""
    n, m = len(sides.ref), len(sides.oth)
    out: list[Pair] = []
    prev_i, prev_j = -1, -1
    for block in chain + [(n, n, m, m)]:
        out.extend(Pair((i,), (), 0.0) for i in range(prev_i + 1, block[0]))
        out.extend(Pair((), (j,), 0.0) for j in range(prev_j + 1, block[2]))
        if block[0] < n:
            i0, i1, j0, j1 = block
            score = round(_score(sides, block), 4)
            out.append(Pair(tuple(range(i0, i1 + 1)), tuple(range(j0, j1 + 1)), score))
        prev_i, prev_j = block[1], block[3]
    return out
