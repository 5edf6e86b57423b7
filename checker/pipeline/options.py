"""The options of a check: what to read, which rules, how strictly (one value for every file)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable

from checker import __version__
from checker.documents.encoding import DEFAULT_MAX_FILE_SIZE
from checker.glossary import Glossary

if TYPE_CHECKING:
    from checker.project.config import Config


@dataclass(frozen=True)
class CheckOptions:
    lang: str | None = None  # language of documents whose file and path do not say
    source_lang: str = "en"  # language of bilingual sources when the file does not say
    include_fuzzy: bool = False
    stem: bool = True
    disable: frozenset[str] = frozenset()  # rule ids not to report
    severity: dict[str, str] = field(default_factory=dict)  # rule id -> severity override
    languages: tuple[str, ...] = ()  # check only documents in these languages (all if empty)
    select: Callable[[str], bool] | None = None  # include/exclude patterns of the configuration
    discover: bool = False  # look for unlisted renderings (unlisted-rendering)
    threshold: float = 45.0  # chrF a discovered span needs
    suppressions: bool = True  # honour `termcheck: ignore` markers
    max_file_size: int | None = DEFAULT_MAX_FILE_SIZE  # bytes; a larger file is a read-error

    def signature(self, glossary: Glossary) -> str:
        return "|".join(
            (
                f"termcheck:{__version__}",
                f"glossary:sha256:{glossary.sha256[:12] or 'none'}",
                f"stem:{'yes' if self.stem else 'no'}",
                f"fuzzy:{'yes' if self.include_fuzzy else 'no'}",
                f"lang:{self.lang or 'auto'}",
                f"srclang:{self.source_lang}",
                f"discover:{self.threshold:g}" if self.discover else "discover:no",
            )
        )

    @classmethod
    def from_config(cls, config: "Config", **given: Any) -> "CheckOptions":
        """The options a check runs with: `given` (command-line values; None: not given)
        over the configuration's, over the defaults. The command line and the language
        server build them the same way."""
        def pick(name: str, configured: Any, default: Any) -> Any:
            value = given.get(name)
            if value is not None:
                return value
            return configured if configured is not None else default

        return cls(
            lang=pick("lang", config.lang, None),
            source_lang=pick("source_lang", config.source_lang, "en"),
            include_fuzzy=bool(pick("include_fuzzy", config.include_fuzzy, False)),
            stem=bool(pick("stem", None, True)),
            disable=config.disable,
            severity=config.severity,
            languages=config.languages,
            select=config.selects if (config.include or config.exclude) else None,
            discover=bool(pick("discover", config.discover, False)),
            threshold=pick("threshold", config.threshold, 45.0),
            suppressions=bool(pick("suppressions", None, True)),
            max_file_size=given.get("max_file_size") or config.max_file_size or DEFAULT_MAX_FILE_SIZE,
        )
