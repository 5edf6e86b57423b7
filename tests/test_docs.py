"""The README and the reference manual in docs/: every link leads somewhere, every command
and option of the CLI is documented, every command line shown exists, and the README still
opens with the two commands CI and people copy."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import click
import pytest

from checker.cli import main

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
DOCS = ROOT / "docs"
PAGES = [README, *sorted(DOCS.glob("*.md"))]

FENCE = re.compile(r"^\s*(```|~~~)")
INLINE_CODE = re.compile(r"(`+)(?:(?!\1).)+?\1")
LINK = re.compile(r"\[[^\]]*\]\(([^)\s]+)\)")
HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
LONG_OPTION = re.compile(r"(?<![\w-])--[a-z][a-z0-9-]*")


def rel(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def split_code(text: str) -> tuple[list[str], list[list[str]]]:
    """(prose lines, with fenced blocks blanked so line numbers stay; the fenced blocks)."""
    prose: list[str] = []
    blocks: list[list[str]] = []
    block: list[str] | None = None
    for line in text.splitlines():
        if FENCE.match(line):
            if block is None:
                block = []
            else:
                blocks.append(block)
                block = None
            prose.append("")
        elif block is not None:
            block.append(line)
            prose.append("")
        else:
            prose.append(line)
    return prose, blocks


def headings(path: Path) -> list[tuple[int, int, str]]:
    """(line index, level, text) of each heading outside code blocks."""
    prose, _ = split_code(path.read_text(encoding="utf-8"))
    return [(i, len(m.group(1)), m.group(2)) for i, line in enumerate(prose) if (m := HEADING.match(line))]


def anchors(path: Path) -> set[str]:
    """GitHub's anchors for the headings of `path` (lower case, punctuation dropped, spaces
    as hyphens, a repeated one numbered)."""
    seen: dict[str, int] = {}
    out = set()
    for _, _, text in headings(path):
        text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)  # a link counts by its text
        slug = re.sub(r"[^\w\- ]", "", text.replace("`", "").strip().lower()).replace(" ", "-")
        n = seen.get(slug, 0)
        seen[slug] = n + 1
        out.add(slug if n == 0 else f"{slug}-{n}")
    return out


def links(path: Path) -> list[str]:
    """Targets of the inline links of `path`, outside code."""
    prose, _ = split_code(path.read_text(encoding="utf-8"))
    return [t for line in prose for t in LINK.findall(INLINE_CODE.sub("", line))]


# ------------------------------------------------------------------ links


def test_the_manual_has_pages():
    assert len(PAGES) > 10, "docs/ holds the reference manual"


@pytest.mark.parametrize("page", PAGES, ids=rel)
def test_every_relative_link_leads_to_a_file_and_anchor(page):
    broken = []
    for target in links(page):
        if re.match(r"[a-z][a-z0-9+.-]*:", target):  # https:, mailto:
            continue
        file_part, _, anchor = target.partition("#")
        dest = (page.parent / file_part).resolve() if file_part else page
        if not dest.exists():
            broken.append(f"{target}: no such file")
        elif anchor and (dest.suffix != ".md" or anchor not in anchors(dest)):
            broken.append(f"{target}: no heading with anchor #{anchor} in {rel(dest)}")
    assert not broken, f"{rel(page)}: " + "; ".join(broken)


def test_the_readme_links_to_every_page_of_the_manual():
    linked = {(README.parent / t.partition("#")[0]).resolve() for t in links(README)}
    orphans = [rel(p) for p in PAGES[1:] if p.resolve() not in linked]
    assert not orphans, f"not linked from README.md: {orphans}"


@pytest.mark.parametrize("page", PAGES[1:], ids=rel)
def test_every_page_opens_with_a_summary_and_a_link_back_to_the_readme(page):
    lines = [line for line in page.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert lines[0].startswith("# "), "a title first"
    assert "](../README.md)" in lines[1] and not lines[1].startswith(("#", "```")), (
        "then a one-line summary linking back to the README")


# ------------------------------------------------------------------ commands and options


def subcommand(group: click.Group, name: str) -> click.Command | None:
    """What `termcheck ... NAME` runs (click's API: the group may import it on demand)."""
    return group.get_command(click.Context(group), name)


def walk(command: click.Command, path: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], click.Command]]:
    yield path, command
    if isinstance(command, click.Group):
        for name in command.list_commands(click.Context(command)):
            yield from walk(subcommand(command, name), (*path, name))


