"""Term extraction (issue 19) measured against the hand-made glossaries of the labelled set.

    python benchmarks/extract.py             # Django 5.2.17's catalogs + Symfony 5.4.53's validators
    python benchmarks/extract.py --quick     # the labelled excerpts in tests/data/real only
    python benchmarks/extract.py --top 50 --lang de   # also list the top source terms, judged

Corpus: the catalogs the labelled set was sampled from (tests/data/real/README.md): the
Django 5.2.17 wheel's 1,226 PO catalogs (downloaded and unpacked by benchmarks/real.py into
benchmarks/out/django-5.2.17-po) and Symfony 5.4.53's Validator and Form XLIFF catalogs
(Debian 12's php-symfony-validator and php-symfony-form, `apt-get download`, unpacked into
benchmarks/out/symfony-5.4.53; without apt, the labelled excerpts of tests/data/real/symfony).

1. For each language of the labelled glossaries (tests/data/real/glossary-<lang>.yml: de, fr,
   ru, es, ja, zh), `extract` is run with the glossary's English renderings as the terms to
   look up; a term counts as right when its dominant extracted rendering is the glossary's
   preferred one, compared by the target analyser's keys (the same words in any inflection:
   "Passwörter" is "Passwort", case and apostrophes aside).
2. The top source terms (no glossary given: what `glossary extract` proposes), with the
   judgments in tests/data/real/extract-judged.tsv (criteria written there): precision of
   the top N. Terms without a judgment are listed as such.
3. CPU seconds of extraction over all 1,226 Django catalogs for one target language.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUT = HERE / "out"
REAL = ROOT / "tests" / "data" / "real"
JUDGED = REAL / "extract-judged.tsv"
SYMFONY = OUT / "symfony-5.4.53"
LANGUAGES = {"de": "de", "fr": "fr", "ru": "ru", "es": "es", "ja": "ja", "zh": "zh-CN"}  # Django's zh_Hans says zh_CN

sys.path.insert(0, str(ROOT))


def symfony_catalogs(log) -> Path:
    """Symfony's validators.*.xlf of both packages, or the labelled excerpts."""
    if SYMFONY.is_dir() and any(SYMFONY.rglob("*.xlf")):
        return SYMFONY
    debs = OUT / "symfony-debs"
    debs.mkdir(parents=True, exist_ok=True)
    for package in ("php-symfony-validator", "php-symfony-form"):
        if not list(debs.glob(f"{package}_*.deb")):
            r = subprocess.run(["apt-get", "download", package], cwd=debs, capture_output=True, text=True)
            if r.returncode:
                log(f"apt-get download {package} failed; using tests/data/real/symfony")
                return REAL / "symfony"
    for deb in sorted(debs.glob("*.deb")):
        unpacked = debs / deb.stem
        subprocess.run(["dpkg-deb", "-x", str(deb), str(unpacked)], check=True)
        component = "validator" if "validator" in deb.name else "form"
        for xlf in unpacked.rglob("validators.*.xlf"):
            dest = SYMFONY / component / xlf.name
            dest.parent.mkdir(parents=True, exist_ok=True)
            dest.write_bytes(xlf.read_bytes())
    return SYMFONY


def glossary_terms(lang: str) -> list[tuple[str, str, str]]:
    """(id, English preferred, target preferred) of the labelled glossary."""
    data = yaml.safe_load((REAL / f"glossary-{lang}.yml").read_text(encoding="utf-8"))
    out = []
    for term in data["terms"]:
        r = term["renderings"]
        en, tr = r["en"], r[lang]
        out.append((term["id"], en if isinstance(en, str) else en["preferred"],
                    tr if isinstance(tr, str) else tr["preferred"]))
    return out


def judgments() -> dict[str, str]:
    """source term (case folded) -> 'term' or 'no', from the judged file."""
    found: dict[str, str] = {}
    if JUDGED.exists():
        for line in JUDGED.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                term, verdict, *_ = line.split("\t")
                found[term.casefold()] = verdict.strip()
    return found


