"""Citekeys in Better BibTeX's shape: family name + first significant title words + year.

ASCII only (non-Latin names romanized without diacritics), `a`/`b` suffixes, unique
ignoring case, and stable: the same records in the same order give the same keys.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import cache
from importlib import resources

from anyascii import anyascii

from bibkit.model import Reference
from bibkit.text.collation import strip_article
from bibkit.text.script import has_arabic

TITLE_WORDS = 2
_WORD = re.compile(r"[^\W_]+(?:[-'’ʿʾ][^\W_]+)*", re.UNICODE)


@cache
def _stopwords() -> frozenset[str]:
    text = resources.files("bibkit.data").joinpath("title_stopwords.txt").read_text("utf-8")
    return frozenset(w.strip() for w in text.splitlines() if w.strip() and not w.startswith("#"))


def ascii_fold(text: str) -> str:
    """Text to bare ASCII letters and digits for a key: Arabic script romanized by bibkit's
    own rules first, accents dropped, and any other letter (Cyrillic `Бартольд`, `ø`, `ß`)
    spelt the way anyascii spells it, so no author or title word vanishes from the key."""
    if has_arabic(text):
        from bibkit.text.translit import romanize

        text = romanize(text, scheme="simple", diacritics=False)
    decomposed = unicodedata.normalize("NFKD", text)
    spelt = "".join(c if c.isascii() else anyascii(c) for c in decomposed if c.isalnum())
    return "".join(c for c in spelt if c.isascii() and c.isalnum())


def _significant_words(title: str) -> list[str]:
    words = []
    for raw in _WORD.findall(title):
        word = re.sub(r"^(?:al|el|l)[-'’]", "", raw, flags=re.IGNORECASE)  # al-shiʿr -> shiʿr
        word = re.sub(r"-(?:e|ye|i|yi)$", "", word)  # ezafe: Tarikh-e -> Tarikh
        word = re.sub(r"^ال(?=\w\w)", "", word)
        if word.casefold() in _stopwords() or raw.casefold() in _stopwords():
            continue
        folded = ascii_fold(word)
        if folded:
            words.append(folded[:1].upper() + folded[1:].lower())
        if len(words) == TITLE_WORDS:
            break
    return words


def base_key(ref: Reference) -> str:
    """The key before disambiguation: `parsadustMaIraq2006`."""
    names = ref.names.get("author") or ref.names.get("editor") or []
    first = names[0] if names else None
    family = (first.literal or first.family or "") if first else ""
    # the article goes in either script (الوردي and al-Wardi -> wardi); علوی -> alavi stays whole
    author = ascii_fold(strip_article(family, ref.language)).lower()
    title = "".join(_significant_words(ref.text.get("title") or ref.text.get("container-title", "")))
    if not author and title:  # no names: the title words lead (`waqaeIraqiya1958`)
        title = title[:1].lower() + title[1:]
    date = ref.dates.get("issued")
    year = str(date.year) if date and date.year else ""
    key = author.lower() + title + year
    return key or "ref"


def assign_keys(refs: Iterable[Reference], *, keep_existing: bool = True) -> None:
    """Give every record a unique key; existing ids are kept unless they collide."""
    taken: set[str] = set()
    pending: list[Reference] = []
    for ref in refs:
        if keep_existing and ref.id and ref.id.casefold() not in taken:
            taken.add(ref.id.casefold())
        else:
            pending.append(ref)
    for ref in pending:
        ref.id = _unique(base_key(ref), taken)


def _unique(key: str, taken: set[str]) -> str:
    candidate, n = key, 0
    while candidate.casefold() in taken:
        candidate = key + _suffix(n)
        n += 1
    taken.add(candidate.casefold())
    return candidate


def _suffix(n: int) -> str:
    """a, b, … z, aa, ab …"""
    letters = ""
    n += 1
    while n:
        n, rem = divmod(n - 1, 26)
        letters = chr(97 + rem) + letters
    return letters
