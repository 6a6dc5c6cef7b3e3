"""Script and language of a string or of each word: Latin or Arabic script; Persian or
Arabic, written in Arabic script or romanized; a few European languages.

Letters and function words decide first (data/language_cues.json). langdetect is only a
tie-breaker: for Arabic-script text without cues, and for Latin text long enough to judge.
It is never asked about romanized text, which it takes for Turkish, Somali or Indonesian.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from bibkit.text.normalize import fold

ARABIC_RANGES = ((0x0600, 0x06FF), (0x0750, 0x077F), (0x08A0, 0x08FF), (0xFB50, 0xFDFF), (0xFE70, 0xFEFF))
ARABIC_LETTER = "\u0621-\u064A\u066E-\u06D3\u06FA-\u06FF"  # a regex class body: the letters, no marks or digits
_WORD = re.compile(r"\S+")
_LATIN_WORD = re.compile(r"[^\W\d_][\w'’ʿʾʻʼ-]*")
# European languages langdetect tells apart reliably on a title-length Latin string.
_LANGDETECT_LATIN = frozenset({"en", "fr", "de", "es", "it", "pt", "nl"})
_LANGDETECT_MIN_CHARS = 20
_LANGDETECT_MIN_PROB = 0.9


@cache
def _cues() -> dict[str, Any]:
    """Letter, word and pattern cues per language (data file, loaded once)."""
    raw = resources.files("bibkit.text").joinpath("data/language_cues.json").read_text("utf-8")
    cues = json.loads(raw)
    # folded word -> its Arabic-only letters: fold makes جامعة and جامعه, على and the name علی
    # one key, but only the Arabic spelling is evidence of Arabic
    cues["arab_words"] = {k: {fold(w): _arabic_only(w) for w in v} for k, v in cues["arab_words"].items()}
    cues["latin_words"] = {k: frozenset(v) for k, v in cues["latin_words"].items()}
    cues["stopwords"] = {k: frozenset(v) for k, v in cues["stopwords"].items()}
    cues["latin_marks"] = frozenset(cues["latin_marks"])
    cues["latin_letters"] = {lang: frozenset(letters) for lang, letters in cues["latin_letters"].items()}
    cues["latin_patterns"] = {
        lang: [(re.compile(p), w) for p, w in pats.items()] for lang, pats in cues["latin_patterns"].items()
    }
    return cues


def _char_script(ch: str) -> str | None:
    """`Arab`, `Latn` or None (not a letter, or another script) for one character."""
    if not ch.isalpha():
        return None
    cp = ord(ch)
    if any(lo <= cp <= hi for lo, hi in ARABIC_RANGES):
        return "Arab"
    if cp < 0x0250 or 0x1E00 <= cp <= 0x1EFF or 0x02B0 <= cp <= 0x02FF:
        return "Latn"
    return None


def _script_counts(text: str) -> Counter[str]:
    return Counter(s for s in map(_char_script, text) if s)


_ARABIC_SCRIPT = re.compile("[" + "".join(f"{chr(lo)}-{chr(hi)}" for lo, hi in ARABIC_RANGES) + "]")


def has_arabic(text: str) -> bool:
    """Whether any Arabic-script letter (Persian and presentation forms included) occurs."""
    return _ARABIC_SCRIPT.search(text) is not None


def script_of(text: str) -> str | None:
    """`Latn`, `Arab`, `mixed` (letters of both) or None (no Latin or Arabic letters)."""
    counts = _script_counts(text)
    if len(counts) > 1:
        return "mixed"
    return next(iter(counts), None)


def leading_script(text: str) -> str | None:
    """The script of the first Latin or Arabic letter: a text leads with its own language
    and puts a translation or romanization after it (`تاریخ ایران (History of Iran)`)."""
    return next((s for s in map(_char_script, text) if s), None)


def word_scripts(text: str) -> list[tuple[str, str | None]]:
    """Each whitespace-separated word with its script (`Latn`, `Arab`, `mixed` or None)."""
    return [(w, script_of(w)) for w in _WORD.findall(text)]


def word_languages(text: str) -> list[tuple[str, str | None]]:
    """Each word with the language its own cues show, else the language of the whole text."""
    whole = language_of(text)
    out: list[tuple[str, str | None]] = []
    for word in _WORD.findall(text):
        script = script_of(word)
        if script == "Arab":
            own = _arabic_script_vote(word)
        elif script == "Latn":
            own = _romanized_vote(word)
        else:
            own = None
        out.append((word, own or whole))
    return out


def is_rtl(text: str) -> bool:
    """True when the first strong directional character is right-to-left (Unicode bidi P2)."""
    for ch in text:
        bidi = unicodedata.bidirectional(ch)
        if bidi in ("R", "AL"):
            return True
        if bidi == "L":
            return False
    return False


def _arabic_script_scores(text: str) -> dict[str, float]:
    """Persian and Arabic scores from letters only one of them uses and function words."""
    cues = _cues()
    scores: dict[str, float] = {}
    present = set(text)
    for lang, letters in cues["arab_letters"].items():
        scores[lang] = sum(w for ch, w in letters.items() if ch in present)
    for word in text.split():
        for lang in _arabic_word_votes(word):
            scores[lang] += 2
    return scores


@lru_cache(maxsize=1 << 16)
def _arabic_word_votes(word: str) -> tuple[str, ...]:
    """The languages whose function words `word` spells (once per folded part); cached
    because the same words recur across a whole reference list."""
    letters = _arabic_only(word)
    return tuple(lang for key in fold(word).split() for lang, vocab in _cues()["arab_words"].items()
                 if vocab.get(key) == letters)


def _arabic_only(word: str) -> frozenset[str]:
    """The letters of `word` that Arabic writes and Persian never does (ة, ى)."""
    return frozenset(ch for ch in word if ch in "ةى")


def _arabic_script_vote(text: str) -> str | None:
    """`fa` or `ar` when the cues disagree by a clear margin, else None."""
    scores = _arabic_script_scores(text)
    if abs(scores["fa"] - scores["ar"]) < 1:
        return None
    return "fa" if scores["fa"] > scores["ar"] else "ar"


def _latin_words(text: str) -> list[str]:
    return [w.casefold() for w in _LATIN_WORD.findall(text)]


def _romanized_scores(text: str) -> dict[str, float]:
    """Scores for romanized Persian and Arabic: ezafe, articles, endings, marks, words."""
    cues = _cues()
    lowered = unicodedata.normalize("NFC", text).casefold()
    folded_words = fold(text).split()
    scores: dict[str, float] = {}
    for lang, patterns in cues["latin_patterns"].items():
        scores[lang] = sum(w * len(p.findall(lowered)) for p, w in patterns)
        scores[lang] += sum(1 for w in folded_words if w in cues["latin_words"][lang])
    return scores


def _has_marks(text: str) -> bool:
    return not _cues()["latin_marks"].isdisjoint(text)


def _romanized_vote(text: str, scores: dict[str, float] | None = None) -> str | None:
    """`fa-Latn` or `ar-Latn` from romanization cues (`scores`, when the caller has them),
    or None when there are none."""
    scores = scores or _romanized_scores(text)
    fa, ar = scores["fa-Latn"], scores["ar-Latn"]
    if fa == ar:
        if not _has_marks(text):
            return None
        # Scholarly Arabic romanization writes only a, i, u; Persian ones write e and o.
        return "fa-Latn" if re.search(r"[eo]", text.casefold()) else "ar-Latn"
    return "fa-Latn" if fa > ar else "ar-Latn"


def _stopword_scores(text: str) -> Counter[str]:
    words = _latin_words(text)
    return Counter({lang: sum(1 for w in words if w in vocab) for lang, vocab in _cues()["stopwords"].items()})


_LANGDETECT_TRIALS = 3  # langdetect's default 7 random trials cost ~8 ms a title; 3 agree on short strings


@cache
def _langdetect_factory() -> Any:
    """langdetect's language profiles, loaded once, in name order: langdetect's own loader
    takes the directory's listing order, which differs between file systems, and its seeded
    random trials then give other answers on another machine."""
    from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory

    factory = DetectorFactory()
    profiles = sorted(Path(PROFILES_DIRECTORY).iterdir())
    factory.load_json_profile([path.read_text("utf-8") for path in profiles if not path.name.startswith(".")])
    # Each n-gram's per-language probabilities as a tuple, not a list: the detector only reads
    # them, and 88,000 lists would be walked by every full garbage collection for the rest of
    # the process (tuples of floats the collector stops tracking).
    probabilities = factory.word_lang_prob_map
    for gram, probs in probabilities.items():
        probabilities[gram] = tuple(probs)  # in place: each list is freed as its tuple comes
    factory.set_seed(0)
    return factory


@cache
def _langdetect() -> Any:
    """langdetect's `detect_langs` over our factory (seeded, so answers repeat) with fewer
    random trials."""
    factory = _langdetect_factory()

    def detect_langs(text: str) -> list[Any]:
        detector = factory.create()
        detector.n_trial = _LANGDETECT_TRIALS
        detector.append(text)
        return detector.get_probabilities()

    return detect_langs


def _langdetect_guess(text: str, allowed: frozenset[str]) -> str | None:
    """langdetect's answer when it is confident and among the `allowed` languages."""
    from langdetect.lang_detect_exception import LangDetectException

    try:
        best = _langdetect()(text)[0]
    except LangDetectException:
        return None
    return best.lang if best.lang in allowed and best.prob >= _LANGDETECT_MIN_PROB else None


