"""The rules, one per module, each with a stable id used in reports and suppressions."""

from __future__ import annotations

from checker.checks.base import CorpusRule, DocumentRule, Rule
from checker.checks.forbidden import ForbiddenRendering
from checker.checks.inconsistent import InconsistentRendering
from checker.checks.missing import MissingRendering
from checker.checks.read_error import ReadErrorRule
from checker.checks.variant import VariantRendering
from checker.checks.wrong_language import WrongLanguage

DOCUMENT_RULES: tuple[DocumentRule, ...] = (
    ForbiddenRendering(),
    VariantRendering(),
    MissingRendering(),
    WrongLanguage(),
)
CORPUS_RULES: tuple[CorpusRule, ...] = (InconsistentRendering(),)
READ_ERROR = ReadErrorRule()

ALL_RULES: dict[str, Rule] = {
    r.id: r for r in sorted((*DOCUMENT_RULES, *CORPUS_RULES, READ_ERROR), key=lambda r: r.id)
}
