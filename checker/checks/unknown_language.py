from __future__ import annotations

from typing import Iterable

from checker.checks.base import DocumentRule
from checker.matching.corpus import DocumentMatches
from checker.findings import Finding
from checker.glossary import Glossary


class UnknownLanguage(DocumentRule):
    """The language of a file cannot be settled, or the file declares one that is no language tag.

    ## What it does
    A file's language comes from its header (PO `Language`, XLIFF target language),
    `--lang`, its path (`de/`, `guide.de.md`, `de.po`) or detection on its text. When
    none of them gives one (no header, no language in the path, too little text to
    detect), no term can be looked for in it: this rule says so instead of skipping the
    file in silence. It also reports a header that names no language (`Language:
    Deutsch`), saying which language was used instead.

    ## Why is this bad?
    A forbidden rendering in that file is never reported.

    ## Example
    `messages.po` with no `Language` header and a few short entries:

        messages.po:1:1: warning unknown-language language unknown (no Language header, no
        language in the path, too little text to detect); its terms were not checked

    Use instead: add `"Language: de\\n"` to the header, or run with `--lang de`.
    """

    id = "unknown-language"
    severity = "warning"
    summary = "a file's language cannot be settled, so its terms are not checked"

    def check(self, doc: DocumentMatches, glossary: Glossary) -> Iterable[Finding]:
        document = doc.document
        if document.language_problem is not None:
            line, message = document.language_problem
            if document.language is None:
                message += "; language unknown, its terms were not checked"
            else:
                message += f"; used '{document.language}' from the {_SOURCES.get(document.language_source, document.language_source)}"
            yield self.finding(document.path, line, 1, message)
        elif document.language is None:
            what = "header" if document.bilingual else "declared language"
            yield self.finding(
                document.path, 1, 1,
                f"language unknown (no {what}, no language in the path, too little text to detect); "
                "its terms were not checked: give --lang or declare the language",
            )


_SOURCES = {"option": "--lang option", "path": "path", "detected": "text (detected)", "glossary": "glossary"}
