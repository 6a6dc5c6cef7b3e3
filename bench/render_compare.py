"""bibkit's bibliographies against citeproc-js (npm `citeproc`, driven with node).

Usage: .venv/bin/python bench/render_compare.py [--styles apa,...] [--script original]

Renders bench/data/render-items.json in each style with bibkit (text output) and with
citeproc-js (installed on demand: `npm install --prefix bench`), both given the same
prepared CSL-JSON items and the same locale files. Prints per-style agreement and lists
every entry that differs.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
from pathlib import Path

import citeproc

from bibkit.render import multilingual, render_bibliography, styles

BENCH = Path(__file__).resolve().parent
ITEMS = BENCH / "data" / "render-items.json"
STYLES = ("apa", "chicago-author-date", "chicago-notes-bibliography", "modern-language-association",
          "ieee", "harvard-cite-them-right", "nlm-citation-sequence", "bibkit-ijmes")
DRIVER = r"""
const CSL = require(process.argv[1]);
const fs = require('fs');
const input = JSON.parse(fs.readFileSync(0, 'utf8'));
const items = {}; for (const it of input.items) items[it.id] = it;
const sys = {
  retrieveLocale: (lang) => { const p = input.locales + '/locales-' + lang + '.xml';
                              return fs.existsSync(p) ? fs.readFileSync(p, 'utf8') : false; },
  retrieveItem: (id) => items[id],
};
const engine = new CSL.Engine(sys, input.style);
engine.setOutputFormat('text');
engine.updateItems(input.items.map(i => i.id));
process.stdout.write(JSON.stringify(engine.makeBibliography()[1].map(e => e.trim())));
"""


def ensure_citeproc_js() -> Path:
    module = BENCH / "node_modules" / "citeproc"
    if not module.exists():
        if not shutil.which("npm"):
            sys.exit("npm not found: citeproc-js cannot be installed")
        subprocess.run(["npm", "install", "--prefix", str(BENCH), "--no-audit", "--no-fund"], check=True)
    return module


def citeproc_js(module: Path, style_path: str, items: list[dict]) -> list[str]:
    payload = {"style": Path(style_path).read_text("utf-8"), "items": items,
               "locales": str(Path(citeproc.__file__).parent / "data" / "locales")}
    done = subprocess.run(["node", "-e", DRIVER, str(module)], input=json.dumps(payload),
                          capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--styles", default=",".join(STYLES))
    ap.add_argument("--script", default="original")
    args = ap.parse_args(argv)
    module = ensure_citeproc_js()
    raw = json.loads(ITEMS.read_text("utf-8"))["items"]
    items = [multilingual.prepare(i, args.script) for i in raw]
    same_total = n_total = 0
    diffs = []
    for name in args.styles.split(","):
        ours = render_bibliography(raw, name, "text", script=args.script)
        theirs = citeproc_js(module, styles.resolve(name).path, items)
        same = sum(a == b for a, b in zip(ours, theirs))
        n = max(len(ours), len(theirs))
        same_total += same
        n_total += n
        print(f"{name:<32} {same:>3}/{n:<3} equal ({same / n:.0%})")
        diffs += [(name, a, b) for a, b in zip(ours, theirs) if a != b]
    print(f"{'TOTAL':<32} {same_total:>3}/{n_total:<3} equal ({same_total / n_total:.1%})")
    for name, a, b in diffs:
        print(f"--- {name}\n  bibkit:      {a}\n  citeproc-js: {b}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
