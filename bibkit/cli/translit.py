"""`bibkit translit`: romanize Persian and Arabic text in IJMES, ALA-LC, DIN 31635 or simple."""

from __future__ import annotations

import typer

from bibkit.cli.app import app
from bibkit.cli.io import OUTPUT, guarded, read_text, write_text
from bibkit.errors import UsageError
from bibkit.text.translit import SCHEMES, romanize

RULE_MARK = "*"

_HELP = f"""Romanize Persian or Arabic TEXT (or every line of --lines FILE, one output line per line).

Words not found in the lexicon are read by rule and marked with a trailing {RULE_MARK}
(drop it with --no-mark). An override file (TSV: script form, romanization) wins over the
lexicon: --overrides FILE or the environment variable BIBKIT_TRANSLIT_OVERRIDES.

\b
Examples:
  bibkit translit "عبد الکریم قاسم"                 ʿAbd al-Karīm Qāsim
  bibkit translit "روابط سیاسی ایران و عراق"        Ravābiṭ-i siyāsī-yi Īrān va ʿIrāq
  bibkit translit --scheme ala-lc "الجمهورية العربية"
  bibkit translit --scheme simple --no-diacritics "قاسم"
  bibkit translit --lines titles.txt --lang fa -o titles.latn.txt
"""


@app.command("translit", help=_HELP)
@guarded
def translit(
    text: str = typer.Argument(None, help="Text to romanize (omit with --lines)."),
    lines: str = typer.Option(None, "--lines", help="Romanize each line of FILE ('-' = stdin)."),
    scheme: str = typer.Option("ijmes", "--scheme", help=f"One of: {', '.join(SCHEMES)}."),
    lang: str = typer.Option(None, "--lang", help="fa or ar (default: guessed from the text)."),
    no_diacritics: bool = typer.Option(False, "--no-diacritics", help="Drop macrons and dots (keeps ʿ ʾ)."),
    no_mark: bool = typer.Option(False, "--no-mark", help=f"Do not mark rule-read words with {RULE_MARK}."),
    overrides: str = typer.Option(None, "--overrides", help="TSV of script form and romanization."),
    out: str = OUTPUT,
) -> None:
    if (text is None) == (lines is None):
        raise UsageError("give either TEXT or --lines FILE")
    if lang not in (None, "fa", "ar"):
        raise UsageError(f"--lang must be fa or ar, not {lang!r}")
    source = [text] if text is not None else read_text(lines)[0].splitlines()
    mark = "" if no_mark else RULE_MARK
    results = [romanize(line, scheme, lang, not no_diacritics, overrides=overrides, mark=mark)
               for line in source]
    write_text("\n".join(results), out)
