"""Strings written as YAML scalars that any reader reads back as the same string.

termcheck reads every scalar as a string, but YAML 1.1 readers (PyYAML's default) take
`no`, `yes`, `on`, `1.0` for booleans and numbers: such text is quoted, by the editor
here (`scalar`) and by dump_glossary through ruamel.yaml.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache


def scalar(text: str, flow: bool) -> str:
    """`text` as a YAML scalar: plain when that reads back as the same string, else double-quoted."""
    if _PLAIN.match(text) and ": " not in text and " #" not in text and not text.endswith(":"):
        if not (flow and _FLOW_INDICATORS.search(text)) and not resolves_to_non_string(text):
            return text
    # JSON strings are YAML double-quoted scalars
    return json.dumps(text, ensure_ascii=False)


# A plain scalar may not start with an indicator, hold control characters or line breaks,
# or end in a space.
_PLAIN = re.compile(
    r"^[^\s\-?:,\[\]{}#&*!|>'\"%@`\x00-\x1f\x7f\ufeff]"
    r"[^\x00-\x1f\x7f\u0085\u2028\u2029\ufeff]*(?<!\s)$"
)
_FLOW_INDICATORS = re.compile(r"[,\[\]{}]")


def resolves_to_non_string(value: str) -> bool:
    """Whether a YAML 1.1 reader takes the plain scalar `value` for something other than a string."""
    import yaml

    return _resolver().resolve(yaml.ScalarNode, value, (True, False)) != "tag:yaml.org,2002:str"


@lru_cache(maxsize=1)
def _resolver():
    """PyYAML's YAML 1.1 resolver: what a reader other than termcheck makes of a plain scalar."""
    import yaml

    return yaml.resolver.Resolver()
