"""Inline suppressions applied: the findings that markers silence, and the markers' own problems.

A finding is silenced by a marker of its file whose lines include the finding's line
and that names its rule (and term, if it names one) or is bare. `read-error` findings
are never suppressed: nothing in that file was checked. A suppression that suppresses
nothing, names an unknown rule or is malformed becomes an `unused-suppression` finding
(info) at the marker, like ruff's RUF100.

The marker's syntax is checker.project.suppressions.markers'; where markers count in
each format, checker.project.suppressions.scan's.
"""

from __future__ import annotations

import difflib
from collections import defaultdict
from typing import TYPE_CHECKING, Collection, Sequence

from checker.findings import Finding
from checker.project.suppressions.markers import Item, Suppression

if TYPE_CHECKING:
    from checker.checks.unused_suppression import UnusedSuppression

#: Rules no marker can silence: a file that was not read, and the report on markers themselves.
UNSUPPRESSIBLE = frozenset({"read-error", "unused-suppression"})

_EVERY_RULE: Item = ("*", None)  # what a bare `ignore` uses


def apply_suppressions(
    findings: Sequence[Finding], suppressions: Sequence[Suppression], known_rules: Collection[str] | None = None
) -> tuple[list[Finding], list[Finding]]:
    """(findings no suppression covers, unused-suppression findings).

    A finding is suppressed by every suppression of its path whose lines include the
    finding's line and that names its rule (and term, if it names one) or is bare.
    `known_rules` defaults to the ids of `checker.checks.ALL_RULES`.
    """
    if known_rules is None:
        from checker.checks import ALL_RULES  # imported late: the rules pull in the matcher

        known_rules = ALL_RULES
    known = frozenset(known_rules) - UNSUPPRESSIBLE
    # (path, line) -> indices of the suppressions covering that line
    covering: dict[tuple[str, int], list[int]] = defaultdict(list)
    for i, s in enumerate(suppressions):
        for line in range(s.first_line, s.last_line + 1):
            covering[s.path, line].append(i)
    used: dict[int, set[Item]] = defaultdict(set)
    kept: list[Finding] = []
    for f in findings:
        suppressed = False
        if f.rule not in UNSUPPRESSIBLE:
            for i in covering.get((f.path, f.line), ()):
                hits = _hits(suppressions[i], f, known)
                if hits:
                    used[i] |= hits  # every matching suppression counts as used, not just the first
                    suppressed = True
        if not suppressed:
            kept.append(f)
    from checker.checks.unused_suppression import UnusedSuppression

    rule = UnusedSuppression()
    unused = [u for i, s in enumerate(suppressions) for u in _unused(rule, s, used[i], known)]
    return kept, sorted(unused, key=Finding.sort_key)


def _hits(s: Suppression, f: Finding, known: frozenset[str]) -> set[Item]:
    if s.error:
        return set()
    if s.rules is None:
        return {_EVERY_RULE}
    return {
        (rule, term)
        for rule, term in s.rules
        if rule == f.rule and rule in known and (term is None or term == f.term)
    }


def _unused(rule: UnusedSuppression, s: Suppression, used: set[Item], known: frozenset[str]) -> list[Finding]:
    """What is wrong with `s` after the findings were applied: each problem one finding."""

    def report(message: str) -> Finding:
        return rule.finding(s.path, s.line, s.column, message, None, s.text)

    if s.error:
        return [report(f"malformed suppression '{s.text}': {s.error}")]
    if s.rules is None:
        return [] if used else [report(f"suppression '{s.text}' suppresses nothing")]
    out: list[Finding] = []
    valid: list[Item] = []
    for item in sorted(s.rules, key=lambda i: (i[0], i[1] or "")):
        name = item[0]
        if name in UNSUPPRESSIBLE:
            out.append(report(f"rule '{name}' cannot be suppressed (in '{s.text}')"))
        elif name not in known:
            close = difflib.get_close_matches(name, sorted(known), n=1)
            hint = f"; did you mean '{close[0]}'?" if close else ""
            out.append(report(f"unknown rule '{name}' in suppression '{s.text}'{hint}"))
        else:
            valid.append(item)
    idle = [item for item in valid if item not in used]
    if valid and len(idle) == len(valid):
        out.append(report(f"suppression '{s.text}' suppresses nothing"))
    else:
        # Part of a list is used: name exactly the entries that can go, as ruff does.
        out.extend(report(f"'{_item_text(item)}' in suppression '{s.text}' suppresses nothing") for item in idle)
    return out


def _item_text(item: Item) -> str:
    rule, term = item
    return rule if term is None else f"{rule}:{term}"
