"""Language tags: normalising them, reading them off paths, detecting them in text."""

from __future__ import annotations

import re
import threading
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

# A BCP 47 tag or a gettext/POSIX locale: ll[_Ssss][_CC][.charset][@modifier]
_TAG = re.compile(
    r"^([A-Za-z]{2,3})(?:[-_]([A-Za-z]{4}))?(?:[-_]([A-Za-z]{2}|\d{3}))?"
    r"(?:[-_]([A-Za-z0-9]{5,8}))?(?:\.[\w-]+)?(?:@(\w+))?$"
)
# gettext locale modifiers (`sr@latin`, `ca@valencia`) as BCP 47 subtags.
_MODIFIER_SCRIPTS = {"latin": "Latn", "cyrillic": "Cyrl", "devanagari": "Deva", "arabic": "Arab", "hebrew": "Hebr"}
_MODIFIER_DROPPED = frozenset({"euro"})


def normalise_tag(tag: str) -> str | None:
    """Canonical BCP 47 form of a language tag or gettext locale, or None if it is neither.

    'de_DE' -> 'de-DE', 'ZH-hant' -> 'zh-Hant', 'de_DE.UTF-8' -> 'de-DE', 'deu' -> 'de',
    'sr@latin' -> 'sr-Latn', 'ca@valencia' -> 'ca-valencia', 'pt_BR' -> 'pt-BR'.
    """
    m = _TAG.match(tag.strip())
    if not m:
        return None
    lang, script, region, variant, modifier = m.groups()
    lang = lang.lower()
    if len(lang) == 3:
        lang = _from_three_letters(lang)
        if lang is None:
            return None
    if modifier:
        low = modifier.lower()
        if low in _MODIFIER_SCRIPTS and not script:
            script = _MODIFIER_SCRIPTS[low]
        elif 5 <= len(low) <= 8 and not variant:
            variant = low
        elif low not in _MODIFIER_DROPPED and low not in _MODIFIER_SCRIPTS:
            return None
    out = lang
    if script:
        out += "-" + script.title()
    if region:
        out += "-" + region.upper()
    if variant:
        out += "-" + variant.lower()
    return out


@lru_cache(maxsize=256)
def _from_three_letters(code: str) -> str | None:
    """ISO 639-2/3 code -> its two-letter form where one exists ('deu' -> 'de'), None if invalid."""
    import langcodes  # only three-letter codes need its tables

    if not langcodes.tag_is_valid(code):
        return None
    return str(langcodes.standardize_tag(code))


def primary(tag: str) -> str:
    """The primary language subtag: 'pt-BR' -> 'pt'."""
    return tag.split("-", 1)[0].lower()


# Macro-languages and their members, and codes replaced since: one language for
# detection ('no' is what langdetect says for Bokmål and Nynorsk alike).
_SAME = {"nb": "no", "nn": "no", "fil": "tl", "iw": "he", "in": "id", "ji": "yi", "cmn": "zh", "zsm": "ms"}


def base_language(tag: str) -> str:
    """The language a tag names, regions, scripts and macro-language members set aside:
    'nb-NO' -> 'no', 'zh-Hans' -> 'zh', 'fil' -> 'tl'."""
    p = primary(tag)
    return _SAME.get(p, p)


def same_language(a: str | None, b: str | None) -> bool:
    """True when two tags name the same language (regions, scripts, no/nb/nn alike)."""
    return a is not None and b is not None and base_language(a) == base_language(b)


# The languages langdetect has profiles for (its 55, zh-cn and zh-tw as zh).
DETECTABLE = frozenset(
    """af ar bg bn ca cs cy da de el en es et fa fi fr gu he hi hr hu id it ja kn ko lt lv mk ml mr
    ne nl no pa pl pt ro ru sk sl so sq sv sw ta te th tl tr uk ur vi zh""".split()
)


def detectable(tag: str | None) -> bool:
    """True when langdetect can recognise text in the language `tag` names."""
    return tag is not None and base_language(tag) in DETECTABLE


