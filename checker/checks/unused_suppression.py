from __future__ import annotations

from checker.checks.base import Rule


class UnusedSuppression(Rule):
    """A `termcheck: ignore` marker that silences nothing, or cannot be understood.

    ## What it does
    After the check, reports every suppression marker that covered no finding it
    names, each entry of a list that was not needed, unknown rule ids (with the
    closest known one), rules that cannot be suppressed (`read-error`) and
    malformed markers (`ignore[` without `]`, empty brackets). Findings of this
    rule are produced from the markers and are never suppressed themselves.

    ## Why is this bad?
    A stale marker hides nothing today but will silently hide the next real
    problem on that line; a misspelt rule id suppresses nothing while looking
    as if it did.

    ## Example
    The glossary prefers "Sergey Lavrov"; the line already says so:

        <!-- termcheck: ignore[variant-rendering:sergey-lavrov] -->
        Sergey Lavrov wrote to his counterparts.

        notes.md:1:6: info unused-suppression suppression
        'termcheck: ignore[variant-rendering:sergey-lavrov]' suppresses nothing

    Remove the marker (or the entries of its list that the report names).
    """

    id = "unused-suppression"
    severity = "info"
    summary = "a suppression marker suppresses nothing, or names an unknown rule"
