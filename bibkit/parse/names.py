"""Name lists as reference lists print them, split into CSL names.

Handles the shapes styles produce: inverted with initials (`Family, G., Family2, G., &
Family3`), display order (`G. Family, G. Family2, and G. Family3`), Vancouver (`Family GH,
Family2 G`), all-caps families (`BARONE Robert`), Chicago/MLA mixes (`Family, Given, and Given2
Family2`), `Family (G.)`, Persian/Arabic lists (`زرین‌کوب، عبدالحسین و …`), single names, and
institutions (kept as literal names).
"""

from __future__ import annotations

import re

from bibkit.model import Name
from bibkit.namesplit import (
    SUFFIXES,
    is_particle,
    is_suffix,
    name_from_parts,
    name_from_string,
)
from bibkit.parse.lexicons import tags_for
from bibkit.parse.tokens import STOPS
from bibkit.text.normalize import rejoin_hyphens
from bibkit.text.script import has_arabic

_EDGE = " \t,;:.()[]{}«»\"“”‘’'،؛"
_BRACKETED_TAIL = re.compile(r"\s*[(\[]([^)\]]*)[)\]]?\s*$")  # `Max (Johann Kaspar Schmidt)`, `Samir [Kanan Makiya]`
_NAME_WITH_BRACKET = re.compile(r"(.+?)\s*\(([^)]+)\)?")
_CAPS_NAME_AFTER_STOP = re.compile(r"\.\s+(?=[A-Z\u00C0-\u00DE]{2,}\b)")
# a role cue in brackets after the names it belongs to: `Avery, P. (ed.)`, `(Trans.)`, `(Hg.)`, `(trad.)`
BRACKETED_ROLE = re.compile(r"\(\s*(?:(?P<editor>eds?|hrsg|hg|dir|coords?|comp|ویراستار(?:ان)?|مصحح|محقق|گردآورنده|محرر)|"
                            r"(?P<translator>trans|transl|tr|trad|übers|مترجم(?:ان)?|ترجمه|ترجمة))\.?\s*\)", re.IGNORECASE)
# Arabic-script cues that open an editor's or a translator's names (`تحقيق X`, `ترجمهٔ X`): one
# spelling for the name cleaner here and for the repairs that move and recut roles. An editor's
# cue is an editing task (تصحیح, تحقيق, ویرایش), an Arabic verb of editing with its pronoun
# (حققه, اعتنى به, عني بنشره), a Persian phrase (به کوشش, زیر نظر), or a list of tasks one of
# which is editing (`مقدمه، تصحیح و تعلیقات`, `دراسة وتحقيق`, `قدم له وحققه ووضع فهارسه`).
_TASK_END = "[\u0650\u0654\u200c\u06cc]*"  # the ezafe after a task: تصحیحِ, تحشیهٔ, ویراسته‌ی
# the nouns among them may also open a title (`تحقيق ما للهند`, `تصحیح متون`); the verbs and phrases never do
_EDITING_NOUNS = r"تصحیح|تصحيح|تحقيق|تحقیق|تحشیه|تحشية|ویرایش|تنقيح|تنقیح|گردآوری|إعداد|تحرير|إشراف"  # تحرير المرأة
TITLE_OPENING_CUE = re.compile(rf"(?:{_EDITING_NOUNS}){_TASK_END}")
_EDITING = (rf"{_EDITING_NOUNS}|ویراسته|حق\u0651?ق(?:ه|ها)|"
            r"صح\u0651?ح(?:ه|ها)|ضبط(?:ه|ها)|ضبط\s+نص(?:ه|ها)|اعتنى\s+ب(?:ه|ها)|عن[يیى]\s+ب[^\W\d_]+|"
            r"به\s*\u200c?\s*کوشش|به\s*\u200c?\s*اهتمام|به\s+سعی|زیر\s+نظر|گردآورنده|حرر(?:ه|ها)|أعد(?:ه|ها)")