def _as_code(part: str) -> str | None:
    m = _TAG.match(part)
    # Only two-letter codes (with script/region): three-letter words such as "app",
    # "doc" or "src" are too often just names.
    if not m or len(m.group(1)) != 2:
        return None
    tag = normalise_tag(part)
    if tag and primary(tag) in ISO_639_1:
        return tag
    return None


# Directories that hold other projects' packages: a directory there is named for a
# package ("node_modules/ms", "vendor/os"), not a language.
_DEPENDENCY_DIRS = frozenset({"node_modules", "bower_components", "vendor", "site-packages", "dist-packages"})


def language_from_path(path: str) -> str | None:
    """The language a path carries: a language suffix, else the nearest language directory.

    `docs/guide.fr.md` -> 'fr'; `po/de_DE.po` -> 'de-DE' (a PO catalog named for its
    language); `translations/en/letter.txt` -> 'en'; `locale/ru/LC_MESSAGES/app.po` ->
    'ru'. A bare file stem is no language (`api/os.md`, `en/ro.txt` -> 'en'), nor is a
    directory inside `node_modules/` or `vendor/` (`node_modules/ms/license.md`).
    """
    p = PurePath(path)
    pieces = p.name.split(".")
    if len(pieces) >= 3:  # guide.fr.md, validators.de.xlf
        code = _as_code(pieces[-2])
        if code:
            return code
    elif len(pieces) == 2 and pieces[1].lower() == "po":  # de.po, pt_BR.po
        code = _as_code(pieces[0])
        if code:
            return code
    parts = p.parts[:-1]
    for i in range(len(parts) - 1, -1, -1):
        if any(d in _DEPENDENCY_DIRS for d in parts[:i]):
            continue
        code = _as_code(parts[i])
        if code:
            return code
    return None


# Detection below this many letters is a guess: callers treat it as unknown.
MIN_DETECT_LETTERS = 40
# langdetect is sure of a language long before 3,000 characters; more costs only time.
DETECT_SAMPLE = 3_000
# Enough to confirm a document's expected language: the first 1,000 characters of each of
# the 117 Django catalogs with 3,000 or more (masked msgstr text) were all read right, in
# a tenth of the time.
CONFIRM_SAMPLE = 1_000
_LETTERS = re.compile(r"[^\W\d_]")


# langdetect's init_factory publishes its factory before the profiles are loaded: two
# threads asking at once (the language server's index and an open document) could detect
# with a half-loaded one, and the cached answer would stay wrong. One loads; the other waits.
_FACTORY_LOCK = threading.Lock()


def _detector_factory():
    with _FACTORY_LOCK:
        return _load_detector_factory()


@lru_cache(maxsize=1)
def _load_detector_factory():
    # langdetect is slow to import and load; only texts of unknown language pay for it.
    from langdetect import DetectorFactory
    from langdetect.detector_factory import init_factory

    DetectorFactory.seed = 0  # deterministic output
    init_factory()
    from langdetect import detector_factory

    return detector_factory._factory


# The languages a text is most often mistaken for or pasted in from: with the expected and
# the glossary's languages they are what wrong-language weighs a text against (loading
# all 55 profiles costs 0.2 s, a pre-commit hook's whole budget).
COMMON = ("en", "de", "fr", "es", "it", "pt", "nl", "ru", "pl", "sv")


def _restricted_factory(codes: frozenset[str]):
    """A langdetect factory with only the profiles `codes` (langdetect's names)."""
    with _FACTORY_LOCK:
        return _load_restricted_factory(codes)


@lru_cache(maxsize=32)
def _load_restricted_factory(codes: frozenset[str]):
    import os

    from langdetect import DetectorFactory
    from langdetect.detector_factory import PROFILES_DIRECTORY

    factory = DetectorFactory()
    factory.seed = 0
    profiles = []
    for code in sorted(codes):
        with open(os.path.join(PROFILES_DIRECTORY, code), encoding="utf-8") as fh:
            profiles.append(fh.read())
    factory.load_json_profile(profiles)
    return factory


