"""Rebuild bibkit/formats/data/biblatex_fields.json from biblatex's data model (blx-dm.def).

The BibTeX writer uses it to emit only fields that `biber --validate-datamodel` accepts for
each entry type. Usage: python tools/build_biblatex_fields.py [/path/to/blx-dm.def]
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

DEFAULT = "/usr/share/texlive/texmf-dist/tex/latex/biblatex/blx-dm.def"
OUT = Path(__file__).resolve().parent.parent / "bibkit" / "formats" / "data" / "biblatex_fields.json"


def _items(body: str) -> list[str]:
    return [x.strip() for x in body.split(",") if x.strip()]


def build(text: str) -> dict:
    text = re.sub(r"%.*", "", text)
    types = _items(re.search(r"\\DeclareDatamodelEntrytypes\{([^}]*)\}", text).group(1))
    by_type: dict[str, list[str]] = {}
    common: list[str] = []
    for head, body in re.findall(r"\\DeclareDatamodelEntryfields(\[[^\]]*\])?\{([^}]*)\}", text):
        fields = _items(body)
        if not head:
            common = fields
            continue
        for etype in _items(head.strip("[]")):
            by_type.setdefault(etype, []).extend(fields)
    names = sorted(
        {f for body in re.findall(r"\\DeclareDatamodelFields\[type=list, datatype=name[^\]]*\]\{([^}]*)\}", text)
         for f in _items(body)}
    )
    return {
        "source": "biblatex blx-dm.def (TeX Live), via tools/build_biblatex_fields.py",
        "types": types,
        "common": sorted(common),
        "by_type": {k: sorted(set(v)) for k, v in sorted(by_type.items())},
        "name_fields": names,
    }


if __name__ == "__main__":
    src = Path(sys.argv[1] if len(sys.argv) > 1 else DEFAULT)
    OUT.write_text(json.dumps(build(src.read_text("utf-8")), indent=1) + "\n", encoding="utf-8")
    print(f"wrote {OUT}")