# tasks named beside an editing one that open no names alone (`شرح مثنوی` is a title)
_BESIDE_EDITING = (r"تدوین|تدوين|تعلیق(?:ات)?|تعليق(?:ات)?|توضیح(?:ات)?|توضيح(?:ات)?|حواشی|حواشي|شرح(?:ه|ها)?|مقدمه|مقدمة|"
                   r"تقديم|قد\u0651?م\s+ل(?:ه|ها)|دراسة|ضبط|مراجعة|راجع(?:ه|ها)|فهرسة|فهارس|وضع\s+فهارس(?:ه|ها)|"
                   r"تخريج|جمع(?:ه|ها)|نشر(?:ه|ها)|اهتمام|عل\u0651?ق\s+علي(?:ه|ها)")
_TASK_JOIN = r"\s*(?:[،,]\s*)?(?:و\s*)?"
EDITOR_SCRIPT_CUES = (rf"(?:(?:به|با)\s+)?(?:(?:{_BESIDE_EDITING}){_TASK_END}{_TASK_JOIN})*(?:{_EDITING}){_TASK_END}"
                      rf"(?:{_TASK_JOIN}(?:{_EDITING}|{_BESIDE_EDITING}){_TASK_END}(?![^\W\d_]))*")
# tasks ending a segment after its full stop or comma (`منطق‌الطیر. مقدمه،`) that open the editor's cue after it
TASKS_BEFORE_EDITING = re.compile(rf"(?<=[.،,])\s*(?:(?:{_BESIDE_EDITING}){_TASK_END}{_TASK_JOIN})+$")
TRANSLATOR_SCRIPT_CUES = r"ترجمه[\u200c\u0654\u06cc]*|ترجمۀ|ترجمة|نقله\s+إلى\s+العربية"  # ترجمهٔ, ترجمه‌ی
# further tasks belong to the cue before them: ترجمه و تحشیه, ترجمه و تحقیق, تحقيق وشرح
TASKS_AFTER_CUE = rf"(?:{_TASK_JOIN}(?:{EDITOR_SCRIPT_CUES}|{TRANSLATOR_SCRIPT_CUES}|{_BESIDE_EDITING}){_TASK_END}(?![^\W\d_]))*"
ROLE_CUES = re.compile(
    r"\b(?:edited|translated|compiled|introduced|selected)\s+(?:and\s+\w+\s+)?by\b|\bed(?:itor)?s?\.?\s+by\b|"
    r",\s*eds\s*,?\s*$|"  # `Seng Tan and Amitav Acharya, eds,`: plural, so not the given name Ed
    r"\b(?:eds?|trans|tr|transl|comp|hrsg|hg|dir|coord)\.(?=\s|$|,|\))|" + BRACKETED_ROLE.pattern + "|"
    r"\b(?:editors?|translators?|herausgeber)\b|^\s*in\s*:?\s+|"
    rf"(?:{TRANSLATOR_SCRIPT_CUES}|{EDITOR_SCRIPT_CUES}|مترجم(?:ان)?|تقديم|تأليف|تألیف)"
    rf"{TASKS_AFTER_CUE}", re.IGNORECASE)
_LETTER = re.compile(r"[^\W\d_]")
_ET_AL = re.compile(r"\bet\s*al\.?|(?:\band|&)\s+others\b\.?|\bu\.\s*a\.|\bو\s+دیگران|\bوآخرون|\bو\s+آخرون|\bو\s+همکاران", re.IGNORECASE)
_AND = re.compile(r"\s*(?:[;؛]|\s&\s?|&|,?\s+and\s+|,?\s+und\s+|,?\s+et\s+|,?\s+y\s+|(?:[،,]\s*|\s+)و\s+)\s*",
                  re.IGNORECASE)
