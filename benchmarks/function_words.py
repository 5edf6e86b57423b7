#!/usr/bin/env python3
"""Does the function-word confirmation of wrong-language ever hide what langdetect reports?

    python benchmarks/function_words.py

wrong-language confirms a document's expected language without langdetect when its
function words plainly say so (checker.language.reads_as). This script cuts real text into
windows of 1,000 characters (the rule's sample), takes each window as expected in its own
language and in each of the ten common ones, and for every confirmation asks langdetect
what the rule would have said without it. The only acceptable count of confirmations the
rule would have reported is 0. Text: the catalogs of the Django 5.2.17 wheel and its
documentation (benchmarks/real.py fetches both), the Debian Reference in four languages
(benchmarks/crosslingual.py's packages); a missing one is skipped with a note.
"""

from __future__ import annotations

import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
OUT = ROOT / "benchmarks" / "out"

from checker.checks.wrong_language import MIN_PROBABILITY  # noqa: E402
from checker.documents import read_document  # noqa: E402
from checker.language import COMMON, detect, detectable, primary, reads_as, same_language  # noqa: E402

WINDOW = 1_000


def windows() -> dict[str, list[str]]:
    found: dict[str, list[str]] = defaultdict(list)
    catalogs = sorted((OUT / "django-5.2.17-po").rglob("*.po"))
    docs = sorted((OUT / "real" / "django-docs").rglob("*.txt"))[:300]
    reference = sorted((OUT / "debian-reference").rglob("*.html"))
    for name, files, hint in (("Django catalogs", catalogs, "python benchmarks/real.py --only django,termcheck"),
                              ("Django documentation", docs, "python benchmarks/real.py --only docs,termcheck"),
                              ("Debian Reference", reference, "python benchmarks/crosslingual.py")):
        if not files:
            print(f"{name}: missing, run `{hint}` first")
    for f in catalogs:  # up to 8 windows per catalog: its msgstrs, one after the other
        d = read_document(str(f))
        if d.language:
            text = "\n\n".join(s.text for s in d.segments)
            found[primary(d.language)] += [text[i:i + WINDOW] for i in range(0, min(len(text), 8 * WINDOW), WINDOW)]
    for f in docs:  # the rule's own sample: a file's opening
        found["en"].append(f.read_text(encoding="utf-8")[:WINDOW])
    for f in reference:  # ch01.de.html: up to 20 windows per chapter
        d = read_document(str(f))
        text = "\n\n".join(s.text for s in d.segments)
        found[f.name.split(".")[-2]] += [text[i:i + WINDOW] for i in range(0, min(len(text), 20 * WINDOW), WINDOW)]
    return found


def main() -> int:
    start = time.process_time()
    confirmed, total = Counter(), Counter()
    as_other = hidden = 0
    for lang, texts in sorted(windows().items()):
        for text in texts:
            for expected in (lang, *(c for c in COMMON if c != lang)):
                if not detectable(expected):
                    continue  # the rule never judges a language langdetect has no model for
                total[lang] += expected == lang
                if not reads_as(text, expected, (expected,)):
                    continue
                confirmed[lang] += expected == lang
                as_other += expected != lang
                d = detect(text, among=(expected,))
                if d is not None and d[1] >= MIN_PROBABILITY and not same_language(d[0], expected):
                    hidden += 1
                    print(f"HIDDEN: {lang} text taken as {expected}, langdetect {d}: {text[:80]!r}")
    print("| language | windows | confirmed in its own language |")
    print("|---|---:|---:|")
    for lang in sorted(total):
        if total[lang] and (confirmed[lang] or lang in COMMON):
            print(f"| {lang} | {total[lang]} | {confirmed[lang]} ({confirmed[lang] / total[lang]:.0%}) |")
    print(f"\nwindows: {sum(total.values()):,} in {sum(1 for n in total.values() if n)} languages langdetect knows; confirmed as one of the ten common "
          f"languages it is not (langdetect agreeing, or the text really is): {as_other}")
    print(f"confirmations langdetect would have reported: {hidden} (must be 0); {time.process_time() - start:.1f} s CPU")
    return 1 if hidden else 0


if __name__ == "__main__":
    sys.exit(main())
