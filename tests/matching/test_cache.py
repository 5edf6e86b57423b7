"""The compiled-glossary cache: used when valid, never stale, harmless when broken."""

from __future__ import annotations

import os

from checker.matching.cache import cache_dir, load_matcher, save_matcher
from checker.pipeline import run_check

GLOSSARY = "version: 1\nterms:\n  - id: kyiv\n    renderings:\n      en:\n        preferred: Kyiv\n        forbidden: [Kiev]\n"


def test_second_load_comes_from_the_cache_with_the_same_result(write):
    g = write("glossary.yml", GLOSSARY)
    doc = write("en/a.txt", "They met in Kiev.")
    first = load_matcher(g)
    assert first.from_cache is None
    before = run_check([doc], first.glossary, matcher=first)
    save_matcher(first)
    second = load_matcher(g)
    assert second.from_cache == frozenset({"en"})
    assert run_check([doc], second.glossary, matcher=second) == before


def test_an_edited_glossary_is_not_served_stale(write):
    g = write("glossary.yml", GLOSSARY)
    save_matcher(load_matcher(g))
    write("glossary.yml", GLOSSARY.replace("Kiev", "Kiew"))
    fresh = load_matcher(g)
    assert fresh.from_cache is None
    assert [r.text for r in fresh.glossary.terms[0].renderings["en"]] == ["Kyiv", "Kiew"]


def test_a_damaged_entry_is_rebuilt(write):
    g = write("glossary.yml", GLOSSARY)
    m = load_matcher(g)
    m.index("en")
    save_matcher(m)
    (entry,) = list(cache_dir().iterdir())
    entry.write_bytes(b"not a pickle")
    again = load_matcher(g)
    assert again.from_cache is None and again.glossary.terms[0].id == "kyiv"


def test_unwritable_cache_dir_is_ignored(write, monkeypatch):
    g = write("glossary.yml", GLOSSARY)
    blocker = write("file-not-dir", "x")
    monkeypatch.setenv("TERMCHECK_CACHE_DIR", os.path.join(blocker, "sub"))
    m = load_matcher(g)
    save_matcher(m)  # must not raise
    assert load_matcher(g).from_cache is None


def test_no_cache_option_leaves_no_entry(write, monkeypatch):
    from click.testing import CliRunner

    from checker.cli import main

    g = write("glossary.yml", GLOSSARY)
    doc = write("en/a.txt", "Kyiv.")
    assert CliRunner().invoke(main, ["check", "-g", g, doc, "--no-cache"]).exit_code == 0
    assert not cache_dir().exists() or not any(cache_dir().iterdir())
    assert CliRunner().invoke(main, ["check", "-g", g, doc]).exit_code == 0
    assert any(cache_dir().iterdir())


RICH = """version: 1
terms:
  - id: indivisible-security
    note: The principle of the 1999 Charter
    match: stem
    exceptions: [security council]
    renderings:
      en:
        preferred: indivisible security
        variants: [indivisibility of security]
        forbidden:
          - text: undivided security
            match: exact
            exceptions: [undivided security council]
      de: unteilbare Sicherheit
  - id: nato
    case_sensitive: true
    renderings:
      en: NATO
      ru: НАТО
"""


def _fields(obj) -> dict:
    from dataclasses import fields

    return {f.name: getattr(obj, f.name) for f in fields(obj)}


def test_a_glossary_from_the_cache_has_every_field_as_parsed(write):
    g = write("glossary.yml", RICH)
    parsed = load_matcher(g)
    parsed.index("en")
    save_matcher(parsed)
    cached = load_matcher(g)
    assert cached.from_cache == frozenset({"en"})
    assert len(cached.glossary.terms) == len(parsed.glossary.terms) == 2
    for a, b in zip(parsed.glossary.terms, cached.glossary.terms):
        fa, fb = _fields(a), _fields(b)
        ra, rb = fa.pop("renderings"), fb.pop("renderings")
        assert fa == fb
        assert list(ra) == list(rb)
        for lang in ra:
            assert [_fields(r) for r in ra[lang]] == [_fields(r) for r in rb[lang]]
