"""A pre-commit run on one small PO file of known language loads only what it needs."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PO = '''msgid ""
msgstr ""
"Language: de\\n"

msgid "The principle of indivisible security is fundamental."
msgstr "Das Prinzip der unteilbaren Sicherheit ist grundlegend."
'''
PROBE = """
import sys, runpy
sys.argv = ['termcheck', 'check', '-q', sys.argv[1]]
try:
    runpy.run_module('checker', run_name='__main__')
except SystemExit:
    pass
print('LOADED', ' '.join(sorted(m for m in sys.modules if m.split('.')[0] in
      ('langdetect', 'sacrebleu', 'numpy', 'yaml', 'lxml', 'charset_normalizer', 'defusedxml', 'regex', 'simplemma'))))
"""


def loaded_modules(po: Path) -> set[str]:
    proc = subprocess.run([sys.executable, "-c", PROBE, str(po)], cwd=ROOT, capture_output=True, text=True, check=True)
    (line,) = [line for line in proc.stdout.splitlines() if line.startswith("LOADED")]
    return set(line.split()[1:])


def test_small_po_check_imports_no_heavy_library(tmp_path):
    po = tmp_path / "one.po"
    po.write_text(PO, encoding="utf-8")
    first = loaded_modules(po)  # parses glossary.yml (PyYAML) and fills the compiled-glossary cache
    assert not {m for m in first if m.split(".")[0] in ("langdetect", "sacrebleu", "numpy")}
    second = loaded_modules(po)
    # a warm run: the dictionary forms the glossary needs come from the cache (issue 12)
    assert second == set(), second


def test_a_markdown_file_of_known_language_loads_a_dozen_profiles_not_all(tmp_path):
    # issue 14: a pre-commit run on docs/en/note.md paid 0.2 s to load all 55 langdetect profiles
    note = tmp_path / "docs" / "en" / "note.md"
    note.parent.mkdir(parents=True)
    note.write_text("# Note\n\nThe letter on indivisible security was sent to the chair in Vienna today.\n",
                    encoding="utf-8")
    probe = """
import sys, runpy
sys.argv = ['termcheck', 'check', '-q', sys.argv[1]]
try:
    runpy.run_module('checker', run_name='__main__')
except SystemExit:
    pass
import checker.language as language
print('FULL', language._load_detector_factory.cache_info().currsize, 'RESTRICTED', language._load_restricted_factory.cache_info().currsize)
"""
    proc = subprocess.run([sys.executable, "-c", probe, str(note)], cwd=ROOT, capture_output=True, text=True, check=True)
    (line,) = [line for line in proc.stdout.splitlines() if line.startswith("FULL")]
    assert line == "FULL 0 RESTRICTED 1"
