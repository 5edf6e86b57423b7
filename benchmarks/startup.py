"""Start-up of `termcheck check one.po` (what a pre-commit hook pays on every commit),
measured against `python -c "import click"` in the same run, and the heavy modules it loads.

    python benchmarks/startup.py [--runs 20]

The file is small, in a known language (PO Language header) and clean of untranslated
units, with the repository's glossary.yml; the first run fills the compiled-glossary cache
(a private one), as a hook's first commit would.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PO = '''msgid ""
msgstr ""
"Language: de\\n"
"Content-Type: text/plain; charset=UTF-8\\n"

msgid "The principle of indivisible security is fundamental."
msgstr "Das Prinzip der unteilbaren Sicherheit ist grundlegend."

msgid "They met in Kyiv."
msgstr "Sie trafen sich in Kyjiw."
'''
HEAVY = ("langdetect", "sacrebleu", "numpy", "yaml", "lxml", "charset_normalizer", "defusedxml", "regex", "simplemma")


def timed(cmd: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, env=env, cwd=ROOT, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        po = Path(tmp) / "one.po"
        po.write_text(PO, encoding="utf-8")
        env = {**os.environ, "TERMCHECK_CACHE_DIR": str(Path(tmp) / "cache")}
        check = [sys.executable, "-m", "checker", "check", "-q", str(po)]
        click = [sys.executable, "-c", "import click"]
        timed(check, env)  # fills the cache
        ours, base = [], []
        for _ in range(args.runs):  # interleaved, so load on the machine hits both alike
            ours.append(timed(check, env))
            base.append(timed(click, env))
        probe = (
            "import sys, runpy; sys.argv = ['termcheck', 'check', '-q', %r]\n"
            "try:\n    runpy.run_module('checker', run_name='__main__')\n"
            "except SystemExit:\n    pass\n"
            "print(' '.join(sorted(m for m in %r if m in sys.modules)))" % (str(po), HEAVY)
        )
        loaded = subprocess.run([sys.executable, "-c", probe], env=env, cwd=ROOT, capture_output=True, text=True)
    m_ours, m_base = statistics.median(ours), statistics.median(base)
    print(f"termcheck check one.po : median {m_ours * 1000:6.1f} ms over {args.runs} runs (min {min(ours) * 1000:.1f})")
    print(f'python -c "import click": median {m_base * 1000:6.1f} ms (min {min(base) * 1000:.1f})')
    print(f"ratio                  : {m_ours / m_base:.2f}x")
    print(f"heavy modules loaded   : {loaded.stdout.strip().splitlines()[-1] if loaded.stdout.strip() else 'none'}")


if __name__ == "__main__":
    main()
