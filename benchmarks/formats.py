"""Reading cost of the localization formats (issue 20) next to the PO reader's, in one run.

    python benchmarks/formats.py [--mb 1] [--repeat 3]

Writes the same entries (keys, English sources, German targets with an escape or a
placeholder here and there) as a PO catalog and as each localization format, about `--mb`
MB each, under benchmarks/out/formats/, and times `read_document` on each German file in
CPU seconds (the fastest of `--repeat`): once alone ("read") and once with its English
source file beside it ("paired": the source is read too, as a check of a project reads it
once for all its languages). Also times Translate Toolkit's storage class for the format
where it is installed (`pip install translate-toolkit`), for comparison only.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
import time
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
OUT = ROOT / "benchmarks" / "out" / "formats"
WORDS = ("security principle state treaty obligation commitment europe cooperation account note trash file "
         "document project setting sync device message error value").split()
WÖRTER = ("Sicherheit Prinzip Staat Vertrag Verpflichtung Zusammenarbeit Konto Notiz Papierkorb Datei "
          "Dokument Projekt Einstellung Gerät Nachricht Fehler Wert größer über").split()


def _sentence(rng: random.Random, words: list[str], n: int) -> str:
    text = " ".join(rng.choice(words) for _ in range(n)).capitalize()
    roll = rng.random()
    if roll < 0.1:
        text += ' "quoted"'
    elif roll < 0.2:
        text += " %1$s"
    return text + "."


def entries(mb: float) -> list[tuple[str, str, str]]:
    rng = random.Random(20)
    count = int(mb * 1_000_000 / 110)
    return [(f"screen_{i // 50}.item_{i}", _sentence(rng, WORDS, 8), _sentence(rng, WÖRTER, 8)) for i in range(count)]


def _props(s: str) -> str:
    return "".join(c if ord(c) < 128 else f"\\u{ord(c):04X}" for c in s)


def write_all(items: list[tuple[str, str, str]]) -> dict[str, tuple[Path, Path | None]]:
    """Each format's German file and its English source file."""
    if OUT.exists():
        shutil.rmtree(OUT)
    files: dict[str, tuple[Path, Path | None]] = {}

    def put(name: str, rel_de: str, rel_en: str | None, render) -> None:  # noqa: ANN001
        de = OUT / name / rel_de
        de.parent.mkdir(parents=True, exist_ok=True)
        de.write_text(render(2), encoding="utf-8")
        en = None
        if rel_en:
            en = OUT / name / rel_en
            en.parent.mkdir(parents=True, exist_ok=True)
            en.write_text(render(1), encoding="utf-8")
        files[name] = (de, en)

    def po(_: int) -> str:
        body = "".join(f'#: {k}\nmsgid "{s.replace(chr(34), chr(92) + chr(34))}"\nmsgstr "{t.replace(chr(34), chr(92) + chr(34))}"\n\n'
                       for k, s, t in items)
        return 'msgid ""\nmsgstr ""\n"Language: de\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n' + body

    put("po", "de.po", None, po)
    put("android", "res/values-de/strings.xml", "res/values/strings.xml", lambda c: (
        '<?xml version="1.0" encoding="utf-8"?>\n<resources>\n'
        + "".join(f'    <string name="{k.replace(".", "_")}">{escape(x[c]).replace(chr(34), chr(92) + chr(34))}</string>\n'
                  for x in items for k in [x[0]])
        + "</resources>\n"))
    put("properties", "messages_de.properties", "messages.properties",
        lambda c: "".join(f"{k} = {_props(x[c])}\n" for x in items for k in [x[0]]))
    put("json", "locales/de/app.json", "locales/en/app.json",
        lambda c: json.dumps(_nested(items, c), ensure_ascii=False, indent=2))
    put("yaml", "config/locales/de.yml", "config/locales/en.yml",
        lambda c: f"{'de' if c == 2 else 'en'}:\n" + "".join(
            f"  {k.replace('.', '_')}: {json.dumps(x[c], ensure_ascii=False)}\n" for x in items for k in [x[0]]))
    put("qt", "app_de.ts", None, lambda _: (
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n<TS version="2.1" language="de">\n<context>\n    <name>Main</name>\n'
        + "".join(f"    <message>\n        <source>{escape(s)}</source>\n        <translation>{escape(t)}</translation>\n    </message>\n"
                  for _, s, t in items) + "</context>\n</TS>\n"))
    put("strings", "de.lproj/Localizable.strings", "en.lproj/Localizable.strings",
        lambda c: "".join(f'/* {k} */\n"{k}" = "{x[c].replace(chr(34), chr(92) + chr(34))}";\n\n' for x in items for k in [x[0]]))
    put("xcstrings", "Localizable.xcstrings", None, lambda _: json.dumps({"sourceLanguage": "en", "strings": {
        k: {"localizations": {"de": {"stringUnit": {"state": "translated", "value": t}}}} for k, s, t in items},
        "version": "1.0"}, ensure_ascii=False, indent=2))
    put("resx", "Strings.de.resx", "Strings.resx", lambda c: (
        '<?xml version="1.0" encoding="utf-8"?>\n<root>\n'
        + "".join(f'  <data name="{x[0]}" xml:space="preserve">\n    <value>{escape(x[c])}</value>\n  </data>\n' for x in items)
        + "</root>\n"))
    return files


