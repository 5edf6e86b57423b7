"""`termcheck check` from top to bottom: glossary -> documents -> matches -> rules -> scores.

`run_check` lists the files, hands them to a map step (in this process, or the engine
the caller chose: processes, a Dask cluster) and reduces what comes back, in the files'
order, so the result is the same wherever the files were checked.
"""

from __future__ import annotations

from itertools import chain
from typing import Callable, Iterable, Sequence

from checker.checks import READ_ERROR
from checker.documents import iter_paths, links_out_of_tree
from checker.glossary import Glossary
from checker.matching.matcher import Matcher
from checker.perf import gc_paused
from checker.pipeline.map_step import DocumentChecker, DocumentOutcome, discoverers_for
from checker.pipeline.options import CheckOptions
from checker.pipeline.reduce import configure, reduce_outcomes
from checker.result import CheckResult

__all__ = ["CheckOptions", "DocumentChecker", "DocumentOutcome", "MapStep", "configure", "discoverers_for",
           "reduce_outcomes", "run_check"]

#: files, compiled glossary, options -> their outcomes in the files' order (see checker/engines/)
MapStep = Callable[[Sequence[str], Matcher, CheckOptions], Iterable[DocumentOutcome]]


def run_check(
    paths: Sequence[str],
    glossary: Glossary,
    options: CheckOptions = CheckOptions(),
    matcher: Matcher | None = None,
    map_step: MapStep | None = None,
) -> CheckResult:
    """Check `paths` against `glossary` (with `matcher`, its compiled form, if already built);
    `map_step` checks the files (default: one by one in this process, see `checker.engines.choose`)."""
    matcher = matcher or Matcher(glossary, stem=options.stem)
    with gc_paused():
        files = [p for p in iter_paths(paths) if options.select is None or options.select(p)]
        refused = links_out_of_tree(files, paths)
        if refused:
            files = [p for p in files if p not in refused]
        if map_step is None:
            outcomes: Iterable[DocumentOutcome] = map(DocumentChecker(matcher, options), files)
        else:
            outcomes = map_step(files, matcher, options)
        if refused:
            outcomes = chain(outcomes, (DocumentOutcome(p, None, (READ_ERROR.finding(p, 1, 1, why),))
                                        for p, why in sorted(refused.items())))
        return reduce_outcomes(outcomes, glossary, options)
