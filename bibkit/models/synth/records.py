"""Random structured records (CSL-JSON items) in English, Persian, Arabic, romanized Persian and
Arabic, French and German, drawn from the parser's lexicons and the word lists in `data/`.

About a quarter of publishers and periodicals are composed from `data/words.tsv` rather than
taken from the lexicons, and family names come from `data/families.tsv` only, so a tagger
trained on this data cannot learn that every field is a dictionary hit.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from bibkit.parse import lexicons

LANGS = {"en": 0.24, "fa": 0.26, "ar": 0.16, "fa-Latn": 0.14, "ar-Latn": 0.12, "fr": 0.04, "de": 0.04}
TYPES = {
    "en": {"article-journal": 0.3, "book": 0.25, "chapter": 0.13, "article-newspaper": 0.1,
           "webpage": 0.09, "thesis": 0.05, "manuscript": 0.08},
    "fa": {"book": 0.45, "article-journal": 0.28, "chapter": 0.08, "thesis": 0.07,
           "article-newspaper": 0.07, "webpage": 0.03, "manuscript": 0.02},
    "ar": {"book": 0.5, "article-journal": 0.18, "chapter": 0.08, "thesis": 0.07,
           "article-newspaper": 0.1, "manuscript": 0.07},
}
SCRIPT_OF = {"fa": "fa", "ar": "ar"}  # every other language is written in Latin script


@dataclass
class Record:
    """A CSL-JSON item plus how it is written: language, digits and calendar of its dates."""

    item: dict
    lang: str
    digits: str = "latn"  # latn | fa | ar
    calendar: str = "gregorian"
    extra: dict = field(default_factory=dict)  # hints for templates (e.g. hijri suffix)

    @property
    def script(self) -> str:
        return SCRIPT_OF.get(self.lang, "latn")

    @property
    def base(self) -> str:
        """The language whose word lists a romanized record draws on (`fa-Latn` -> `fa`)."""
        return self.lang.split("-")[0]


@cache
def data_rows(name: str) -> tuple[tuple[str, ...], ...]:
    """Rows of one `data/*.tsv` file (comments and blank lines skipped)."""
    text = resources.files(__package__).joinpath("data", name).read_text("utf-8")
    return tuple(tuple(line.split("\t")) for line in text.splitlines() if line and not line.startswith("#"))


@cache
def _words(lang: str, kind: str) -> tuple[str, ...]:
    return tuple(row[2] for row in data_rows("words.tsv") if row[0] == lang and row[1] == kind)


@cache
def _title_slots(lang: str) -> dict[str, tuple[str, ...]]:
    slots: dict[str, list[str]] = {}
    for row in data_rows("titles.tsv"):
        if row[0] == lang:
            slots.setdefault(row[1], []).append(row[2])
    return {k: tuple(v) for k, v in slots.items()}


def _pick_weighted(rng: random.Random, weights: dict[str, float]) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _latin(rng: random.Random, forms: tuple[str, ...], diacritics: bool) -> str:
    """One romanized variant, with or without diacritics as the record prefers."""
    latin = [f for f in forms if f and f.isascii() == (not diacritics)] or [f for f in forms if f]
    return rng.choice(latin)


def _form(rng: random.Random, rec: Record, script_form: str, variants: tuple[str, ...]) -> str:
    """The form of a dictionary row this record writes: script for fa/ar, romanized otherwise."""
    if rec.script in ("fa", "ar") or not variants:
        return script_form
    return _latin(rng, variants, rec.extra.get("diacritics", False))


def _lexicon_value(rng: random.Random, rec: Record, tag: str) -> str:
    """A place, publisher or periodical name from the lexicons in this record's language."""
    rows = lexicons.entries_for(tag, rec.base) or lexicons.entries_for(tag, "en")
    rows = tuple(r for r in rows if rec.script != "latn" or r.lang in ("en", "fr", "de") or r.variants)
    entry = rng.choice(rows)
    return _form(rng, rec, entry.form, entry.variants)


def _composed(rng: random.Random, rec: Record, kind: str) -> str | None:
    """A publisher or periodical name made from `words.tsv` (None if none for the language)."""
    heads, fillers = _words(rec.lang, kind), _words(rec.lang, "word")
    if not heads or not fillers:
        return None
    return rng.choice(heads).replace("{w}", rng.choice(fillers))


def _name_value(rng: random.Random, rec: Record, tag: str, kind: str) -> str:
    """A publisher or periodical: composed one time in four, else from the lexicons."""
    composed = _composed(rng, rec, kind) if rng.random() < 0.25 else None
    return composed or _lexicon_value(rng, rec, tag)


