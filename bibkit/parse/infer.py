"""What labelling alone does not say: the item type and the language of the cited work."""

from __future__ import annotations

import re
from functools import cache

from bibkit.model import Reference
from bibkit.parse.lexicons import entries_for, fold
from bibkit.parse.normalizers import remarked_language
from bibkit.text.script import has_arabic, language_of, leading_script, script_of

_NEWSPAPER = re.compile(r"\b(?:newspaper|times|post|herald|guardian|gazette|daily|tribune|news)\b|"
                        r"روزنامه|جريدة|صحيفة", re.IGNORECASE)
_THESIS = re.compile(r"thesis|dissertation|پایان[\u200c ]?نامه|رساله|أطروحة|رسالة", re.IGNORECASE)
_REPORT = re.compile(r"\breport\b|\b(?:working|discussion|policy|occasional|research) paper\b|\bbrief\b|گزارش|تقرير",
                     re.IGNORECASE)
_ROMAN_FA = re.compile(r"\b\w+-(?:e|ye|ha|haye)\b|\b(?:va|dar|az|ba|enteshar\w*|nashr|sherkat|tarikh|siyasat)\b", re.IGNORECASE)
_ROMAN_AR = re.compile(r"\b(?:al|wa|bi|li|fi)-\w+|\w+iyya\b|\bdar\s+al\b|\bmaktab|\bmatba", re.IGNORECASE)


def infer_type(ref: Reference, labels: set[str]) -> str:
    if ref.text.get("archive") or ref.text.get("archive_location"):
        return "document"
    container = ref.text.get("container-title", "")
    if "journal" in labels:
        whole_issue = "title" not in ref.text  # an issue cited whole: a gazette, a newspaper
        issued = ref.dates.get("issued")
        if _NEWSPAPER.search(container) or whole_issue or (issued and issued.parts and len(issued.parts[0]) == 3):
            return "article-newspaper"
        return "article-journal"
    if _THESIS.search(ref.text.get("genre", "")):
        return "thesis"
    if _REPORT.search(ref.text.get("genre", "")) or _REPORT.search(ref.text.get("collection-title", "")):
        return "report"
    if container:
        return "chapter" if ref.names.get("editor") or ref.text.get("publisher") else (
            "article-newspaper" if _NEWSPAPER.search(container) else "article-journal")
    if ref.text.get("publisher") or ref.text.get("publisher-place") or ref.text.get("ISBN") \
            or ref.text.get("number-of-pages"):  # a periodical has no length
        return "book"
    if ref.text.get("URL"):
        return "webpage"
    if ref.text.get("volume") or ref.text.get("issue"):
        return "article-newspaper" if any(_NEWSPAPER.search(n.literal or "") for n in ref.names.get("author", [])) \
            else "article-journal"
    return "document"


@cache
def _place_languages(tags: tuple[str, ...] = ("place", "publisher", "periodical")) -> dict[str, str]:
    """Folded Persian and Arabic place (and publisher, periodical) names -> the language of
    works published there."""
    return {fold(form): entry.lang for tag in tags for entry in entries_for(tag) if entry.lang in ("fa", "ar")
            for form in (entry.form, *entry.variants)}


_PLACE_WORD_BREAK = re.compile(r"[\s,/;:-]+")
_ARABIC_PUBLISHER_HEAD = re.compile(r"(?:dar|dār|al-)", re.IGNORECASE)


def _named_place_language(place: str) -> str | None:
    """The language of a Persian or Arabic city named inside a longer place (`Tehran, Iran`,
    `Beirut and London`): any run of up to three of its words that is a known place (only a
    place: a publisher's or journal's name, `Hermes`, `Tus`, is no city)."""
    known = _place_languages(("place",))
    words = [fold(word) for word in _PLACE_WORD_BREAK.split(place) if word]
    return next((known[key] for n in (3, 2, 1) for i in range(len(words) - n + 1)
                 if (key := " ".join(words[i:i + n])) in known), None)


def _has_arabic_letters(text: str) -> bool:
    """`script_of(text) in ("Arab", "mixed")`, cheaper: most text has no Arabic-script
    character at all, and text that opens with an Arabic letter needs no count of them."""
    return has_arabic(text) and (leading_script(text) == "Arab" or script_of(text) in ("Arab", "mixed"))


def infer_language(ref: Reference) -> tuple[str | None, str]:
    """The cited work's language (BCP 47) and the cue that decided it."""
    if said := remarked_language(ref.source or ""):
        return said, "remark"  # `(In Persian)`: the reference says so
    title = ref.text.get("title", "")
    if title and _has_arabic_letters(title):
        # the imprint beside the title: a short title (حیات یحیی, بين القصرين) says little alone
        imprint = " ".join(ref.text.get(var, "") for var in ("publisher-place", "publisher"))
        tag = language_of(f"{title} {imprint}" if has_arabic(imprint) else title)
        if tag in ("fa", "ar"):
            return tag, "script"
    known = _place_languages()
    for var in ("publisher-place", "publisher", "container-title"):
        value = ref.text.get(var, "")
        if value and (lang := known.get(fold(value))):
            return lang, var
    if lang := _named_place_language(ref.text.get("publisher-place", "")):
        return lang, "publisher-place"
    publisher = ref.text.get("publisher", "")
    if _ROMAN_AR.search(publisher) or _ARABIC_PUBLISHER_HEAD.match(publisher):
        return "ar", "publisher"
    if _ROMAN_FA.search(publisher):
        return "fa", "publisher"
    if title:
        if _ROMAN_FA.search(title) and not _ROMAN_AR.search(title) and re.search(r"-(?:e|ye)\b", title):
            return "fa-Latn", "romanization"
        tag = language_of(title, detect=False)
        if tag:
            return tag, "title"
        if title.isascii() and _ENGLISH_IMPRINT.search(" ".join((publisher, ref.text.get("publisher-place", "")))):
            return "en", "publisher"  # a title with no cue of its own, from an English-language imprint
        tag = language_of(title)  # langdetect, the slow last resort
        if tag:
            return tag, "title"
    return None, "none"


_ENGLISH_IMPRINT = re.compile(r"\b(?:university press|press|publishers?|books|london|new york|oxford|cambridge|"
                              r"boston|chicago|princeton|berkeley|new haven)\b", re.IGNORECASE)
