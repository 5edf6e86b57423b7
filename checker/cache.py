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
import os
import pickle
import sys
import tempfile
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
    import checker.glossary
    import checker.matching.analyser
    import checker.matching.lemmas
    import checker.matching.matcher
    import checker.matching.normalise
    import checker.matching.tokenise

    stamps = []
    for module in (checker.glossary, checker.matching.analyser, checker.matching.lemmas, checker.matching.matcher,
                   checker.matching.normalise, checker.matching.tokenise):
        try:
            stamps.append(str(os.stat(module.__file__).st_mtime_ns))
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
    return cache_dir() / f"glossary-{key}.pickle"


def _file_sha256(path: str) -> str | None:
    try:
        with open(path, "rb") as fh:
            return hashlib.sha256(fh.read()).hexdigest()
    except OSError:
        return None  # load_glossary reports it


def load_matcher(glossary_path: str, stem: bool = True, use_cache: bool = True) -> Matcher:
    """The glossary at `glossary_path`, with its indexes, from the cache if possible.

    Raises GlossaryError like load_glossary.
    """
    digest = _file_sha256(glossary_path) if use_cache else None
    if digest:
        try:
            with open(_entry(digest, stem), "rb") as fh:
                matcher = pickle.load(fh)
            if isinstance(matcher, Matcher) and matcher.glossary.sha256 == digest:
                _repath(matcher.glossary, glossary_path)
                matcher.from_cache = frozenset(matcher.languages_indexed)
                return matcher
        except Exception:  # noqa: BLE001 - a missing, stale or damaged entry is rebuilt
            pass
    return Matcher(load_glossary(glossary_path), stem=stem)


def save_matcher(matcher: Matcher) -> None:
    """Store the glossary and every index built so far, unless the cache has them already."""
    cached = matcher.from_cache
    if not matcher.glossary.sha256 or (cached is not None and set(matcher.languages_indexed) <= cached):
        return
    target = _entry(matcher.glossary.sha256, matcher.stem)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-", suffix=".pickle")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(matcher, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, target)
    except OSError:
        pass  # no cache today; the check itself is unaffected


def _repath(glossary: Glossary, path: str) -> None:
    # The same file may be reached by another path; reports name the one given.
    object.__setattr__(glossary, "path", path)