def _nested(items: list[tuple[str, str, str]], c: int) -> dict:
    out: dict = {}
    for x in items:
        screen, key = x[0].split(".")
        out.setdefault(screen, {})[key] = x[c]
    return out


def cpu(fn, repeat: int) -> float:  # noqa: ANN001
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        fn()
        best = min(best, time.process_time() - start)
    return best


_TTK = {
    "po": ("translate.storage.pypo", "pofile"), "android": ("translate.storage.aresource", "AndroidResourceFile"),
    "properties": ("translate.storage.properties", "javafile"), "json": ("translate.storage.jsonl10n", "JsonFile"),
    "yaml": ("translate.storage.yaml", "RubyYAMLFile"), "qt": ("translate.storage.ts2", "tsfile"),
    "strings": ("translate.storage.properties", "stringsutf8file"), "resx": ("translate.storage.resx", "RESXFile"),
}


def ttk_seconds(fmt: str, data: bytes, repeat: int) -> float | None:
    import importlib

    if fmt not in _TTK:
        return None
    try:
        module = importlib.import_module(_TTK[fmt][0])
    except ImportError:
        return None
    cls = getattr(module, _TTK[fmt][1])
    return cpu(lambda: cls().parse(data), repeat)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=1.0)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    from checker.documents import read_document
    from checker.documents.l10n import _cached_entries

    files = write_all(entries(args.mb))
    print(f"{'format':<11} {'MB':>5} {'segments':>8} {'read s/MB':>9} {'x PO':>5} {'paired s/MB':>11} {'x PO':>5} {'TTK s/MB':>8}")
    po_rate = None
    for fmt, (de, en) in files.items():
        size = de.stat().st_size / 1e6
        doc = read_document(str(de))
        if en is not None:
            moved = en.with_name(en.name + ".away")
            en.rename(moved)
            alone = cpu(lambda: read_document(str(de)), args.repeat)
            moved.rename(en)

            def paired() -> None:
                _cached_entries.cache_clear()  # the source is read in every run
                read_document(str(de))

            together = cpu(paired, args.repeat)
        else:
            alone = together = cpu(lambda: read_document(str(de)), args.repeat)
        # paired: per MB read, the source file's bytes counted too
        rate, paired_rate = alone / size, together / (size + (en.stat().st_size / 1e6 if en else 0))
        po_rate = po_rate or rate
        ttk = ttk_seconds(fmt, de.read_bytes(), 1)
        print(f"{fmt:<11} {size:5.2f} {len(doc.segments):8d} {rate:9.3f} {rate / po_rate:5.2f} {paired_rate:11.3f} "
              f"{paired_rate / po_rate:5.2f} {'-' if ttk is None else f'{ttk / size:8.3f}'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
