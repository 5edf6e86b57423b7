"""`termcheck glossary suggest`: the unlisted renderings a corpus really uses, ranked per term.

Discovery (checker/matching/discovery.py) runs over every document; spans are grouped per term,
language and normalised text, and each group keeps its count, its documents, its best
chrF against the closest rendering and two context snippets.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Sequence

from checker.matching.corpus import context_of, match_document
from checker.matching.discovery import DEFAULT_THRESHOLD
from checker.documents import iter_documents
from checker.documents.model import ReadError
from checker.glossary import Glossary
from checker.matching.matcher import Matcher
from checker.matching.normalise import normalise_word
from checker.perf import gc_paused
from checker.pipeline import discoverers_for

CONTEXT = 40  # characters of context on each side of a snippet


@dataclass
class Suggestion:
    term_id: str
    language: str
    text: str  # the most frequent spelling
    closest: str
    score: float
    count: int = 0
    documents: Counter = field(default_factory=Counter)
    contexts: list[str] = field(default_factory=list)  # "path:line:col: …context…"
    spellings: Counter = field(default_factory=Counter)


def suggest(
    paths: Sequence[str],
    glossary: Glossary,
    *,
    lang: str | None = None,
    threshold: float = DEFAULT_THRESHOLD,
    matcher: Matcher | None = None,
) -> tuple[list[Suggestion], list[ReadError]]:
    """Ranked suggestions (by term, then count, then score) and the files that could not be read."""
    matcher = matcher or Matcher(glossary)
    discoverer = discoverers_for(matcher, threshold)

    groups: dict[tuple[str, str, str], Suggestion] = {}
    errors: list[ReadError] = []
    with gc_paused():
        for item in iter_documents(paths, lang=lang):
            if isinstance(item, ReadError):
                errors.append(item)
                continue
            doc = match_document(item, matcher, glossary, discoverers=discoverer)
            for unit, d in doc.discoveries:
                seg = unit.segment
                span = seg.text[d.start : d.end]
                key = (d.term_id, d.closest.language, " ".join(normalise_word(w) for w in span.split()))
                s = groups.get(key)
                if s is None:
                    s = groups[key] = Suggestion(d.term_id, d.closest.language, span, d.closest.text, d.score)
                s.count += 1
                s.documents[seg.path] += 1
                s.spellings[span] += 1
                if d.score > s.score:
                    s.score, s.closest = d.score, d.closest.text
                if len(s.contexts) < 2:
                    line, column = seg.position(d.start)
                    s.contexts.append(f"{seg.path}:{line}:{column}: {_snippet(seg.text, d.start, d.end)}")
    out = []
    for s in groups.values():
        s.text = min(s.spellings, key=lambda t: (-s.spellings[t], t))
        out.append(s)
    out.sort(key=lambda s: (s.term_id, s.language, -s.count, -s.score, s.text))
    return out, errors


def unknown_term_errors(glossary: Glossary, term_ids: Sequence[str]) -> list[str]:
    """One message per id in `term_ids` that names no term of `glossary`, with the closest id."""
    from checker.glossary import shown
    from checker.names import did_you_mean

    return [
        f"no term '{shown(t)}' in {glossary.path}{did_you_mean(t, glossary.by_id)}"
        for t in dict.fromkeys(term_ids)  # each once, in the order given
        if t not in glossary.by_id
    ]


def _snippet(text: str, start: int, end: int) -> str:
    before, after = (part.strip() for part in context_of(text, start, end, CONTEXT))
    lead = "\u2026" if start > CONTEXT else ""
    tail = "\u2026" if end + CONTEXT < len(text) else ""
    return f"{lead}{before} [{' '.join(text[start:end].split())}] {after}{tail}".strip()
