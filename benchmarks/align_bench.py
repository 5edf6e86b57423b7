#!/usr/bin/env python3
"""Time and check `checker.comparison.align.align` on two generated 5,000-sentence documents.

    python benchmarks/align_bench.py                  # 5,000 sentences, seed 1
    python benchmarks/align_bench.py --sentences 20000 --min-score 35

The reference is English-like prose (real function words, pseudo-words built from
syllables, Zipf-distributed, 6-30 words a sentence). The other document is a perturbed
version of it, with a known answer: every sentence paraphrased (about 15% of its words
replaced, some dropped, two swapped), 4% of the sentences deleted, 4% new ones inserted,
3% split in two, 3% merged with the next, one run of 2% of the sentences dropped and
another of 1% moved elsewhere. Same seed, same documents.

Prints the time of `align` (and of the first import of sacrebleu, which it pays once),
the number of chrF computations, and precision / recall of the pairs it made against
the known answer.
"""

from __future__ import annotations

import argparse
import itertools
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

FUNCTION_WORDS = """the of and to a in that is for it as was with be by on not he this are
or his from at which but have an they you were her she there been has their one all would
will we more if no when who so what its about up out into them than some could only other
then these two may first any my now such like our over also new after most made many
before must through back years where much your way well down should because each just
those people how too between both under last never same another while state world""".split()
SYLLABLES = """ba be bi bo bu da de di do du fa fe fi fo ka ke ki ko la le li lo lu ma me mi
mo mu na ne ni no nu pa pe pi po ra re ri ro ru sa se si so su ta te ti to tu va ve vi vo
sta ste sti pro pre tri con der ver man ter ral tion ment ness ing ant ist""".split()

Gold = set[tuple[tuple[int, ...], tuple[int, ...]]]


def vocabulary(rng: random.Random, size: int = 20000) -> tuple[list[str], list[float]]:
    """Function words first, then pseudo-words; cumulative Zipf weights over the ranking."""
    words, seen = list(FUNCTION_WORDS), set(FUNCTION_WORDS)
    while len(words) < size:
        word = "".join(rng.choice(SYLLABLES) for _ in range(rng.choice((1, 2, 2, 3, 3, 4))))
        if word not in seen:
            seen.add(word)
            words.append(word)
    return words, list(itertools.accumulate(1.0 / (rank + 1) for rank in range(len(words))))


def sentence(rng: random.Random, vocab: tuple[list[str], list[float]]) -> list[str]:
    words, cumulative = vocab
    return rng.choices(words, cum_weights=cumulative, k=rng.randint(6, 30))


def render(words: list[str]) -> str:
    text = " ".join(words)
    return text[:1].upper() + text[1:] + "."


def paraphrase(rng: random.Random, vocab, words: list[str]) -> list[str]:
    out = []
    for w in words:
        r = rng.random()
        if r < 0.05:
            continue  # dropped
        out.append(rng.choices(vocab[0], cum_weights=vocab[1])[0] if r < 0.20 else w)
    if len(out) > 3:
        k = rng.randrange(len(out) - 1)
        out[k], out[k + 1] = out[k + 1], out[k]
    return out or words[:1]


def documents(n: int = 5000, seed: int = 1) -> tuple[list[str], list[str], Gold]:
    """(reference, other, gold pairs as (reference indices, other indices))."""
    rng = random.Random(seed)
    vocab = vocabulary(rng)
    ref_words = [sentence(rng, vocab) for _ in range(n)]
    reference = [render(w) for w in ref_words]
    # Units of the other document: (reference indices, sentences), in order.
    units: list[tuple[tuple[int, ...], list[list[str]]]] = []
    i = 0
    while i < n:
        r = rng.random()
        if r < 0.04:
            units.append(((i,), []))
        elif r < 0.07 and len(ref_words[i]) >= 8:
            words = paraphrase(rng, vocab, ref_words[i])
            cut = len(words) // 2
            units.append(((i,), [words[:cut], words[cut:]]))
        elif r < 0.10 and i + 1 < n:
            units.append(((i, i + 1), [paraphrase(rng, vocab, ref_words[i] + ref_words[i + 1])]))
            i += 1
        else:
            units.append(((i,), [paraphrase(rng, vocab, ref_words[i])]))
        if rng.random() < 0.04:
            units.append(((), [sentence(rng, vocab)]))
        i += 1
    # One run of units dropped, another moved further on (so left unaligned).
    drop, move = max(1, n // 50), max(1, n // 100)
    a = rng.randrange(len(units) // 4, len(units) // 2)
    units[a:a + drop] = [(ref, []) for ref, _ in units[a:a + drop]]  # deleted
    b = rng.randrange(len(units) // 2, 3 * len(units) // 4)
    moved = [(ref, sents) for ref, sents in units[b:b + move]]
    units[b:b + move] = [(ref, []) for ref, _ in moved]  # left behind: unaligned
    c = rng.randrange(3 * len(units) // 4 + move, len(units))
    units[c:c] = [((), sents) for _, sents in moved]      # arrive: unaligned
    other: list[str] = []
    gold: Gold = set()
    for ref, sents in units:
        js = tuple(range(len(other), len(other) + len(sents)))
        other.extend(render(w) for w in sents)
        if ref and js:
            gold.add((ref, js))
    return reference, other, gold


def evaluate(pairs, gold: Gold) -> dict[str, float]:
    """Precision and recall of the aligned pairs, exact and per linked sentence pair."""
    made = {(p.ref, p.other) for p in pairs if p.ref and p.other}
    links = lambda pp: {(i, j) for r, o in pp for i in r for j in o}  # noqa: E731
    made_links, gold_links = links(made), links(gold)
    return {
        "pairs": len(made),
        "gold_pairs": len(gold),
        "precision": len(made & gold) / max(1, len(made)),
        "recall": len(made & gold) / max(1, len(gold)),
        "link_precision": len(made_links & gold_links) / max(1, len(made_links)),
        "link_recall": len(made_links & gold_links) / max(1, len(gold_links)),
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--min-score", type=float, default=None)
    parser.add_argument("--band", type=int, default=None)
    args = parser.parse_args(argv)

    from checker.comparison import align as al

    reference, other, gold = documents(args.sentences, args.seed)
    t0 = time.perf_counter()
    al._metric()  # the one-off import of sacrebleu, timed apart
    t1 = time.perf_counter()
    kwargs = {} if args.min_score is None else {"min_score": args.min_score}
    pairs = al.align(reference, other, band=args.band, **kwargs)
    t2 = time.perf_counter()
    stats = evaluate(pairs, gold)
    calls = al.chrf.cache_info()
    print(f"documents: {len(reference)} and {len(other)} sentences (seed {args.seed})")
    print(f"sacrebleu import: {t1 - t0:.2f} s")
    print(f"align: {t2 - t1:.2f} s, {calls.misses} chrF computations")
    print(
        f"pairs: {stats['pairs']} made, {stats['gold_pairs']} expected; "
        f"precision {stats['precision']:.3f}, recall {stats['recall']:.3f}; "
        f"links: precision {stats['link_precision']:.3f}, recall {stats['link_recall']:.3f}"
    )


if __name__ == "__main__":
    main()
