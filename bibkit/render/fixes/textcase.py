"""`text-case="title"` the way citeproc-js applies it (CSL 1.0.2 "Title case conversion").

citeproc-py capitalizes every word but a short list of 26 stop words, and splits words on
spaces only: "Iran Between Two Revolutions", "Iraq Under Qassem", "Abd al-Karim". citeproc-js
(and the spec's list) keeps prepositions such as `between`, `toward`, `under`, `since` in
lowercase, treats hyphens, slashes, quotes and brackets as word boundaries, capitalizes the
first word, the word after `:`, `?` or `!`, a stop word just before a hyphen in the text's
first run (up to the first punctuation mark), and a stop word that ends the title; words that already hold a capital, and text in
`<span class="nocase">`, small caps, `<sub>`/`<sup>`, are left alone. Only English items (or
items without a language in an English style) are title-cased. Measured on the suite
category `textcase` and on `bench/render_compare.py` (Chicago, MLA, IJMES titles).
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

from citeproc.string import MixedString, NoCase, String

_TAGS = re.compile(
    "(‘|’|“|”| \"| '|\"|'|[-–—/.,;?!:]|\\[|\\]|\\(|\\)|<span style=\"font-variant: ?small-caps;?\">"
    "|<span class=\"no(?:case|decor)\">|</span>|</?(?:i|sc|b|sub|sup)>|\ue000|\ue001)")
_SCOPES = {'<span style="font-variant: small-caps;">': "</span>",
           '<span style="font-variant:small-caps;">': "</span>",
           '<span class="nocase">': "</span>", '<span class="nodecor">': "</span>",
           "<sc>": "</sc>", "<sub>": "</sub>", "<sup>": "</sup>", "\ue000": "\ue001"}
_SPACES = re.compile("([\u00a0 \u2000-\u200b\u205f\u3000]+)")
_QUOTE = re.compile("(^(?:‘|’|“|”|\"|')|(?: \"| ')$)")
_QUOTES = {' "': (" '", '"'), " '": (' "', "'"), "‘": ("‘", "’"), "“": ("“", "”")}
_GREEK = re.compile("^[\u0370-\u03ff]$")


@cache
def stop_words() -> frozenset[str]:
    """The words citeproc-js leaves in lowercase (data/title_stop_words.txt)."""
    text = resources.files("bibkit.render").joinpath("data/title_stop_words.txt").read_text("utf-8")
    return frozenset(w for line in text.splitlines() if not line.startswith("#") for w in line.split())


def _capitalise(word: str) -> str:
    stripped = word.lstrip()
    lead = word[: len(word) - len(stripped)]
    if not stripped or (_GREEK.match(stripped[0]) and len(stripped) == 1):
        return word
    return lead + stripped[0].upper() + stripped[1:]


class _TitleCaser:
    def __init__(self) -> None:
        self.first = True
        self.after_punct = False
        self.last: tuple[int, int] | None = None
        self.skip = stop_words()

    def words(self, text: str, index: int, following: str | None, strings: list[str]) -> str:
        parts = _SPACES.split(text)
        words = parts[0::2]
        for j, word in enumerate(words):
            if not word:
                continue
            lower = word.lower()
            capitalize = ((len(word) > 1 and lower not in self.skip)
                          or (j == len(words) - 1 and following == "-")
                          or self.first or self.after_punct)
            if capitalize and word == lower:
                words[j] = _capitalise(word)
            self.after_punct = self.first = False
            self.last = (index, j)
        parts[0::2] = words
        return "".join(parts)

    def run(self, text: str) -> str:
        pieces = _TAGS.split(text)
        strings, tags = pieces[0::2], pieces[1::2]
        original = list(strings)
        scopes: list[str] = []
        quotes: list[list] = []

        def restore(pos: int) -> None:
            if original[pos + 1]:
                strings[pos + 1] = original[pos + 1][0] + strings[pos + 1][1:]
            self.last = None

        if strings and strings[0].strip():
            strings[0] = self.words(strings[0], 0, tags[0] if tags else None, strings)
        for i, tag in enumerate(tags):
            text_i = strings[i + 1]
            if tag in _SCOPES:
                scopes.append(_SCOPES[tag])
            elif scopes and tag == scopes[-1]:
                scopes.pop()
            if tag[-1:] in "!?:" and tag:
                self.after_punct = True
            if not scopes:
                # citeproc-js passes the following tag for the first segment only
                strings[i + 1] = self.words(text_i, i + 1, None, strings)
            elif text_i.strip():
                self.last = None
            match = _QUOTE.search(tag)
            if match:
                mark = match.group(1)
                pos = None
                if mark in ("“", "‘", ' "', " '"):
                    if not quotes or mark == quotes[-1][0]:
                        quotes.append([*_QUOTES[mark], i])
                    else:
                        pos = quotes.pop()[2]
                        quotes.append([*_QUOTES[mark], None])
                elif quotes and mark == quotes[-1][1]:
                    quotes.pop()
                else:
                    pos = i
                if pos is not None:
                    restore(pos)
            if text_i.strip():
                self.first = self.after_punct = False
        for _, _, pos in quotes:
            if pos is not None:
                restore(pos)
        if self.last is not None:
            index, j = self.last
            parts = _SPACES.split(strings[index])
            word = parts[2 * j]
            if len(word) > 1 and word.lower() in self.skip:
                parts[2 * j] = _capitalise(word)
                strings[index] = "".join(parts)
        out = [strings[0]]
        for tag, string in zip(tags, strings[1:]):
            out += [tag, string]
        return "".join(out)


def title_case(text: str) -> str:
    """`text` in title case, as citeproc-js writes it."""
    return _TitleCaser().run(text)


def title_case_value(value):
    """Title case for citeproc-py's strings; `NoCase` pieces of a `MixedString` stay as they are."""
    if isinstance(value, MixedString):
        marked = "".join(f"\ue000{p}\ue001" if isinstance(p, NoCase) else str(p) for p in value)
        cased = title_case(marked)
        pieces = re.split("(\ue000.*?\ue001)", cased)
        return MixedString([NoCase(p[1:-1]) if p.startswith("\ue000") else String(p) for p in pieces if p])
    if isinstance(value, NoCase):
        return value
    return String(title_case(str(value)))


class TitleCase:
    """Every `TextCased` element: `text-case="title"` by `title_case`; `lowercase` and
    `uppercase` leave `<span class="nocase">` text alone too."""

    def case(self, text, language=None):
        text_case = self.get("text-case")
        if text_case in ("lowercase", "uppercase") and isinstance(text, MixedString):
            change = str.lower if text_case == "lowercase" else str.upper
            return MixedString([p if isinstance(p, NoCase) else String(change(str(p))) for p in text])
        if text_case != "title" or language not in (None, "en"):
            return super().case(text, language)
        return title_case_value(text)


MIXINS: dict[str, tuple[type, ...]] = {tag: (TitleCase,) for tag in ("text", "date-part", "number", "label", "name-part")}
