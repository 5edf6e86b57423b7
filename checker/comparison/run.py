"""`termcheck compare` from top to bottom: versions of one source -> sentences with their terms ->
alignment against the reference (the first document) -> rules -> similarity -> result.
"""

from __future__ import annotations

from collections import Counter
from typing import Sequence

from checker import __version__
from checker.comparison.model import (
    AlignedPair, CompareError, CompareResult, Comparison, Sentence, Similarity, TermRow, Version,
)
from checker.documents import read_document
from checker.documents.model import Document, ReadError
from checker.findings import Finding
from checker.glossary import Glossary
from checker.matching.matcher import Matcher
from checker.perf import gc_paused


#: formats whose paragraphs are wrapped text: a line break inside one is a space
SOFT_BREAKS = frozenset({"markdown", "html", "rst", "asciidoc"})


def load_version(document: Document, matcher: Matcher, glossary: Glossary) -> Version:
    """Split a document into sentences and find the glossary's terms in each."""
    from checker.matching.corpus import UnitMatches
    from checker.comparison.sentences import split_sentences

    lang = glossary.resolve_language(document.language)
    index = matcher.index(lang) if lang else None
    soft = document.format in SOFT_BREAKS
    sentences: list[Sentence] = []
    for i, seg in enumerate(document.segments):
        matches = index.find(seg.masked) if index is not None else []
        unit = UnitMatches(seg, i, tuple(matches))
        k = 0
        for s in split_sentences(seg.text, document.language, soft_breaks=soft):
            occ = []
            while k < len(matches) and matches[k].start < s.end:
                if matches[k].start >= s.start:
                    occ.append(unit.occurrence(matches[k]))
                k += 1
            line, column = seg.position(s.start)
            sentences.append(Sentence(len(sentences), s.text, line, column, tuple(occ), i, s.start))
    return Version(document.path, document.language, tuple(sentences), document.segments)


def similarity(reference: Version, other: Version, pairs: Sequence[AlignedPair]) -> Similarity:
    from sacrebleu.metrics import BLEU, CHRF

    refs = [" ".join(reference.sentences[i].text for i in p.reference) for p in pairs]
    hyps = [" ".join(other.sentences[j].text for j in p.other) for p in pairs]
    chrf, bleu = CHRF(), BLEU()
    chrf_score = chrf.corpus_score(hyps, [refs]).score if pairs else 0.0
    bleu_score = bleu.corpus_score(hyps, [refs]).score if pairs else 0.0
    n_ref = sum(len(p.reference) for p in pairs)
    n_other = sum(len(p.other) for p in pairs)
    return Similarity(
        chrf=round(chrf_score, 2),
        bleu=round(bleu_score, 2),
        aligned_reference=round(n_ref / len(reference.sentences), 4) if reference.sentences else 0.0,
        aligned_other=round(n_other / len(other.sentences), 4) if other.sentences else 0.0,
        chrf_signature=str(chrf.get_signature()),
        bleu_signature=str(bleu.get_signature()),
    )


def compare_versions(reference: Version, other: Version) -> Comparison:
    from checker.comparison.align import align

    raw = align([s.text for s in reference.sentences], [s.text for s in other.sentences])
    pairs = tuple(AlignedPair(p.ref, p.other, round(p.score, 2)) for p in raw if p.ref and p.other)
    return Comparison(reference, other, pairs, similarity(reference, other, pairs))


def term_rows(versions: Sequence[Version]) -> list[TermRow]:
    counts = [v.term_counts() for v in versions]
    languages: dict[str, str] = {}
    for v in versions:
        for s in v.sentences:
            for o in s.occurrences:
                languages.setdefault(o.term_id, o.rendering.language)
    rows = []
    for term_id in sorted(languages):
        per_version = tuple(
            dict(sorted(c.get(term_id, Counter()).items(), key=lambda kv: (-kv[1], kv[0]))) for c in counts
        )
        rows.append(TermRow(term_id, languages[term_id], tuple(v.path for v in versions), per_version))
    return rows


def run_compare(paths: Sequence[str], glossary: Glossary, lang: str | None = None, *,
                source_lang: str | None = None, chain: bool = False) -> CompareResult:
    """Compare every document with the first (with `chain`, each with the one before);
    raise CompareError if they cannot be compared.

    Documents in one language are versions of one text, aligned by chrF; a document in
    another language than the one it is compared with (or all of them, when
    `source_lang` names the first document's language) is a translation, aligned across
    languages and checked term by term (checker.comparison.crosslingual)."""
    from dataclasses import replace

    from checker.checks import COMPARE_RULES
    from checker.language import same_language

    if len(paths) < 2:
        raise CompareError("compare needs at least two documents")
    with gc_paused():
        documents = []
        for k, path in enumerate(paths):
            try:
                documents.append(read_document(path, lang=source_lang if k == 0 and source_lang else lang))
            except ReadError as exc:
                raise CompareError(str(exc)) from None
        if source_lang:
            documents[0] = replace(documents[0], language=source_lang, language_source="option")
        for d in documents:
            if d.language is None:
                raise CompareError(f"{d.path}: its language is unknown; set --lang (or --source-lang for the first)")
        matcher = Matcher(glossary)
        versions = [load_version(d, matcher, glossary) for d in documents]
        classifier = None
        comparisons = []
        findings: list[Finding] = []
        for k, version in enumerate(versions[1:], 1):
            reference = versions[k - 1] if chain else versions[0]
            if same_language(version.language, reference.language) and not (source_lang and reference is versions[0]):
                comparison = compare_versions(reference, version)
                for rule in COMPARE_RULES:
                    findings.extend(rule.check(comparison))
            else:
                from checker.comparison.crosslingual import Classifier, compare_across, crosslingual_findings

                classifier = classifier or Classifier(matcher)
                comparison = compare_across(reference, version, classifier)
                findings.extend(crosslingual_findings(comparison, glossary))
            comparisons.append(comparison)
        traced = ()
        if chain and comparisons and comparisons[0].crosslingual:
            from checker.comparison.crosslingual import chains

            traced = tuple(chains(comparisons, classifier))
        aligner = "crosslingual" if any(c.crosslingual for c in comparisons) else "chrf"
    return CompareResult(
        versions=tuple(versions),
        comparisons=tuple(comparisons),
        terms=tuple(term_rows(versions)),
        findings=tuple(sorted(set(findings), key=Finding.sort_key)),
        signature=f"termcheck:{__version__}|glossary:sha256:{glossary.sha256[:12] or 'none'}|align:{aligner}",
        chains=traced,
    )
