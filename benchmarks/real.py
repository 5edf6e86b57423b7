#!/usr/bin/env python3
"""termcheck on real workloads, timed next to the tools users compare it with, in one run.

    python benchmarks/real.py                          # everything (peers installed when missing)
    python benchmarks/real.py --quick --only termcheck # a smoke test: small sizes, termcheck only
    python benchmarks/real.py --only prose,grep --repeat 3 --json benchmarks/out/real.json

Workloads (names for --only):

* django: the PO catalogs of the Django 5.2.17 wheel (`pip download --no-deps django==5.2.17`,
  kept under benchmarks/out/, never committed), German glossary
  tests/data/real/glossary-de.yml: `termcheck check DIR -g ... -j 1 --format json -o FILE`
  against translate-toolkit's `pofilter` (all its default tests) over the same files.
* prose: the default corpus (translations/en/*.txt) repeated into 20 MB in 200 files, with
  glossary.yml (15 terms) and with a 100-term glossary made from it (85 plausible English
  terms added); against proselint (its preferred-forms check fed the same list, and its own
  checks as the `proselint` command runs them), textlint with textlint-rule-prh (prh.yml from
  the same glossary: variant and forbidden renderings -> preferred) and GNU grep
  (`LC_ALL=C grep -F -i -w -o -f terms.txt`, output to a file: on /dev/null GNU grep stops at
  the first match).
* docs: a real documentation tree taken from a package: the English documentation of the
  Django 5.2.17 sdist (`pip download --no-deps --no-binary :all: django==5.2.17`; its
  docs/ tree, 654 reStructuredText `.txt` files, 6.1 MB, read as plain text by every tool),
  with glossaries of 100 and 1,000 terms made from the tree's own most frequent phrases as
  for prose (every tenth with a variant, every twentieth with a forbidden rendering);
  against the same peers as prose. --quick uses this repository's own docs/ instead.
* precommit: `termcheck check -q` on one small Markdown file (docs/en/note.md) and on one
  small PO file with a Language header, against `python -c "import click"`: median of N
  interleaved runs, compiled-glossary cache warm.

Tools (names for --only): termcheck, pofilter, proselint, textlint, grep, click. `--only`
takes workloads, tools or both: `--only termcheck` runs every workload with termcheck alone.

Every command runs under run.py's Runner (/usr/bin/time -v, else getrusage in a wrapper):
CPU seconds are user+sys of the command and all its children, peak RSS that of its largest
process, wall seconds taken around it. With --repeat N the run with the least CPU is kept.
termcheck uses a private compiled-glossary cache under the output directory, warmed by an
untimed run over the same files before timing (so that each language's index is compiled). Peers missing from this Python are installed into
benchmarks/out/venv-peers (pip) and benchmarks/out/node_modules (npm); a peer that cannot be
installed or run is reported with the reason and the run goes on.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import run as bench  # noqa: E402  (benchmarks/run.py: Runner, _table, _git_commit, ...)
from startup import PO as PRECOMMIT_PO  # noqa: E402

ROOT = HERE.parent
DEFAULT_OUT = HERE / "out"
DJANGO_VERSION = "5.2.17"
DJANGO_GLOSSARY = ROOT / "tests" / "data" / "real" / "glossary-de.yml"
DJANGO_QUICK = ROOT / "tests" / "data" / "real" / "django"  # real Django catalogs (excerpts), no download
DOCS_QUICK = ROOT / "docs"  # a small real documentation tree, no download
WORKLOADS = ("django", "prose", "docs", "precommit")
TOOLS = ("termcheck", "pofilter", "proselint", "textlint", "grep", "click")
NPM_PACKAGES = ("textlint", "textlint-rule-prh")

PRECOMMIT_MD = """\
---
title: Release note
---

# Note on the draft treaty

The principle of *indivisible security* was set out in the Charter for European Security.
No State may consider any part of the OSCE area as its sphere of influence.

```sh
termcheck check docs/
```

