"""bibkit: multilingual (English, Persian, Arabic) citation and bibliography manager.

The public API, one plain function per job; each is imported on first use so that
`import bibkit` stays cheap (models, lexicons and citeproc load only when needed)::

    import bibkit
    refs = bibkit.parse_text(open("article.txt").read()).references
    print(bibkit.write(refs, "biblatex"))
    print("\\n".join(bibkit.render_bibliography(refs, style="apa")))
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

_API = {
    "parse_text": "bibkit.parse",
    "parse_reference": "bibkit.parse",
    "parse_references": "bibkit.parse",
    "parse_notes": "bibkit.parse.notes",
    "notes_to_json": "bibkit.parse.notes",
    "read_path": "bibkit.formats",
    "read_text": "bibkit.formats",
    "write": "bibkit.formats",
    "render_bibliography": "bibkit.render",
    "render_citations": "bibkit.render",
    "render_notes": "bibkit.render",
    "romanize": "bibkit.text.translit",
    "name_key": "bibkit.text.names",
    "same_name": "bibkit.text.names",
    "find_duplicates": "bibkit.library.dedup",
}
__all__ = ["__version__", *_API]


def __getattr__(name: str) -> Any:
    if name in _API:
        return getattr(importlib.import_module(_API[name]), name)
    raise AttributeError(f"module 'bibkit' has no attribute {name!r}")