def _language_of_arabic_script(text: str, detect: bool = True) -> str | None:
    return _arabic_script_vote(text) or (_langdetect_guess(text, frozenset({"fa", "ar"})) if detect else None)


# Short words a Persian or Arabic romanization also writes (`in` this, `an` that, `to` you).
_BRACKETED = re.compile(r"\[[^\]]*\]?|\([^)]*\)?")
_ROMANIZED_TOO = frozenset({"a", "an", "in", "to", "do"})


def _english_frame(text: str, stop: Counter[str]) -> bool:
    """An English title around a romanized name (`Border disputes over Shatt al-Arab`): English
    function words a romanization never writes, and no scholarly marks (ā ḥ ʿ) that would show
    a romanized title with an English subtitle (`Tārīkh-i Bayhaqī: The History`). A bracketed
    translation (`Sabk-shenasi-ye she'r [The stylistics of poetry]`) is not the frame."""
    if not stop["en"] or stop.most_common(1)[0][0] != "en" or _has_marks(text):
        return False
    words = _latin_words(_BRACKETED.sub(" ", text))
    return any(w in _cues()["stopwords"]["en"] and w not in _ROMANIZED_TOO for w in words)


def _language_of_latin(text: str, detect: bool = True) -> str | None:
    romanized = _romanized_scores(text)
    roman_best = max(romanized.values()) + (1 if _has_marks(text) else 0)
    stop = _stopword_scores(text)
    european, hits = stop.most_common(1)[0]
    if roman_best > 0 and roman_best >= hits and not _english_frame(text, stop):
        return _romanized_vote(text, romanized) or ("ar-Latn" if romanized["ar-Latn"] >= romanized["fa-Latn"] else "fa-Latn")
    runner_up = stop.most_common(2)[1][1] if len(stop) > 1 else 0
    if (hits >= 2 and hits >= 2 * runner_up + 2) or (european == "en" and hits and not runner_up and text.isascii()):
        return european  # function words settle it; langdetect (slow) is for the unclear rest
    tied = [lang for lang, n in stop.items() if n == hits]
    if hits and len(tied) > 1:  # `Être moderne en Iran`: `en` is French and Spanish; `ê` only French
        lowered = text.casefold()
        lettered = [lang for lang in tied if not _cues()["latin_letters"].get(lang, frozenset()).isdisjoint(lowered)]
        if len(lettered) == 1:
            return lettered[0]
    if detect and len(text) >= _LANGDETECT_MIN_CHARS:
        guess = _langdetect_guess(text, _LANGDETECT_LATIN)
        if guess:
            return guess
    return european if hits and len(tied) == 1 else None


