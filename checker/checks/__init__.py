"""The rules, one per module, each with a stable id used in reports and suppressions."""

from __future__ import annotations

from checker.checks.base import CompareRule, CorpusRule, DocumentRule, Rule
from checker.checks.divergent import DivergentRendering
from checker.checks.forbidden import ForbiddenRendering
from checker.checks.inconsistent import InconsistentRendering
from checker.checks.missing import MissingRendering
from checker.checks.omitted import TermOmitted
from checker.checks.read_error import ReadErrorRule
from checker.checks.unknown_language import UnknownLanguage
from checker.checks.unlisted import UnlistedRendering
from checker.checks.unused_suppression import UnusedSuppression
from checker.checks.variant import VariantRendering
from checker.checks.wrong_language import WrongLanguage

DOCUMENT_RULES: tuple[DocumentRule, ...] = (
    ForbiddenRendering(),
    VariantRendering(),
    MissingRendering(),
    WrongLanguage(),
    UnknownLanguage(),
    UnlistedRendering(),
)
CORPUS_RULES: tuple[CorpusRule, ...] = (InconsistentRendering(),)
COMPARE_RULES: tuple[CompareRule, ...] = (DivergentRendering(), TermOmitted())
READ_ERROR = ReadErrorRule()
UNUSED_SUPPRESSION = UnusedSuppression()

ALL_RULES: dict[str, Rule] = {
    r.id: r for r in sorted((*DOCUMENT_RULES, *CORPUS_RULES, *COMPARE_RULES, READ_ERROR, UNUSED_SUPPRESSION), key=lambda r: r.id)
}
