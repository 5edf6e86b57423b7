"""`termcheck init`: a starting point for one's own project, written next to it.

Three files, each written only when it does not exist yet (an existing one is kept and
named as kept; nothing the user owns is rewritten):

* `glossary.yml`: imported from a TBX or CSV file if one is given, else a commented
  example whose terms are the most frequent candidate phrases of the files given, in
  their source language, with the target languages found in the files to fill in;
* `.termcheck.toml`: the configuration (unless `.termcheck.toml` or a pyproject.toml
  with `[tool.termcheck]` is there already);
* `.pre-commit-config.yaml`: a local hook running `termcheck check --quiet` on staged
  translation files (an existing file is kept: the lines to add are printed instead).
"""

from __future__ import annotations

import json
import os
import re
import textwrap
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

from checker.glossary.candidates import Candidate, frequent_phrases
from checker.names import new_term_id
from checker.wording import plural

GLOSSARY = "glossary.yml"
CONFIG = ".termcheck.toml"
PRE_COMMIT = ".pre-commit-config.yaml"

PRE_COMMIT_HOOK = """\
  - repo: local
    hooks:
      - id: termcheck
        name: termcheck
        entry: termcheck check --quiet
        language: system
        files: \\.(po|pot|md|markdown|txt|xlf|xliff|html|htm|tmx|rst|rest|adoc|asciidoc|arb|strings|stringsdict|xcstrings|resx)$|(^|/)values[^/]*/[^/]+\\.xml$|(^|/)(locales?|i18n|l10n|langs?|_locales)/.+\\.(json|ya?ml)$|(^|/)(locales?|i18n|l10n|translations)/[^/]+\\.ts$|_[a-z]{2}([-_][A-Za-z0-9]{2,8})*\\.properties$
        # one process sees every staged file, so inconsistent-rendering compares them all
        require_serial: true
"""


class InitError(Exception):
    """A starter file could not be made (a bad TBX/CSV file, a path that does not exist)."""


@dataclass
class InitReport:
    """What `init` did: files written and kept, and what the user does next."""

    written: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    next_steps: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Survey:
    """What the files given hold: their source texts by language, and target languages."""

    files: int
    source_language: str
    source_texts: tuple[str, ...]
    target_languages: tuple[str, ...]
    unreadable: int
    #: target languages of the bilingual files, most translated units first
    bilingual_targets: tuple[str, ...] = ()


def survey(paths: Sequence[str], source_lang: str | None) -> Survey:
    """Read the files under `paths` (as `check` would) and collect what a starter glossary needs.

    Bilingual files (PO, XLIFF) give their source side; among monolingual files the source
    language is `source_lang`, else the language most files are in.
    """
    from checker.documents import iter_documents
    from checker.documents.model import ReadError

    by_language: dict[str, list[str]] = {}
    bilingual_sources: Counter[str] = Counter()
    translated: Counter[str] = Counter()
    targets: set[str] = set()
    files = unreadable = 0
    for doc in iter_documents(paths):
        if isinstance(doc, ReadError):
            unreadable += 1
            continue
        files += 1
        if doc.bilingual:
            src = doc.source_language or source_lang or "en"
            bilingual_sources[src] += 1
            if doc.language:
                targets.add(doc.language)
                translated[doc.language] += sum(1 for s in doc.segments if s.source and s.text.strip())
            by_language.setdefault(src, []).extend(s.masked_source for s in doc.segments if s.source)
        elif doc.language:
            by_language.setdefault(doc.language, []).extend(s.masked for s in doc.segments if s.text)
    if source_lang:
        source = source_lang
    elif bilingual_sources:
        source = max(sorted(bilingual_sources), key=bilingual_sources.__getitem__)
    elif by_language:
        source = max(sorted(by_language), key=lambda lang: len(by_language[lang]))
    else:
        source = "en"
    monolingual_targets = {lang for lang in by_language if lang != source and lang not in bilingual_sources}
    targets |= monolingual_targets
    targets.discard(source)
    # The same msgid in every language's catalog is one text, not one per catalog.
    texts = tuple(dict.fromkeys(by_language.get(source, ())))
    most = tuple(lang for lang, n in sorted(translated.items(), key=lambda kv: (-kv[1], kv[0])) if n)
    return Survey(files, source, texts, tuple(sorted(targets)), unreadable, most)


