"""Romanization accuracy against IJMES forms: exact match (with and without diacritics) and
character error rate, per language and kind, split by lexicon coverage; unidecode baseline;
throughput. Run on demand:

    .venv/bin/python bench/translit_accuracy.py [--errors] [--set bench/data/translit-test.jsonl]
    .venv/bin/python bench/translit_accuracy.py --rules   # the unknown-word rules on lexicon words

The test set (bench/data/translit-test.jsonl) was written before and apart from the lexicon;
`covered` means every word of an item was read from the lexicon (possibly with regular
affixes), `rules` means at least one word was guessed by rule.
"""

from __future__ import annotations

import argparse
import json
import time
import unicodedata
from collections import defaultdict
from pathlib import Path

from rapidfuzz.distance import Levenshtein

from bibkit.text.translit import romanize, romanize_words, strip_diacritics
from bibkit.text.translit.lexicon import size

DEFAULT_SET = Path(__file__).parent / "data" / "translit-test.jsonl"


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _unidecode(text: str) -> str:
    try:
        from unidecode import unidecode
    except ImportError:  # the baseline is optional
        return ""
    return unidecode(text).strip()


def score(items: list[dict]) -> dict[str, dict[str, float]]:
    """Per group: n, exact, exact_nodiac, cer, baseline figures and word coverage."""
    groups: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for item in items:
        gold = _nfc(item["ijmes"])
        cap = item["kind"] != "word"  # a glossary word is lower case; names and titles not
        words = romanize_words(item["script"], "ijmes", item["lang"], capitalize=cap)
        pred = _nfc(romanize(item["script"], "ijmes", item["lang"], capitalize=cap))
        plain = _nfc(romanize(item["script"], "ijmes", item["lang"], diacritics=False, capitalize=cap))
        base = _unidecode(item["script"])
        covered = all(not w.by_rule for w in words)
        for group in (item["lang"], f"{item['lang']}/{item['kind']}",
                      f"{item['lang']}/{'covered' if covered else 'rules'}"):
            g = groups[group]
            g["n"] += 1
            g["exact"] += pred == gold
            g["exact_nodiac"] += plain == strip_diacritics(gold)
            g["edits"] += Levenshtein.distance(pred, gold)
            g["chars"] += len(gold)
            g["words"] += len(words)
            g["lex_words"] += sum(not w.by_rule for w in words)
            g["base_exact"] += base == strip_diacritics(gold)
            g["base_edits"] += Levenshtein.distance(base, gold)
    return groups


def rules_on_lexicon() -> dict[str, list[int]]:
    """How often the rules alone (guess) give a lexicon word's own reading: per language and
    part of speech, [exact, n]. A proxy for words outside the lexicon; single words only."""
    from bibkit.text.translit.guess import guess
    from bibkit.text.translit.lexicon import lexicon
    from bibkit.text.translit.reading import ARTICLE, SPACE
    from bibkit.text.translit.render import render

    out: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for lang, entries in lexicon().items():
        for entry in entries.values():
            if entry.lang not in (lang, "both") or SPACE in entry.tokens or "\u200c" in entry.script:
                continue
            want = render(entry.tokens, lang, "ijmes")
            got = render(guess(entry.script, lang), lang, "ijmes")
            for group in (lang, f"{lang}/{entry.pos}", f"{lang}/{'article' if ARTICLE in entry.tokens else 'bare'}"):
                out[group][0] += got == want
                out[group][1] += 1
    return out


def throughput(items: list[dict], rounds: int = 20) -> float:
    """Words per second for fresh calls on the test set's words (after one warm-up)."""
    texts = [(w, i["lang"]) for i in items for w in i["script"].split()]
    romanize(texts[0][0])
    start = time.perf_counter()
    for _ in range(rounds):
        for text, lang in texts:
            romanize(text, "simple", lang, diacritics=False)
    return rounds * len(texts) / (time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", type=Path, default=DEFAULT_SET)
    parser.add_argument("--errors", action="store_true", help="print every item that is not exact")
    parser.add_argument("--rules", action="store_true", help="score the unknown-word rules on lexicon words")
    args = parser.parse_args()
    if args.rules:
        for name, (exact, n) in sorted(rules_on_lexicon().items()):
            print(f"{name:<14}{n:>6}{exact / n:>8.3f}")
        return
    items = [json.loads(line) for line in args.set.read_text("utf-8").splitlines() if line.strip()]
    groups = score(items)
    print(f"test set: {len(items)} items; lexicon: {size()} readings")
    print(f"{'group':<14}{'n':>5}{'exact':>8}{'no-diac':>9}{'CER':>7}{'lex words':>11}"
          f"{'unidecode exact':>17}{'unidecode CER':>15}")
    for name in sorted(groups):
        g = groups[name]
        print(f"{name:<14}{int(g['n']):>5}{g['exact'] / g['n']:>8.3f}{g['exact_nodiac'] / g['n']:>9.3f}"
              f"{g['edits'] / g['chars']:>7.3f}{g['lex_words'] / max(g['words'], 1):>11.3f}"
              f"{g['base_exact'] / g['n']:>17.3f}{g['base_edits'] / g['chars']:>15.3f}")
    print(f"throughput: {throughput(items):,.0f} words/s (simple scheme, no diacritics, cached)")
    if args.errors:
        for item in items:
            pred = romanize(item["script"], "ijmes", item["lang"], capitalize=item["kind"] != "word", mark="*")
            if _nfc(pred.replace("*", "")) != _nfc(item["ijmes"]):
                print(f"{item['lang']} {item['kind']:<6} {item['script']} | want {item['ijmes']} | got {pred}")


if __name__ == "__main__":
    main()
