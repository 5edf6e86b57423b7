"""`termcheck check --fix` / `--diff`: replace forbidden renderings by the preferred one.

A fix is made only where it is unambiguous (checker.project.fix.replacement says when)
and no two fixes overlap. Everything else is reported as not fixed.

Files are edited where the reader says the text is, and nowhere else: the fixer works on
the file's own decoded text (BOM and line endings as they are), turns each matched
character's line and column (Segment.position) into an offset in that text, and splices
the replacement in, escaped as the format requires (checker.project.fix.syntax). The
result must read back with exactly the planned texts changed (checker.project.fix.verify),
else the file is left alone.

Planning reads each file's bytes once; applying (checker.project.fix.write) writes only if
the file still has those bytes, atomically. A read-only file, or one outside the paths
checked once symlinks are resolved, is never written (checker.project.fix.targets).
"""

from __future__ import annotations

from typing import Callable, Iterable, Sequence

from checker.documents.encoding import normalise_newlines
from checker.documents.model import Document, ReadError, Segment
from checker.glossary import Glossary
from checker.matching.corpus import DocumentMatches, match_document
from checker.matching.matcher import Matcher
from checker.matching.tokenise import splitter
from checker.project.fix.plan import CHANGED, Edit, FileFix, FixPlan, Skipped
from checker.project.fix.replacement import Candidate, prepare
from checker.project.fix.l10n_syntax import L10N_SYNTAX
from checker.project.fix.syntax import SYNTAX, line_starts
from checker.project.fix.targets import Tree, check_target, file_identity
from checker.project.fix.verify import decode, parse, read_file, verify


def plan_paths(
    paths: Sequence[str],
    matcher: Matcher,
    *,
    lang: str | None = None,
    source_lang: str | None = "en",
    include_fuzzy: bool = False,
) -> FixPlan:
    """Read and match `paths` as `termcheck check` does, and plan their fixes.

    Files that cannot be read are left to the check's `read-error` findings.
    """
    from checker.documents import iter_documents

    matches = (
        match_document(doc, matcher, matcher.glossary, source_lang)
        for doc in iter_documents(paths, lang=lang, include_fuzzy=include_fuzzy, source_lang=source_lang)
        if not isinstance(doc, ReadError)
    )
    return plan_fixes(matches, matcher.glossary, roots=paths)


def plan_fixes(
    documents: Iterable[DocumentMatches],
    glossary: Glossary,
    *,
    honour_suppressions: bool = True,
    roots: Sequence[str] | None = None,
) -> FixPlan:
    """The fixes for the forbidden renderings found in `documents` (the pipeline's matches).

    A forbidden rendering silenced by a `termcheck: ignore` marker is a human decision
    (a quotation, a historical title): it is left alone unless `honour_suppressions` is off.
    `roots` are the paths checked (files or directories): a document whose file, symlinks
    resolved, lies outside them is not fixed; without roots, each document is taken as
    given by itself (its own directory is its tree).
    """
    plan = FixPlan()
    tree = Tree(roots) if roots is not None else None
    for dm in documents:
        if dm.document.path in plan.files:
            continue  # the same file given twice
        _plan_document(dm, glossary, plan, honour_suppressions, tree or Tree([dm.document.path]))
    return plan


