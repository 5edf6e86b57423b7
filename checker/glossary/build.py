"""From the YAML node graph of glossary.yml to the model, every problem collected.

The builder validates as it walks: unknown and duplicate keys, term ids, match modes,
languages, renderings listed twice. It reports each problem at its node's line and column
and goes on, so one run names everything to fix. Scalars are strings (`no:` is Norwegian,
not False): the loader composes nodes without resolving tags.
"""

from __future__ import annotations

import re

from checker.glossary.model import MATCH_MODES, OwnSettings, Rendering, Term
from checker.glossary.problems import Problem, shortened, shown
from checker.language import normalise_tag

_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_TERM_KEYS = ("id", "note", "case_sensitive", "match", "exceptions", "renderings")
_LANG_KEYS = ("preferred", "variants", "forbidden")
_RENDERING_KEYS = ("text", "match", "exceptions")


def _pos(node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


class Builder:
    """Walks the YAML nodes, collecting every problem instead of stopping at the first."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.problems: list[Problem] = []

    def error(self, node, message: str) -> None:
        line, col = _pos(node) if node is not None else (1, 1)
        self.problems.append(Problem(self.path, line, col, shortened(message)))

    def mapping(self, node, what: str, allowed: tuple[str, ...]) -> dict | None:
        """Key -> (key node, value node) of a mapping node, reporting duplicates and unknown keys."""
        import yaml

        if not isinstance(node, yaml.MappingNode):
            self.error(node, f"{what} must be a mapping")
            return None
        out: dict = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                self.error(key_node, f"{what}: keys must be plain strings")
                continue
            key = key_node.value
            if key in out:
                self.error(key_node, f"{what}: duplicate key '{shown(key)}' (first at line {_pos(out[key][0])[0]})")
                continue
            if allowed and key not in allowed:
                from checker.names import did_you_mean

                hint = did_you_mean(key, allowed)
                self.error(key_node, f"{what}: unknown key '{shown(key)}' (expected one of: {', '.join(allowed)}){hint}")
                continue
            out[key] = (key_node, value_node)
        return out

    def scalar(self, node, what: str) -> str | None:
        import yaml

        if not isinstance(node, yaml.ScalarNode):
            self.error(node, f"{what} must be a string")
            return None
        return node.value

    def rendering_nodes(self, node, what: str) -> list:
        """The items of a list of renderings; a single string is accepted as a one-item list."""
        import yaml

        if isinstance(node, yaml.ScalarNode):
            return [node]
        if not isinstance(node, yaml.SequenceNode):
            self.error(node, f"{what} must be a list of renderings (strings or {{text: ...}} mappings)")
            return []
        return list(node.value)

    def match_mode(self, node, what: str) -> str | None:
        value = self.scalar(node, f"{what} match")
        if value is None:
            return None
        if value not in MATCH_MODES:
            from checker.names import did_you_mean

            hint = did_you_mean(value, MATCH_MODES)
            self.error(node, f"{what}: unknown match mode '{shown(value)}' (expected one of: {', '.join(MATCH_MODES)}){hint}")
            return None
        return value

    def exception_list(self, node, what: str) -> list[tuple[str, tuple[int, int]]]:
        """(phrase, position) of each item of an `exceptions:` list, spaces collapsed."""
        import yaml

        if not isinstance(node, yaml.SequenceNode):
            self.error(node, f"{what}: exceptions must be a list of phrases")
            return []
        out = []
        for item in node.value:
            if not isinstance(item, yaml.ScalarNode):
                self.error(item, f"{what}: each exception must be a string")
                continue
            clean = " ".join(item.value.split())
            if not clean:
                self.error(item, f"{what}: empty exception")
                continue
            out.append((clean, _pos(item)))
        return out

    def rendering(self, node, where: str, status: str) -> tuple[str, object, str | None, list] | None:
        """(text, node of the text, own match, own exceptions) of a rendering given as a
        string or as a mapping `{text: ..., match: ..., exceptions: [...]}`."""
        import yaml

        if isinstance(node, yaml.ScalarNode):
            return node.value, node, None, []
        if not isinstance(node, yaml.MappingNode):
            self.error(node, f"{where}: a {status} rendering must be a string or a {{text: ...}} mapping")
            return None
        what = f"{where} {status} rendering"
        fields = self.mapping(node, what, _RENDERING_KEYS)
        if fields is None:
            return None
        match, exceptions = None, []
        for key, (_, value_node) in fields.items():  # in file order, so problems are too
            if key == "match":
                match = self.match_mode(value_node, what)
            elif key == "exceptions":
                exceptions = self.exception_list(value_node, what)
        if "text" not in fields:
            self.error(node, f"{what}: missing 'text'")
            return None
        text_node = fields["text"][1]
        text = self.scalar(text_node, f"{what} text")
        if text is None:
            return None
        return text, text_node, match, exceptions

    def build(self, root) -> list[Term]:
        if root is None:
            self.error(None, "glossary is empty (expected 'version: 1' and 'terms:')")
            return []
        top = self.mapping(root, "glossary", ("version", "terms"))
        if top is None:
            return []
        if "version" not in top:
            self.error(root, "glossary: missing 'version: 1'")
        else:
            version = self.scalar(top["version"][1], "version")
            if version is not None and version != "1":
                self.error(top["version"][1], f"unsupported glossary version '{shown(version)}' (this termcheck reads version 1)")
        if "terms" not in top:
            self.error(root, "glossary: missing 'terms'")
            return []
        import yaml

        terms_node = top["terms"][1]
        if not isinstance(terms_node, yaml.SequenceNode):
            self.error(terms_node, "'terms' must be a list of terms")
            return []
        terms: list[Term] = []
        seen: dict[str, int] = {}
        order = 0
        for term_node in terms_node.value:
            term = self.term(term_node, order)
            if term is None:
                continue
            if term.id in seen:
                self.error(term_node, f"duplicate term id '{shown(term.id)}' (first at line {seen[term.id]})")
                continue
            seen[term.id] = term.line
            order += sum(len(v) for v in term.renderings.values())
            terms.append(term)
        return terms

    def term(self, node, order: int) -> Term | None:
        fields = self.mapping(node, "term", _TERM_KEYS)
        if fields is None:
            return None
        line = _pos(node)[0]
        if "id" not in fields:
            self.error(node, "term: missing 'id'")
            return None
        term_id = self.scalar(fields["id"][1], "id")
        if term_id is None:
            return None
        if not _ID.match(term_id):
            self.error(fields["id"][1], f"term id '{shown(term_id)}' must be lowercase letters, digits and '-'")
        note = self.scalar(fields["note"][1], "note") if "note" in fields else None
        case_sensitive = False
        if "case_sensitive" in fields:
            raw = self.scalar(fields["case_sensitive"][1], "case_sensitive")
            if raw is not None:
                if raw.lower() in ("true", "yes", "on"):
                    case_sensitive = True
                elif raw.lower() not in ("false", "no", "off"):
                    self.error(fields["case_sensitive"][1], f"term '{shown(term_id)}': case_sensitive must be true or false")
        match = self.match_mode(fields["match"][1], f"term '{shown(term_id)}'") if "match" in fields else None
        exceptions = (
            self.exception_list(fields["exceptions"][1], f"term '{shown(term_id)}'") if "exceptions" in fields else []
        )
        if "renderings" not in fields:
            self.error(node, f"term '{shown(term_id)}': missing 'renderings'")
            return None
        langs = self.mapping(fields["renderings"][1], f"term '{shown(term_id)}' renderings", ())
        if langs is None:
            return None
        if not langs:
            self.error(fields["renderings"][1], f"term '{shown(term_id)}': no renderings")
        renderings: dict[str, tuple[Rendering, ...]] = {}
        language_lines: dict[str, int] = {}
        phrases = tuple(e for e, _ in exceptions) if exceptions else ()
        inherited = _unique(phrases, case_sensitive) if phrases else ()
        for raw_lang, (lang_node, value_node) in langs.items():
            lang = normalise_tag(raw_lang)
            if lang is None:
                self.error(lang_node, f"term '{shown(term_id)}': '{shown(raw_lang)}' is not a language code")
                continue
            if lang in renderings:
                self.error(lang_node, f"term '{shown(term_id)}': language '{shown(lang)}' given twice")
                continue
            language_lines[lang] = _pos(lang_node)[0]
            items = self.language(term_id, lang, lang_node, value_node, case_sensitive, order, match, inherited)
            order += len(items)
            renderings[lang] = tuple(items)
        return Term(
            id=term_id, renderings=renderings, note=note, case_sensitive=case_sensitive, line=line,
            language_lines=language_lines, match=match, exceptions=phrases,
            exception_positions=tuple(p for _, p in exceptions) if exceptions else (),
        )

    def language(
        self, term_id: str, lang: str, key_node, node, case_sensitive: bool, order: int,
        term_match: str | None = None, inherited: tuple[str, ...] = (),
    ) -> list[Rendering]:
        """The renderings of one language; `inherited` are the term's exceptions, repeats removed."""
        import yaml

        where = f"term '{shown(term_id)}' [{shown(lang)}]"
        entries: list[tuple[object, str]] = []  # (node, status)
        if isinstance(node, yaml.ScalarNode) or (
            # most language mappings start with `preferred:`; only others need a closer look
            isinstance(node, yaml.MappingNode) and node.value and node.value[0][0].value != "preferred"
            and is_rendering_mapping(node)
        ):
            entries.append((node, "preferred"))  # shorthand: the preferred rendering only
        else:
            fields = self.mapping(node, where, _LANG_KEYS)
            if fields is None:
                return []
            if "preferred" not in fields:
                self.error(key_node, f"{where}: missing 'preferred'")
            else:
                entries.append((fields["preferred"][1], "preferred"))
            for key, status in (("variants", "variant"), ("forbidden", "forbidden")):
                if key in fields:
                    for item in self.rendering_nodes(fields[key][1], f"{where} {key}"):
                        entries.append((item, status))
        out: list[Rendering] = []
        seen: dict[str, tuple[str, int]] = {}
        scalar = yaml.ScalarNode
        for entry_node, status in entries:
            if type(entry_node) is scalar:  # a plain string: most renderings of a large glossary
                text, item, own_match, own_exceptions = entry_node.value, entry_node, None, None
            else:
                parsed = self.rendering(entry_node, where, status)
                if parsed is None:
                    continue
                text, item, own_match, own_exceptions = parsed
            clean = " ".join(text.split())
            if not clean:
                self.error(item, f"{where}: empty {status} rendering")
                continue
            key = clean if case_sensitive else clean.casefold()
            if key in seen:
                first_status, first_line = seen[key]
                self.error(
                    item,
                    f"{where}: rendering '{shown(clean)}' listed twice (as {first_status} at line {first_line} and as {status})",
                )
                continue
            line = _pos(item)[0]
            seen[key] = (status, line)
            column = _pos(item)[1]
            if own_match or own_exceptions:
                own = tuple(e for e, _ in own_exceptions or ())
                out.append(Rendering(
                    term_id, lang, clean, status, line, order + len(out), column, text,
                    match=own_match or term_match,
                    exceptions=_unique((*inherited, *own), case_sensitive),
                    own=OwnSettings(own_match, own, tuple(p for _, p in own_exceptions or ())),
                ))
            elif term_match is None and not inherited:
                out.append(Rendering(term_id, lang, clean, status, line, order + len(out), column, text))
            else:
                out.append(Rendering(
                    term_id, lang, clean, status, line, order + len(out), column, text, term_match, inherited
                ))
        return out


def is_rendering_mapping(node) -> bool:
    """A mapping that is one rendering (`{text: ...}`) rather than a language's
    `preferred:`/`variants:`/`forbidden:`: it has a rendering key and no language key."""
    import yaml

    if not isinstance(node, yaml.MappingNode):
        return False
    found = False
    for key, _ in node.value:
        value = key.value if isinstance(key, yaml.ScalarNode) else None
        if value in _LANG_KEYS:
            return False
        found = found or value in _RENDERING_KEYS
    return found


def _unique(phrases: tuple[str, ...], case_sensitive: bool) -> tuple[str, ...]:
    """The phrases without repeats (compared case-insensitively unless case_sensitive), in order."""
    seen: set[str] = set()
    out = []
    for phrase in phrases:
        key = phrase if case_sensitive else phrase.casefold()
        if key not in seen:
            seen.add(key)
            out.append(phrase)
    return tuple(out)
