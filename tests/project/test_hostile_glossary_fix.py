"""Issue 13, hostile and broken inputs: glossary aliases (#6), the baseline (#7), CSV import
(#9) and --fix (#11). Each test asserts what a user relies on: the exit status, one short
line naming the file and line, nothing written that should not be, nothing lost.

Reproducers small enough to keep are in tests/data/hostile/; big ones are made here.
"""

from __future__ import annotations

import os
import stat
import time
from pathlib import Path

import pytest

from checker.project.fix import plan_paths
from checker.project.fix.write import apply_fixes
from checker.glossary import GlossaryError, parse_glossary
from checker.glossary.dump import dump_glossary
from checker.matching.matcher import Matcher
from tests.conftest import KYIV_GLOSSARY, termcheck

HOSTILE = Path(__file__).resolve().parents[1] / "data" / "hostile"


def error_lines(result) -> list[str]:
    return result.stderr.splitlines()


# --- #6 YAML aliases in glossaries; echoed text truncated ---------------------------------


def check_with_glossary(glossary: str, write) -> object:
    doc = write("en/a.txt", "They met in Kyiv.\n")
    return termcheck("check", "--no-cache", "-g", glossary, doc)


def test_alias_in_glossary_is_refused_in_one_line(write):
    path = str(HOSTILE / "glossary-alias.yml")
    result = check_with_glossary(path, write)
    assert result.exit_code == 2
    assert error_lines(result) == [
        f"{path}:7:11: error: YAML anchor '&long': anchors and aliases are not allowed in a glossary "
        "(write each value out)"
    ]


def test_alias_bomb_is_one_short_line_at_once(write):
    # 5,000 aliases of a 100 KB string (500 MB of glossary and of error output when
    # expanded), then 2,000 terms aliasing a 20,000-word rendering (over 60 s to compile).
    bomb = "version: 1\nterms:\n  - id: &big " + "x" * 100_000 + "\n    renderings: {en: a}\n"
    bomb += "".join(f"  - {{id: *big, renderings: {{en: b{i}}}}}\n" for i in range(5000))
    words = " ".join(f"w{i}" for i in range(20_000))
    long = "version: 1\nterms:\n  - id: t0\n    renderings:\n      en: &r " + words + "\n"
    long += "".join(f"  - {{id: t{i}, renderings: {{en: *r}}}}\n" for i in range(1, 2000))
    for name, text, line, column in (("bomb.yml", bomb, 3, 9), ("long.yml", long, 5, 11)):
        path = write(name, text)
        started = time.perf_counter()
        result = check_with_glossary(path, write)
        assert time.perf_counter() - started < 3
        assert result.exit_code == 2
        (message,) = error_lines(result)
        assert message.startswith(f"{path}:{line}:{column}: error: YAML anchor ") and len(message) < 300


def test_echoed_text_is_truncated_in_every_message(write):
    huge, key = "X" * 100_000, "Y" * 1000  # (YAML limits an implicit key to 1024 characters)
    text = (
        f"version: {huge}\nterms:\n  - id: {huge}\n    renderings:\n      {key}: a\n"
        f"      en: {{preferred: a, variants: [{huge}, {huge}]}}\n"
        f"  - id: t\n    {key}: 1\n    renderings: {{en: a}}\n"
    )
    result = check_with_glossary(write("glossary.yml", text), write)
    assert result.exit_code == 2
    lines = error_lines(result)
    assert len(lines) >= 4 and all(len(line) < 400 for line in lines)
    assert any("XXX…'" in line for line in lines)


def test_control_character_in_glossary_is_one_line_at_its_place(write):
    path = str(HOSTILE / "glossary-nul.yml")
    result = check_with_glossary(path, write)
    assert result.exit_code == 2
    assert error_lines(result) == [
        f"{path}:5:14: error: YAML error: character U+0000 is not allowed (control characters are not allowed)"
    ]


def test_ampersand_and_asterisk_in_renderings_still_load():
    glossary = parse_glossary(
        "version: 1\nterms:\n  - id: rd\n    renderings:\n      en: {preferred: 'R &D', variants: [R&D, '*star']}\n"
    )
    assert [r.text for r in glossary.terms[0].renderings["en"]] == ["R &D", "R&D", "*star"]


# --- #7 the baseline: deep nesting, huge numbers, "version": true --------------------------


@pytest.mark.parametrize(
    ("name", "where"),
    [
        ("baseline-deep.json", ":1:101: "),
        ("baseline-huge-number.json", ":1:106: "),
        ("baseline-version-true.json", ": "),
    ],
)
def test_hostile_baseline_is_one_line_and_exit_2(write, name, where):
    g = write("glossary.yml", KYIV_GLOSSARY)
    doc = write("en/a.txt", "They met in Kiev.\n")
    path = str(HOSTILE / name)
    result = termcheck("check", "--no-cache", "-g", g, doc, "--baseline", path)
    assert result.exit_code == 2
    (line,) = error_lines(result)
    assert line.startswith(f"termcheck: {path}{where}") and len(line) < 200
    assert "Traceback" not in result.output


# --- #9 CSV import: only glossaries that load are written ----------------------------------


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("import-cr-in-header.csv", ":1:1: error: missing column: preferred"),
        ("import-nul-in-note.csv", ":3:11: error: control character U+0000 in a cell: a glossary cannot hold it"),
    ],
)
def test_broken_csv_is_refused_and_nothing_written(tmp_path, name, message):
    source = str(HOSTILE / name)
    output = tmp_path / "glossary.yml"
    result = termcheck("glossary", "import", source, "-o", str(output))
    assert result.exit_code == 2
    assert error_lines(result) == [source + message]
    assert not output.exists()