_INITIALS = re.compile(r"^(?:[A-Z\u00C0-\u00DE\u0410-\u042F](?:[a-z\u0430-\u044F]\.|\.)?[\s\-]?){1,4}$")
_CAPS_WORD = re.compile(r"^[A-Z\u00C0-\u00DE][A-Z\u00C0-\u00DE'’\-]{2,}$")
_VANCOUVER = re.compile(r"^([^\W\d_][\w'’\-]+(?:\s[^\W\d_][\w'’\-]+)?)\s+([A-Z]{1,3})$")
_INSTITUTION = re.compile(
    r"\b(?:newspaper|ministry|office|embassy|university|institute|center|centre|council|committee|commission|"
    r"organi[sz]ation|department|agency|bank|press|association|society|foundation|government|records|"
    r"group|corporation|company|inc|ltd|nations|union|bureau|service|library|museum|archives?|"
    r"vez[aā]rat|viz[aā]rat|wiz[aā]rat|s[aā]zm[aā]n|markaz|d[aā]neshg[aā]h|ed[aā]re?h?)\b|"
    r"^(?:وزارت|سازمان|مرکز|دانشگاه|اداره|روزنامه|مؤسسه|خبرگزاری|سایت|وبگاه|شبکه|انجمن|بنیاد|کانون|مجلس|حزب|"
    r"(?:ال)?(?:وزارة|مركز|جامعة|مؤسسة|موقع|وكالة|قناة|صحيفة|هيئة|جمعية|مجلس|حزب)|دار)\b", re.IGNORECASE)


_SPACED_STOP = re.compile(rf"(?<=\S)\s+(?=[{re.escape(STOPS)}](?:\s|$))")


def clean_name_list(text: str) -> str:
    """Role words, `et al.` and line-break hyphens (`Mur- phy`) removed, stops spaced off their
    word (`Keddie , N . R .`, a PDF's spacing) put back."""
    text = _SPACED_STOP.sub("", rejoin_hyphens(text))
    text = ROLE_CUES.sub(" ", text)
    text = _ET_AL.sub(" ", text)
    text = text.replace("،", ",")
    return " ".join(text.split()).strip(_EDGE + "-‐‑‒–—―⸺⸻")


def split_names(text: str) -> list[Name]:
    """A name list as written to names, in order."""
    text = clean_name_list(text)
    if not text:
        return []
    if _INSTITUTION.search(text) and not re.search(r",\s*[A-Z]\.", text) and not _AND.search(text):
        return [Name(literal=_institution(text))]
    text = _CAPS_NAME_AFTER_STOP.sub("; ", text)  # JOUET, Emmanuelle. GREACEN, Tim
    names: list[Name] = []
    for chunk in _AND.split(text):
        chunk = chunk.strip(_EDGE)
        if _LETTER.search(chunk):  # `???? !!!!` names nobody
            names.extend(_chunk_names(chunk))
    return names


def _institution(text: str) -> str:
    """An institution keeps a closing bracket of its abbreviation: `Council (ITRC)`."""
    text = text.strip()
    if text.count("(") > text.count(")"):
        text += ")"
    return text


def _is_initials(part: str) -> bool:
    return bool(_INITIALS.match(part.strip())) and len(part.strip()) <= 12


def _looks_given(part: str) -> bool:
    """A part that can be the given name of the part before it (`F.`, `Robert`, `George S.`,
    `عبدالحسین`)."""
    words = part.split()
    if _is_initials(part):
        return True
    if not words or len(words) > 3 or not all(w[:1].isalpha() for w in words):
        return False
    return len(words) <= 2 or all(_is_initials(w) for w in words[1:]) or len(words) == 3


def _display_name(part: str) -> bool:
    """`O. Ambacher`, `Ambacher O.`, `Smith JA`, `BARONE Robert`: a whole name on its own
    (`AL RUBAEE`, `DE JONG`: a family name with its particle)."""
    words = part.split()
    if len(words) < 2 or is_suffix(words[-1]) or is_particle(words[0]):
        return False  # `Smith III`: a family name and its suffix
    caps_family = bool(_CAPS_WORD.match(words[0])) and not words[-1].isupper()  # BARONE Robert
    return _is_initials(words[0]) or bool(_VANCOUVER.match(part)) or caps_family