def language_of(text: str, *, detect: bool = True) -> str | None:
    """BCP 47 language of `text`: `fa`, `ar`, `fa-Latn`, `ar-Latn`, `en`, `fr`, `de`, `ru` ...

    Mixed text takes the language of the script it starts with. None when nothing is reliable
    (no letters, a short Latin string without cues, an Arabic-script word without cues).
    `detect=False` answers from letters and function words alone, without langdetect (slow),
    for callers that have cheaper evidence of their own to try first.
    """
    script = leading_script(text)
    if script == "Arab":
        return _language_of_arabic_script(text, detect)
    if script == "Latn":
        return _language_of_latin(text, detect)
    if _CYRILLIC.search(text):
        return _language_of_cyrillic(text, detect)
    return None


_CYRILLIC = re.compile(r"[\u0400-\u04FF]")


def _language_of_cyrillic(text: str, detect: bool) -> str | None:
    """Soviet and Russian scholarship is most of what Middle East bibliographies cite in
    Cyrillic: Russian, unless a letter Russian does not write names another language, or
    langdetect is sure of Bulgarian (which writes only Russian's letters)."""
    lowered = text.casefold()
    for lang, letters in _cues()["cyrillic_letters"].items():
        if not frozenset(letters).isdisjoint(lowered):
            return lang
    if not detect:
        return None  # Russian or Bulgarian: only langdetect can say
    return "bg" if _langdetect_guess(text, frozenset({"bg"})) else "ru"