See the [Istanbul Charter](https://www.osce.org/mc/17502) and the meeting in Kyiv.
"""

# 85 English terms added to glossary.yml's 15 for the 100-term glossary: the vocabulary of
# the letter's subject (European security, NATO, the OSCE, Ukraine) as a news desk's style
# sheet would list it. (id, preferred, variants, forbidden, case_sensitive)
EXTRA_TERMS = [
    ("north-atlantic-treaty-organization", "North Atlantic Treaty Organization", ["North Atlantic Treaty Organisation"], [], False),
    ("nato", "NATO", [], [], True),
    ("north-atlantic-alliance", "North Atlantic Alliance", ["Atlantic Alliance"], [], False),
    ("european-union", "European Union", [], [], False),
    ("eu", "EU", [], [], True),
    ("united-states", "United States", ["United States of America"], [], False),
    ("russian-federation", "Russian Federation", [], [], False),
    ("russia", "Russia", [], [], False),
    ("ukraine", "Ukraine", [], ["the Ukraine"], False),
    ("minsk-agreements", "Minsk agreements", ["Minsk accords", "Minsk Package of Measures"], [], False),
    ("foreign-minister", "foreign minister", ["minister of foreign affairs", "foreign affairs minister"], [], False),
    ("foreign-ministry", "Ministry of Foreign Affairs", ["Foreign Ministry"], [], False),
    ("security-guarantees", "security guarantees", ["security assurances"], [], False),
    ("legally-binding", "legally binding", [], ["legally-binding"], False),
    ("draft-treaty", "draft treaty", ["draft agreement"], [], False),
    ("collective-defence", "collective defence", ["collective defense"], [], False),
    ("military-exercises", "military exercises", ["military drills"], [], False),
    ("arms-control", "arms control", [], [], False),
    ("strategic-stability", "strategic stability", [], [], False),
    ("intermediate-range-missiles", "intermediate-range missiles", ["medium-range missiles"], [], False),
    ("nato-expansion", "NATO expansion", ["NATO enlargement"], ["eastward expansion of NATO"], False),
    ("open-door-policy", "open door policy", ["open-door policy"], [], False),
    ("freedom-of-alliances", "freedom to choose alliances", ["right to choose alliances"], [], False),
    ("sovereignty", "sovereignty", [], [], False),
    ("territorial-integrity", "territorial integrity", [], [], False),
    ("international-law", "international law", [], [], False),
    ("un-charter", "Charter of the United Nations", ["UN Charter", "United Nations Charter"], [], False),
    ("security-council", "Security Council", ["UN Security Council"], [], False),
    ("united-nations", "United Nations", [], [], False),
    ("helsinki-final-act", "Helsinki Final Act", ["Final Act"], [], False),
    ("csce", "Conference on Security and Co-operation in Europe", ["Conference on Security and Cooperation in Europe"], [], False),
    ("csce-abbreviation", "CSCE", [], [], True),
    ("budapest-memorandum", "Budapest Memorandum", [], [], False),
    ("nato-russia-council", "NATO-Russia Council", [], [], False),
    ("founding-act", "NATO-Russia Founding Act", ["Founding Act"], [], False),
    ("euro-atlantic-area", "Euro-Atlantic area", ["Euro-Atlantic region"], [], False),
    ("confidence-building-measures", "confidence-building measures", ["confidence building measures"], [], False),
    ("politico-military", "politico-military", ["military-political"], [], False),
    ("european-security", "European security", [], [], False),
    ("security-architecture", "European security architecture", ["security architecture"], [], False),
    ("heads-of-state", "heads of state", ["heads of state and government"], [], False),
    ("secretary-of-state", "Secretary of State", [], [], False),
    ("state-department", "State Department", ["Department of State"], [], False),
    ("kremlin", "Kremlin", [], [], False),
    ("moscow", "Moscow", [], [], False),
    ("washington", "Washington", [], [], False),
    ("brussels", "Brussels", [], [], False),
    ("istanbul", "Istanbul", [], ["Constantinople"], False),
    ("astana", "Astana", ["Nur-Sultan"], [], False),
    ("helsinki", "Helsinki", [], [], False),
    ("geneva", "Geneva", [], [], False),
    ("vienna", "Vienna", [], [], False),
    ("reuters", "Reuters", [], [], False),
    ("written-response", "written response", ["written answer"], [], False),
    ("national-security", "national security", [], [], False),
    ("security-interests", "security interests", [], [], False),
    ("red-lines", "red lines", [], [], False),
    ("military-infrastructure", "military infrastructure", [], [], False),
    ("offensive-weapons", "offensive weapons", ["offensive weapon systems"], [], False),
    ("nuclear-weapons", "nuclear weapons", ["nuclear arms"], [], False),
    ("missile-defence", "missile defence", ["missile defense"], [], False),
    ("further-escalation", "further escalation", [], [], False),
    ("de-escalation", "de-escalation", ["deescalation"], [], False),
    ("diplomatic-channels", "diplomatic channels", [], [], False),
    ("dialogue", "dialogue", ["dialog"], [], False),
    ("negotiations", "negotiations", ["talks"], [], False),
    ("ministerial-council", "Ministerial Council", [], [], False),
    ("sanctions", "sanctions", [], [], False),
    ("western-countries", "Western countries", ["the West"], [], False),
    ("participating-states", "participating States", [], [], False),
    ("equal-security", "equal security", [], [], False),
    ("mutual-respect", "mutual respect", [], [], False),
    ("international-commitments", "international commitments", ["international obligations"], [], False),
    ("political-commitments", "political commitments", [], [], False),
    ("western-borders", "western borders", [], [], False),
    ("military-activity", "military activity", ["military activities"], [], False),
    ("eastern-europe", "Eastern Europe", [], ["East Europe"], False),
    ("baltic-states", "Baltic states", ["Baltics"], [], False),
    ("black-sea", "Black Sea", [], [], False),
    ("donbas", "Donbas", ["Donbass"], [], False),
    ("crimea", "Crimea", [], [], False),
    ("luhansk", "Luhansk", [], ["Lugansk"], False),
    ("vladimir-putin", "Vladimir Putin", ["President Putin"], [], False),
    ("jens-stoltenberg", "Jens Stoltenberg", [], [], False),
    ("unofficial-translation", "unofficial translation", [], [], False),
]
assert len(EXTRA_TERMS) == 85, len(EXTRA_TERMS)


# --------------------------------------------------------------------------- options


def parse_args(argv=None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--only", default="", help="comma-separated workloads (%s) and/or tools (%s)"
                    % (",".join(WORKLOADS), ",".join(TOOLS)))
    ap.add_argument("--repeat", type=int, default=1, help="run each measurement N times, keep the least CPU")
    ap.add_argument("--quick", action="store_true",
                    help="small sizes for a smoke test: 1 MB of prose in 10 files, the 7 Django catalogs of "
                         "tests/data/real (no download), 3 pre-commit runs")
    ap.add_argument("--mb", type=float, default=None, help="prose corpus size, MB (default 20; 1 with --quick)")
    ap.add_argument("--files", type=int, default=None, help="prose corpus files (default 200; 10 with --quick)")
    ap.add_argument("--runs", type=int, default=None, help="pre-commit runs per command (default 15; 3 with --quick)")
    ap.add_argument("--budget", type=float, default=900, help="stop a peer after this many seconds (0: no limit)")
    ap.add_argument("--cpu", type=int, default=None, help="pin every command to this core with taskset")
    ap.add_argument("--no-install", action="store_true", help="never install missing peers")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT, help="working directory (default benchmarks/out)")
    ap.add_argument("--json", type=Path, help="also write the results as JSON to FILE")
    args = ap.parse_args(argv)
    names = {n.strip() for n in args.only.split(",") if n.strip()}
    unknown = names - set(WORKLOADS) - set(TOOLS)
    if unknown:
        ap.error(f"--only: unknown {', '.join(sorted(unknown))} (workloads: {', '.join(WORKLOADS)}; "
                 f"tools: {', '.join(TOOLS)})")
    args.workloads = [w for w in WORKLOADS if w in names] or list(WORKLOADS)
    args.tools = {t for t in TOOLS if t in names} or set(TOOLS)
    args.repeat = max(1, args.repeat)
    args.mb = args.mb if args.mb is not None else (1.0 if args.quick else 20.0)
    args.files = args.files if args.files is not None else (10 if args.quick else 200)
    args.runs = max(1, args.runs if args.runs is not None else (3 if args.quick else 15))
    return args


# --------------------------------------------------------------------------- inputs


def django_catalogs(out: Path, quick: bool, log) -> tuple[Path | None, str]:
    """A directory holding only the Django wheel's .po files (or the test excerpts with --quick)."""
    if quick:
        return DJANGO_QUICK, f"tests/data/real/django ({len(list(DJANGO_QUICK.rglob('*.po')))} catalogs, excerpts)"
    name = f"django-{DJANGO_VERSION}-py3-none-any.whl"
    wheel = next(iter(sorted(out.rglob(name))), None)
    if wheel is None:
        dest = out / "django-wheel"
        log(f"downloading the Django {DJANGO_VERSION} wheel into {dest} ...")
        r = subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", f"django=={DJANGO_VERSION}",
                            "-d", str(dest), "-q"], capture_output=True, text=True)
        wheel = dest / name
        if r.returncode or not wheel.exists():
            return None, f"pip download failed: {(r.stderr or r.stdout).strip().splitlines()[-1:]}"
    target = out / f"django-{DJANGO_VERSION}-po"
    with zipfile.ZipFile(wheel) as zf:
        members = [m for m in zf.namelist() if m.endswith(".po")]
        if not target.is_dir() or len(list(target.rglob("*.po"))) != len(members):
            shutil.rmtree(target, ignore_errors=True)
            for m in members:
                zf.extract(m, target)
    size = sum(p.stat().st_size for p in target.rglob("*.po"))
    return target, f"{target} ({len(members):,} catalogs, {size / 1e6:.1f} MB, from {wheel.name})"


