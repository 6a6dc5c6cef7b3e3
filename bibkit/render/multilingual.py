"""Choose which script of a multi-script item to print, before citeproc-py sees it.

bibkit items carry other forms in CSL-M `multi`: `item["multi"]["_keys"][var][tag]` for
titles and `name["multi"]["_key"][tag]` for names, with tags such as `fa`,
`fa-Latn-x-ijmes` (romanized) and `en` (translated). `prepare(item, script)` returns a plain
CSL-JSON item a CSL 1.0.2 processor can render:

- `original`: the form in the item's own language and script where there is one;
- `romanized`: a romanized form where there is one, else the value as stored;
- `both`: romanized, then the original in parentheses;
- a translated English title goes in brackets after the title ("[The Title]");
- `language` becomes an English language name ("Persian"), so styles that print it say
  "(in Persian)"; English items lose it (title-casing treats no language as English).
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

from bibkit.errors import UsageError

SCRIPTS = ("original", "romanized", "both")
TITLE_VARS = ("title", "container-title", "collection-title", "title-short", "container-title-short")


@cache
def language_names() -> dict[str, str]:
    raw = resources.files("bibkit.render").joinpath("data/language_names.json").read_text("utf-8")
    return {k: v for k, v in json.loads(raw).items() if not k.startswith("_")}


def _base(tag: str) -> str:
    return tag.split("-", 1)[0].lower()


def _romanized(forms: dict[str, Any]) -> Any:
    return next((v for tag, v in forms.items() if "-Latn" in tag), None)


def _original(forms: dict[str, Any], lang: str | None) -> Any:
    if not lang:
        return None
    return next((v for tag, v in forms.items() if _base(tag) == lang and "-Latn" not in tag), None)


def _pick(value: Any, forms: dict[str, Any], lang: str | None, script: str) -> tuple[Any, Any]:
    """(main, secondary) for one variable: secondary is set only for `both`."""
    original = _original(forms, lang) or value
    romanized = _romanized(forms)
    if script == "original":
        return original, None
    if script == "romanized":
        return romanized or value, None
    if romanized and romanized != original:
        return romanized, original
    return original, None


def _join_names(main: dict[str, Any], second: dict[str, Any] | None) -> dict[str, Any]:
    if not second:
        return main
    out = dict(main)
    key = "family" if "family" in out else "literal"
    other = " ".join(str(second.get(k, "")) for k in ("family", "given", "literal") if second.get(k))
    out[key] = f"{out.get(key, '')} ({other})" if other else out.get(key, "")
    return out


def _name(name: dict[str, Any], lang: str | None, script: str) -> dict[str, Any]:
    forms = (name.get("multi") or {}).get("_key") or {}
    plain = {k: v for k, v in name.items() if k != "multi"}
    if not forms:
        return plain
    main, second = _pick(plain, forms, lang, script)
    return _join_names(dict(main), second)


def prepare(item: dict[str, Any], script: str = "original", translations: bool = True) -> dict[str, Any]:
    """A plain CSL-JSON item with the chosen script's forms (see module docstring)."""
    if script not in SCRIPTS:
        raise UsageError(f"unknown script {script!r} (choose from {', '.join(SCRIPTS)})")
    out = {k: v for k, v in item.items() if k not in ("multi", "custom")}  # custom: bibkit's own extras
    lang = _base(str(item.get("language") or "")) or None
    multi = (item.get("multi") or {}).get("_keys") or {}
    for var, forms in multi.items():
        main, second = _pick(out.get(var), forms, lang, script)
        if main:
            out[var] = f"{main} ({second})" if second else main
        if translations and var in TITLE_VARS and lang and lang != "en" and forms.get("en") \
                and forms["en"] != item.get(var):  # a title already written in English needs no gloss
            out[var] = f"{out.get(var, '')} [{forms['en']}]"
    for var, names in item.items():
        if isinstance(names, list) and names and isinstance(names[0], dict):
            out[var] = [_name(n, lang, script) for n in names]
    if lang == "en":
        out.pop("language", None)
    elif lang:
        out["language"] = language_names().get(lang, out["language"])
    return out
