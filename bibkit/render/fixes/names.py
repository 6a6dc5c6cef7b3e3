"""Names: initials, particles, name order, et-al and `and`, rewritten after CSL 1.0.2.

Fixes measured on the suite categories `name`, `nameattr`, `nameorder`, `etal`, `magic`:
- `initialize="false"` is honoured: full given names stay, only existing initials are
  punctuated (name_InitialsInitializeFalse*); abbreviations such as `Ph.` are kept
  (name_InitialsInitializeTrue*), all-caps `ME` gives `M`.
- Given names in caseless scripts (Arabic, Persian) are initialized by their first letter
  (`م. ع.`) instead of being taken for particles (". محمد . عابد .").
- Particles that end in a hyphen or apostrophe join the family name (`al-Jabri`, `d’Aubignac`),
  never `al- Jabri`; demoted particles follow the given name when sorting.
- `et-al-use-last`, `delimiter-precedes-last`/`-et-al` (`after-inverted-name` too) and
  `form="count"` (a number, summed over variables) follow the spec.
- CJK names print family then given with no space, never initialized (name_AsianGlyphs).
- A `cs:names` without `cs:name` (outside `cs:substitute`) gets bibkit's `cs:name`, not
  citeproc-py's stock one, so all of the above and the style-wide name options apply
  (Vancouver/NLM initials).
- A straight apostrophe in a name prints as ’ (`Shun’ichi`, `d’Aubignac`), as in fields.
- A suffix written into the given name after a comma (`John, III`; `John,! Jr.` for a
  comma before it) is parsed out, as citeproc-js does (magic_NameSuffix*).
- A lowercase particle written into the family name (`al-One`, `van Gogh`) is parsed out as
  a non-dropping particle, as citeproc-js does, so `demote-non-dropping-particle` applies
  to it; `sort-only` demotes when rendering sort keys (name_HyphenatedNonDroppingParticle*).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from bibkit.render.fixes.disambiguate import OVERRIDES
from bibkit.render.fixes.lookups import forget_children, memo
from bibkit.render.fixes.substitute import FIRST_NAME_LIST, state_of

GLUED_PARTICLE_ENDS = ("-", "'", "’")  # names print ' as ’ (citeproc-js), both glue
_TOKEN = re.compile(r"([^\s.]+)(\.?)")
_LEADING_MARKS = re.compile(r"[ʿʾ'’]*.")  # ʿAbid -> ʿA., not ʿ.
_FAMILY_PARTICLE = re.compile(
    r"^((?:(?:van|von|de|der|den|del|della|di|da|du|des|dos|das|la|le|ter|ten|op|zu|al|el)\s+)+"
    r"|(?:al|el|ad|an|ar|as|at|az|ash|adh)[-‐‑]|[dl][’'])(?=[A-ZÀ-ÖØ-Þ\u0100-\u024fʿʾ])")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]")


def glue(particle: str | None, family: str | None) -> str:
    """Particle and family name: `al-Jabri`, `d’Aubignac`, `van Gogh`."""
    if not particle:
        return family or ""
    if not family:
        return particle
    sep = "" if particle.endswith(GLUED_PARTICLE_ENDS) else " "
    return f"{particle}{sep}{family}"


def _words(*parts: str | None) -> str:
    """Parts joined by spaces; a part ending in a no-break space needs none (`John\xa0Doe`)."""
    out = ""
    for p in parts:
        if p:
            out += p if not out or out.endswith("\xa0") else " " + p
    return out


def _is_particle(word: str) -> bool:
    """A lowercase Latin word inside a given name (`de`, `van`) is not initialized."""
    return word[0].isalpha() and word[0].islower()


def initialize_given(given: str, mark: str, initialize: bool = True, hyphen: bool = True) -> str:
    """Initials for a given name the way CSL 1.0.2 describes them.

    Words written with a period (`Ph.`, `Me.`) are abbreviations and kept; with
    `initialize` false, full words stay and only single letters and abbreviations get
    `mark`. Scripts without case (Arabic, Persian) initialize by their first letter.
    """
    parts = given.split("-") if hyphen else [given.replace("-", " ")]
    out = []
    for part in parts:
        pieces = []
        for word, period in _TOKEN.findall(part):
            if _is_particle(word):
                pieces.append(f" {word} ")
            elif period or len(word) == 1:
                pieces.append(word + mark)
            elif initialize:
                pieces.append(_LEADING_MARKS.match(word).group(0) + mark)
            else:
                pieces.append(word + " ")
        out.append(" ".join("".join(pieces).split()))
    return "-".join(p for p in out if p)


@dataclass(frozen=True)
class NameOptions:
    """The inheritable name options as they apply to one `cs:name` rendering."""

    and_: str | None
    delimiter: str
    precedes_et_al: str
    precedes_last: str
    et_al_min: int
    et_al_use_first: int
    et_al_use_last: bool
    initialize: bool
    initialize_with: str | None
    hyphen: bool
    sort_order: str | None
    sort_separator: str
    form: str
    demote: str
    sorting: bool


def _options(element: Any, context: Any, sort_options: dict | None) -> NameOptions:
    """The name options in force: on `cs:name`, else on `cs:citation`/`cs:bibliography`,
    else on `cs:style` (CSL 1.0.1 inheritable options; citeproc-py skips the style level),
    else the defaults. Without `et-al-use-first` anywhere, et-al never truncates."""
    found = (context if context is not None else element).xpath_search(
        "./ancestor::*[self::cs:citation or self::cs:bibliography][1]")
    sources = [element, found[0] if found else None, element.get_root()]

    def raw(name: str) -> str | None:
        if sort_options and name in sort_options:
            return str(sort_options[name])
        for n, source in enumerate(sources):
            key = f"name-{name}" if n and name in ("form", "delimiter") else name
            if source is not None and source.get(key) is not None:
                return source.get(key)
        return None

    def opt(name: str) -> Any:
        value = raw(name)
        if value is None:
            return element.get_option(name, context, sort_options)
        if name.startswith("et-al") and name != "et-al-use-last":
            return int(value)
        if name in ("initialize-with-hyphen", "et-al-use-last"):
            return value.lower() == "true"
        return value

    use_first = opt("et-al-use-first") if raw("et-al-use-first") is not None else 10 ** 6
    return NameOptions(  # sort keys join names without "and", as citeproc-js does
        and_=opt("and") if sort_options is None else None, delimiter=opt("delimiter"),
        precedes_et_al=opt("delimiter-precedes-et-al"),
        precedes_last=opt("delimiter-precedes-last"),
        et_al_min=opt("et-al-min"), et_al_use_first=use_first,
        et_al_use_last=opt("et-al-use-last"),
        initialize=element.get("initialize", "true").lower() != "false",
        initialize_with=opt("initialize-with"), hyphen=opt("initialize-with-hyphen"),
        sort_order=opt("name-as-sort-order"), sort_separator=opt("sort-separator"),
        form=opt("form"), demote=str(opt("demote-non-dropping-particle")).lower(),
        sorting=sort_options is not None,
    )


def split_particle(family: str) -> tuple[str | None, str]:
    """`al-One` -> (`al-`, `One`), `van der Berg` -> (`van der`, `Berg`); else (None, family)."""
    match = _FAMILY_PARTICLE.match(family)
    if not match:
        return None, family
    return match.group(1).strip(), family[match.end():]


def _in_citation(context: Any) -> bool:
    def compute() -> bool:
        try:
            return context.get_layout().getparent().tag.endswith("}citation")
        except (IndexError, AttributeError):
            return False
    return memo(context, "_bk_in_citation", compute)


def _disambiguated(opts: NameOptions, extra: dict) -> NameOptions:
    """Options with names or given names added to tell a cite from another (see
    `disambiguate`): more names before et-al; the long form; full given names."""
    changes: dict[str, Any] = {}
    if extra.get("names", 0) > opts.et_al_use_first:
        changes["et_al_use_first"] = extra["names"]
    given = extra.get("given", 0)
    if given >= 1 and opts.form == "short":
        changes["form"] = "long"
    if given >= 2 or (given == 1 and opts.form != "short"):
        changes["initialize_with"] = None
    return replace(opts, **changes) if changes else opts


def _delimit(rule: str, count_ok: bool, inverted: bool) -> bool:
    """Whether a delimiter goes before `and`/et-al under a `delimiter-precedes-*` rule."""
    return {"always": True, "never": False, "after-inverted-name": inverted}.get(rule, count_ok)


class NameFormatting:
    """`cs:name`: render a list of names after the spec (see module docstring)."""

    def process(self, item, variable, context=None, sort_options=None, **kwargs):
        text = self._names(item, variable, context, sort_options)
        if text and sort_options is None and not isinstance(text, int):
            state = state_of(self, context)
            if state is not None and FIRST_NAME_LIST not in state:
                state[FIRST_NAME_LIST] = str(text)  # for subsequent-author-substitute, collapsing
        return text

    def _names(self, item, variable, context, sort_options):
        cache = memo(self, "_bk_options", dict)
        key = (id(context), tuple(sorted(sort_options.items())) if sort_options else None)
        opts = cache.get(key)
        if opts is None:  # options depend on the style tree, the context and sort options only
            opts = cache[key] = _options(self, context, sort_options)
        extra = item.reference.get(OVERRIDES) if sort_options is None else None
        if extra and _in_citation(context if context is not None else self):
            opts = _disambiguated(opts, extra)
        names = item.reference.get(variable, [])
        total = len(names)
        truncate = bool(opts.et_al_min) and total >= opts.et_al_min and opts.et_al_use_first < total
        shown = names[: opts.et_al_use_first] if truncate else list(names)
        if opts.form == "count":
            return len(shown)
        texts = [self._one_name(n, i, opts) for i, n in enumerate(shown)]
        inverted = [self._inverted(i, opts) and "literal" not in n and bool(n.get("given"))
                    for i, n in enumerate(shown)]  # an institution is never "inverted"
        if truncate and opts.et_al_use_last and total >= opts.et_al_use_first + 2:
            last = self._one_name(names[-1], total - 1, opts)
            return self.join(texts, opts.delimiter) + opts.delimiter + "… " + last
        if truncate:
            et_al = self.et_al()
            if not et_al:
                return self.join(texts, opts.delimiter)
            sep = opts.delimiter if _delimit(opts.precedes_et_al, len(texts) >= 2, inverted[-1]) else " "
            return self.join(texts, opts.delimiter) + sep + et_al
        if opts.and_ and len(texts) > 1:
            and_term = self.get_single_term(name="and") if opts.and_ == "text" else self.preformat("&")
            sep = opts.delimiter if _delimit(opts.precedes_last, len(texts) > 2, inverted[-2]) else " "
            return self.join(texts[:-1], opts.delimiter) + sep + and_term + " " + texts[-1]
        return self.join(texts, opts.delimiter)

    def _inverted(self, index: int, opts: NameOptions) -> bool:
        return opts.form != "short" and (
            opts.sort_order == "all" or (opts.sort_order == "first" and index == 0))

    def _part(self, which: str, text: str) -> str:
        """Apply a `cs:name-part` (formatting, case, affixes) to the given or family part."""
        for part in self.findall("cs:name-part", self.nsmap):
            if part.get("name") == which and text:
                given, family = part.format_part(text, text)
                return given if which == "given" else family
        return text

    def _one_name(self, name: Any, index: int, opts: NameOptions) -> str:
        given, family, dp, ndp, suffix = (p.replace("'", "’") if p and "'" in p else p for p in name.parts())
        comma_suffix = bool(name.get("comma-suffix"))
        if given and "," in given and not suffix:  # "John, III"; "John,! Jr." keeps its comma
            given, _, suffix = given.partition(",")
            comma_suffix = suffix.startswith("!") or comma_suffix
            given, suffix = given.strip(), suffix.lstrip("!").strip() or None
        if given is None and family is not None and "literal" in name:
            return self._part("family", family)
        if family is None:
            return self._part("given", given or "")
        if _CJK.search(family + (given or "")):
            return self._part("family", family) + self._part("given", given or "")
        if given and opts.initialize_with is not None:
            given = initialize_given(given, opts.initialize_with, opts.initialize, opts.hyphen)
        if len(family) > 1 and family[0] == family[-1] == '"':
            family = family[1:-1]  # a quoted family name is taken as written: no particle
        elif ndp is None and dp is None:
            ndp, family = split_particle(family)
        if opts.form == "short":
            return self._part("family", glue(ndp, family))
        if self._inverted(index, opts):
            if opts.demote == "display-and-sort" or (opts.demote == "sort-only" and opts.sorting):
                head, tail = self._part("family", family), _words(given, dp, ndp)
            else:
                head, tail = self._part("family", glue(ndp, family)), _words(given, dp)
            tail = self._part("given", tail) if tail else ""
            return opts.sort_separator.join(p for p in (head, tail, suffix) if p)
        family_text = self._part("family", glue(_words(dp, ndp) if (dp or ndp) else None, family))
        text = _words(self._part("given", given) if given else None, family_text)
        if suffix:
            text += (", " if comma_suffix else " ") + suffix
        return text

    def markup(self, text):
        """A count stays a number so `cs:names` can add counts over its variables."""
        if isinstance(text, int):
            return text
        return super().markup(text)


class DefaultName:
    """`cs:names` without `cs:name`: add an empty one of bibkit's class, once, in the tree."""

    def process(self, item, names_context=None, context=None, **kwargs):
        if names_context is None and self.name is None and not memo(
                self, "_bk_in_substitute", lambda: bool(self.xpath_search("ancestor::cs:substitute"))):
            name = self.makeelement(self.tag.replace("}names", "}name"))
            self.insert(0, name)
            self.get_root().keepalive.append(name)
            forget_children(self)
        return super().process(item, names_context=names_context, context=context, **kwargs)


MIXINS: dict[str, tuple[type, ...]] = {"name": (NameFormatting,), "names": (DefaultName,)}