def _plan_document(
    dm: DocumentMatches, glossary: Glossary, plan: FixPlan, honour_suppressions: bool, tree: Tree
) -> None:
    """Add one document's fixes, or why its forbidden renderings are not fixed, to `plan`."""
    doc = dm.document
    syntax = SYNTAX.get(doc.format) or L10N_SYNTAX.get(doc.format)
    candidates = [
        Candidate(unit.segment, m, unit.segment.text[m.start : m.end], *unit.segment.position(m.start))
        for unit in dm.units
        for m in unit.target
        if m.rendering.status == "forbidden"
    ]
    if not candidates:
        return
    if syntax is None or dm.language is None:
        for c in candidates:
            plan.skipped.append(_skip(doc.path, c, f"{doc.format} files cannot be fixed"))
        return
    path = doc.path
    target, refusal = check_target(path, tree)
    if refusal:
        plan.errors.append(f"{path}: error: {refusal}")
        return
    identity = file_identity(target)
    if identity in plan.targets:
        return  # the same file reached twice (a symlink, a hard link): fixed once, by its other name
    try:
        data = read_file(path)
    except OSError as e:
        plan.errors.append(f"{path}: error: cannot read: {e.strerror or e}; not fixed")
        return
    # The matches were made on the file as the pipeline read it; they hold for these
    # bytes only if the reader gives back the very same segments (texts and places).
    try:
        before = parse(doc, data)
    except ReadError:
        plan.errors.append(f"{path}: error: {CHANGED}")
        return
    if not {c.segment for c in candidates} <= set(before.segments):
        plan.errors.append(f"{path}: error: {CHANGED}")
        return
    decoded = decode(data, doc.encoding)
    if decoded is None:
        plan.errors.append(f"{path}: error: cannot decode and re-encode as {doc.encoding} byte for byte; not fixed")
        return
    bom, codec, text = decoded
    starts = line_starts(text)
    split = splitter(dm.language)
    suppressed = _suppressions(doc, text) if honour_suppressions else _never

    accepted: list[Candidate] = []
    for c in candidates:
        if suppressed(c.line, c.match.rendering.term_id):
            plan.skipped.append(_skip(path, c, "suppressed by a termcheck: ignore marker"))
            continue
        reason = prepare(c, dm.language, glossary, split, syntax, text, starts, codec)
        if reason:
            plan.skipped.append(_skip(path, c, reason))
        else:
            accepted.append(c)
    accepted = _without_overlaps(accepted, path, plan)
    if not accepted:
        return

    pieces = sorted((p for c in accepted for p in c.pieces), reverse=True)
    new_text = text
    for start, end, replacement in pieces:
        new_text = new_text[:start] + replacement + new_text[end:]
    new_data = bom + new_text.encode(codec)
    problem = verify(doc, before, _expected_texts(accepted), new_data, text, new_text)
    if problem:
        plan.errors.append(f"{path}: error: verification failed: {problem}; not fixed")
        return
    edits = tuple(
        Edit(path, c.line, c.column, c.old, c.new, c.match.rendering.term_id)
        for c in sorted(accepted, key=lambda c: (c.line, c.column))
    )
    plan.files[path] = FileFix(path, data, new_data, text, new_text, edits, target)
    plan.targets[identity] = path


def _never(line: int, term_id: str) -> bool:
    return False


def _suppressions(doc: Document, text: str) -> Callable[[int, str], bool]:
    """Whether a forbidden rendering of a term on a line is silenced by a marker.

    Uses checker.project.suppressions.scan when it is there (PO: fuzzy entries' markers too, so a
    fix never overrides a marker the check might have honoured).
    """
    try:
        from checker.project.suppressions.scan import scan_suppressions
    except ImportError:
        return _never
    found = [
        s
        for s in scan_suppressions(doc.path, normalise_newlines(text), doc.format, include_fuzzy=True)
        if not s.error
    ]
    if not found:
        return _never

    def suppressed(line: int, term_id: str) -> bool:
        return any(
            s.first_line <= line <= s.last_line
            and (s.rules is None or any(r == "forbidden-rendering" and t in (None, term_id) for r, t in s.rules))
            for s in found
        )

    return suppressed


def _skip(path: str, c: Candidate, reason: str) -> Skipped:
    return Skipped(path, c.line, c.column, c.old, reason, c.match.rendering.term_id)


def _without_overlaps(candidates: list[Candidate], path: str, plan: FixPlan) -> list[Candidate]:
    """Drop (and report) every candidate whose pieces overlap another's."""
    spans = sorted((a, b, i) for i, c in enumerate(candidates) for a, b, _ in c.pieces)
    bad: set[int] = set()
    end, owner = -1, -1
    for a, b, i in spans:
        if a < end and i != owner:
            bad.update((i, owner))
        if b > end:
            end, owner = b, i
    for i in sorted(bad):
        plan.skipped.append(_skip(path, candidates[i], "overlaps another fix"))
    return [c for i, c in enumerate(candidates) if i not in bad]


def _expected_texts(accepted: list[Candidate]) -> dict[Segment, str]:
    """Each segment a fix changes -> its text with the fixes made."""
    by_segment: dict[Segment, list[Candidate]] = {}
    for c in accepted:
        by_segment.setdefault(c.segment, []).append(c)
    return {seg: _apply_to_segment(seg, cs) for seg, cs in by_segment.items()}


def _apply_to_segment(segment: Segment, candidates: list[Candidate]) -> str:
    out = segment.text
    for c in sorted(candidates, key=lambda c: c.match.start, reverse=True):
        out = out[: c.match.start] + c.new + out[c.match.end :]
    return out
