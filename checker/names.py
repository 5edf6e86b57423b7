"""'Did you mean': the known name closest to a misspelt one, for error messages."""

from __future__ import annotations

from collections.abc import Iterable


def did_you_mean(name: object, known: Iterable[str]) -> str:
    """`; did you mean 'x'?` for the name in `known` closest to `name`, or "" when none is close.

    difflib's ratio with its default cutoff (0.6): close enough for a typo or a cut-off
    word (`prefered`, `wrong-lang`), not for an unrelated name.
    """
    import difflib

    if not isinstance(name, str):  # a value of the wrong type (a number for a level): no guess
        return ""
    candidates = sorted(set(known))  # sorted: the same hint on every run, whatever the order given
    close = difflib.get_close_matches(name, candidates, n=1)
    if not close:  # case is rarely what is meant: `Exact` for `exact`
        folded = {c.casefold(): c for c in reversed(candidates)}
        close = [folded[c] for c in difflib.get_close_matches(name.casefold(), sorted(folded), n=1)]
    return f"; did you mean '{close[0]}'?" if close else ""


def new_term_id(text: str, taken: set[str]) -> str:
    """An id for a new term named `text`, unique among `taken` (which gains it):
    "Email address" -> "email-address", then "email-address-2"."""
    import re

    slug = re.sub(r"[^\w]+", "-", text.casefold()).strip("-") or "term"
    candidate, n = slug, 2
    while candidate in taken:
        candidate, n = f"{slug}-{n}", n + 1
    taken.add(candidate)
    return candidate