# a romanized laqab standing as the family name (`Etemad al-Saltaneh, Mohammad Hasan Khan`,
# `Nezam al-Molk`, `Mostowfi ol-Mamalek`): two words joined by the article
_LAQAB = re.compile(r"[A-ZĀĪŪʿ][\w'’ʿʾ]+\s+(?:al|ol|ul|el|od|ud|ad|os|ot)-[\w'’ʿʾ]+")


def _chunk_names(chunk: str) -> list[Name]:
    """One `and`-free run of names. The first part decides the list's shape: a lone word
    (`Modahl, C. Green, L.`) means inverted names; several words (`Rachid Attia, Jeremie
    Daniel`) mean display order, unless initials follow (`Abbasi Nozari, A.`)."""
    parts = [part for p in chunk.split(",") if (part := _drop_aside(p.strip())).strip(_EDGE)]  # `(…, Trans.)` twice: `).`
    inverted = len(parts) > 1 and (len(_family_words(parts[0])) == 1 or bool(has_arabic(parts[0])) or (
        len(parts) == 2 and (len(parts[1].split()) == 1 or bool(_LAQAB.fullmatch(parts[0])))))  # Wong Fillmore, Lily
    if inverted and _initials_then_family(parts):
        parts = [piece for p in parts for piece in _split_initials_family(p)]
    out: list[Name] = []
    i = 0
    while i < len(parts):
        part, following = parts[i], parts[i + 1] if i + 1 < len(parts) else None
        if is_suffix(part.strip(_EDGE)) and out and out[-1].family:  # Hershey, Robert, Jr.
            out[-1].suffix = _suffix(part.strip(_EDGE))
            i += 1
            continue
        # `Ferrand, Miguel, João Alexandre Leite, Amilcar Cardoso`: after the first name, a
        # several-word part followed by another is a whole name, not a family before its given
        pair = following is not None and not _display_name(part) and (
            _looks_given(following) or (inverted and len(parts) == 2)) and (  # Pereira, Maria Aparecida Viana
            _is_initials(following) or (inverted and (i == 0 or len(part.split()) == 1 or has_arabic(part))))
        if pair:
            out.append(_inverted(part, following))
            i += 2
        else:
            out.append(_whole(part))
            i += 1
    return [n for n in out if n.family or n.literal]


def _family_words(part: str) -> list[str]:
    """The words of a family name after its leading particles (`de Villiers` -> `Villiers`)."""
    words = part.split()
    while len(words) > 1 and is_particle(words[0]):
        words = words[1:]
    return words


def _drop_aside(part: str) -> str:
    """`Max (Johann Kaspar Schmidt)`: a bracketed aside that is not initials is not the name."""
    match = _BRACKETED_TAIL.search(part)
    if match and match.start() > 0 and not _is_initials(match.group(1)):
        return part[: match.start()]
    return part


def _initials_then_family(parts: list[str]) -> bool:
    """`Modahl, C. Green, L. Fein, D.`: every middle part is the previous name's initials
    followed by the next family name, and the list ends on initials."""
    return len(parts) >= 3 and _is_initials(parts[-1]) and all(
        len(_split_initials_family(p)) == 2 for p in parts[1:-1])


def _split_initials_family(part: str) -> list[str]:
    """In an inverted list, `C. Green` is the initials of one name and the family of the next."""
    match = re.fullmatch(r"((?:[A-Z\u00C0-\u00DE]\.[\s\-]?){1,3})\s*([^\W\d_][\w'’\-]+(?:\s[^\W\d_][\w'’\-]+)?)", part)
    return [match.group(1).strip(), match.group(2)] if match else [part]


_COMPOUND_TAILS = {"الدين", "الدوله", "الدولة", "الله", "الملک", "الملك", "السلطنه", "السلطنة"}
_NASAB_ALONE = {"ابن", "بن", "ابو", "أبو", "ابی", "أبي"}
_KUNYA = {"ابو", "أبو", "ابی", "أبي", "عبد", "ام", "أم", "سید", "سيد", "میرزا", "حاج", "شیخ", "الشيخ"}
NAME_OPENERS = frozenset(_NASAB_ALONE | _KUNYA)  # words that open an Arabic-script name before its given name


