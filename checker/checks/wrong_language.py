from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable

from checker.checks.base import DocumentRule
from checker.matching.corpus import DocumentMatches
from checker.documents.model import Segment
from checker.findings import Finding
from checker.glossary import Glossary
from checker.language import CONFIRM_SAMPLE, detect, detectable, reads_as, same_language

# Below this probability langdetect's answer is not trusted enough to report.
MIN_PROBABILITY = 0.9
# A document's sample with fewer different words is not judged ("He went to Kiev." two
# hundred times reads as Dutch, p=1.0, at 1,000 characters).
MIN_DISTINCT_WORDS = 10


class WrongLanguage(DocumentRule):
    """A document, or a bilingual unit's target, is not in the language it should be in.

    ## What it does
    When the expected language is known (PO `Language` header, XLIFF target
    language, the path, or `--lang`), detects the language of a monolingual
    document's text (its first 1,000 characters), or of a bilingual target, with
    langdetect (seeded), and reports a clear mismatch. Placeables (format codes,
    markup, URLs) are masked first. A document whose sample is plainly in the
    expected language by its function words (a fifth of its words, three times any
    other weighed language's share) is confirmed without langdetect. Texts with fewer
    than 40 letters left, documents whose sample holds fewer than 10 different words,
    or detections less than 90% sure are skipped: short or
    repetitive text makes guesses. Languages langdetect has no model for
    (Icelandic, Esperanto, Kazakh, ...) are never judged: the report lists such
    documents as not verified. Macro-languages and scripts count as one language
    (Norwegian 'no' is 'nb' and 'nn'; 'zh-CN' is 'zh-Hans'). A bilingual
    target is examined only when at least two thirds of its words also occur in its
    source (an untranslated or half-translated unit): a real translation shares few
    words with its source, and sparing it keeps a pre-commit run on a PO file free of
    language detection's start-up cost. A target is reported only when it is in the
    source's language: langdetect confuses close relatives (Swedish and Norwegian) far
    more often than a catalog holds a third language.

    ## Why is this bad?
    An untranslated or pasted-in passage: glossary checks of the expected
    language will silently find nothing in it.

    ## Example
    In `locale/de/LC_MESSAGES/app.po`:

        msgid "The principle of indivisible security is fundamental."
        msgstr "The principle of indivisible security is fundamental."

    Use instead:

        msgstr "Das Prinzip der unteilbaren Sicherheit ist grundlegend."
    """

    id = "wrong-language"
    severity = "warning"
    summary = "text is in another language than expected"

    def check(self, doc: DocumentMatches, glossary: Glossary) -> Iterable[Finding]:
        document = doc.document
        expected = document.language
        if expected is None or document.language_source in ("detected", "unknown"):
            return
        if not detectable(expected):
            return  # listed as not verified in the report (DocumentSummary.verifiable)
        if document.bilingual:
            source_language = document.source_language or doc.source_language
            for unit in doc.units:
                seg = unit.segment
                target = seg.masked
                if not _repeats_source(target, seg.masked_source):
                    continue
                # The question is only whether the target is in the source's language: it is
                # weighed against that language and the common ones, one small detector for
                # every target language of a catalog run (loading all 55 profiles cost more
                # than Django's 969 detections together; same answers on its 3,354 targets).
                weigh = (source_language,) if source_language is not None else None
                finding = self._check_text(target, expected, seg, "target", seg.text, source_language, weigh)
                if finding:
                    yield finding
        elif document.segments:
            first = document.segments[0]
            texts, size = [], 0
            for seg in document.segments:  # the opening CONFIRM_SAMPLE characters suffice
                texts.append(seg.text)
                size += len(seg.text) + 2
                if size >= CONFIRM_SAMPLE:
                    break
            sample = "\n\n".join(texts)[:CONFIRM_SAMPLE]
            if len(set(_WORD.findall(sample.casefold()))) < MIN_DISTINCT_WORDS:
                return  # a line repeated, a list of names: repetition is no evidence of a language
            among = (expected, *glossary.languages)
            if reads_as(sample, expected, among):
                return  # plainly the expected language by its function words: langdetect would agree
            finding = self._check_text(sample, expected, first, "document", among=among)
            if finding:
                yield finding

    def _check_text(
        self, text: str, expected: str, where: Segment, what: str,
        shown: str | None = None, source_language: str | None = None, among: tuple | None = None,
    ) -> Finding | None:
        # `where`'s position is read only for a finding: a PO segment works it out on demand.
        # `among`: the languages weighed besides the most common ones (None: all 55
        # langdetect knows); a dozen profiles load in a fraction of the time a pre-commit
        # hook can spare.
        detected = detect(text, among=among)
        if detected is None:
            return None
        lang, prob = detected
        if prob < MIN_PROBABILITY or same_language(lang, expected):
            return None
        if source_language is not None and not same_language(lang, source_language):
            # A target that shares its words with the source and is not in the source's
            # language is a translation langdetect confuses (Swedish read as Norwegian,
            # Japanese with file names read as Catalan), not an untranslated unit.
            return None
        return self.finding(
            where.path, where.line, where.column,
            f"{what} looks like '{lang}' (p={prob:.2f}), expected '{expected}'",
            None, (shown if shown is not None else text)[:60],
        )


_WORD = re.compile(r"[^\W\d_]{2,}")


def _repeats_source(target: str, source: str) -> bool:
    """At least two thirds of the target's words are words of the source (case-insensitive).

    A translation that keeps a few names or technical words ("Geometry-basefeltet -
    tilordnes til OpenGIS Specification Geometry-typen") shares half its words at most.
    """
    words = _WORD.findall(target.casefold())
    if not words:
        return False
    source_words = _words_of(source)
    return sum(map(source_words.__contains__, words)) * 3 >= len(words) * 2


@lru_cache(maxsize=65536)
def _words_of(source: str) -> frozenset[str]:
    # A msgid recurs in every language's catalog: its words are collected once.
    return frozenset(_WORD.findall(source.casefold()))
