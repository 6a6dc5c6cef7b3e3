"""Romanized forms beside the original script in a Reference, so every later stage (render
with `--script romanized|both`, search, dedup, citekeys) has them without romanizing again."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from bibkit.languages import primary
from bibkit.model import Name, Reference
from bibkit.text.script import has_arabic
from bibkit.text.translit import overrides
from bibkit.text.translit.romanizer import reading_language, romanize

TITLE_VARS = ("title", "container-title", "collection-title", "publisher", "publisher-place")


def add_romanized_forms(ref: Reference, scheme: str = "ijmes") -> None:
    """Add `<lang>-Latn-x-<scheme>` forms for Arabic-script titles, places and names. Each
    value is read as Persian or Arabic as the work is; in a work of another language (an
    English book with an Arabic publisher), as the value's own script cues say, and the tag
    names the language it was read as."""
    work = primary(ref.language or "")
    for var in TITLE_VARS:
        value = ref.text.get(var)
        if value and has_arabic(value):
            lang = reading_language(value, work)
            ref.forms.setdefault(var, {}).setdefault(f"{lang}-Latn-x-{scheme}", _romanized(value, scheme, lang))
    for names in ref.names.values():
        for name in names:
            _romanize_name(name, work, scheme)


def _romanize_name(name: Name, work: str, scheme: str) -> None:
    parts = {attr: getattr(name, attr) for attr in ("family", "given", "literal")}
    written = " ".join(v for v in parts.values() if v and has_arabic(v))
    if not written:
        return
    lang = reading_language(written, work)
    tag = f"{lang}-Latn-x-{scheme}"
    if tag not in name.forms:
        name.forms[tag] = Name(**{attr: _romanized(value, scheme, lang) if value else None
                                  for attr, value in parts.items()})


def _romanized(text: str, scheme: str, lang: str) -> str:
    """`romanize(text)`, remembered: authors, places and publishers come back reference after
    reference in a bibliography. The override file in force is part of the key, since
    BIBKIT_TRANSLIT_OVERRIDES may change between calls."""
    return _romanize_once(text, scheme, lang, overrides.resolve(None))


@lru_cache(maxsize=1 << 14)
def _romanize_once(text: str, scheme: str, lang: str, override_file: Path | None) -> str:
    return romanize(text, scheme=scheme, lang=lang, overrides=override_file)