def _script_display_name(words: list[str]) -> Name:
    """`علی‌اکبر سعیدی سیرجانی`, `محمد أبو الفضل إبراهيم`: leading given names (by the
    given-name dictionary; kunyas and titles join the word after them) are the given name,
    the rest the family name (at least the last word)."""
    if len(words) == 2 and words[0] in _NASAB_ALONE:
        return Name(literal=" ".join(words))  # ابن منظور, Ibn Khaldun's kind: known by the nasab alone
    i = 0
    while i < len(words) - 1:
        if words[i] in _KUNYA and i + 1 < len(words) - 1 or i + 1 < len(words) - 1 and words[i + 1] in _COMPOUND_TAILS:
            i += 2
        elif "given" in tags_for(words[i]):
            i += 1
        else:
            break
    i = max(i, 1)
    return name_from_parts(" ".join(words[i:]), " ".join(words[:i]))


_FAMILY_SUFFIX = re.compile(rf"[\s,]+({'|'.join(sorted(SUFFIXES))})\.?$", re.IGNORECASE)  # Koshland Jr., Smith III


def _suffix(word: str) -> str:
    """A generational suffix as printed: `Jr.`, `Sr.`, `III`, `Junior`."""
    word = word.rstrip(".")
    if word.upper() in ("II", "III", "IV"):
        return word.upper()
    return word.capitalize() + ("." if len(word) == 2 else "")


def _inverted(family: str, given: str) -> Name:
    family = family.strip(_EDGE)
    given = given.strip(" ;:()[]«»\"“”")
    suffix = None
    if (m := _FAMILY_SUFFIX.search(family)) and given:
        family, suffix = family[: m.start()], _suffix(m.group(1))
    if given and not _is_initials(given) and not _is_initials(given.split()[-1]):
        given = given.rstrip(".")
    elif (last := re.search(r"(?:^|[\s.-])([^\W\d_])$", given)) and last.group(1).isupper():
        given += "."  # a bare last initial: `G`, `F.M`, `Orville G`, `P.-Y`, Cyrillic `Е.Д`
    if family[:1].islower() and not re.match(r"^(?:al|el|van|von|de|da|di|du|la|le|ibn|bin)\b[-\s]", family):
        family = family[:1].upper() + family[1:]  # "roby" -> "Roby"
    if given[:1].islower():
        given = given[:1].upper() + given[1:]
    if family.isupper() and len(family) > 3:
        family = family.title()
        if given.isupper():  # KEDDIE, NIKKI R. -> Keddie, Nikki R. (initials stay)
            given = " ".join(w if _is_initials(w) else w.title() for w in given.split())
    return name_from_parts(family, given or None, suffix)


def _whole(part: str) -> Name:
    """One name written whole: display order, Vancouver, all-caps family, `Family (G.)`."""
    part = part.strip(_EDGE)
    if m := _NAME_WITH_BRACKET.fullmatch(part):
        return _inverted(m.group(1), m.group(2))
    words = part.split()
    if len(words) == 1:
        return Name(literal=part) if not part[:1].islower() else Name(literal=part.capitalize())
    if len(words) >= 3 and is_suffix(words[-1]):  # A. Poulin Jr., John Smith III (not initials I. I. I.)
        name = _whole(" ".join(words[:-1]))
        name.suffix = _suffix(words[-1])
        return name
    if has_arabic(part):
        return _script_display_name(words)
    if m := _VANCOUVER.match(part):
        return _inverted(m.group(1), ".".join(m.group(2)) + ".")
    trailing = len(words) - next((i for i in range(len(words), 0, -1) if not _is_initials(words[i - 1])), 0)
    if trailing and not _is_initials(words[0]):  # Andreae M. O.
        return _inverted(" ".join(words[:-trailing]), " ".join(words[-trailing:]))
    if _CAPS_WORD.match(words[0]) and not words[-1].isupper():
        caps = [w for w in words if _CAPS_WORD.match(w)]
        rest = [w for w in words if not _CAPS_WORD.match(w)]
        return _inverted(" ".join(caps), " ".join(rest))
    return name_from_string(part)