def person(rng: random.Random, rec: Record) -> dict:
    """One personal name as CSL `{family, given}` in the record's script or romanization."""
    base = rec.base if rec.base in ("fa", "ar") else rng.choice(["en", "en", "en", rec.base])
    fam = rng.choice([r for r in data_rows("families.tsv") if r[0] == base])
    given_rows = lexicons.entries_for("given", base) or lexicons.entries_for("given", "en")
    given = rng.choice(given_rows)
    fam_variants = tuple(fam[2].split("|")) if len(fam) > 2 else ()
    return {"family": _form(rng, rec, fam[1], fam_variants), "given": _form(rng, rec, given.form, given.variants)}


def _institution(rng: random.Random, rec: Record) -> dict:
    lang = rec.base if rec.script != "latn" else "en"
    return {"literal": rng.choice(_words(lang, "institution"))}


def authors(rng: random.Random, rec: Record, most: int = 3) -> list[dict]:
    """1-`most` people; now and then an institution or a single-name author (`Viyan`)."""
    roll = rng.random()
    if roll < 0.05:
        return [_institution(rng, rec)]
    people = [person(rng, rec) for _ in range(rng.choice([1, 1, 1, 2, 2, 3][: most * 2]))]
    if roll < 0.08:
        people.append({"literal": people[-1]["given"]})
    return people


def title(rng: random.Random, lang: str) -> str:
    """A title composed from a pattern and slot fillers of `titles.tsv`."""
    slots = _title_slots(lang)
    y1 = rng.randint(1900, 1990)
    text = rng.choice(slots["pattern"]).replace("{y1}", str(y1)).replace("{y2}", str(y1 + rng.randint(2, 30)))
    return re.sub(r"\{([^}]+)\}", lambda m: rng.choice(slots[m.group(1)]), text)


def _year(rng: random.Random, rec: Record) -> int:
    if rec.calendar == "solar-hijri":
        return rng.randint(1320, 1402)
    if rec.calendar == "lunar-hijri":
        return rng.randint(1370, 1445)
    return rng.randint(1950, 2024)


def _date(rng: random.Random, rec: Record, full: bool) -> dict:
    year = _year(rng, rec)
    if not full:
        return {"date-parts": [[year]]}
    return {"date-parts": [[year, rng.randint(1, 12), rng.randint(1, 28)]]}


def _digits(rng: random.Random, n: int) -> str:
    return str(rng.randint(10 ** (n - 1), 10**n - 1))


def _fill_digits(rng: random.Random, text: str) -> str:
    return re.sub(r"\{d(\d)\}", lambda m: _digits(rng, int(m.group(1))), text)


def _pages(rng: random.Random) -> str:
    start = rng.randint(1, 400)
    return f"{start}-{start + rng.randint(3, 40)}" if rng.random() < 0.85 else str(start)


def _url(rng: random.Random, rec: Record) -> str:
    domain = rng.choice(_words("en", "domain"))
    slug = "-".join(re.findall(r"[a-z0-9]+", title(rng, "en").lower())[:6]) or _digits(rng, 6)
    return rng.choice([f"https://www.{domain}/{slug}", f"https://{domain}/article/{_digits(rng, 5)}",
                       f"http://{domain}/publications/{slug}"])


def new_record(rng: random.Random) -> Record:
    """A random record: language, writing habits (digits, calendar, diacritics), then fields."""
    lang = _pick_weighted(rng, LANGS)
    rec = Record({}, lang)
    rec.extra["diacritics"] = rng.random() < 0.35
    if lang == "fa":
        rec.digits = "fa" if rng.random() < 0.7 else "latn"
        rec.calendar = "solar-hijri" if rng.random() < 0.9 else "gregorian"
    elif lang == "ar":
        rec.digits = "ar" if rng.random() < 0.6 else "latn"
        rec.calendar = "lunar-hijri" if rng.random() < 0.25 else "gregorian"
    elif lang == "fa-Latn" and rng.random() < 0.4:
        rec.calendar = "solar-hijri"
    kind = _pick_weighted(rng, TYPES.get(rec.base, TYPES["en"]))
    rec.item = {"id": "item", "type": kind, **_FIELDS[kind](rng, rec)}
    return rec


def _title_lang(rng: random.Random, rec: Record) -> str:
    """Romanized records cite by an English (translated) title half the time, as the seeds do."""
    if rec.lang in ("fa-Latn", "ar-Latn") and rng.random() < 0.5:
        return "en"
    return rec.lang