def _profiles_for(languages) -> frozenset[str]:  # noqa: ANN001
    codes: set[str] = set()
    for tag in languages:
        if tag is None:
            continue
        base = base_language(tag)
        if base == "zh":
            codes.update(("zh-cn", "zh-tw"))
        elif base in DETECTABLE:
            codes.add(base)
    return frozenset(codes)


# A text whose function words plainly say it is in the expected language needs no
# langdetect (1-2 ms a document; a documentation tree of 654 files spent a quarter of its
# run confirming their languages). benchmarks/function_words.py: on 3,135 windows of 1,000
# characters of real text in 52 languages, each taken as expected in its own language and
# in each of the ten common ones, this confirmed 84% of the English and 80% of the German
# windows, and never one langdetect would have reported.
MIN_FUNCTION_WORDS_TEXT = 40  # words in the text
MIN_FUNCTION_SHARE = 0.2  # of them function words of the expected language
FUNCTION_MARGIN = 3  # times the share of any other language weighed
_WORDS = re.compile(r"[^\W\d_]{2,}|\b[^\W\d_]\b")


def reads_as(text: str, expected: str, among: tuple = ()) -> bool:
    """True when `text` is plainly in `expected` by its function words: of its words (at
    least MIN_FUNCTION_WORDS_TEXT) a fifth or more are the expected language's function
    words (the `stopwords` package's list), and no other language of `among` or COMMON
    with a list comes within a third of that share. False means "ask langdetect", never
    "another language"."""
    own = listed_function_words(base_language(expected))
    if not own:
        return False
    words = _WORDS.findall(text.casefold())
    if len(words) < MIN_FUNCTION_WORDS_TEXT:
        return False
    share = sum(map(own.__contains__, words))
    if share < MIN_FUNCTION_SHARE * len(words):
        return False
    for tag in {base_language(t) for t in (*among, *COMMON) if t is not None}:
        other = listed_function_words(tag)
        if other and other is not own and sum(map(other.__contains__, words)) * FUNCTION_MARGIN > share:
            return False
    return True


@lru_cache(maxsize=None)
def listed_function_words(code: str) -> frozenset[str]:
    """The `stopwords` package's list for language subtag `code`, case folded (empty when
    the package has none)."""
    from stopwords import LanguageNotAvailable, get_stopwords

    try:
        words = get_stopwords(code)
    except (LanguageNotAvailable, ValueError, KeyError):
        return frozenset()
    return frozenset(w.casefold() for w in words if w)


def detect(text: str, among=None) -> tuple[str, float] | None:  # noqa: ANN001
    """Most probable language of `text` and its probability, or None if too short (see _detect)."""
    return _detect_cached(text, tuple(among) if among is not None else None)


def _detect(text: str, among=None) -> tuple[str, float] | None:  # noqa: ANN001
    """Most probable language of `text` and its probability, or None if too short.

    Seeded, so the same text always gives the same answer. Placeables (format codes,
    markup, URLs) are no evidence of a language: they are masked first, and what is
    left must still hold MIN_DETECT_LETTERS letters. `among` (language tags) weighs the
    text against those languages and COMMON only, which loads a dozen profiles instead
    of 55: enough to tell whether a text is in the language it should be in. Only the
    first DETECT_SAMPLE characters are read.
    """
    from checker.matching.placeables import MASK, mask

    text = mask(text[:DETECT_SAMPLE]).replace(MASK, " ")
    if len(_LETTERS.findall(text)) < MIN_DETECT_LETTERS:
        return None
    from langdetect.lang_detect_exception import LangDetectException

    try:
        factory = _restricted_factory(_profiles_for((*among, *COMMON))) if among is not None else _detector_factory()
        detector = factory.create()
        detector.append(text)
        langs = detector.get_probabilities()
    except LangDetectException:
        return None
    if not langs:
        return None
    best = langs[0]
    return normalise_tag(best.lang) or best.lang, round(best.prob, 4)


# langdetect seeds its generator for every text, so a text always gets the same answer:
# one that recurs (an untranslated msgstr in every language's catalog) is detected once.
_detect_cached = lru_cache(maxsize=4096)(_detect)
