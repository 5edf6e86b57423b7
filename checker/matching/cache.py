"""A cache of compiled glossaries, so a large glossary is parsed and indexed once, not on every run.

A 50,000-term glossary takes about 1.4 s to parse and index and 0.25 s to load from
here; a pre-commit hook pays the difference on every commit. Entries are keyed by the
SHA-256 of the glossary file and every version that changes the result (termcheck,
Python, PyStemmer, simplemma's dictionaries) and the stemming option, so an edited glossary is never served stale.
The cache lives in $TERMCHECK_CACHE_DIR, else $XDG_CACHE_HOME/termcheck, else
~/.cache/termcheck; if it cannot be read or written, termcheck works without it.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
import sys
from pathlib import Path

from checker import __version__
from checker.glossary import Glossary, load_glossary
from checker.matching.matcher import Matcher


def cache_dir() -> Path:
    explicit = os.environ.get("TERMCHECK_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "termcheck"


def _code_stamp() -> str:
    """When the modules whose objects are cached last changed: a development checkout
    must not load pickles of an older shape."""
    import checker.glossary.model
    import checker.matching.matcher

    # The modules whose objects the cache holds, by file: the glossary's model and the
    # modules that build it from the file; lemmas.py is not imported on a warm run, so it
    # is stat'ed beside matcher.py rather than imported for its path.
    glossary = Path(checker.glossary.model.__file__).parent
    matching = Path(checker.matching.matcher.__file__).parent
    files = [str(glossary / name) for name in ("model.py", "build.py", "load.py")] + [
        str(matching / name) for name in ("analyser.py", "lemmas.py", "matcher.py", "normalise.py", "tokenise.py")
    ]
    stamps = []
    for file in files:
        try:
            stamps.append(str(os.stat(file).st_mtime_ns))
        except (OSError, TypeError):
            stamps.append("?")
    return "-".join(stamps)


def _simplemma_version() -> str:
    """simplemma's installed files, by the time they changed: importing it (50 ms) or
    reading its metadata (20 ms) is more than a warm run may pay."""
    import importlib.util

    try:
        spec = importlib.util.find_spec("simplemma")
        return str(os.stat(spec.origin).st_mtime_ns) if spec and spec.origin else "none"
    except (ImportError, OSError, ValueError):
        return "none"


def _entry(glossary_sha256: str, stem: bool) -> Path:
    import Stemmer

    versions = f"{__version__}|{sys.version_info[:3]}|{Stemmer.version()}|{_simplemma_version()}|stem={stem}|{_code_stamp()}"
    key = hashlib.sha256(f"{glossary_sha256}|{versions}".encode()).hexdigest()[:32]
    return cache_dir() / f"glossary-{key}.json"


def _file_sha256(path: str) -> str | None:
    try:
        with open(path, "rb") as fh:
            return hashlib.sha256(fh.read()).hexdigest()
    except OSError:
        return None  # load_glossary reports it


FORMAT = "termcheck-compiled-glossary-4"


def load_matcher(glossary_path: str, stem: bool = True, use_cache: bool = True) -> Matcher:
    """The glossary at `glossary_path`, with its indexes, from the cache if possible.

    The cache holds plain data (JSON), never code: an entry planted in the cache directory
    can at worst describe a wrong index, and entries another user wrote, or that sit in a
    directory others may write to, are not read at all. Raises GlossaryError like
    load_glossary; any problem with the cache itself only means a slower run.
    """
    digest = _file_sha256(glossary_path) if use_cache else None
    if digest:
        try:
            matcher = _read(_entry(digest, stem), digest, stem)
        except Exception:  # noqa: BLE001 - a missing, stale, foreign or damaged entry is rebuilt
            matcher = None
        if matcher is not None:
            _repath(matcher.glossary, glossary_path)
            return matcher
    return Matcher(load_glossary(glossary_path), stem=stem)


def save_matcher(matcher: Matcher) -> None:
    """Store the glossary and every index built so far, unless the cache has them already.

    Never fails: a cache that cannot be written (full disk, no permission, a glossary too
    large to encode) leaves the check unaffected."""
    cached = matcher.from_cache
    if not matcher.glossary.sha256 or (cached is not None and set(matcher.languages_indexed) <= cached):
        return
    import contextlib
    import tempfile  # with shutil and random: 10 ms a warm run, which writes nothing, need not pay

    try:
        target = _entry(matcher.glossary.sha256, matcher.stem)
        directory = _private_dir(target.parent)
        if directory is None:
            return
        data = json.dumps(_to_data(matcher), ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        fd, tmp = tempfile.mkstemp(dir=directory, prefix=".tmp-", suffix=".json")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            os.replace(tmp, target)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
    except Exception:  # noqa: BLE001 - no cache today; the check itself is unaffected
        pass


def _private_dir(path: Path) -> Path | None:
    """`path`, created with mode 0700 if missing; None if it is not ours alone."""
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    return path if _trusted(path, directory=True) else None


def _trusted(path: Path, directory: bool = False) -> bool:
    """Owned by this user, and (for the directory) writable by no one else."""
    st = os.stat(path, follow_symlinks=False)
    if hasattr(os, "geteuid") and st.st_uid != os.geteuid():
        return False
    if directory:
        return stat.S_ISDIR(st.st_mode) and not st.st_mode & (stat.S_IWGRP | stat.S_IWOTH)
    return stat.S_ISREG(st.st_mode)


def _read(entry: Path, digest: str, stem: bool) -> Matcher | None:
    if not entry.exists() or not _trusted(entry.parent, directory=True) or not _trusted(entry):
        return None
    with open(entry, "rb") as fh:
        data = json.loads(fh.read().decode("utf-8"))
    if not isinstance(data, dict) or data.get("format") != FORMAT or data.get("sha256") != digest:
        return None
    if data.get("stem") is not stem:
        return None
    return _from_data(data)


# --- the compiled glossary as plain data -------------------------------------------------

_TERM = ("id", "note", "case_sensitive", "line", "language_lines", "match", "exceptions", "exception_positions")


def _to_data(matcher: Matcher) -> dict:
    glossary = matcher.glossary
    terms = []
    for t in glossary.terms:
        renderings = {}
        for lang, rs in t.renderings.items():
            # term id and language are the row's; raw is kept only where it differs from text
            renderings[lang] = [
                [r.text, r.status, r.line, r.order, r.column, r.raw if r.raw != r.text else None, r.match,
                 list(r.exceptions), _own_to_data(r.own)]
                for r in rs
            ]
        terms.append([*(getattr(t, f) for f in _TERM), renderings])
    return {
        "format": FORMAT,
        "sha256": glossary.sha256,
        "stem": matcher.stem,
        "path": glossary.path,
        "terms": terms,
        "indexes": {lang: matcher._indexes[lang].to_data() for lang in matcher.languages_indexed},
    }


def _own_to_data(own) -> list | None:  # noqa: ANN001
    if own is None:
        return None
    return [own.match, list(own.exceptions), [list(p) for p in own.positions]]


def _from_data(data: dict) -> Matcher:
    """The Matcher `data` describes; raises (KeyError, TypeError, ValueError) if it is not one."""
    from checker.glossary import OwnSettings, Rendering, Term
    from checker.matching.matcher import LanguageIndex

    terms = []
    by_order: dict[int, Rendering] = {}
    for tid, note, case_sensitive, line, language_lines, match, exceptions, positions, renderings_data in data["terms"]:
        renderings = {}
        for lang, rows in renderings_data.items():
            out = []
            for text, status, r_line, order, column, raw, r_match, r_exc, own in rows:
                if own is not None:
                    own = OwnSettings(own[0], tuple(own[1]), tuple(map(tuple, own[2])))
                # positional, in the dataclass's field order: 50,000 terms load in a blink
                rendering = Rendering(tid, lang, text, status, r_line, order, column, text if raw is None else raw,
                                      r_match, tuple(r_exc) if r_exc else (), own)
                by_order[order] = rendering
                out.append(rendering)
            renderings[lang] = tuple(out)
        terms.append(Term(tid, renderings, note, case_sensitive, line, language_lines, match,
                          tuple(exceptions) if exceptions else (), tuple(map(tuple, positions)) if positions else ()))
    glossary = Glossary(str(data["path"]), tuple(terms), str(data["sha256"]), {t.id: t for t in terms})
    matcher = Matcher(glossary, stem=bool(data["stem"]))
    for lang, index_data in data["indexes"].items():
        matcher._indexes[str(lang)] = LanguageIndex.from_data(index_data, by_order)
    matcher.from_cache = frozenset(matcher.languages_indexed)
    return matcher


def _repath(glossary: Glossary, path: str) -> None:
    # The same file may be reached by another path; reports name the one given.
    object.__setattr__(glossary, "path", path)