def _book(rng: random.Random, rec: Record) -> dict:
    out: dict = {"title": title(rng, _title_lang(rng, rec)), "issued": _date(rng, rec, False),
                 "publisher": _name_value(rng, rec, "publisher", "publisher")}
    if rng.random() < 0.88:
        out["author"] = authors(rng, rec)
    else:
        out["editor"] = authors(rng, rec, 2)
    if rng.random() < 0.9:
        out["publisher-place"] = _lexicon_value(rng, rec, "place")
    if rng.random() < (0.35 if rec.lang == "fa" else 0.06):
        out["translator"] = [person(rng, rec) for _ in range(rng.choice([1, 1, 2]))]
    if rng.random() < 0.15:
        out["edition"] = str(rng.randint(2, 9))
    if rng.random() < 0.06:
        out["volume"] = str(rng.randint(1, 6))
    if rng.random() < 0.1:
        out["ISBN"] = f"978-{_digits(rng, 3)}-{_digits(rng, 2)}-{_digits(rng, 4)}-{rng.randint(0, 9)}"
    if rng.random() < 0.04:
        out["collection-title"] = _name_value(rng, rec, "periodical", "periodical")
    if rng.random() < 0.03:
        out["URL"] = _url(rng, rec)
    return out


def _chapter(rng: random.Random, rec: Record) -> dict:
    out = _book(rng, rec)
    out.pop("editor", None)
    out.pop("translator", None)
    out.setdefault("author", authors(rng, rec))
    out["container-title"] = title(rng, _title_lang(rng, rec))
    out["editor"] = [person(rng, rec) for _ in range(rng.choice([1, 2]))]
    out["page"] = _pages(rng)
    return out


def _article(rng: random.Random, rec: Record) -> dict:
    out: dict = {"author": authors(rng, rec), "title": title(rng, _title_lang(rng, rec)),
                 "container-title": _name_value(rng, rec, "periodical", "periodical"),
                 "issued": _date(rng, rec, rng.random() < 0.05)}
    if rng.random() < 0.9:
        out["volume"] = str(rng.randint(1, 60))
    if rng.random() < 0.75:
        out["issue"] = str(rng.randint(1, 12) if rng.random() < 0.8 else rng.randint(13, 120))
    if rng.random() < 0.8:
        out["page"] = _pages(rng)
    if rec.lang == "en" and rng.random() < 0.2:
        out["DOI"] = f"10.{_digits(rng, 4)}/{rng.choice(['00210862', 'S0020743', 'mej', 'jcws_a_'])}.{_digits(rng, 4)}.{_digits(rng, 6)}"
    elif rng.random() < 0.05:
        out["URL"] = _url(rng, rec)
    return out


def _newspaper(rng: random.Random, rec: Record) -> dict:
    out: dict = {"container-title": _lexicon_value(rng, rec, "periodical"), "issued": _date(rng, rec, True)}
    if rng.random() < 0.75:
        out["title"] = title(rng, _title_lang(rng, rec))
    if rng.random() < 0.4:
        out["author"] = authors(rng, rec, 1)
    if rng.random() < 0.3:
        out["volume"] = str(rng.randint(1, 80))
        out["issue"] = _digits(rng, rng.choice([3, 4, 5]))
    if rng.random() < 0.25:
        out["page"] = str(rng.randint(1, 24))
    return out


def _webpage(rng: random.Random, rec: Record) -> dict:
    out: dict = {"title": title(rng, _title_lang(rng, rec)), "issued": _date(rng, rec, True), "URL": _url(rng, rec)}
    if rng.random() < 0.7:
        out["author"] = authors(rng, rec, 2)
    if rng.random() < 0.5:
        lang = rec.base if rec.script != "latn" else "en"
        out["container-title"] = rng.choice(_words(lang, "site"))
    return out


def _thesis(rng: random.Random, rec: Record) -> dict:
    lang = rec.base if rec.script != "latn" else "en"
    out: dict = {"author": authors(rng, rec, 1), "title": title(rng, _title_lang(rng, rec)),
                 "genre": rng.choice(_words(lang, "genre")), "publisher": rng.choice(_words(lang, "university")),
                 "issued": _date(rng, rec, False)}
    if rng.random() < 0.6:
        out["publisher-place"] = _lexicon_value(rng, rec, "place")
    return out


def _manuscript(rng: random.Random, rec: Record) -> dict:
    lang = rec.base if rec.script != "latn" else "en"
    # a document's description (`Bullard to Eden`, `گزارش ادارهٔ نظمیهٔ تبریز`) or a title
    described = _fill_digits(rng, rng.choice(_words(lang, "document"))) if rng.random() < 0.5 else None
    out: dict = {"title": described or title(rng, _title_lang(rng, rec)), "issued": _date(rng, rec, True),
                 "archive": rng.choice(_words(lang, "archive")),
                 "archive_location": _fill_digits(rng, rng.choice(_words(lang, "shelfmark")))}
    if rng.random() < 0.4:
        out["author"] = [_institution(rng, rec)]
    if rng.random() < 0.2:
        out["translator"] = [person(rng, rec)]
    if rng.random() < 0.2:
        out["URL"] = _url(rng, rec)
    return out


_FIELDS = {
    "book": _book, "chapter": _chapter, "article-journal": _article, "article-newspaper": _newspaper,
    "webpage": _webpage, "thesis": _thesis, "manuscript": _manuscript,
}
