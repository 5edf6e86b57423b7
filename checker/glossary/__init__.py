"""The glossary: key terms and their renderings per language, loaded from `glossary.yml`.

Format (version 1)::

    version: 1
    terms:
      - id: indivisible-security
        note: OSCE principle, Istanbul 1999
        case_sensitive: false
        renderings:
          en:
            preferred: indivisible security
            variants: [indivisibility of security]
            forbidden: [undivided security]
          de: unteilbare Sicherheit          # shorthand: preferred only
      - id: kyiv
        match: exact                         # lemma | stem | exact (default: the language's)
        exceptions: [Kievan Rus]             # phrases inside which renderings do not count
        renderings:
          en:
            preferred: Kyiv
            forbidden:
              - text: Kiev                   # a rendering may be a mapping with its own
                exceptions: [Chicken Kiev]   # match and exceptions

This module is the package's public face. The parts: model.py (the dataclasses), load.py
(reading the file, composing its YAML), build.py (validating the nodes into the model),
problems.py (the errors, and how messages echo the file). Writing: data.py (the glossary as
plain data), dump.py (a new glossary.yml), edit.py and editor.py (additions spliced into an
existing one), yaml_nodes.py and yaml_scalars.py (what both need of YAML). The TBX and CSV
modules exchange it; lint.py, stats.py and suggest.py look at it.
"""

from checker.glossary.load import load_glossary, parse_glossary
from checker.glossary.model import MATCH_MODES, STATUSES, Glossary, OwnSettings, Rendering, Term
from checker.glossary.problems import (
    SHOWN_CHARS,
    GlossaryEditError,
    GlossaryError,
    GlossaryIOError,
    Problem,
    shown,
)

__all__ = [
    "MATCH_MODES",
    "SHOWN_CHARS",
    "STATUSES",
    "Glossary",
    "GlossaryEditError",
    "GlossaryError",
    "GlossaryIOError",
    "OwnSettings",
    "Problem",
    "Rendering",
    "Term",
    "load_glossary",
    "parse_glossary",
    "shown",
]
