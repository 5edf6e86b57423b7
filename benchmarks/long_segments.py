"""Time on long segments with many occurrences: must grow linearly (issue 13).

    python benchmarks/long_segments.py        # one-paragraph files of 250 KB, 500 KB, 1 MB

Each file is "Kiev " repeated (every word a forbidden rendering, one paragraph); the
check runs in this process, one job, no cache. Prints CPU seconds and the ratio to the
250 KB file: about 2 and 4 when positions cost O(log n), 4 and 16 when they are
quadratic.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> int:
    from checker.glossary import load_glossary
    from checker.pipeline import CheckOptions, run_check

    glossary = load_glossary(str(ROOT / "glossary.yml"))
    with tempfile.TemporaryDirectory() as tmp:
        base = None
        for kb in (250, 500, 1000):
            path = Path(tmp) / "en" / f"{kb}.txt"
            path.parent.mkdir(exist_ok=True)
            path.write_text("Kiev " * (kb * 200), encoding="utf-8")
            start = time.process_time()
            result = run_check([str(path)], glossary, CheckOptions())
            spent = time.process_time() - start
            base = base or spent
            print(f"{kb:>5} KB: {spent:6.2f} s CPU, {len(result.findings):>7} findings, {spent / base:5.2f}x the 250 KB file")
    return 0


if __name__ == "__main__":
    sys.exit(main())
