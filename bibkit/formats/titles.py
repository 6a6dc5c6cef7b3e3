"""Case protection of titles, the way pandoc, biblatex and CSL processors expect it.

In BibTeX, braces keep a word's case when a style sentence-cases a title; in CSL-JSON the
same protection is `<span class="nocase">`. English titles get their proper nouns and
acronyms protected; romanized titles of Persian/Arabic works are protected whole (a style
must not recase `Fī al-shiʿr al-jāhilī`); Arabic-script titles have no case.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

from bibkit.text.script import has_arabic

NOCASE_OPEN = '<span class="nocase">'
NOCASE_CLOSE = "</span>"
_WORD = re.compile(r"(?<![\w{])([^\W\d_][\w'’\-]*)")
_SPECIALS = re.compile(r"(?<!\\)([&%#_$])")


@cache
def proper_nouns() -> frozenset[str]:
    text = resources.files("bibkit.data").joinpath("proper_nouns.txt").read_text("utf-8")
    return frozenset(w.strip().casefold() for w in text.splitlines() if w.strip() and not w.startswith("#"))


MARKUP = re.compile(r"<[^>]{1,30}>")  # CSL rich-text tags: `<span class="nocase">`, `<i>`, `</sup>`


def plain_title(value: str) -> str:
    """A title as a user reads it in a listing: CSL rich-text tags removed."""
    return MARKUP.sub("", value)


def braces_to_nocase(value: str) -> str:
    """`The {US} and {Iran}` -> CSL rich text with nocase spans; other braces dropped."""
    out, depth = [], 0
    for ch in value:
        if ch == "{":
            if depth == 0:
                out.append(NOCASE_OPEN)
            depth += 1
        elif ch == "}" and depth:
            depth -= 1
            if depth == 0:
                out.append(NOCASE_CLOSE)
        else:
            out.append(ch)
    text = "".join(out)
    return text.replace(NOCASE_OPEN + NOCASE_CLOSE, "")


def _is_sentence_case(words: list[str]) -> bool:
    """Most later content words lower case means capitals are meaningful (proper nouns)."""
    later = [w for w in words[1:] if len(w) > 3]
    if not later:
        return False
    lower = sum(1 for w in later if w[0].islower())
    return lower > 0 and lower * 3 >= len(later)


def _needs_protection(word: str, sentence_case: bool) -> bool:
    if any(sum(1 for c in part if c.isupper()) >= 2 for part in word.split("-")):  # US, USSR, McNeill
        return True
    if not word[0].isupper():
        return False
    parts = re.sub(r"['’]s$", "", word).casefold().split("-")
    return sentence_case or any(p in proper_nouns() for p in parts)


def protect_title(value: str, *, english: bool) -> str:
    """Escape LaTeX specials and add the braces a title needs (see module docstring)."""
    value = _SPECIALS.sub(r"\\\1", value).replace(NOCASE_OPEN, "{").replace(NOCASE_CLOSE, "}")
    if has_arabic(value) or not value.strip():
        return value
    if not english:
        return value if value.startswith("{") and value.endswith("}") else "{" + value + "}"
    words = _WORD.findall(value)
    sentence_case = _is_sentence_case(words)
    first_positions = {0} | {m.end() for m in re.finditer(r"[:.?!]\s+", value)}
    out, last = [], 0
    depth_at = _brace_depths(value)
    for match in _WORD.finditer(value):
        word, start = match.group(1), match.start(1)
        at_start = any(abs(start - p) <= 1 for p in first_positions) or start == 0
        if depth_at[start] == 0 and not (at_start and sum(c.isupper() for c in word) < 2) \
                and _needs_protection(word, sentence_case):
            out.append(value[last:start] + "{" + word + "}")
            last = match.end(1)
    out.append(value[last:])
    return "".join(out)


def _brace_depths(value: str) -> list[int]:
    depths, depth = [], 0
    for ch in value:
        if ch == "{":
            depth += 1
        depths.append(depth)
        if ch == "}":
            depth = max(0, depth - 1)
    return depths + [0]