def django_docs(out: Path, work: Path, quick: bool, log) -> tuple[Path | None, str]:
    """The English documentation tree of the Django sdist, under <work>/django-docs/en/ (the
    language from the path, as a documentation repository would give it); with --quick, this
    repository's docs/ instead."""
    import tarfile

    if quick:
        target = work / "docs-quick" / "en"
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(DOCS_QUICK, target)
        return target.parent, f"{DOCS_QUICK.relative_to(ROOT)}/ of this repository (quick)"
    name = f"django-{DJANGO_VERSION}.tar.gz"
    sdist = next(iter(sorted(out.rglob(name))), None)
    if sdist is None:
        dest = out / "django-sdist"
        log(f"downloading the Django {DJANGO_VERSION} sdist into {dest} ...")
        r = subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--no-binary", ":all:",
                            f"django=={DJANGO_VERSION}", "-d", str(dest), "-q"], capture_output=True, text=True)
        sdist = dest / name
        if r.returncode or not sdist.exists():
            return None, f"pip download failed: {(r.stderr or r.stdout).strip().splitlines()[-1:]}"
    target = work / "django-docs" / "en"
    prefix = f"django-{DJANGO_VERSION}/docs/"
    with tarfile.open(sdist) as tf:
        members = [m for m in tf.getmembers() if m.isfile() and m.name.startswith(prefix) and m.name.endswith(".txt")]
        if not target.is_dir() or len(list(target.rglob("*.txt"))) != len(members):
            shutil.rmtree(target, ignore_errors=True)
            for m in members:
                dest_file = target / m.name[len(prefix):]
                dest_file.parent.mkdir(parents=True, exist_ok=True)
                dest_file.write_bytes(tf.extractfile(m).read())
    size = sum(p.stat().st_size for p in target.rglob("*.txt"))
    return target.parent, f"{target} ({len(members):,} files, {size / 1e6:.1f} MB, docs/ of {sdist.name})"


