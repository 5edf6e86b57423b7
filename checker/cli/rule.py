"""`termcheck rule`: list the rules, or explain one with its example."""

from __future__ import annotations

import click


@click.command()
@click.argument("rule_id", required=False)
def rule(rule_id: str | None) -> None:
    """Explain RULE_ID (or list every rule with its default severity)."""
    import inspect

    from checker.checks import ALL_RULES

    if rule_id is None:
        for r in ALL_RULES.values():
            click.echo(f"{r.id:<24} {r.severity:<8} {r.summary}")
        return
    r = ALL_RULES.get(rule_id)
    if r is None:
        from checker.names import did_you_mean

        hint = did_you_mean(rule_id, ALL_RULES) or " (try 'termcheck rule')"
        raise click.BadParameter(f"no rule '{rule_id}'{hint}", param_hint="RULE_ID")
    click.echo(f"{r.id} ({r.severity})\n")
    click.echo(inspect.getdoc(r))