def test_every_imported_glossary_loads(tmp_path):
    # Multi-line notes with characters a literal block cannot hold are written quoted.
    source = tmp_path / "g.csv"
    source.write_text('id,language,preferred,note\nkyiv,en,Kyiv,"Capital\nof\u2028Ukraine\u0085!"\n', encoding="utf-8")
    output = tmp_path / "glossary.yml"
    result = termcheck("glossary", "import", str(source), "-o", str(output))
    assert result.exit_code == 0
    assert parse_glossary(output.read_text(encoding="utf-8")).terms[0].id == "kyiv"


def test_dump_refuses_a_glossary_that_would_not_load():
    language = {"preferred": "a\ud800b", "variants": [], "forbidden": []}  # a lone surrogate
    data = {"version": 1, "terms": [{"id": "a", "renderings": {"en": language}}]}
    with pytest.raises(GlossaryError) as info:
        dump_glossary(data, path="out.yml", source="g.tbx")
    (problem,) = info.value.problems
    assert problem.path == "out.yml" and "not written: the glossary made from g.tbx would not load" in problem.message


# --- #11 --fix: read-only files, outside the tree, hard links, stale temporary files --------


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    (tmp_path / "glossary.yml").write_text(KYIV_GLOSSARY, encoding="utf-8")
    root = tmp_path / "tree" / "en"
    root.mkdir(parents=True)
    return root


def fix_cli(tmp_path: Path, *paths: str):
    return termcheck("check", "--no-cache", "-g", str(tmp_path / "glossary.yml"), "--fix", *paths)


def test_fix_leaves_read_only_file_alone(tmp_path, tree):
    path = tree / "a.txt"
    path.write_bytes(b"They met in Kiev.\n")
    path.chmod(0o444)
    result = fix_cli(tmp_path, str(tmp_path / "tree"))
    assert path.read_bytes() == b"They met in Kiev.\n" and stat.S_IMODE(path.stat().st_mode) == 0o444
    assert f"{path}: error: read-only; not fixed" in error_lines(result)
    assert result.exit_code == 1  # the forbidden rendering is still there and reported


def test_fix_does_not_follow_a_symlink_out_of_the_tree(tmp_path, tree):
    outside = tmp_path / "outside.txt"
    outside.write_bytes(b"Kiev, outside the tree.\n")
    (tree / "planted.txt").symlink_to(outside)
    matcher = Matcher(parse_glossary(KYIV_GLOSSARY))
    for given in (str(tmp_path / "tree"), str(tree / "planted.txt")):
        plan = plan_paths([given], matcher)
        assert apply_fixes(plan) == [] and plan.files == {}
        assert outside.read_bytes() == b"Kiev, outside the tree.\n"
        # (a walker that skips symlinks reports nothing; one that reads them says why)
        assert all("outside the paths checked; not fixed" in m for m in plan.errors)
    assert plan.errors == [f"{tree / 'planted.txt'}: error: is {outside}, outside the paths checked; not fixed"]


def test_fix_keeps_hard_links(tmp_path, tree):
    path = tree / "a.txt"
    path.write_bytes(b"They met in Kiev.\n")
    other = tmp_path / "elsewhere.txt"
    os.link(path, other)
    inode = path.stat().st_ino
    result = fix_cli(tmp_path, str(path))
    assert result.exit_code == 0
    assert path.stat().st_ino == inode and path.stat().st_nlink == 2
    assert path.read_bytes() == other.read_bytes() == b"They met in Kyiv.\n"


def test_fix_removes_stale_temporary_files_of_its_own(tmp_path, tree):
    import fcntl

    path = tree / "a.txt"
    path.write_bytes(b"They met in Kiev.\n")
    stale = tree / ".a.txt.k3_x9q0z.tmp"  # left by a run killed with SIGKILL
    stale.write_bytes(b"They met in Ky")
    busy = tree / ".a.txt.busy0001.tmp"  # a running termcheck holds it
    busy.write_bytes(b"")
    foreign = tree / ".a.txt.someone-else.tmp"  # not termcheck's naming
    foreign.write_bytes(b"")
    with open(busy, "rb") as held:
        fcntl.flock(held.fileno(), fcntl.LOCK_EX)
        result = fix_cli(tmp_path, str(tmp_path / "tree"))
    assert result.exit_code == 0 and path.read_bytes() == b"They met in Kyiv.\n"
    assert sorted(p.name for p in tree.iterdir()) == [".a.txt.busy0001.tmp", ".a.txt.someone-else.tmp", "a.txt"]


def test_fix_still_writes_through_a_symlink_inside_the_tree(tmp_path, tree):
    real = tree / "real.txt"
    real.write_bytes(b"Kiev\n")
    sub = tree / "sub"
    sub.mkdir()
    (sub / "link.txt").symlink_to(real)
    plan = plan_paths([str(tmp_path / "tree")], Matcher(parse_glossary(KYIV_GLOSSARY)))
    assert apply_fixes(plan) == [] and plan.errors == []
    assert real.read_bytes() == b"Kyiv\n" and (sub / "link.txt").is_symlink()
