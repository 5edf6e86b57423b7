"""Mutation fuzzing of every input termcheck reads (issue 13), with Hypothesis.

Seeds are the project's own files; each example applies a few byte edits drawn from what
breaks parsers (NUL, invalid UTF-8, quotes, escapes, markup, format codes, brackets) and
feeds the result to the reader of that kind. Whatever the bytes, the reader either
succeeds or raises its own documented error, and a check over a damaged file still ends in
a report. Bounded for the test run (TERMCHECK_FUZZ_EXAMPLES, default 40 per kind); the
long runs of the closing note set it to a few hundred thousand with a time budget:

    TERMCHECK_FUZZ_EXAMPLES=1000000 TERMCHECK_FUZZ_SECONDS=600 python -m pytest tests/test_fuzz.py -k po
"""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

import pytest

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
EXAMPLES = int(os.environ.get("TERMCHECK_FUZZ_EXAMPLES", "40"))
SECONDS = float(os.environ.get("TERMCHECK_FUZZ_SECONDS", "0"))
SETTINGS = settings(
    max_examples=EXAMPLES, deadline=None, derandomize=not SECONDS,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
)
WORK = Path(tempfile.mkdtemp(prefix="termcheck-fuzz-"))
_STARTED = time.monotonic()

PIECES = [b"\x00", b"\xff", b"\xfe\xff", b"\xc3", b'"', b"\\", b"\\x", b"\n", b"\r", b"\r\n", b"\t", b"<", b">",
          b"&", b"&amp;", b"&#0;", b"%(", b"%s", b"{", b"}", b"{{", b"[", b"]", b"[[[[", b"*", b"&a ", b"*a",
          b"msgid ", b'msgstr "', b"#, fuzzy\n", b"#~ ", b"<target>", b"</source>", b"<![CDATA[", b"---\n",
          b"```", b"`", b":", b"- ", b"=", b",", b";", b"\xef\xbb\xbf", b"1" * 50, b"\xe2\x80\xae",
          b"termcheck: ignore", b"termcheck: ignore[", b"charset=idna", b"\xd8\x00"]


def _seeds(*patterns: str) -> list[bytes]:
    found = []
    for pattern in patterns:
        found += [p.read_bytes()[:20_000] for p in sorted(ROOT.glob(pattern)) if p.is_file()]
    assert found, patterns
    return found


@st.composite
def mutated(draw, seeds: list[bytes]) -> bytes:
    data = bytearray(draw(st.sampled_from(seeds)))
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, len(data)))
        op = draw(st.sampled_from(("insert", "replace", "delete", "repeat")))
        piece = draw(st.one_of(st.sampled_from(PIECES), st.binary(min_size=1, max_size=8)))
        if op == "insert":
            data[at:at] = piece
        elif op == "replace":
            data[at : at + len(piece)] = piece
        elif op == "delete":
            del data[at : at + draw(st.integers(1, 40))]
        else:
            data[at:at] = data[at : at + 20] * draw(st.integers(2, 30))
    return bytes(data)


_EXECUTED = [0]


def _budget() -> None:
    """Count an execution; past TERMCHECK_FUZZ_SECONDS, end the run (its count is written
    to TERMCHECK_FUZZ_REPORT, if set)."""
    _EXECUTED[0] += 1
    if SECONDS and time.monotonic() - _STARTED > SECONDS:
        report = os.environ.get("TERMCHECK_FUZZ_REPORT")
        if report:
            Path(report).write_text(f"{_EXECUTED[0]} executions in {time.monotonic() - _STARTED:.0f} s\n")
        pytest.skip("time budget spent")


def _write(name: str, data: bytes) -> str:
    path = WORK / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return str(path)


def _check_document(name: str, data: bytes) -> None:
    from checker.documents import ReadError, read_document
    from checker.glossary import load_glossary
    from checker.pipeline import CheckOptions, run_check
    from checker.reporters import render

    path = _write(name, data)
    try:
        read_document(path)
    except ReadError:
        pass
    result = run_check([path], load_glossary(str(ROOT / "glossary.yml")), CheckOptions(discover=True))
    for fmt in ("text", "json", "sarif", "github", "html"):
        render(result, fmt)


