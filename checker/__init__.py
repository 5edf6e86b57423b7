"""termcheck: check that translations render a glossary's key terms consistently.

Importing this package is cheap on purpose: heavy libraries (sacrebleu, langdetect,
polib, PyYAML) are imported where they are used, so a pre-commit hook starts fast.
"""

__version__ = "0.1.0"