def make_docs_glossaries(base: Path, texts: list[str]) -> dict[int, dict]:
    """Glossaries of 100 and 1,000 terms made from the documentation's own frequent phrases."""
    import yaml

    base.mkdir(parents=True, exist_ok=True)
    made = {}
    for n in (100, 1000):
        data = {"version": 1, "terms": corpus_terms({"terms": []}, n, texts, prefix="docs")}
        path = base / f"docs-glossary-{n}.yml"
        path.write_text(f"# generated by benchmarks/real.py: {n} terms from the documentation tree's phrases\n"
                        + yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
        made[n] = peer_files(data, path, base, f"docs-{n}")
    return made


def english_renderings(glossary: dict) -> list[tuple[str, list[str], list[str]]]:
    """(preferred, variants, forbidden) in English, one per term that has an English rendering."""
    result = []
    for term in glossary["terms"]:
        en = term.get("renderings", {}).get("en")
        if en is None:
            continue
        if isinstance(en, str):
            result.append((en, [], []))
        else:
            result.append((en["preferred"], list(en.get("variants", [])), list(en.get("forbidden", []))))
    return result


def prh_pattern(text: str) -> str:
    """A prh pattern for `text`: prh escapes "-" in plain strings, which its /u regexes reject
    ("Co-operation"), so such a rendering goes as a /regex/ with "-" left alone."""
    if "-" not in text:
        return text
    return "/" + "".join("\\" + c if c in "\\^$.*+?()[]{}|/" else c for c in text) + "/"


def make_glossaries(base: Path) -> dict[int, dict]:
    """glossary.yml and the 100-term glossary; for each its terms.txt (grep), prh.yml and
    proselint list (variant and forbidden renderings -> preferred)."""
    import yaml  # a termcheck dependency

    base.mkdir(parents=True, exist_ok=True)
    default = yaml.safe_load((ROOT / "glossary.yml").read_text(encoding="utf-8"))
    big = {"version": 1, "terms": list(default["terms"])}
    for tid, preferred, variants, forbidden, cs in EXTRA_TERMS:
        en: dict = {"preferred": preferred}
        if variants:
            en["variants"] = variants
        if forbidden:
            en["forbidden"] = forbidden
        term = {"id": tid, "renderings": {"en": en}}
        if cs:
            term["case_sensitive"] = True
        big["terms"].append(term)
    thousand = {"version": 1, "terms": list(big["terms"]) + corpus_terms(big, 1000 - len(big["terms"]))}
    made = {}
    for data, path in ((default, ROOT / "glossary.yml"), (big, base / "glossary-100.yml"),
                       (thousand, base / "glossary-1000.yml")):
        n = len(data["terms"])
        if path.parent == base:
            path.write_text(f"# generated by benchmarks/real.py: glossary.yml plus {n - len(default['terms'])} English terms\n"
                            + yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
        made[n] = peer_files(data, path, base, str(n))
    return made


def peer_files(data: dict, path: Path, base: Path, tag: str) -> dict:
    """For glossary `data` (written at `path`): its terms.txt (grep), prh.yml and textlintrc
    (textlint) and proselint list (variant and forbidden renderings -> preferred)."""
    import yaml

    ens = english_renderings(data)
    renderings = list(dict.fromkeys(r for p, v, f in ens for r in (p, *v, *f)))
    terms_txt = base / f"terms-{tag}.txt"
    terms_txt.write_text("\n".join(renderings) + "\n", encoding="utf-8")
    pairs = {r: p for p, v, f in ens for r in (*v, *f)}
    prh = base / f"prh-{tag}.yml"
    prh.write_text(yaml.safe_dump({"version": 1, "rules": [
        {"expected": p, "patterns": [prh_pattern(x) for x in (*v, *f)], "options": {"wordBoundary": True}}
        for p, v, f in ens if v or f]}, allow_unicode=True, sort_keys=False), encoding="utf-8")
    rc = base / f"textlintrc-{tag}.json"
    rc.write_text(json.dumps({"rules": {"prh": {"rulePaths": [str(prh)]}}}, indent=1), encoding="utf-8")
    plist = base / f"proselint-{tag}.json"
    plist.write_text(json.dumps(pairs, ensure_ascii=False, indent=0), encoding="utf-8")
    return {"glossary": path, "terms_txt": terms_txt, "prh": prh, "textlintrc": rc, "proselint": plist,
            "renderings": len(renderings), "pairs": len(pairs)}


_STOP = frozenset("""a about after against all also an and any are as at be been but by can could did do does
for from had has have he her his how i if in into is it its may more most must no not of on one or other our out
over said says she should so some such than that the their them then there these they this those through to two
under up was we were what when which while who will with would you""".split())


def corpus_terms(glossary: dict, count: int, texts: list[str] | None = None, prefix: str = "corpus") -> list[dict]:
    """`count` English terms made from the default corpus's most frequent phrases of one to
    three words (no stop word at either end, not yet a rendering of `glossary`); every tenth
    gets a variant and every twentieth a forbidden rendering, also frequent phrases of the
    corpus, so that the text holds findings for them. Deterministic: ranked by frequency,
    then alphabetically."""
    import re
    from collections import Counter

    if texts is None:
        texts = [doc.read_text(encoding="utf-8") for doc in sorted((ROOT / "translations" / "en").glob("*.txt"))]
    words = [w for text in texts for w in re.findall(r"[A-Za-z][A-Za-z-]*|[^A-Za-z\s]", text)]
    counts: Counter[str] = Counter()
    for n in (1, 2, 3):
        for i in range(len(words) - n + 1):
            gram = words[i : i + n]
            if all(w[0].isalpha() for w in gram) and gram[0].lower() not in _STOP and gram[-1].lower() not in _STOP \
                    and len(gram[0]) > 2:
                counts[" ".join(gram)] += 1
    taken = {r.lower() for p, v, f in english_renderings(glossary) for r in (p, *v, *f)}
    phrases = []
    for phrase, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        if phrase.lower() not in taken:
            taken.add(phrase.lower())
            phrases.append(phrase)
    terms, k = [], 0
    for i in range(count):
        preferred = phrases[k]
        k += 1
        en: dict = {"preferred": preferred}
        if i % 10 == 0:
            en["variants"] = [phrases[k]]
            k += 1
        if i % 20 == 0:
            en["forbidden"] = [phrases[k]]
            k += 1
        terms.append({"id": f"{prefix}-{i + 1:04d}", "renderings": {"en": en}})
    return terms


def make_prose(base: Path, mb: float, nfiles: int) -> tuple[Path, list[Path]]:
    """translations/en/*.txt, paragraph after paragraph, repeated into nfiles files of mb/nfiles MB."""
    corpus = base / f"prose-{bench._mb_name(mb)}-{nfiles}" / "corpus"
    paragraphs = []
    for doc in sorted((ROOT / "translations" / "en").glob("*.txt")):
        text = doc.read_text(encoding="utf-8")
        paragraphs += [p.strip() + "\n\n" for p in text.split("\n\n") if p.strip()]
    target = int(mb * 1e6 / nfiles)
    manifest = corpus.parent / "manifest.json"
    params = {"mb": mb, "files": nfiles, "target": target,
              "sources": {p.name: p.stat().st_size for p in sorted((ROOT / "translations" / "en").glob("*.txt"))}}
    files = [corpus / "en" / f"part-{i + 1:04d}.txt" for i in range(nfiles)]
    if bench._read_manifest(manifest) == params and all(f.exists() for f in files):
        return corpus, files
    shutil.rmtree(corpus, ignore_errors=True)
    (corpus / "en").mkdir(parents=True)
    encoded = [p.encode("utf-8") for p in paragraphs]
    k = 0
    for f in files:
        chunks, size = [], 0
        while size + len(encoded[k % len(encoded)]) <= target or not chunks:
            chunks.append(encoded[k % len(encoded)])
            size += len(chunks[-1])
            k += 1
        f.write_bytes(b"".join(chunks))
    bench._write_manifest(manifest, params)
    return corpus, files


# The proselint driver: its preferred-forms check (as its own terms checks use it) fed the
# glossary's list, run over each file as `proselint check` runs its checks (LintFile.lint).
PROSELINT_DRIVER = r"""
import json, sys
from pathlib import Path
from proselint.config import DEFAULT
from proselint.registry import CheckRegistry
from proselint.registry.checks import Check, types
from proselint.tools import LintFile
items = {k.lower(): v for k, v in json.loads(Path(sys.argv[1]).read_text(encoding="utf-8")).items()}
CheckRegistry().register(Check(check_type=types.PreferredFormsSimple(items=items), path="glossary.terms",
                               message="Use '{}' instead of '{}'."))
config = {**DEFAULT, "max_errors": 10**9, "checks": {"glossary": True}}
total = 0
for path in sys.argv[2:]:
    for r in LintFile(Path(path)).lint(config):
        total += 1
        print(f"{path}:{r.pos[0]}:{r.pos[1]}: {r.check_result.message}")
print(f"{total} results", file=sys.stderr)
"""


# --------------------------------------------------------------------------- peers


class Peers:
    """Finds or installs the peers; `why[tool]` says why one is missing."""

    def __init__(self, out: Path, install: bool, log) -> None:
        self.out, self.install, self.log = out, install, log
        self.venv = out / "venv-peers"
        self.why: dict[str, str] = {}
        self.versions: dict[str, str] = {}
        self._venv_tried = False

    def _imports(self, python: str, module: str) -> bool:
        return subprocess.run([python, "-c", f"import {module}"], capture_output=True).returncode == 0

    def python_with(self, tool: str, module: str, package: str) -> str | None:
        """A Python that can import `module`: this one, the peers' venv, or the venv after pip install."""
        vpy = str(self.venv / "bin" / "python")
        for py in (sys.executable, vpy):
            if os.path.exists(py) and self._imports(py, module):
                return py
        if not self.install:
            self.why[tool] = f"{package} is not importable and --no-install was given"
            return None
        self.log(f"installing {package} into {self.venv} ...")
        try:
            if not os.path.exists(vpy):
                subprocess.run([sys.executable, "-m", "venv", str(self.venv)], check=True, capture_output=True,
                               text=True)
            r = subprocess.run([vpy, "-m", "pip", "install", "-q", package], capture_output=True, text=True)
        except (OSError, subprocess.CalledProcessError) as e:
            self.why[tool] = f"could not create {self.venv}: {e}"
            return None
        if r.returncode or not self._imports(vpy, module):
            tail = (r.stderr or r.stdout).strip().splitlines()[-1:] or ["?"]
            self.why[tool] = f"pip install {package} failed: {tail[0]}"
            return None
        return vpy

    def version(self, python: str, dist: str) -> str:
        r = subprocess.run([python, "-c", f"import importlib.metadata as m; print(m.version({dist!r}))"],
                           capture_output=True, text=True)
        return r.stdout.strip() or "?"

    def pofilter(self) -> list[str] | None:
        py = self.python_with("pofilter", "translate.filters.pofilter", "translate-toolkit")
        if py is None:
            return None
        self.versions["pofilter"] = "translate-toolkit " + self.version(py, "translate-toolkit")
        return [py, "-m", "translate.filters.pofilter"]

    def proselint(self) -> str | None:
        py = self.python_with("proselint", "proselint.registry", "proselint")
        if py is not None:
            self.versions["proselint"] = "proselint " + self.version(py, "proselint")
        return py

    def textlint(self) -> list[str] | None:
        node, npm = shutil.which("node"), shutil.which("npm")
        script = self.out / "node_modules" / "textlint" / "bin" / "textlint.js"
        rule = self.out / "node_modules" / "textlint-rule-prh"
        if node is None:
            self.why["textlint"] = "node is not installed"
            return None
        if not (script.exists() and rule.exists()):
            if not self.install or npm is None:
                self.why["textlint"] = "npm is not installed" if npm is None else \
                    "textlint is not in benchmarks/out/node_modules and --no-install was given"
                return None
            self.log(f"installing {' '.join(NPM_PACKAGES)} into {self.out / 'node_modules'} ...")
            r = subprocess.run([npm, "install", "--prefix", str(self.out), "--no-audit", "--no-fund", *NPM_PACKAGES],
                               capture_output=True, text=True)
            if r.returncode or not script.exists():
                tail = (r.stderr or r.stdout).strip().splitlines()[-1:] or ["?"]
                self.why["textlint"] = f"npm install failed: {tail[0]}"
                return None
        versions = []
        for pkg in NPM_PACKAGES:
            try:
                meta = json.loads((self.out / "node_modules" / pkg / "package.json").read_text())
                versions.append(f"{pkg} {meta['version']}")
            except (OSError, ValueError, KeyError):
                versions.append(f"{pkg} ?")
        node_version = subprocess.run([node, "--version"], capture_output=True, text=True).stdout.strip()
        self.versions["textlint"] = ", ".join(versions) + f", node {node_version}"
        return [node, str(script)]


# --------------------------------------------------------------------------- measuring


class Bench:
    def __init__(self, args: argparse.Namespace, work: Path) -> None:
        self.args, self.work = args, work
        self.runner = bench.Runner(cpu=args.cpu)
        self.results: list[dict] = []
        self.failures: list[str] = []
        self.notes: list[str] = []
        (work / "output").mkdir(parents=True, exist_ok=True)
        self.env = {**os.environ, "TERMCHECK_CACHE_DIR": str(work / "cache")}

    def once(self, cmd: list[str], stdout: Path | None = None, timeout: float | None = None, **kw) -> dict:
        # stdout goes to a file (never /dev/null: GNU grep would stop at the first match)
        if stdout is not None:
            cmd = ["sh", "-c", 'exec "$@" > "$0"', str(stdout), *cmd]
        return self.runner.run(cmd, env=kw.pop("env", self.env), cwd=kw.pop("cwd", ROOT), timeout=timeout, **kw)

    def measure(self, workload: str, tool: str, cmd: list[str], stdout: Path | None = None, peer: bool = True,
                ok=(0, 1), before=None, expect: Path | None = None, **info) -> dict | None:
        """Time `cmd` (--repeat times, the run with the least CPU kept). A run fails when its exit
        status is not in `ok` or, with `expect`, when it did not write that file."""
        runs = []
        for _ in range(self.args.repeat):
            if before:
                before()
            if expect is not None and expect.exists():
                expect.unlink()
            r = self.once(cmd, stdout=stdout, timeout=(self.args.budget or None) if peer else None)
            if expect is not None and not r["stopped"] and not expect.exists() and r["rc"] in ok:
                r["rc"] = f"{r['rc']}, no {expect.name} written"
            runs.append(r)
            stop = " (stopped by --budget)" if r["stopped"] else ""
            print(f"  {workload:<22} {tool:<34} CPU {r['cpu']:8.2f} s  wall {r['seconds']:8.2f} s  "
                  f"{r['rss_mb']:7.1f} MB{stop}", flush=True)
            if r["stopped"] or r["rc"] not in ok:
                break
        r = min(runs, key=lambda x: x["cpu"])
        row = {"workload": workload, "tool": tool, "cpu": r["cpu"], "seconds": r["seconds"], "rss_mb": r["rss_mb"],
               "rc": r["rc"], "stopped": r["stopped"], "runs": len(runs), "command": cmd_text(cmd), **info}
        if (r["rc"] not in ok) and not r["stopped"]:
            err = r["stderr"].strip().splitlines()[-3:]
            msg = f"{workload}: {tool} failed (exit {r['rc']}): {' | '.join(err) or 'no message'}"
            print("  " + msg, flush=True)
            (self.failures if tool.startswith("termcheck") else self.notes).append(msg)
            row["error"] = msg
        self.results.append(row)
        return row

    def missing(self, workload: str, tool: str, why: str) -> None:
        msg = f"{workload}: {tool} not run: {why}"
        print("  " + msg, flush=True)
        self.notes.append(msg)
        self.results.append({"workload": workload, "tool": tool, "missing": why})

    def warm(self, glossary: Path, paths: list[str]) -> None:
        """Fill the compiled-glossary cache for `glossary`, untimed, by checking `paths`: an
        index is compiled for each language the paths hold (on an empty directory none is,
        and the timed run would pay for the dictionaries)."""
        subprocess.run([*bench.termcheck_command(), "check", *paths, "-g", str(glossary), "--format", "json",
                        "-o", os.devnull, "--fail-on", "never", "-j", "1"], cwd=ROOT, env=self.env,
                       capture_output=True)


def cmd_text(cmd: list[str]) -> str:
    text = " ".join(cmd)
    return text if len(text) < 300 else text[:297] + "..."


def termcheck_check(paths: list[str], glossary: Path, report: Path) -> list[str]:
    return [*bench.termcheck_command(), "check", *paths, "-g", str(glossary), "-j", "1", "--format", "json",
            "-o", str(report)]


def run_django(b: Bench, peers: Peers, log) -> None:
    args, tools = b.args, b.args.tools
    print("\n== Django PO catalogs ==", flush=True)
    catalogs, desc = django_catalogs(args.out, args.quick, log)
    if catalogs is None:
        b.missing("django", "all tools", desc)
        return
    print(f"  catalogs: {desc}", flush=True)
    label = "django catalogs" + (" (quick)" if args.quick else "")
    if "termcheck" in tools:
        b.warm(DJANGO_GLOSSARY, [str(catalogs)])
        report = b.work / "output" / "django-termcheck.json"
        b.measure(label, "termcheck -j 1", termcheck_check([str(catalogs)], DJANGO_GLOSSARY, report),
                  peer=False, expect=report, base=True)
    if "pofilter" in tools:
        cmd = peers.pofilter()
        if cmd is None:
            b.missing(label, "pofilter", peers.why["pofilter"])
            return
        dest = b.work / "output" / "django-pofilter"
        b.measure(label, "pofilter (default tests)", [*cmd, "--progress=none", "-i", str(catalogs), "-o", str(dest)],
                  before=lambda: shutil.rmtree(dest, ignore_errors=True), version=peers.versions["pofilter"])


def run_prose(b: Bench, peers: Peers, log) -> None:
    args = b.args
    print("\n== Dense real prose ==", flush=True)
    corpus, files = make_prose(b.work, args.mb, args.files)
    size = sum(f.stat().st_size for f in files)
    print(f"  corpus: {corpus} ({size / 1e6:.2f} MB in {len(files)} files, translations/en/*.txt repeated)",
          flush=True)
    glossaries = make_glossaries(b.work / "glossaries")
    measure_text_tools(b, peers, f"prose {size / 1e6:.1f} MB", "prose", corpus, files, glossaries)


def run_docs(b: Bench, peers: Peers, log) -> None:
    print("\n== A real documentation tree ==", flush=True)
    corpus, desc = django_docs(b.args.out, b.work, b.args.quick, log)
    if corpus is None:
        b.missing("docs", "all tools", desc)
        return
    files = sorted(p for p in corpus.rglob("*") if p.is_file())
    size = sum(f.stat().st_size for f in files)
    print(f"  corpus: {desc}", flush=True)
    texts = [f.read_text(encoding="utf-8") for f in files]
    glossaries = make_docs_glossaries(b.work / "glossaries", texts)
    measure_text_tools(b, peers, f"docs {size / 1e6:.1f} MB" + (" (quick)" if b.args.quick else ""), "docs",
                       corpus, files, glossaries, own_checks=False)


def measure_text_tools(b: Bench, peers: Peers, label_prefix: str, tag: str, corpus: Path, files: list[Path],
                       glossaries: dict[int, dict], own_checks: bool = True) -> None:
    """termcheck and the prose peers on `files` (under `corpus`), once per glossary."""
    tools = b.args.tools
    size = sum(f.stat().st_size for f in files)
    names = [str(f) for f in files]
    proselint_py = peers.proselint() if "proselint" in tools else None
    textlint = peers.textlint() if "textlint" in tools else None
    driver = b.work / "proselint_terms.py"
    driver.write_text(PROSELINT_DRIVER, encoding="utf-8")
    for n, g in glossaries.items():
        label = f"{label_prefix}, {n} terms"
        info = {"mb": size / 1e6, "terms": n, "renderings": g["renderings"]}
        out = b.work / "output"
        if "termcheck" in tools:
            b.warm(g["glossary"], [str(corpus)])
            report = out / f"{tag}-{n}-termcheck.json"
            b.measure(label, "termcheck -j 1", termcheck_check([str(corpus)], g["glossary"], report),
                      peer=False, expect=report, base=True, **info)
        if "proselint" in tools:
            if proselint_py is None:
                b.missing(label, "proselint", peers.why["proselint"])
            else:
                b.measure(label, f"proselint, same list ({g['pairs']} forms)",
                          [proselint_py, str(driver), str(g["proselint"]), *names],
                          stdout=out / f"{tag}-{n}-proselint.txt", version=peers.versions["proselint"], **info)
        if "textlint" in tools:
            if textlint is None:
                b.missing(label, "textlint + prh", peers.why["textlint"])
            else:
                b.measure(label, f"textlint + prh ({g['pairs']} patterns)",
                          [*textlint, "--no-color", "--config", str(g["textlintrc"]), "--format", "json",
                           "--output-file", str(out / f"{tag}-{n}-textlint.json"), *names],
                          expect=out / f"{tag}-{n}-textlint.json", version=peers.versions["textlint"], **info)
        if "grep" in tools:
            b.measure(label, "LC_ALL=C grep -F -i -w -o -f",
                      ["env", "LC_ALL=C", "grep", "-F", "-i", "-w", "-o", "-f", str(g["terms_txt"]), *names],
                      stdout=out / f"{tag}-{n}-grep.txt", **info)
    if own_checks and "proselint" in tools and proselint_py is not None:
        label = f"{label_prefix}, any glossary"
        b.measure(label, "proselint check (its own checks)", [proselint_py, "-m", "proselint", "check", str(corpus)],
                  stdout=b.work / "output" / f"{tag}-proselint-cli.txt", version=peers.versions["proselint"],
                  mb=size / 1e6, note="proselint's default checks, not the glossary; at most 1,000 results per file")


def run_precommit(b: Bench, peers: Peers, log) -> None:
    args, tools = b.args, b.args.tools
    print(f"\n== Pre-commit: one small file, median of {args.runs} interleaved runs ==", flush=True)
    base = b.work / "precommit"
    md = base / "docs" / "en" / "note.md"
    po = base / "po" / "messages.po"  # the Language header gives the language (de), not the path
    md.parent.mkdir(parents=True, exist_ok=True)
    po.parent.mkdir(parents=True, exist_ok=True)
    md.write_text(PRECOMMIT_MD, encoding="utf-8")
    po.write_text(PRECOMMIT_PO, encoding="utf-8")
    commands = {}
    if "termcheck" in tools:
        commands["md"] = [*bench.termcheck_command(), "check", "-q", str(md)]
        commands["po"] = [*bench.termcheck_command(), "check", "-q", str(po)]
    if "click" in tools:
        commands["click"] = [sys.executable, "-c", "import click"]
    for cmd in commands.values():  # warm: compiled-glossary cache, page cache, .pyc files
        b.once(cmd)
    samples: dict[str, list[dict]] = {k: [] for k in commands}
    for _ in range(args.runs):  # interleaved, so load on the machine hits all alike
        for key, cmd in commands.items():
            samples[key].append(b.once(cmd))
    labels = {"md": ("pre-commit, docs/en/note.md", "termcheck check -q"),
              "po": ("pre-commit, one .po (Language: de)", "termcheck check -q")}
    for key in ("md", "po"):
        workload = labels[key][0]
        rows = [(key, labels[key][1], True)] if key in samples else []
        if "click" in samples:
            rows.append(("click", 'python -c "import click"', False))
        for k, tool, base_row in rows:
            s = samples[k]
            bad = [r for r in s if r["rc"] not in (0, 1)]
            row = {"workload": workload, "tool": tool, "cpu": statistics.median(r["cpu"] for r in s),
                   "seconds": statistics.median(r["seconds"] for r in s), "rss_mb": max(r["rss_mb"] for r in s),
                   "runs": len(s), "min_seconds": min(r["seconds"] for r in s), "median_of": len(s),
                   "command": cmd_text(commands[k]), "base": base_row}
            if bad:
                row["error"] = f"exit {bad[0]['rc']}: {bad[0]['stderr'].strip().splitlines()[-1:]}"
                b.failures.append(f"{workload}: {tool} {row['error']}")
            print(f"  {workload:<34} {tool:<26} CPU {row['cpu']:6.3f} s  wall {row['seconds']:6.3f} s "
                  f"(median; min {row['min_seconds']:.3f})  {row['rss_mb']:6.1f} MB", flush=True)
            b.results.append(row)


# --------------------------------------------------------------------------- report


def _num(x: float) -> str:
    return f"{x:.3f}" if x < 1 else f"{x:.2f}" if x < 100 else f"{x:,.0f}"


def table(results: list[dict]) -> str:
    base = {r["workload"]: r for r in results if r.get("base")}
    rows = [["workload", "tool", "CPU s", "wall s", "peak RSS MB", "CPU / termcheck", "wall / termcheck"]]
    for r in results:
        if "missing" in r:
            rows.append([r["workload"], r["tool"], "-", "-", "-", "not run", ""])
            continue
        b = base.get(r["workload"])
        mark = "*" if r.get("stopped") else ("!" if r.get("error") else "")
        cpu_ratio = wall_ratio = ""
        if b is not None and b["cpu"] > 0 and b["seconds"] > 0:
            cpu_ratio = f"{r['cpu'] / b['cpu']:.2f}x"
            wall_ratio = f"{r['seconds'] / b['seconds']:.2f}x"
        rows.append([r["workload"], r["tool"], _num(r["cpu"]) + mark, _num(r["seconds"]) + mark,
                     f"{r['rss_mb']:.0f}", cpu_ratio, wall_ratio])
    return bench._table(rows, right={2, 3, 4, 5, 6})


def targets(results: list[dict]) -> list[str]:
    """The issue's bars, read off this run."""
    lines = []
    by = {}
    for r in results:
        if "missing" not in r and not r.get("error"):
            by.setdefault(r["workload"], []).append(r)
    for w, rows in by.items():
        base = next((r for r in rows if r.get("base")), None)
        if base is None:
            continue
        peers = [r for r in rows if not r.get("base") and not r.get("stopped")]
        if w.startswith("django") and "quick" not in w:
            lines.append(f"{w}: termcheck {base['cpu']:.2f} s CPU (target <= 2.5 s)")
        if w.startswith("pre-commit"):
            click = next((r for r in peers if "click" in r["tool"]), None)
            if click:
                lines.append(f"{w}: termcheck {base['seconds'] / click['seconds']:.2f}x `import click` wall, "
                             f"{base['cpu'] / click['cpu']:.2f}x CPU (target <= 3x)")
        if w.startswith(("prose", "docs")):
            others = [r for r in peers if "grep" not in r["tool"] and "own checks" not in r["tool"]]
            if others:
                fastest = min(others, key=lambda r: r["cpu"])
                lines.append(f"{w}: fastest peer {fastest['tool']} {fastest['cpu']:.2f} s CPU = "
                             f"{fastest['cpu'] / base['cpu']:.2f}x termcheck's {base['cpu']:.2f} s (target >= 2x)")
            grep = next((r for r in peers if "grep" in r["tool"]), None)
            if grep:
                lines.append(f"{w}: termcheck has {grep['cpu'] / base['cpu']:.2f}x grep's throughput in CPU time")
    return lines


def main(argv=None) -> int:
    args = parse_args(argv)
    args.out = args.out.resolve()
    work = args.out / ("real-quick" if args.quick else "real")
    work.mkdir(parents=True, exist_ok=True)

    def log(msg: str) -> None:
        print("  " + msg, flush=True)

    b = Bench(args, work)
    peers = Peers(args.out, install=not args.no_install, log=log)
    cores = bench.available_cores()
    print(f"machine: {bench._cpu_model()}, {os.cpu_count()} cores ({cores} available), {platform.platform()}; "
          f"Python {platform.python_version()}; termcheck at {bench._git_commit()}")
    print(f"measuring: CPU = user+sys of the command and its children, peak RSS of its largest process, "
          f"by {'/usr/bin/time -v' if b.runner.time else 'getrusage in a wrapper'}; "
          f"{'pinned to core %d' % args.cpu if b.runner.taskset else 'not pinned'}; "
          f"least CPU of {args.repeat} run(s); workloads: {', '.join(args.workloads)}; "
          f"tools: {', '.join(sorted(args.tools))}")
    t0 = time.perf_counter()
    for w in args.workloads:
        {"django": run_django, "prose": run_prose, "docs": run_docs, "precommit": run_precommit}[w](b, peers, log)

    print(f"\nResults ({time.perf_counter() - t0:.0f} s in all; ratios: the tool's seconds / termcheck's "
          f"in the same workload, above 1 = termcheck faster; * stopped by --budget, ! failed)\n")
    print(table(b.results))
    if peers.versions:
        print("\npeers: " + "; ".join(f"{v}" for v in peers.versions.values()))
    lines = targets(b.results)
    if lines:
        print("\n" + "\n".join(lines))
    for n in b.notes + [f"FAILED: {f}" for f in b.failures]:
        print(n)
    if args.json:
        record = {
            "date": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
            "machine": {"cpu": bench._cpu_model(), "cores": os.cpu_count(), "available_cores": cores,
                        "python": platform.python_version(), "platform": platform.platform()},
            "termcheck": bench._git_commit(),
            "options": {"quick": args.quick, "repeat": args.repeat, "mb": args.mb, "files": args.files,
                        "runs": args.runs, "budget": args.budget, "cpu": args.cpu,
                        "workloads": args.workloads, "tools": sorted(args.tools)},
            "peers": peers.versions,
            "results": b.results,
            "targets": lines,
            "notes": b.notes,
            "failures": b.failures,
        }
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(record, indent=1) + "\n", encoding="utf-8")
        print(f"\nresults written to {args.json}")
    return 2 if b.failures else 0


if __name__ == "__main__":
    sys.exit(main())