def starter_glossary(candidates: Sequence[Candidate], source: str, targets: Sequence[str], files: int) -> str:
    """glossary.yml text: the candidates as terms of `source`, target languages commented."""
    lines = [
        "# glossary.yml: the key terms termcheck checks, written by `termcheck init`.",
        "# Each term has an id and, per language, a preferred rendering, allowed variants",
        "# and forbidden renderings:",
        "#",
        "#   - id: user-account",
        "#     renderings:",
        f"#       {source}: user account            # just the preferred rendering",
        "#       de:",
        "#         preferred: Benutzerkonto",
        "#         variants: [Konto]",
        "#         forbidden: [Account]",
        "#",
    ]
    if candidates:
        lines += [
            f"# The terms below are the {len(candidates)} most frequent phrases of the {files} "
            f"file{'s' if files != 1 else ''} given ({source}),",
            "# a start only: keep the ones that matter, add their renderings in the target",
            "# languages, delete the rest." + (" Target languages found:" if targets else ""),
        ]
        lines += textwrap.wrap(", ".join(targets), 86, initial_indent="#   ", subsequent_indent="#   ")
    else:
        lines += ["# No frequent phrase was found in the files given: the term below is an example."]
        candidates = [Candidate("example term", 0, 0)]
    lines += ["version: 1", "terms:"]
    ids: set[str] = set()
    for c in candidates:
        term_id = new_term_id(c.text, ids)
        usage = f"  # in {c.texts} texts, {c.count} times" if c.texts else ""
        lines += [f"  - id: {term_id}{usage}", "    renderings:", f"      {source}: {_scalar(c.text)}"]
        if targets:
            lines.append(f"      # {targets[0]}: ...")
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def config_text(paths: Sequence[str], root: Path, glossary: str, source: str) -> str:
    """`.termcheck.toml` for the files given (`paths` relative to `root`: what a bare
    `termcheck check` reads)."""
    relative = [os.path.relpath(os.path.abspath(p), root).replace(os.sep, "/") for p in paths]
    lines = [
        "# termcheck configuration, written by `termcheck init` (every key: docs/configuration.md).",
        f"glossary = {json.dumps(glossary)}",
        f"source-lang = {json.dumps(source)}              # language of PO msgids and XLIFF sources",
        'fail-on = "error"                # the exit status (and a pre-commit hook) fails on errors',
    ]
    if relative:
        lines.append(f"paths = {json.dumps(relative, ensure_ascii=False)}    # what `termcheck check` reads")
    lines += [
        '# exclude = ["*.pot"]           # fnmatch patterns of files not to check',
        '# disable = ["wrong-language"]',
        '# languages = ["de", "fr"]      # check only documents in these languages',
    ]
    return "\n".join(lines) + "\n"


def pre_commit_text() -> str:
    return "# pre-commit hooks (https://pre-commit.com), written by `termcheck init`\nrepos:\n" + PRE_COMMIT_HOOK