def long_options(command: click.Command) -> list[str]:
    """The --long names of a command's options (click adds --help itself, at run time)."""
    return [name for p in command.params if isinstance(p, click.Option)
            for name in (*p.opts, *p.secondary_opts) if name.startswith("--")]


def section(path: tuple[str, ...]) -> tuple[Path, str]:
    """The docs page and the text of its section headed `termcheck <path>` (up to the next
    heading of the same or a higher level)."""
    title = f"`termcheck {' '.join(path)}`"
    found = []
    for page in sorted(DOCS.glob("*.md")):
        marks = headings(page)
        lines = page.read_text(encoding="utf-8").splitlines()
        for k, (start, level, text) in enumerate(marks):
            if title in text:
                end = next((i for i, lv, _ in marks[k + 1:] if lv <= level), len(lines))
                found.append((page, "\n".join(lines[start:end])))
    assert len(found) == 1, f"{title}: {len(found)} headings in docs/ name it, expected one"
    return found[0]


COMMANDS = [path for path, _ in walk(main) if path]


def test_the_commands_are_found():
    assert {("check",), ("compare",), ("init",), ("rule",), ("glossary", "lint")} <= set(COMMANDS)


@pytest.mark.parametrize("path", COMMANDS, ids=" ".join)
def test_every_command_has_a_docs_section_naming_each_of_its_options(path):
    command = main
    for name in path:
        command = subcommand(command, name)
    page, text = section(path)
    undocumented = [o for o in long_options(command)
                    if not re.search(rf"(?<![\w-]){re.escape(o)}(?![\w-])", text)]
    assert not undocumented, f"{rel(page)}, section `termcheck {' '.join(path)}`: {undocumented} not described"


def test_the_readme_names_the_options_of_termcheck_itself():
    text = README.read_text(encoding="utf-8")
    assert long_options(main) and all(o in text for o in long_options(main))


def shown_command_lines() -> Iterator[tuple[str, str]]:
    """(page, line) for each `termcheck ...` line in a fenced block of the README or docs,
    and each inline code span that starts with `termcheck `."""
    for page in PAGES:
        prose, blocks = split_code(page.read_text(encoding="utf-8"))
        lines = [line.strip().removeprefix("$ ") for block in blocks for line in block]
        # a span may wrap onto the next line: join the paragraph's lines first
        spans = INLINE_CODE.finditer(" ".join(prose))
        lines += [m.group().strip("`").strip() for m in spans]
        yield from ((rel(page), line) for line in lines if line.startswith("termcheck "))


SHOWN = list(shown_command_lines())


def test_command_lines_are_shown():
    assert len(SHOWN) > 20


@pytest.mark.parametrize("page,line", SHOWN, ids=[f"{p}: {ln[:60]}" for p, ln in SHOWN])
def test_every_command_line_shown_names_a_real_command_and_options(page, line):
    # `termcheck glossary suggest [PATH]... [--term ID] ... # comment`: the words up to the
    # first argument name the command; every --option on the line must be one of its own.
    words = re.split(r"\s+#\s", line)[0].split()[1:]
    command, path = main, []
    while isinstance(command, click.Group) and words and not words[0].startswith(("-", "[")):
        assert subcommand(command, words[0]) is not None, f"{page}: no command 'termcheck {' '.join([*path, words[0]])}'"
        path.append(words.pop(0))
        command = subcommand(command, path[-1])
    known = set(long_options(command)) | {"--help"}
    unknown = [o for o in LONG_OPTION.findall(" ".join(words)) if o not in known]
    assert not unknown, f"{page}: `termcheck {' '.join(path)}` has no {unknown}"


# ------------------------------------------------------------------ the README's first lines


def test_the_readme_opens_with_the_install_and_test_commands():
    # .ci/run and people copy these two lines: the first fenced block must stay exactly them.
    _, blocks = split_code(README.read_text(encoding="utf-8"))
    commands = [re.split(r"\s+#\s", line)[0].strip() for line in blocks[0]]
    assert commands == [
        "python -m pip install . && termcheck check",
        "python -m pip install -e '.[test]' && python -m pytest -q",
    ]


def test_every_rule_has_an_anchor_in_the_rules_page():
    # the language server's diagnostics link to docs/rules.md#RULE-ID
    from checker.checks import ALL_RULES

    text = (DOCS / "rules.md").read_text(encoding="utf-8")
    assert [r for r in ALL_RULES if f'<a id="{r}"></a>' not in text] == []
