"""Split a written personal name into CSL parts, the same way for every reader and parser.

`Family, Given`, `Given Family`, `Family, Jr., Given`; particles kept as particles
(`al-Jabri` -> particle `al-`, family `Jabri`; `van Gogh`); braced or institutional names as
literals.
"""

from __future__ import annotations

import re

from bibkit.model import Name
from bibkit.text.normalize import fold

# Non-dropping particles fused to the family name by a hyphen or apostrophe (romanized Arabic).
_FUSED_PARTICLE = re.compile(r"^((?:al|el|ul|ol|ad|ar|as|ash|at|az|an|ath|adh|ad-d)[-‐'’])(?=\w)", re.IGNORECASE)
_SPACED_PARTICLES = {"van", "von", "zu", "de", "der", "den", "da", "di", "du", "del", "della", "des", "le", "la", "ter", "ten",
                     "dos", "das", "bin", "ibn", "ben"}
_CAPITAL_PARTICLES = {"el", "al", "abu", "abou", "ibn", "bin", "ben"}  # Van Horn, El Ghaoui: part of the family
# generational suffixes, written without their dot (`Jr.`, `III`)
SUFFIXES = frozenset({"jr", "sr", "junior", "senior", "ii", "iii", "iv"})
PARTICLES = frozenset(_SPACED_PARTICLES | _CAPITAL_PARTICLES)  # words that open a family name


def is_particle(word: str) -> bool:
    """`de`, `van`, `Abū`, `ibn`: a word that opens a family name (marks aside: Abū = Abu)."""
    return fold(word) in PARTICLES


def is_suffix(word: str) -> bool:
    """`Jr.`, `sr`, `III`: a generational suffix, not a given or family name."""
    return word.casefold().removesuffix(".") in SUFFIXES


def split_particle(family: str) -> tuple[str | None, str]:
    """`al-Jabri` -> (`al-`, `Jabri`); `van Gogh` -> (`van`, `Gogh`); else (None, family)."""
    match = _FUSED_PARTICLE.match(family)
    if match:
        return match.group(1), family[match.end():]
    words = family.split()
    lead = []
    while len(words) > 1 and words[0] in _SPACED_PARTICLES:
        lead.append(words.pop(0))
    return (" ".join(lead), " ".join(words)) if lead else (None, family)


def name_from_parts(family: str, given: str | None = None, suffix: str | None = None) -> Name:
    particle, rest = split_particle(family.strip())
    return Name(family=rest, given=(given or "").strip() or None, particle=particle,
                suffix=(suffix or "").strip() or None)


def name_from_string(text: str) -> Name:
    """A name as written in a list or a BibTeX field; `{World Bank}` or one word is literal-safe."""
    text = re.sub(r"\s+", " ", text.replace("،", ",")).strip().strip(",;")
    if text.startswith("{") and text.endswith("}") and text.count("{") == 1:
        return Name(literal=text[1:-1].strip())
    text = text.replace("{", "").replace("}", "")
    parts = [p.strip() for p in text.split(",")]
    if len(parts) >= 3 and is_suffix(parts[1]):  # King, Jr., Martin Luther (BibTeX)
        return name_from_parts(parts[0], ", ".join(parts[2:]), parts[1])
    if len(parts) == 3 and is_suffix(parts[2]):  # King, Martin Luther, Jr.
        return name_from_parts(parts[0], parts[1], parts[2])
    if len(parts) >= 2 and parts[0]:
        return name_from_parts(parts[0], ", ".join(parts[1:]))
    words = text.split()
    if len(words) == 1:
        return Name(family=words[0])
    if len(words) >= 3 and is_suffix(words[-1]):  # Martin Luther King Jr., John Smith III
        name = name_from_string(" ".join(words[:-1]))
        name.suffix = words[-1]
        return name
    # Given Family: everything from the first particle (or the last word) is the family name.
    cut = next((i for i, w in enumerate(words[1:-1], 1) if is_particle(w)),
               len(words) - 1)
    return name_from_parts(" ".join(words[cut:]), " ".join(words[:cut]))


def name_to_bibtex(name: Name) -> str:
    """`{Abbasi Nozari}, A.` style: multi-word family names braced so BibTeX keeps them whole."""
    if name.literal is not None:
        return "{" + name.literal + "}"
    family = name.family or ""
    if " " in family.strip():
        family = "{" + family + "}"
    if name.particle:
        sep = "" if name.particle.endswith(("-", "‐", "'", "’")) else " "
        family = f"{name.particle}{sep}{family}"
    parts = [family]
    if name.suffix:
        parts.append(name.suffix)
    if name.given:
        parts.append(name.given)
    elif name.suffix:
        parts.append("")
    return ", ".join(parts)
