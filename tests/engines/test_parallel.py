"""--jobs: the same report, byte for byte, from one process or several."""

from __future__ import annotations

import os

from click.testing import CliRunner

from checker.cli import main

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def report(*args: str) -> str:
    old = os.getcwd()
    os.chdir(ROOT)
    try:
        result = CliRunner().invoke(main, ["check", "--format", "json", *args], catch_exceptions=False)
    finally:
        os.chdir(old)
    return result.output


def test_default_corpus_same_with_one_or_two_jobs():
    one = report("-j", "1", "--discover")
    assert one == report("-j", "2", "--discover") == report("-j", "3", "--discover")
    assert '"unlisted-rendering"' in one


def test_many_files_with_bad_ones_and_suppressions(write, tmp_path):
    g = write("glossary.yml", "version: 1\nterms:\n  - id: kyiv\n    renderings:\n      en:\n        preferred: Kyiv\n"
                              "        variants: [Kyjiw]\n        forbidden: [Kiev]\n")
    for i in range(12):
        body = ["Kyiv and Kiev.", "Kyjiw <!-- termcheck: ignore[variant-rendering] -->", "Kiev, Kyiv, Kyjiw."][i % 3]
        write(f"c/en/{i:02d}.md", body + "\n")
    write("c/en/broken.po", 'msgid "x"\nmsgstr "y"\ngarbage\n')
    corpus = str(tmp_path / "c")
    one = report("-g", g, corpus, "-j", "1")
    assert one == report("-g", g, corpus, "-j", "2") == report("-g", g, corpus, "-j", "4")
    # the corpus-wide breakdown (inconsistent-rendering's) rides on the variant and forbidden findings
    assert '"read-error"' in one and "(across documents [en]: " in one
