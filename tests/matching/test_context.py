"""A reported occurrence's context: whitespace runs collapse to one space, whatever they hold."""

from __future__ import annotations

import random
import re
import sys

from checker.matching.corpus import context_of

SPACES = [chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace()]


def test_every_kind_of_whitespace_run_becomes_one_space() -> None:
    text = "before" + "".join(SPACES) + "term" + " \u00a0\n\t" + "after"
    start = text.index("term")
    assert context_of(text, start, start + 4) == ("before ", " after")


def test_context_is_the_text_with_whitespace_runs_collapsed() -> None:
    rng = random.Random(0)
    alphabet = SPACES + list("ab .,") + ["\u00ad", "\x00", "\u200b", "é"]
    for _ in range(2000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
        start = rng.randint(0, len(text))
        end = rng.randint(start, len(text))
        before = re.sub(r"\s+", " ", text[max(0, start - 10) : start])
        after = re.sub(r"\s+", " ", text[end : end + 10])
        assert context_of(text, start, end, width=10) == (before, after)
