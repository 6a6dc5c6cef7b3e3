"""Romanized forms beside the original script in a Reference, so every later stage (render
with `--script romanized|both`, search, dedup, citekeys) has them without romanizing again."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from bibkit.text.script import has_arabic
from bibkit.model import Name, Reference
from bibkit.text.translit import overrides
from bibkit.text.translit.romanizer import romanize

TITLE_VARS = ("title", "container-title", "collection-title", "publisher", "publisher-place")


def add_romanized_forms(ref: Reference, scheme: str = "ijmes") -> None:
    """Add `<lang>-Latn-x-<scheme>` forms for Arabic-script titles, places and names."""
    lang = (ref.language or "").split("-", 1)[0]
    lang = lang if lang in ("fa", "ar") else None
    tag_lang = lang or "fa"
    for var in TITLE_VARS:
        value = ref.text.get(var)
        if value and has_arabic(value):
            tag = f"{tag_lang}-Latn-x-{scheme}"
            ref.forms.setdefault(var, {}).setdefault(tag, _romanized(value, scheme, lang))
    for names in ref.names.values():
        for name in names:
            _romanize_name(name, f"{tag_lang}-Latn-x-{scheme}", scheme, lang)


def _romanize_name(name: Name, tag: str, scheme: str, lang: str | None) -> None:
    parts = {attr: getattr(name, attr) for attr in ("family", "given", "literal")}
    if tag in name.forms or not any(v and has_arabic(v) for v in parts.values()):
        return
    name.forms[tag] = Name(**{attr: _romanized(value, scheme, lang) if value else None
                              for attr, value in parts.items()})


def _romanized(text: str, scheme: str, lang: str | None) -> str:
    """`romanize(text)`, remembered: authors, places and publishers come back reference after
    reference in a bibliography. The override file in force is part of the key, since
    BIBKIT_TRANSLIT_OVERRIDES may change between calls."""
    return _romanize_once(text, scheme, lang, overrides.resolve(None))


@lru_cache(maxsize=1 << 14)
def _romanize_once(text: str, scheme: str, lang: str | None, override_file: Path | None) -> str:
    return romanize(text, scheme=scheme, lang=lang, overrides=override_file)