def init_project(
    root: Path, paths: Sequence[str], *, source_lang: str | None = None, from_file: str | None = None,
    terms: int = 10,
) -> InitReport:
    """Write the starter files into `root` (never over an existing file) and say what was done."""
    report = InitReport()
    for p in paths:
        if not os.path.exists(p):
            raise InitError(f"{p}: no such file or directory")
    glossary_path = root / GLOSSARY
    found = survey(paths, source_lang) if paths else None
    source = (found.source_language if found else None) or source_lang or "en"
    if glossary_path.exists():
        report.kept.append(GLOSSARY)
    else:
        if from_file:
            text, what = _imported(from_file)
        elif found is not None and found.bilingual_targets:
            from checker.project.starter import glossary_from_translations

            text, what = glossary_from_translations(paths, source, found.bilingual_targets, terms)
        elif found is not None:
            candidates = frequent_phrases(found.source_texts, source, terms)
            text = starter_glossary(candidates, source, found.target_languages, found.files)
            what = f"{plural(len(candidates), 'candidate term')} ({source}) from {plural(found.files, 'file')}"
            if found.unreadable:
                report.notes.append(f"{found.unreadable} file(s) could not be read; `termcheck check` names them")
        else:
            text = starter_glossary([], source, (), 0)
            what = "an example term (give files to propose terms from them)"
        _check_loads(text)
        _write_new(glossary_path, text)
        report.written.append(f"{GLOSSARY} ({what})")
    existing_config = _existing_config(root)
    if existing_config:
        report.kept.append(existing_config)
    else:
        _write_new(root / CONFIG, config_text(paths, root, GLOSSARY, source))
        report.written.append(CONFIG)
    hook_path = root / PRE_COMMIT
    if not hook_path.exists():
        _write_new(hook_path, pre_commit_text())
        report.written.append(PRE_COMMIT)
    elif "termcheck" in hook_path.read_text(encoding="utf-8", errors="replace"):
        report.kept.append(PRE_COMMIT)
    else:
        report.kept.append(PRE_COMMIT)
        report.notes.append(f"{PRE_COMMIT} exists: add under `repos:`\n{PRE_COMMIT_HOOK.rstrip()}")
    shown = " ".join(_shell_word(p) for p in paths)
    targets = _languages(found.target_languages) if found and found.target_languages else "each target language"
    extracted = found is not None and bool(found.bilingual_targets) and not from_file
    first = (f"review {GLOSSARY}: keep the terms that matter and check the renderings the translations use"
             if extracted else f"edit {GLOSSARY}: keep the terms that matter and add their renderings in {targets}")
    report.next_steps = [
        first,
        (f"termcheck check {shown}" if existing_config else f"termcheck check    # reads {shown}, the configured paths")
        if shown else "termcheck check",
        "pre-commit install    # then every commit is checked",
    ]
    return report


def _imported(from_file: str) -> tuple[str, str]:
    from checker.glossary import GlossaryError
    from checker.glossary.dump import dump_glossary

    if from_file.lower().endswith((".csv", ".tsv")):
        from checker.glossary.csv_io import import_csv as read
    else:
        from checker.glossary.tbx_import import import_tbx as read
    try:
        with open(from_file, "rb") as fh:
            data = read(fh.read(), from_file)
        text = dump_glossary(data, header=f"Imported from {os.path.basename(from_file)} by termcheck init",
                             path=GLOSSARY, source=from_file)
    except OSError as exc:
        raise InitError(f"{from_file}: {exc.strerror or exc}") from None
    except GlossaryError as exc:
        raise InitError(str(exc)) from None
    return text, f"{plural(len(data['terms']), 'term')} imported from {os.path.basename(from_file)}"


def _check_loads(text: str) -> None:
    from checker.glossary import parse_glossary

    parse_glossary(text, GLOSSARY)  # raises GlossaryError: a starter must load as written


def _existing_config(root: Path) -> str | None:
    if (root / CONFIG).exists():
        return CONFIG
    pyproject = root / "pyproject.toml"
    if pyproject.is_file() and re.search(r"^\s*\[tool\.termcheck[\].]", pyproject.read_text(encoding="utf-8", errors="replace"), re.M):
        return "pyproject.toml [tool.termcheck]"
    return None


def _write_new(path: Path, text: str) -> None:
    """Create `path` with `text`; fails (FileExistsError) rather than replace a file made meanwhile."""
    with open(path, "x", encoding="utf-8", newline="\n") as fh:
        fh.write(text)


_PLAIN = re.compile(r"[^\W\d_][\w .'\u2019-]*[\w.]|[^\W\d_]")
_YAML_WORDS = {"yes", "no", "true", "false", "on", "off", "null", "y", "n", "~"}


def _scalar(text: str) -> str:
    """`text` as a YAML scalar: plain where that reads back as the same string, else quoted."""
    if _PLAIN.fullmatch(text) and text.casefold() not in _YAML_WORDS and ": " not in text and " #" not in text:
        return text
    return json.dumps(text, ensure_ascii=False)


def _shell_word(path: str) -> str:
    import shlex

    return shlex.quote(path)


def _languages(codes: Sequence[str], shown: int = 5) -> str:
    """`de, fr` or `af, am, ar, ast, az and 92 more`."""
    if len(codes) <= shown + 1:
        return ", ".join(codes)
    return f"{', '.join(codes[:shown])} and {len(codes) - shown} more"
