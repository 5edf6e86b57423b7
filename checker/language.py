"""Language tags: normalising them, reading them off paths, detecting them in text."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import PurePath

# ISO 639-1: the two-letter codes a path component or suffix may carry.
ISO_639_1 = frozenset(
    """aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv
    cy da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht
    hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la
    lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj
    om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv
    sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu""".split()
)

_TAG = re.compile(r"^([A-Za-z]{2,3})(?:[-_]([A-Za-z]{4}))?(?:[-_]([A-Za-z]{2}|\d{3}))?$")


def normalise_tag(tag: str) -> str | None:
    """Canonical BCP 47 form of a simple tag ('de_DE' -> 'de-DE', 'ZH-hant' -> 'zh-Hant').

    Returns None when `tag` does not look like a language tag.
    """
    m = _TAG.match(tag.strip())
    if not m:
        return None
    lang, script, region = m.groups()
    out = lang.lower()
    if script:
        out += "-" + script.title()
    if region:
        out += "-" + region.upper()
    return out


def primary(tag: str) -> str:
    """The primary language subtag: 'pt-BR' -> 'pt'."""
    return tag.split("-", 1)[0].lower()


def same_language(a: str | None, b: str | None) -> bool:
    """True when two tags name the same language (regions and scripts ignored)."""
    return a is not None and b is not None and primary(a) == primary(b)


def _as_code(part: str) -> str | None:
    tag = normalise_tag(part)
    if tag and primary(tag) in ISO_639_1 and len(primary(tag)) == 2:
        return tag
    return None


def language_from_path(path: str) -> str | None:
    """The language a path carries, nearest the file first.

    `translations/en/letter.txt` -> 'en'; `po/de_DE.po` -> 'de-DE';
    `docs/guide.fr.md` -> 'fr'; `locale/ru/LC_MESSAGES/app.po` -> 'ru'.
    """
    p = PurePath(path)
    suffixes = p.name.split(".")
    # guide.fr.md -> "fr"; de_DE.po -> "de_DE"
    for part in reversed(suffixes[:-1] if len(suffixes) > 1 else suffixes):
        code = _as_code(part)
        if code:
            return code
        break
    for part in reversed(p.parts[:-1]):
        code = _as_code(part)
        if code:
            return code
    return None


# Detection below this many letters is a guess: callers treat it as unknown.
MIN_DETECT_LETTERS = 40
# langdetect is sure of a language long before 3,000 characters; more costs only time.
DETECT_SAMPLE = 3_000
_LETTERS = re.compile(r"[^\W\d_]")


@lru_cache(maxsize=1)
def _detector_factory():
    # langdetect is slow to import and load; only texts of unknown language pay for it.
    from langdetect import DetectorFactory
    from langdetect.detector_factory import init_factory

    DetectorFactory.seed = 0  # deterministic output
    init_factory()
    from langdetect import detector_factory

    return detector_factory._factory


def detect(text: str) -> tuple[str, float] | None:
    """Most probable language of `text` and its probability, or None if too short.

    Seeded, so the same text always gives the same answer.
    """
    text = text[:DETECT_SAMPLE]
    if len(_LETTERS.findall(text)) < MIN_DETECT_LETTERS:
        return None
    from langdetect.lang_detect_exception import LangDetectException

    factory = _detector_factory()
    try:
        detector = factory.create()
        detector.append(text)
        langs = detector.get_probabilities()
    except LangDetectException:
        return None
    if not langs:
        return None
    best = langs[0]
    return normalise_tag(best.lang) or best.lang, round(best.prob, 4)