def tmx_table(log) -> None:
    """OmegaT's German memory (tests/data/real/tmx) against the project's own glossary."""
    from checker.glossary.extract import extract
    from checker.glossary.extract_units import bilingual_units
    from checker.glossary.phrases import Phrases

    tmx = REAL / "tmx" / "omegat-de.tmx"
    entries = []
    for line in (REAL / "tmx" / "omegat-de-glossary.txt").read_bytes().decode("cp1252").splitlines():
        parts = line.split("\t")
        if len(parts) >= 2 and parts[0].strip() and parts[1].strip():
            entries.append((parts[0].strip(), parts[1].strip()))
    started = time.process_time()
    units, _, source, _ = bilingual_units([str(tmx)], "de")
    result = extract(units, source, "de", known=[(en, en) for en, _ in entries], limit=0, min_units=2)
    cpu = time.process_time() - started
    side = Phrases("de", full_stops=False)
    found = {t.term_id: t for t in result.known}
    seen = [(en, de) for en, de in entries if found[en].units >= 2]
    right = [(en, de) for en, de in seen if found[en].renderings
             and side.key_of(found[en].renderings[0].text) == side.key_of(de)]
    print(f"\nOmegaT's memory ({tmx.relative_to(ROOT)}, {result.units} units) against its glossary "
          f"({len(entries)} entries, {len(seen)} in at least 2 units): dominant = glossary's in "
          f"{len(right)}/{len(seen)} = {len(right) / max(len(seen), 1):.2f}; {cpu:.1f} s CPU")
    for en, de in seen:
        term = found[en]
        got = term.renderings[0].text if term.renderings else "-"
        mark = "ok  " if (en, de) in right else "MISS"
        print(f"  {mark} {en} ({term.units} units): {got}; glossary: {de}")
    top = extract(units, source, "de", limit=50, min_units=2).terms
    judged = judgments()
    verdicts = [judged.get(f"{t.source.casefold()} [omegat]", judged.get(t.source.casefold(), "?")) for t in top]
    print(f"top {len(top)} source terms of the memory (phrases in at least 2 units): "
          f"{verdicts.count('term')}/{len(top)} = {verdicts.count('term') / max(len(top), 1):.2f} judged terms"
          + (f" ({verdicts.count('?')} not judged)" if "?" in verdicts else ""))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="the labelled excerpts only (no download)")
    parser.add_argument("--top", type=int, default=50, help="source terms judged (default 50)")
    parser.add_argument("--lang", default="de", help="target language of the top-terms run (default de)")
    parser.add_argument("--show", action="store_true", help="list every glossary term with what was extracted")
    args = parser.parse_args()

    from checker.glossary.extract import extract
    from checker.glossary.extract_units import bilingual_units
    from checker.glossary.phrases import Phrases

    def log(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    if args.quick:
        corpus = [REAL / "django", REAL / "symfony"]
    else:
        from benchmarks.real import django_catalogs

        django, note = django_catalogs(OUT, False, log)
        if django is None:
            log(f"Django's catalogs: {note}")
            return 2
        corpus = [django, symfony_catalogs(log)]
    print(f"corpus: {', '.join(str(p.relative_to(ROOT)) for p in corpus)}\n")
    print("| language | units | glossary terms | dominant = preferred | share | no rendering found | CPU s |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    total = right = 0
    misses: list[str] = []
    for lang, tag in LANGUAGES.items():
        started = time.process_time()
        units, errors, source, _ = bilingual_units([str(p) for p in corpus], tag)
        terms = glossary_terms(lang)
        result = extract(units, source, tag, known=[(i, en) for i, en, _ in terms], limit=0)
        cpu = time.process_time() - started
        side = Phrases(tag, full_stops=False)
        preferred = {i: tr for i, _, tr in terms}
        ok = none = 0
        for term in result.known:
            got = term.renderings[0].text if term.renderings else None
            good = got is not None and side.key_of(got) == side.key_of(preferred[term.term_id])
            ok += good
            none += got is None
            if not good or args.show:
                others = ", ".join(f"{r.text} ({r.units})" for r in term.renderings[1:])
                misses.append(f"{lang} {'ok ' if good else 'MISS'} {term.source} ({term.units} units): "
                              f"{got or '-'}; glossary: {preferred[term.term_id]}" + (f"; also {others}" if others else ""))
        total += len(terms)
        right += ok
        print(f"| {lang} | {result.units:,} | {len(terms)} | {ok} | {ok / len(terms):.2f} | {none} | {cpu:.1f} |")
    print(f"| all | | {total} | {right} | **{right / total:.2f}** | | |")
    print()
    for line in misses:
        print("  " + line)

    tmx_table(log)

    if args.top:
        tag = LANGUAGES.get(args.lang, args.lang)
        units, _, source, _ = bilingual_units([str(p) for p in corpus], tag)
        result = extract(units, source, tag, limit=args.top)
        judged = judgments()
        good = unjudged = 0
        print(f"\ntop {args.top} source terms ({source} -> {tag}); judged in {JUDGED.relative_to(ROOT)}:")
        for n, term in enumerate(result.terms, 1):
            verdict = judged.get(term.source.casefold(), "?")
            good += verdict == "term"
            unjudged += verdict == "?"
            dominant = term.renderings[0].text if term.renderings else "-"
            print(f"  {n:3} {verdict:5} {term.source:32} {term.units:4} units  C-value {term.termhood:6.1f}  -> {dominant}")
        shown = len(result.terms)
        print(f"precision of the top {shown}: {good}/{shown} = {good / max(shown, 1):.2f}"
              + (f" ({unjudged} not judged yet)" if unjudged else ""))

    if not args.quick:
        from benchmarks.real import django_catalogs

        django, _ = django_catalogs(OUT, False, log)
        started = time.process_time()
        units, _, source, files = bilingual_units([str(django)], "de")
        extract(units, source, "de", limit=args.top)
        print(f"\nDjango's catalogs (1,226 files given; {files} in German): extraction in "
              f"{time.process_time() - started:.1f} s CPU")
    return 0


if __name__ == "__main__":
    sys.exit(main())
