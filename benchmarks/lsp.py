"""`termcheck lsp` as an editor feels it (issue 17): diagnostics latency while typing, the
background index time, and the server's peak memory, driven over stdio with pygls' client.

    python benchmarks/lsp.py                     # both workspaces, 20 edits each phase, 100 KB file
    python benchmarks/lsp.py --quick             # smoke run: 20 KB, 5 edits, 1 glossary edit, Django excerpts
    python benchmarks/lsp.py --only django --edits 40 --json benchmarks/out/lsp.json

Workspaces (names for --only), each built in a temporary directory:

* default: translations/ and glossary.yml copied, plus translations/en/paragraphs.md, about
  --kb KB of the corpus's own English paragraphs repeated. Edits toggle "Kiev" <-> "Kyiv"
  (forbidden-rendering, term kyiv) in one paragraph at a time.
* django: the 1,226 PO catalogs of Django 5.2.17 (benchmarks/out/django-5.2.17-po, as
  benchmarks/real.py extracts them; --django DIR) copied under django/, glossary-de.yml as
  glossary.yml, and notes/de/guide.md, about --kb KB of the German catalogs' msgstrs
  repeated, one paragraph per six. Edits toggle "Website" <-> "Webseite" (forbidden-rendering,
  term site). A .termcheck.toml names both paths.

Per workspace, two server runs:

1. index alone: initialize, open the big file and a probe file, edit nothing; the index
   time is from sending `initialized` to the probe's diagnostics reaching the state
   `termcheck check` reports for the whole workspace (see "index done" below).
2. editing: the same, but edits start right after `initialized`. Each edit is one
   didChange (incremental, a few words in one paragraph); its latency is the wall time from
   sending it to the arrival of the publishDiagnostics of that file whose forbidden-rendering
   lines are exactly those the edited text must have (so a publish that does not reflect the
   edit yet never counts). Edits sent before the index was done count as "during index";
   after it is done, --edits more follow. Then VmHWM (peak RSS) of the server process is read
   from /proc/PID/status. Last, glossary.yml is edited --glossary-edits times (unsaved, a
   comment line each time: every edit re-reads the glossary and re-indexes the workspace)
   and the server's current RSS (VmRSS) is read after each re-index: it should stay flat.

Index done: the probe (an open file with one variant rendering, e.g. 'Sergei Lavrov') gets a
variant-rendering message that ends with the workspace's counts of each rendering ("across
documents [en]: 'Sergey Lavrov' 40, 'Sergei Lavrov' 25"). A closed file that sorts last of all
the workspace's files (zzz-last.md) uses that variant once more, so the counts equal those
of `termcheck check` on the same files (run once before, which also warms the
compiled-glossary cache) only once the index has read the last file. The server publishes
when the index ends; in the editing run it also publishes on every edit, so the moment is
seen within one edit of the index reaching the last file.

Exit status 0; 2 if the server fails, times out or a workspace cannot be built.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DJANGO_PO = HERE / "out" / "django-5.2.17-po"
DJANGO_EXCERPTS = ROOT / "tests" / "data" / "real" / "django"
DJANGO_GLOSSARY = ROOT / "tests" / "data" / "real" / "glossary-de.yml"
TARGETS = 10  # paragraphs the edits take turns on, spread over the file
EDIT_TIMEOUT = 120.0
INDEX_TIMEOUT = 900.0


class BenchError(Exception):
    """A run that cannot go on: one line for the user."""


@dataclass
class Space:
    """A workspace on disk and what the runs do in it."""

    name: str
    root: Path
    big: str  # the edited file, relative to root
    probe: str  # open file whose diagnostics say when the index is done
    probe_text: str
    term: str  # edits swap this term's preferred rendering ...
    good: str  # (this word)
    bad: str  # ... and its forbidden one, paragraph by paragraph
    files: int = 0
    big_bytes: int = 0
    expected_probe: list[tuple[str, int, str]] = field(default_factory=list)


# ----------------------------------------------------------------- workspaces


def paragraphs_of(texts: list[str]) -> list[str]:
    """Non-empty paragraphs (blank-line separated), each joined onto one line."""
    out = []
    for text in texts:
        for block in re.split(r"\n\s*\n", text):
            line = " ".join(block.split())
            if line:
                out.append(line)
    return out


def markdown_of(title: str, paragraphs: list[str], size: int, words: tuple[str, str], filler: str) -> str:
    """`# title`, then `paragraphs` repeated until the text holds `size` bytes. If fewer than
    TARGETS paragraphs use one of `words` (Django's excerpts), `filler` is appended to some
    so that the edits have paragraphs to work on."""
    body: list[str] = []
    total = 0
    while total < size:
        for p in paragraphs:
            body.append(p)
            total += len(p.encode("utf-8")) + 2
            if total >= size:
                break
    word = re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\b")
    if sum(1 for p in body if word.search(p)) < TARGETS:
        step = max(len(body) // TARGETS, 1)
        body = [p + " " + filler if i % step == 0 else p for i, p in enumerate(body)]
    return f"# {title}\n\n" + "\n\n".join(body) + "\n"


def build_default(tmp: Path, kb: int) -> Space:
    root = tmp / "default"
    shutil.copytree(ROOT / "translations", root / "translations")
    shutil.copy(ROOT / "glossary.yml", root / "glossary.yml")
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "translations" / "en").glob("*.txt"))]
    en = root / "translations" / "en"
    md = markdown_of("Indivisible security, repeated", paragraphs_of(texts), kb * 1000, ("Kyiv", "Kiev"),
                     "The talks went on in Kiev.")
    (en / "paragraphs.md").write_text(md, encoding="utf-8")
    probe = "# Probe\n\nSergei Lavrov wrote to the ministers.\n"
    (en / "probe.md").write_text(probe, encoding="utf-8")
    (en / "zzz-last.md").write_text("# Last\n\nSergei Lavrov signed it.\n", encoding="utf-8")
    return Space("default", root, "translations/en/paragraphs.md", "translations/en/probe.md", probe,
                 term="kyiv", good="Kyiv", bad="Kiev")


def build_django(tmp: Path, kb: int, source: Path) -> Space:
    import polib

    if not source.is_dir():
        raise BenchError(f"{source}: no Django catalogs here; run `python benchmarks/real.py --only django,termcheck` "
                         "once (it extracts them) or pass --django DIR")
    root = tmp / "django"
    shutil.copytree(source, root / "django")
    shutil.copy(DJANGO_GLOSSARY, root / "glossary.yml")
    (root / ".termcheck.toml").write_text('paths = ["django", "notes"]\n', encoding="utf-8")
    german = []
    for po in sorted((root / "django").rglob("*.po")):
        if "de" in po.relative_to(root).parts:
            german += [e.msgstr for e in polib.pofile(str(po)) if e.msgstr and e.msgid]
    if not german:
        raise BenchError(f"{source}: no German catalog (a de/ directory) to build the Markdown file from")
    paragraphs = [" ".join(" ".join(german[i:i + 6]).split()) for i in range(0, len(german), 6)]
    notes = root / "notes" / "de"
    notes.mkdir(parents=True)
    md = markdown_of("Django, Deutsch", paragraphs, kb * 1000, ("Website", "Webseite"), "Die Website ist erreichbar.")
    (notes / "guide.md").write_text(md, encoding="utf-8")
    probe = "# Probe\n\nDas Kennwort ist falsch.\n"
    (notes / "probe.md").write_text(probe, encoding="utf-8")
    (notes / "zzz-last.md").write_text("# Zuletzt\n\nKennwort vergessen?\n", encoding="utf-8")
    return Space("django", root, "notes/de/guide.md", "notes/de/probe.md", probe,
                 term="site", good="Website", bad="Webseite")


def expect_probe(space: Space, env: dict[str, str]) -> None:
    """What `termcheck check` reports for the probe over the whole workspace (and how many
    files it read); this run also fills the compiled-glossary cache."""
    report = space.root.parent / f"{space.name}-report.json"
    proc = subprocess.run([sys.executable, "-m", "checker", "check", "--format", "json", "-o", str(report),
                           "--fail-on", "never"], cwd=space.root, env=env, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        raise BenchError(f"{space.name}: termcheck check failed: {(proc.stderr or proc.stdout).strip()[-500:]}")
    data = json.loads(report.read_text(encoding="utf-8"))
    space.files = len(data["documents"])
    space.big_bytes = (space.root / space.big).stat().st_size
    space.expected_probe = sorted((f["rule"], f["line"], f["message"]) for f in data["findings"]
                                  if Path(f["path"]).as_posix().endswith(space.probe))
    if not any(rule == "variant-rendering" for rule, _, _ in space.expected_probe):
        raise BenchError(f"{space.name}: the probe {space.probe} has no variant-rendering finding to watch")


# ----------------------------------------------------------------- the editor


class Editor:
    """pygls' client on a `python -m checker lsp` process, timing what it publishes."""

    def __init__(self, space: Space, env: dict[str, str]) -> None:
        from lsprotocol import types
        from pygls.lsp.client import LanguageClient

        self.types, self.space, self.env = types, space, env
        self.client = LanguageClient("termcheck-bench", "1")
        self.latest: dict[str, Any] = {}
        self.waiters: list[tuple[str, Callable[[Any], bool], asyncio.Future]] = []
        self.stderr = b""
        self.version = 1

        @self.client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def published(params: Any) -> None:
            now = time.perf_counter()  # first thing: the arrival time of this publish
            self.latest[params.uri] = params.diagnostics
            for waiter in list(self.waiters):
                uri, predicate, future = waiter
                if uri == params.uri and not future.done() and predicate(params.diagnostics):
                    future.set_result(now)
                    self.waiters.remove(waiter)

    def uri(self, rel: str) -> str:
        from pygls.uris import from_fs_path

        return from_fs_path(str(self.space.root / rel))

    async def start(self) -> float:
        """Start the server and initialize; returns the time `initialized` was sent."""
        t = self.types
        await self.client.start_io(sys.executable, "-m", "checker", "lsp", cwd=str(self.space.root), env=self.env)
        self._drain = asyncio.create_task(self._read_stderr())
        root = self.uri(".")
        await self.client.initialize_async(t.InitializeParams(
            capabilities=t.ClientCapabilities(), root_uri=root,
            workspace_folders=[t.WorkspaceFolder(uri=root, name=self.space.name)]))
        sent = time.perf_counter()
        self.client.initialized(t.InitializedParams())
        return sent

    async def _read_stderr(self) -> None:
        # Read the server's stderr as it comes: a full pipe would block the server.
        stream = self.client._server.stderr
        while chunk := await stream.read(65536):
            self.stderr = (self.stderr + chunk)[-4000:]

    @property
    def pid(self) -> int:
        return self.client._server.pid

    def rss_mb(self, field: str = "VmHWM") -> float:
        """VmHWM (peak) or VmRSS (now) of the server process, MB (of 10^6 bytes)."""
        with open(f"/proc/{self.pid}/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith(field + ":"):
                    return int(line.split()[1]) * 1024 / 1e6
        return float("nan")

    def watch(self, rel: str, predicate: Callable[[Any], bool]) -> asyncio.Future:
        """A future set to the arrival time of the first publish for `rel` (from now on)
        for which `predicate` holds."""
        future = asyncio.get_running_loop().create_future()
        self.waiters.append((self.uri(rel), predicate, future))
        return future

    async def wait(self, future: asyncio.Future, timeout: float, what: str) -> float:
        try:
            return await asyncio.wait_for(asyncio.shield(future), timeout)
        except asyncio.TimeoutError:
            tail = self.stderr.decode("utf-8", "replace").strip().splitlines()[-5:]
            raise BenchError(f"{self.space.name}: {what}: nothing after {timeout:.0f} s; server stderr: "
                             + (" | ".join(tail) or "(empty)")) from None

    def open(self, rel: str, text: str) -> None:
        t = self.types
        self.client.text_document_did_open(t.DidOpenTextDocumentParams(text_document=t.TextDocumentItem(
            uri=self.uri(rel), language_id="markdown", version=1, text=text)))

    def change(self, rel: str, edits: list[tuple[int, int, int, str]]) -> None:
        """One didChange of `edits` (line, start, end in UTF-16 units, new text), applied in order."""
        t = self.types
        self.version += 1
        changes = [t.TextDocumentContentChangePartial(
            range=t.Range(start=t.Position(line=line, character=a), end=t.Position(line=line, character=b)), text=new)
            for line, a, b, new in edits]
        self.client.text_document_did_change(t.DidChangeTextDocumentParams(
            text_document=t.VersionedTextDocumentIdentifier(uri=self.uri(rel), version=self.version),
            content_changes=changes))

    async def stop(self) -> None:
        try:
            await asyncio.wait_for(self.client.shutdown_async(None), 30)
            self.client.exit(None)
        finally:
            await self.client.stop()
            self._drain.cancel()


def utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


class Toggler:
    """The edited file: which paragraphs hold the bad word now, and the didChange that flips
    one paragraph's term between the good and the bad word."""

    def __init__(self, space: Space, text: str) -> None:
        self.space = space
        self.lines = text.split("\n")
        words = re.compile(rf"\b(?:{re.escape(space.good)}|{re.escape(space.bad)})\b")
        candidates = [i for i, line in enumerate(self.lines) if words.search(line)]
        step = max(len(candidates) // TARGETS, 1)
        self.targets = candidates[::step][:TARGETS]
        self.flipped: set[int] = set()
        self.base: set[int] = set()
        self.turn = 0

    def lines_of(self, diagnostics: list[Any]) -> set[int]:
        """Lines of the term's forbidden-rendering diagnostics."""
        return {d.range.start.line for d in diagnostics
                if d.code == "forbidden-rendering" and isinstance(d.data, dict) and d.data.get("term") == self.space.term}

    def expected(self) -> set[int]:
        """The base lines with each flipped paragraph's state reversed (a paragraph's words
        are all swapped, so its membership flips exactly)."""
        return self.base ^ self.flipped

    def next_edit(self) -> list[tuple[int, int, int, str]]:
        line_no = self.targets[self.turn % len(self.targets)]
        self.turn += 1
        line = self.lines[line_no]
        old, new = ((self.space.bad, self.space.good) if re.search(rf"\b{re.escape(self.space.bad)}\b", line)
                    else (self.space.good, self.space.bad))
        spans = [m.span() for m in re.finditer(rf"\b{re.escape(old)}\b", line)]
        # right to left: each change keeps the positions of the ones still to come
        edits = [(line_no, utf16(line[:a]), utf16(line[:b]), new) for a, b in reversed(spans)]
        self.lines[line_no] = re.sub(rf"\b{re.escape(old)}\b", new, line)
        self.flipped ^= {line_no}
        return edits


# ----------------------------------------------------------------- the two runs


async def run_index_alone(space: Space, env: dict[str, str]) -> dict[str, float]:
    editor = Editor(space, env)
    big = (space.root / space.big).read_text(encoding="utf-8")
    start = time.perf_counter()
    try:
        sent = await editor.start()
        started = sent - start
        done = editor.watch(space.probe, lambda ds: probe_state(ds) == space.expected_probe)
        first = editor.watch(space.big, lambda ds: len(ds) > 0)
        opened = time.perf_counter()
        editor.open(space.big, big)
        editor.open(space.probe, space.probe_text)
        first_at = await editor.wait(first, EDIT_TIMEOUT, "first diagnostics of the opened file")
        done_at = await editor.wait(done, INDEX_TIMEOUT, "diagnostics reflecting the whole workspace")
        rss = editor.rss_mb()
        shown = len(editor.latest.get(editor.uri(space.big), ()))
    finally:
        await editor.stop()
    return {"startup": started, "open": first_at - opened, "index": done_at - sent, "rss": rss, "diagnostics": shown}


def probe_state(diagnostics: list[Any]) -> list[tuple[str, int, str]]:
    return sorted((str(d.code), d.range.start.line + 1, d.message) for d in diagnostics)


async def run_editing(space: Space, env: dict[str, str], edits: int, glossary_edits_wanted: int) -> dict[str, Any]:
    editor = Editor(space, env)
    big = (space.root / space.big).read_text(encoding="utf-8")
    toggler = Toggler(space, big)
    if not toggler.targets:
        raise BenchError(f"{space.name}: no paragraph of {space.big} holds '{space.good}' or '{space.bad}'")
    during: list[float] = []
    after: list[float] = []
    try:
        sent = await editor.start()
        done = editor.watch(space.probe, lambda ds: probe_state(ds) == space.expected_probe)
        first = editor.watch(space.big, lambda ds: len(ds) > 0)
        editor.open(space.big, big)
        editor.open(space.probe, space.probe_text)
        await editor.wait(first, EDIT_TIMEOUT, "first diagnostics of the opened file")
        toggler.base = toggler.lines_of(editor.latest[editor.uri(space.big)])
        while len(after) < edits:
            indexing = not done.done()
            if indexing and len(during) >= edits:
                await editor.wait(done, INDEX_TIMEOUT, "diagnostics reflecting the whole workspace")
                continue
            change = toggler.next_edit()
            want = toggler.expected()
            reflected = editor.watch(space.big, lambda ds, want=want: toggler.lines_of(ds) == want)
            t0 = time.perf_counter()
            editor.change(space.big, change)
            arrived = await editor.wait(reflected, EDIT_TIMEOUT, f"diagnostics reflecting edit {toggler.turn}")
            (during if indexing else after).append(arrived - t0)
        index = done.result() - sent
        rss = editor.rss_mb()
        reloads = await glossary_edits(editor, space, glossary_edits_wanted)
    finally:
        await editor.stop()
    return {"during": during, "after": after, "index": index, "rss": rss, "reloads": reloads}


async def glossary_edits(editor: Editor, space: Space, count: int) -> list[tuple[float, float]]:
    """Edit glossary.yml `count` times (unsaved: a comment line added at the top), as a
    terminologist does with the project open; after each, wait for the re-index (the
    probe's counts drop, then come back to those of `check`) and read the server's current
    RSS. Returns (seconds to re-index, RSS MB) per edit: memory that grows with each
    re-index is memory the server never gives back."""
    if count <= 0:
        return []
    glossary = "glossary.yml"
    editor.open(glossary, (space.root / glossary).read_text(encoding="utf-8"))

    def final(ds: list[Any]) -> bool:
        return probe_state(ds) == space.expected_probe

    out = []
    for i in range(count):
        partial = editor.watch(space.probe, lambda ds: not final(ds))
        t0 = time.perf_counter()
        editor.change(glossary, [(0, 0, 0, f"# benchmark edit {i + 1}\n")])
        await editor.wait(partial, EDIT_TIMEOUT, f"diagnostics after glossary edit {i + 1}")
        done = editor.watch(space.probe, final)
        finished = await editor.wait(done, INDEX_TIMEOUT, f"re-index after glossary edit {i + 1}")
        out.append((finished - t0, editor.rss_mb("VmRSS")))
    return out


# ----------------------------------------------------------------- the table


def ms(values: list[float], how: Callable[[list[float]], float]) -> str:
    return f"{how(values) * 1000:,.0f}" if values else "-"


def table(rows: list[dict[str, Any]]) -> str:
    head = ["workspace", "files", "KB", "diagnostics", "index s (alone)", "index s (editing)", "first diags ms",
            "edits during index", "median ms", "max ms", "edits after", "median ms", "max ms", "peak RSS MB",
            "RSS MB after glossary edits"]
    lines = ["| " + " | ".join(head) + " |", "|---|" + "---:|" * (len(head) - 1)]
    for r in rows:
        d, a = r["during"], r["after"]
        cells = [r["workspace"], f"{r['files']:,}", f"{r['kb']:.0f}", f"{r['diagnostics']:,}", f"{r['index_alone']:.2f}",
                 f"{r['index_editing']:.2f}", f"{r['open'] * 1000:,.0f}",
                 str(len(d)), ms(d, statistics.median), ms(d, max),
                 str(len(a)), ms(a, statistics.median), ms(a, max), f"{r['rss']:.0f}",
                 " / ".join(f"{mb:.0f}" for _, mb in r["glossary_edits"]) or "-"]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", default="default,django", help="workspaces: default,django")
    parser.add_argument("--edits", type=int, default=20, help="edits timed in each phase (default 20)")
    parser.add_argument("--kb", type=int, default=100, help="size of the edited Markdown file, KB (default 100)")
    parser.add_argument("--django", type=Path, default=None,
                        help=f"Django's catalogs (default {DJANGO_PO.relative_to(ROOT)}; --quick: the excerpts "
                             f"in {DJANGO_EXCERPTS.relative_to(ROOT)})")
    parser.add_argument("--glossary-edits", type=int, default=3,
                        help="then edit glossary.yml N times and read the RSS after each re-index (default 3)")
    parser.add_argument("--quick", action="store_true", help="smoke run: 20 KB, 5 edits, 1 glossary edit, Django's 7 excerpts")
    parser.add_argument("--json", type=Path, help="also write the figures as JSON")
    args = parser.parse_args()
    try:
        import pygls  # noqa: F401
    except ImportError:
        print("benchmarks/lsp.py: needs pygls: pip install 'termcheck[lsp]'", file=sys.stderr)
        return 2
    if args.quick:
        args.kb, args.edits, args.glossary_edits = min(args.kb, 20), min(args.edits, 5), min(args.glossary_edits, 1)
    django = args.django or (DJANGO_EXCERPTS if args.quick else DJANGO_PO)
    wanted = [w.strip() for w in args.only.split(",") if w.strip()]
    unknown = [w for w in wanted if w not in ("default", "django")]
    if unknown:
        print(f"benchmarks/lsp.py: --only: no workspace {unknown[0]!r} (default, django)", file=sys.stderr)
        return 2
    if "django" in wanted and not django.is_dir():
        print(f"benchmarks/lsp.py: {django}: no Django catalogs here; run `python benchmarks/real.py --only "
              "django,termcheck` once (it extracts them) or pass --django DIR", file=sys.stderr)
        return 2
    rows = []
    with tempfile.TemporaryDirectory(prefix="termcheck-lsp-") as tmp:
        cache = Path(tmp) / "cache"
        cache.mkdir(mode=0o700)
        env = {**os.environ, "TERMCHECK_CACHE_DIR": str(cache)}
        try:
            for name in wanted:
                space = build_default(Path(tmp), args.kb) if name == "default" else build_django(Path(tmp), args.kb, django)
                expect_probe(space, env)
                print(f"{name}: {space.files:,} files, {space.big} {space.big_bytes / 1000:.0f} KB ...", flush=True)
                alone = asyncio.run(run_index_alone(space, env))
                editing = asyncio.run(run_editing(space, env, args.edits, args.glossary_edits))
                rows.append({"workspace": name, "files": space.files, "kb": space.big_bytes / 1000,
                             "startup": alone["startup"], "open": alone["open"], "diagnostics": alone["diagnostics"], "index_alone": alone["index"],
                             "index_editing": editing["index"], "during": editing["during"],
                             "after": editing["after"], "rss": max(alone["rss"], editing["rss"]),
                             "rss_index_alone": alone["rss"], "rss_editing": editing["rss"],
                             "glossary_edits": editing["reloads"]})
        except BenchError as exc:
            print(f"benchmarks/lsp.py: {exc}", file=sys.stderr)
            return 2
    print()
    print(table(rows))
    print()
    print(f"{os.cpu_count()} cores; debounce included; latency: didChange sent -> publishDiagnostics that "
          "reflects it received; peak RSS: VmHWM of the server process")
    if args.json:
        args.json.write_text(json.dumps({"rows": rows, "quick": args.quick, "edits": args.edits}, indent=2) + "\n",
                             encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