@pytest.mark.parametrize(
    "kind, name, patterns",
    [
        ("text", "en/doc.txt", ["translations/en/*.txt"]),
        ("markdown", "en/doc.md", ["tests/data/samples/*.md", "README.md"]),
        ("po", "de/doc.po", ["tests/data/samples/de/*.po", "tests/data/real/django/de/LC_MESSAGES/*.po"]),
        ("xliff", "doc.xlf", ["tests/data/samples/ru/*.xlf", "tests/data/real/symfony/validators.fi.xlf"]),
        ("html", "en/doc.html", ["tests/data/real/formats/html/*.html"]),
        ("rst", "en/doc.rst", ["tests/data/real/formats/rst/*.rst"]),
        ("asciidoc", "en/doc.adoc", ["tests/data/real/formats/asciidoc/*.adoc"]),
        ("tmx", "doc.tmx", ["tests/data/real/tmx/*.tmx"]),
        ("android", "res/values-de/strings.xml", ["tests/data/real/formats/android/res/values*/strings.xml"]),
        ("properties", "messages_de.properties", ["tests/data/real/formats/properties/org/hibernate/validator/*.properties"]),
        ("json", "locales/de/app.json", ["tests/data/real/formats/json/*/*/*/*.json", "tests/data/real/formats/json/*/*/*.json"]),
        ("arb", "app_de.arb", ["tests/data/real/formats/json/arb/*.arb"]),
        ("yaml", "config/locales/de.yml", ["tests/data/real/formats/yaml/config/locales/*.yml"]),
        ("qt", "translations/app_de.ts", ["tests/data/real/formats/qt/*.ts"]),
        ("strings", "de.lproj/Localizable.strings", ["tests/data/real/formats/apple/Jotter/*/Localizable.strings"]),
        ("stringsdict", "de.lproj/Localizable.stringsdict", ["tests/data/real/formats/apple/Jotter/*/*.stringsdict"]),
        ("xcstrings", "Localizable.xcstrings", ["tests/data/real/formats/apple/Jotter/*.xcstrings"]),
        ("resx", "Strings.de.resx", ["tests/data/real/formats/resx/Jotter/Properties/*.resx"]),
    ],
)
def test_documents(kind, name, patterns):
    @SETTINGS
    @given(mutated(_seeds(*patterns)))
    def run(data: bytes) -> None:
        _budget()
        _check_document(name, data)

    run()


@SETTINGS
@given(mutated(_seeds("glossary.yml", "tests/data/real/glossary-*.yml", "tests/data/yaml/*.yml")))
def test_glossary_yaml(data):
    _budget()
    from checker.glossary import GlossaryError, parse_glossary
    from checker.matching.matcher import Matcher

    try:
        glossary = parse_glossary(data.decode("utf-8", "replace"), "g.yml")
    except GlossaryError as e:
        assert all(len(str(p)) < 1000 for p in e.problems)
        return
    matcher = Matcher(glossary, stem=False)  # stem=False: no dictionary load per example
    for lang in glossary.languages:
        matcher.find("Kiev Kyiv indivisible security", lang)


@SETTINGS
@given(mutated(_seeds("tests/data/tbx/memoq-export.tbx")))
def test_tbx(data):
    _budget()
    from checker.glossary import GlossaryIOError
    from checker.glossary.tbx_import import import_tbx

    try:
        import_tbx(data, "g.tbx")
    except GlossaryIOError:
        pass


def _csv_seed() -> list[bytes]:
    from checker.glossary import load_glossary
    from checker.glossary.csv_io import export_csv

    return [export_csv(load_glossary(str(ROOT / "glossary.yml"))).encode("utf-8")]


@SETTINGS
@given(mutated(_csv_seed()))
def test_csv(data):
    _budget()
    from checker.glossary import GlossaryError, GlossaryIOError, parse_glossary
    from checker.glossary.csv_io import import_csv
    from checker.glossary.dump import dump_glossary

    try:
        imported = import_csv(data, "g.csv")
        text = dump_glossary(imported)
    except (GlossaryIOError, GlossaryError):
        return
    parse_glossary(text, "g.yml")  # import only ever writes glossaries that load


@SETTINGS
@given(mutated([b'[tool.termcheck]\nglossary = "glossary.yml"\ninclude = ["**/*.po"]\nexclude = ["x/*"]\n'
                b'disable = ["wrong-language"]\nthreshold = 45\nfail-on = "warning"\nlang = "en"\n'
                b'languages = ["de", "fr"]\n[tool.termcheck.severity]\nvariant-rendering = "info"\n']))
def test_configuration(data):
    _budget()
    from checker.project.config import ConfigError, load_config

    path = Path(_write("cfg/pyproject.toml", data))
    try:
        load_config(path)
    except ConfigError:
        pass


def _baseline_seed() -> list[bytes]:
    from checker.project.baseline import dumps
    from checker.findings import Finding

    entries_source = [Finding("forbidden-rendering", "error", "en/a.txt", 3, 4, "m", "kyiv", "Kiev")]
    from checker.project.baseline import build_entries

    return [dumps(build_entries(entries_source)).encode("utf-8")]


@SETTINGS
@given(mutated(_baseline_seed()))
def test_baseline(data):
    _budget()
    from checker.project.baseline import BaselineError, load_baseline

    path = _write("baseline.json", data)
    try:
        load_baseline(path)
    except BaselineError:
        pass


@SETTINGS
@given(st.sampled_from(("text", "markdown", "po", "xliff", "html", "rst", "asciidoc")),
       mutated(_seeds("tests/data/samples/de/*.po", "tests/data/samples/*.md", "tests/data/real/formats/html/*.html",
                      "tests/data/real/formats/rst/*.rst", "tests/data/real/formats/asciidoc/*.adoc")))
def test_suppression_markers(fmt, data):
    _budget()
    from checker.project.suppressions.scan import scan_suppressions

    scan_suppressions("f", data.decode("utf-8", "replace"), fmt)
