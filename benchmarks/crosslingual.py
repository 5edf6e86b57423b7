"""Cross-lingual alignment and term tracing (issue 21) measured on real parallel documents.

    python benchmarks/crosslingual.py            # the hand-checked set + the 5,000-sentence timing
    python benchmarks/crosslingual.py --quick    # the hand-checked set only

Data: tests/data/real/parallel/ (README there): an excerpt of the Debian Reference 2.100 in
en, de, fr and ja (Debian's debian-reference-* packages), split into sentences by
termcheck's reader and splitter, with a gold alignment per language pair
(gold-<lang>.jsonl, checked by reading) and, for each gold pair and glossary term of its
English side, what the translation has for the term (terms-<lang>.jsonl).

1. Alignment: precision and recall of the aligned pairs against the gold ones, exact
   (the same sentences on both sides) and by links (every source-target sentence link of
   a pair counted once).
2. Term findings on the aligned pairs: a gold problem is a term whose translation in a
   pair is forbidden (forbidden-rendering), a variant (variant-rendering), or an unlisted
   word or nothing (missing-rendering); a finding is right when the gold labels the same
   term in the pair holding its source sentence with that kind of problem.
3. Speed: two documents of at least 5,000 sentences (whole chapters of the Debian
   Reference, en and de, downloaded with `apt-get download` into benchmarks/out/
   debian-reference; skipped without apt), aligned on one core, CPU seconds.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DATA = ROOT / "tests" / "data" / "real" / "parallel"
OUT = HERE / "out" / "debian-reference"
KIND = {"forbidden": "forbidden-rendering", "variant": "variant-rendering", "other": "missing-rendering",
        "absent": "missing-rendering"}

sys.path.insert(0, str(ROOT))


def _jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def evaluate(lang: str) -> dict:
    from checker.comparison.crosslingual import Classifier, compare_across, crosslingual_findings
    from checker.comparison.run import load_version
    from checker.documents import read_document
    from checker.glossary import load_glossary
    from checker.matching.matcher import Matcher

    glossary = load_glossary(str(DATA / "glossary.yml"))
    matcher = Matcher(glossary)
    source = load_version(read_document(str(DATA / "debian-reference-en.html")), matcher, glossary)
    target = load_version(read_document(str(DATA / f"debian-reference-{lang}.html")), matcher, glossary)
    started = time.process_time()
    comparison = compare_across(source, target, Classifier(matcher))
    cpu = time.process_time() - started
    gold = [g for g in _jsonl(DATA / f"gold-{lang}.jsonl") if g["en"] and g[lang]]
    gold_pairs = {(tuple(g["en"]), tuple(g[lang])) for g in gold}
    pred_pairs = {(p.reference, p.other) for p in comparison.pairs}
    exact = len(gold_pairs & pred_pairs)

    def links(pairs: set) -> set:
        return {(i, j) for a, b in pairs for i in a for j in b}

    gold_links, pred_links = links(gold_pairs), links(pred_pairs)
    # term findings: keyed by (term, an English sentence of the pair)
    labels = _jsonl(DATA / f"terms-{lang}.jsonl")
    problems = {}
    for label in labels:
        if label["target"] in KIND:
            for i in label["en"]:
                problems[(label["term"], i)] = KIND[label["target"]]
    findings = crosslingual_findings(comparison, glossary)
    by_place = {}
    for t in comparison.traces:
        by_place[(t.source.term_id, t.source.path, t.source.line, t.source.column)] = t
    right = 0
    predicted = []
    for f in findings:
        (rel,) = f.related
        trace = by_place.get((f.term, rel.path, rel.line, rel.column))
        index = next(s.index for s in source.sentences if trace is not None and trace.source in s.occurrences)
        predicted.append((f.term, index, f.rule))
        if problems.get((f.term, index)) == f.rule:
            right += 1
    found_problems = {(t, i) for t, i, rule in predicted if problems.get((t, i)) == rule}
    return {
        "lang": lang, "source sentences": len(source.sentences), "target sentences": len(target.sentences),
        "gold pairs": len(gold_pairs), "pairs": len(pred_pairs),
        "precision": exact / max(len(pred_pairs), 1),
        "recall": exact / max(len(gold_pairs), 1),
        "link precision": len(gold_links & pred_links) / max(len(pred_links), 1),
        "link recall": len(gold_links & pred_links) / max(len(gold_links), 1),
        "term findings": len(findings), "right": right, "gold problems": len(problems),
        "term precision": right / max(len(findings), 1),
        "term recall": len(found_problems) / max(len(problems), 1),
        "cpu": cpu,
    }


def speed(log) -> str:
    """Two >= 5,000-sentence documents aligned: CPU seconds of align_across."""
    from checker.comparison.crossalign import Sentence, align_across
    from checker.comparison.run import load_version
    from checker.documents import read_document
    from checker.glossary import load_glossary
    from checker.matching.matcher import Matcher

    share = OUT / "x" / "usr" / "share" / "debian-reference"
    if not share.is_dir():
        OUT.mkdir(parents=True, exist_ok=True)
        for lang in ("en", "de"):
            r = subprocess.run(["apt-get", "download", f"debian-reference-{lang}"], cwd=OUT, capture_output=True)
            if r.returncode:
                return "speed: apt-get download debian-reference-en/de failed; skipped"
        for deb in OUT.glob("*.deb"):
            subprocess.run(["dpkg-deb", "-x", str(deb), str(OUT / "x")], check=True)
    glossary = load_glossary(str(DATA / "glossary.yml"))
    matcher = Matcher(glossary)
    sides: dict[str, list] = {"en": [], "de": []}
    for chapter in sorted(share.glob("ch*.en.html")):  # whole chapters, the same on both sides
        for lang in ("en", "de"):
            version = load_version(read_document(str(chapter).replace(".en.html", f".{lang}.html")), matcher, glossary)
            sides[lang] += [Sentence(s.text, frozenset(o.term_id for o in s.occurrences)) for s in version.sentences]
        if len(sides["en"]) >= 5000:
            break
    n = len(sides["en"])
    started = time.process_time()
    pairs = align_across(sides["en"], sides["de"], "en", "de")
    cpu = time.process_time() - started
    return (f"speed: {n:,} en and {len(sides['de']):,} de sentences (whole chapters of the Debian Reference) "
            f"aligned in {cpu:.1f} s CPU on one core; {len(pairs):,} pairs")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="the hand-checked set only")
    args = parser.parse_args()
    rows = [evaluate(lang) for lang in ("de", "fr", "ja") if (DATA / f"gold-{lang}.jsonl").exists()]
    print("| pair | sentences (en / xx) | gold pairs | aligned pairs | precision | recall | link P | link R "
          "| term findings | term precision | term recall | CPU s |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        print(f"| en-{r['lang']} | {r['source sentences']} / {r['target sentences']} | {r['gold pairs']} | {r['pairs']} "
              f"| {r['precision']:.2f} | {r['recall']:.2f} | {r['link precision']:.2f} | {r['link recall']:.2f} "
              f"| {r['term findings']} ({r['right']} right, {r['gold problems']} gold problems) "
              f"| {r['term precision']:.2f} | {r['term recall']:.2f} | {r['cpu']:.2f} |")
    if not args.quick:
        print()
        print(speed(lambda m: print(m, file=sys.stderr)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
