"""Romanization of Persian and Arabic in four schemes: IJMES, ALA-LC, DIN 31635 and simple.

One internal reading per word (from the vocalized lexicon, or by rule when the word is
unknown) is rendered in every scheme from one data table (`data/schemes.json`).

    >>> romanize("عبد الکریم قاسم")
    'ʿAbd al-Karīm Qāsim'
    >>> romanize("قاسم", scheme="simple", diacritics=False)
    'Qasim'
"""

from bibkit.text.translit.romanizer import (
    RomanizedWord,
    romanize,
    romanize_words,
    strip_diacritics,
)
from bibkit.text.translit.tables import SCHEMES

__all__ = ["SCHEMES", "RomanizedWord", "romanize", "romanize_words", "strip_diacritics"]
