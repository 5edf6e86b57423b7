"""Accuracy of termcheck's rules on real catalogs labelled by hand (tests/data/real/).

    python benchmarks/accuracy.py                 # the table, per language and rule
    python benchmarks/accuracy.py --json          # the same figures as JSON
    python benchmarks/accuracy.py --django PATH   # also: every catalog of an unpacked Django
                                                  # (rule counts, wrong-language findings listed)

The labelled set (see tests/data/real/README.md) gives, per bilingual unit and term
whose English rendering the source uses, how the target renders it: preferred,
variant, forbidden, other, absent, or "placeholder" when the source has the word only
inside a placeable. Expected findings follow from the labels:

- forbidden-rendering: target "forbidden";  variant-rendering: target "variant";
- missing-rendering: source "text" and target forbidden, other or absent;
- wrong-language: the unit's `*language*` label says "wrong".

A missing-rendering finding on a pair labelled "placeholder" is a false positive caused
by a placeable. forbidden- and variant-rendering judge the target's own words: their
findings on a pair with no label from the source's prose (a translator may add a word)
or with several labelled renderings are counted apart as "unlabelled", listed with
--details.
Count errors compare the number of matches of a term's renderings in a target with
the labelled count; count precision is the share of counted matches the labels confirm
(sum of min(counted, labelled) over sum of counted), count recall the share of labelled
occurrences counted. Every unit is checked (fuzzy and unfinished ones included).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from bisect import bisect_right
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DATA = ROOT / "tests" / "data" / "real"
LANGUAGES = ("de", "fr", "ru", "es", "fi", "ja", "zh")
RULES = ("forbidden-rendering", "variant-rendering", "missing-rendering", "wrong-language")
_MISSING = frozenset({"forbidden", "other", "absent"})


def load_labels(language: str) -> list[dict]:
    with open(DATA / f"labels-{language}.jsonl", encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def expected(labels: list[dict], accepted: dict[str, set[str]] | None = None) -> dict[str, set[tuple[str, str, str | None]]]:
    """Rule -> the (file, unit, term) it should report. `accepted`: term -> its preferred
    and variant renderings (case folded), for labels that list several renderings."""
    out: dict[str, set] = {rule: set() for rule in RULES}
    for lab in labels:
        key = (lab["file"], lab["unit"], lab["term"])
        if lab["term"] == "*language*":
            if lab["target"] == "wrong":
                out["wrong-language"].add((lab["file"], lab["unit"], None))
            continue
        if lab["source"] != "text":
            continue
        if lab["target"] == "forbidden":
            out["forbidden-rendering"].add(key)
        if lab["target"] == "variant":
            out["variant-rendering"].add(key)
        if lab["target"] in _MISSING and not _also_accepted(lab, accepted or {}):
            out["missing-rendering"].add(key)
    return out


def _also_accepted(label: dict, accepted: dict[str, set[str]]) -> bool:
    """A label listing several renderings, one of them an accepted rendering as written
    ("变量 | 值" where 值 is preferred): the term is rendered, whatever came first."""
    parts = [p.strip().casefold() for p in label.get("rendering", "").split(" | ")]
    return len(parts) > 1 and any(p in accepted.get(label["term"], ()) for p in parts)


class UnitIndex:
    """Which unit of a file a line:column belongs to."""

    def __init__(self, document) -> None:  # noqa: ANN001
        self.starts: list[tuple[int, int]] = []
        self.units: list[str] = []
        for seg in document.segments:
            self.starts.append((seg.line, seg.column))
            self.units.append(seg.unit_id)

    def unit_at(self, line: int, column: int) -> str | None:
        i = bisect_right(self.starts, (line, column)) - 1
        return self.units[i] if i >= 0 else None


def files_for(language: str) -> list[Path]:
    found = sorted((DATA / "django").glob(f"{_django_dir(language)}/LC_MESSAGES/*.po"))
    found += sorted((DATA / "symfony").glob(f"validators.{_symfony_code(language)}.xlf"))
    return found


def _django_dir(language: str) -> str:
    return {"zh": "zh_Hans"}.get(language, language)


def _symfony_code(language: str) -> str:
    return {"zh": "zh_CN"}.get(language, language)


def evaluate(language: str) -> dict:
    """Per rule TP/FP/FN, findings caused by placeables, and count errors for one language."""
    from checker.matching.corpus import match_document
    from checker.documents import read_document
    from checker.glossary import load_glossary
    from checker.matching.matcher import Matcher
    from checker.pipeline import CheckOptions, run_check

    glossary = load_glossary(str(DATA / f"glossary-{language}.yml"))
    labels = load_labels(language)
    accepted = {
        t.id: {r.text.casefold() for r in t.renderings.get(language, ()) if r.status != "forbidden"}
        for t in glossary.terms
    }
    want = expected(labels, accepted)
    label_of = {(lab["file"], lab["unit"], lab["term"]): lab for lab in labels}
    paths = files_for(language)
    options = CheckOptions(include_fuzzy=True)
    result = run_check([str(p) for p in paths], glossary, options)

    matcher = Matcher(glossary)
    units: dict[str, UnitIndex] = {}
    counted: dict[tuple[str, str, str], int] = Counter()
    for p in paths:
        doc = read_document(str(p), include_fuzzy=True)
        rel = p.relative_to(DATA).as_posix()
        units[str(p)] = UnitIndex(doc)
        matches = match_document(doc, matcher, glossary, "en")
        for unit in matches.units:
            for m in unit.target:
                counted[rel, unit.segment.unit_id, m.term_id] += 1

    got: dict[str, set] = {rule: set() for rule in RULES}
    for f in result.findings:
        if f.rule not in got:
            continue
        rel = Path(f.path).resolve().relative_to(DATA).as_posix()
        unit = units[str(Path(f.path))].unit_at(f.line, f.column) if str(Path(f.path)) in units else None
        got[f.rule].add((rel, unit, f.term))

    rows = {}
    for rule in RULES:
        tp = len(got[rule] & want[rule])
        fp_keys = got[rule] - want[rule]
        unlabelled: set = set()
        if rule in ("forbidden-rendering", "variant-rendering"):
            # About the target's own words: on a pair not labelled from the source's prose,
            # or labelled with several renderings, the labels cannot say it is wrong.
            unlabelled = {
                k for k in fp_keys
                if label_of.get(k, {}).get("source") != "text" or " | " in label_of.get(k, {}).get("rendering", "")
            }
            fp_keys -= unlabelled
        placeable = sum(1 for k in fp_keys if label_of.get(k, {}).get("source") == "placeholder")
        rows[rule] = {"tp": tp, "fp": len(fp_keys), "fn": len(want[rule] - got[rule]), "placeable": placeable,
                      "unlabelled": len(unlabelled),
                      "false_positives": sorted(map(list, fp_keys))[:50],
                      "false_negatives": sorted(map(list, want[rule] - got[rule]))[:50],
                      "unlabelled_findings": sorted(map(list, unlabelled))[:50]}

    wrong_counts = 0
    abs_error = 0
    pairs = 0
    agreed = predicted = labelled = 0
    for lab in labels:
        if lab["term"] == "*language*" or lab["source"] != "text":
            continue
        pairs += 1
        n = counted.get((lab["file"], lab["unit"], lab["term"]), 0)
        agreed += min(n, lab["count"])
        predicted += n
        labelled += lab["count"]
        if n != lab["count"]:
            wrong_counts += 1
            abs_error += abs(n - lab["count"])
    return {"language": language, "units": sum(len(u.units) for u in units.values()), "rules": rows,
            "count_pairs": pairs, "count_wrong": wrong_counts, "count_abs_error": abs_error,
            "count_precision": agreed / predicted if predicted else 1.0,
            "count_recall": agreed / labelled if labelled else 1.0}


def _ratio(a: int, b: int) -> str:
    return f"{a / b:.2f}" if b else "  - "


def table(results: list[dict]) -> str:
    lines = ["| lang | rule | TP | FP | FN | precision | recall | FP from placeables | unlabelled |",
             "|---|---|---:|---:|---:|---:|---:|---:|---:|"]
    totals: dict[str, Counter] = defaultdict(Counter)
    for r in results:
        for rule, row in r["rules"].items():
            totals[rule].update({k: row.get(k, 0) for k in ("tp", "fp", "fn", "placeable", "unlabelled")})
            lines.append(f"| {r['language']} | {rule} | {row['tp']} | {row['fp']} | {row['fn']} | "
                         f"{_ratio(row['tp'], row['tp'] + row['fp'])} | {_ratio(row['tp'], row['tp'] + row['fn'])} | "
                         f"{row['placeable']} | {row.get('unlabelled', 0)} |")
    for rule, row in totals.items():
        lines.append(f"| all | {rule} | {row['tp']} | {row['fp']} | {row['fn']} | "
                     f"{_ratio(row['tp'], row['tp'] + row['fp'])} | {_ratio(row['tp'], row['tp'] + row['fn'])} | "
                     f"{row['placeable']} | {row['unlabelled']} |")
    lines.append("")
    lines.append("| lang | units | labelled pairs | pairs counted wrong | sum of count errors | count precision | count recall |")
    lines.append("|---|---:|---:|---:|---:|---:|---:|")
    for r in results:
        lines.append(f"| {r['language']} | {r['units']} | {r['count_pairs']} | {r['count_wrong']} | {r['count_abs_error']} | "
                     f"{r['count_precision']:.3f} | {r['count_recall']:.3f} |")
    return "\n".join(lines)


def django(path: str) -> dict:
    """Every catalog of an unpacked Django: findings per rule and the wrong-language ones.

    Each of the labelled languages is checked with its own glossary; wrong-language is
    counted over all catalogs (with the German glossary, which its check does not use).
    """
    from checker.glossary import load_glossary
    from checker.pipeline import CheckOptions, run_check

    root = Path(path)
    catalogs = sorted(str(p) for p in root.rglob("locale/*/LC_MESSAGES/*.po"))
    out: dict = {"catalogs": len(catalogs)}
    result = run_check(catalogs, load_glossary(str(DATA / "glossary-de.yml")), CheckOptions())
    out["wrong_language"] = [
        {"path": str(Path(f.path).relative_to(root)), "line": f.line, "message": f.message, "text": f.text}
        for f in result.findings if f.rule == "wrong-language"
    ]
    out["unverified_documents"] = sum(result.unverified_languages.values())
    out["unverified_languages"] = sorted(result.unverified_languages)
    per_language = {}
    suspects = []
    for language in LANGUAGES:
        mine = [c for c in catalogs if f"/locale/{_django_dir(language)}/" in c]
        glossary = load_glossary(str(DATA / f"glossary-{language}.yml"))
        res = run_check(mine, glossary, CheckOptions())
        per_language[language] = dict(sorted(Counter(f.rule for f in res.findings).items()))
        suspects += _placeable_caused(res.findings, glossary, language)
    out["findings_per_language"] = per_language
    out["placeable_caused"] = suspects
    return out


# Placeables found by simpler patterns than checker.matching.placeables', to check it independently.
_ROUGH_PLACEABLES = re.compile(
    r"%\([^)]*\)[-#0 +]*\d*(?:\.\d+)?[a-zA-Z]|%\d*\$?[sdfir]|\{\{.*?\}\}|\{%.*?%\}|\{[^{}\s]*\}|<[^<>]+>|&\w+;"
    r"|\w+://\S+|\S+@\S+|[\w./-]+\.(?:html?|txt|py|js|css|xml|json)\b"
)


def _placeable_caused(findings, glossary, language: str) -> list[dict]:  # noqa: ANN001
    """Findings that no longer hold once placeables are cut out of the text (by rougher
    patterns than termcheck's own): the term occurs only inside a placeable."""
    from checker.documents import read_document
    from checker.matching.matcher import Matcher

    matcher = Matcher(glossary)
    documents: dict[str, tuple] = {}
    out = []
    for f in findings:
        if f.rule not in ("missing-rendering", "forbidden-rendering", "variant-rendering"):
            continue
        if f.path not in documents:
            doc = read_document(f.path)
            documents[f.path] = (doc, UnitIndex(doc))
        doc, index = documents[f.path]
        unit = index.unit_at(f.line, f.column)
        seg = next(s for s in doc.segments if s.unit_id == unit)
        if f.rule == "missing-rendering":
            text, lang = seg.source or "", "en"
        else:
            text, lang = seg.text, language
        cleaned = _ROUGH_PLACEABLES.sub(" ", text)
        if not any(m.term_id == f.term for m in matcher.find(cleaned, lang)):
            out.append({"path": f.path, "line": f.line, "rule": f.rule, "term": f.term, "text": text})
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", action="store_true", help="print JSON instead of tables")
    parser.add_argument("--django", metavar="PATH", help="also check every catalog of an unpacked Django")
    parser.add_argument("--details", action="store_true", help="list false positives and negatives")
    args = parser.parse_args()
    results = [evaluate(lang) for lang in LANGUAGES]
    extra = django(args.django) if args.django else None
    if args.json:
        print(json.dumps({"labelled": results, "django": extra}, ensure_ascii=False, indent=1))
        return 0
    print(table(results))
    if args.details:
        for r in results:
            for rule, row in r["rules"].items():
                for what in ("false_positives", "false_negatives", "unlabelled_findings"):
                    for item in row[what]:
                        print(f"{r['language']} {rule} {what[:-1].replace('_', ' ')}: {item}")
    if extra:
        print()
        print(f"Django: {extra['catalogs']} catalogs; wrong-language findings: {len(extra['wrong_language'])}; "
              f"documents in languages langdetect cannot verify: {extra['unverified_documents']} "
              f"({', '.join(extra['unverified_languages'])})")
        for f in extra["wrong_language"]:
            print(f"  {f['path']}:{f['line']}: {f['message']} | {f['text'][:70]}")
        for lang, counts in extra["findings_per_language"].items():
            print(f"  {lang} with glossary-{lang}.yml: " + ", ".join(f"{k} {v}" for k, v in counts.items()))
        print(f"  findings whose term occurs only inside a placeable: {len(extra['placeable_caused'])}")
        for f in extra["placeable_caused"]:
            print(f"    {f['path']}:{f['line']}: {f['rule']} [{f['term']}] {f['text'][:80]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
