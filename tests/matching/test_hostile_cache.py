"""The compiled-glossary cache under attack, and glossaries that are hard to cache (issue 13)."""

from __future__ import annotations

import json
import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from checker.matching.cache import _entry, cache_dir, load_matcher, save_matcher
from checker.pipeline import run_check

GLOSSARY = "version: 1\nterms:\n  - id: kyiv\n    renderings:\n      en:\n        preferred: Kyiv\n        forbidden: [Kiev]\n"


class _Payload:
    """Unpickling this creates a marker file: what an attacker's pickle would do."""

    def __init__(self, marker: str) -> None:
        self.marker = marker

    def __reduce__(self):
        return (os.system, (f"touch {self.marker}",))


def test_a_planted_entry_runs_no_code(write, tmp_path):
    g = write("glossary.yml", GLOSSARY)
    doc = write("en/a.txt", "They met in Kiev.")
    marker = tmp_path / "pwned"
    digest = __import__("hashlib").sha256(Path(g).read_bytes()).hexdigest()
    entry = _entry(digest, True)
    entry.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    payload = pickle.dumps(_Payload(str(marker)))
    entry.write_bytes(payload)  # under the name the cache would read
    entry.with_suffix(".pickle").write_bytes(payload)  # and under the old name
    result = subprocess.run(
        [sys.executable, "-m", "checker", "check", "-g", g, "-q", doc], capture_output=True, text=True,
        cwd=Path(__file__).resolve().parents[2], env={**os.environ, "TERMCHECK_CACHE_DIR": str(cache_dir())},
    )
    assert not marker.exists()
    assert result.returncode == 1 and "forbidden rendering 'Kiev'" in result.stdout


def test_entries_are_plain_json_in_a_private_directory(write):
    g = write("glossary.yml", GLOSSARY)
    m = load_matcher(g)
    m.index("en")
    save_matcher(m)
    (entry,) = list(cache_dir().iterdir())
    assert entry.suffix == ".json"
    data = json.loads(entry.read_text(encoding="utf-8"))
    assert data["format"].startswith("termcheck-compiled-glossary")
    assert oct(cache_dir().stat().st_mode & 0o777) == oct(0o700)


def test_a_directory_others_may_write_to_is_not_trusted(write):
    g = write("glossary.yml", GLOSSARY)
    m = load_matcher(g)
    m.index("en")
    save_matcher(m)
    os.chmod(cache_dir(), 0o777)
    assert load_matcher(g).from_cache is None


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs root to give a file away")
def test_an_entry_another_user_wrote_is_not_read(write):
    g = write("glossary.yml", GLOSSARY)
    m = load_matcher(g)
    m.index("en")
    save_matcher(m)
    (entry,) = list(cache_dir().iterdir())
    os.chown(entry, 65534, 65534)
    assert load_matcher(g).from_cache is None


@pytest.mark.parametrize("words", [600, 3000])
def test_a_rendering_of_hundreds_of_words_never_fails_a_check(write, words):
    # Lint-clean, yet saving the old pickle cache recursed too deep from 491 words on.
    phrase = " ".join(f"w{i}" for i in range(words))
    g = write("glossary.yml", f"version: 1\nterms:\n  - id: long\n    renderings:\n      en: {phrase}\n")
    doc = write("en/a.txt", f"Before {phrase} after.")
    m = load_matcher(g)
    result = run_check([doc], m.glossary, matcher=m)
    save_matcher(m)  # must not raise
    again = load_matcher(g)
    assert run_check([doc], again.glossary, matcher=again).terms == result.terms
    assert [t.occurrences for t in result.terms] == [1]
