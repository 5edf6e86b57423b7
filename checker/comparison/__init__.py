"""Versions of one source compared: sentences, alignment, terms (`termcheck compare`).

The data (model.py) is imported from here; running a comparison (run.py) imports the
rules, so it is imported only when a comparison runs: the rules' types refer to this
package, and the package must not refer back to them.
"""

from __future__ import annotations

from typing import Sequence

from checker.comparison.model import (  # noqa: F401 (the package's API)
    AlignedPair, CompareError, CompareResult, Comparison, Sentence, Similarity, TermRow, Version,
)


def run_compare(paths: Sequence[str], glossary, lang: str | None = None, *,  # noqa: ANN001
                source_lang: str | None = None, chain: bool = False) -> CompareResult:
    """Compare every document with the first (see checker.comparison.run.run_compare)."""
    from checker.comparison.run import run_compare as run

    return run(paths, glossary, lang, source_lang=source_lang, chain=chain)
