"""Reference parsing: find the list in pasted text, label tokens with the CRF, assemble the
labelled spans into fields, run the normalizers, and infer type and language.

`parse_text(text)` reads a whole document (or a list); `parse_reference(text)` one string,
`parse_references(texts)` many (faster: the labeller works on a batch at once).
An entry that yields nothing usable is kept verbatim (`document` with the text in `note`)
and reported, never dropped.
"""

from __future__ import annotations

import copy
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from itertools import batched, repeat

from bibkit.diagnostics import Diagnostic, ReadResult
from bibkit.model import Provenance, Reference
from bibkit.parse.infer import infer_language, infer_type
from bibkit.parse.labeler import label_batch
from bibkit.parse.normalizers import NORMALIZERS, Fields, Segment
from bibkit.parse.repairs import REPAIRS, REPEATED_AUTHOR
from bibkit.parse.segment import Entry, entries_from_lines, find_entries
from bibkit.parse.tokens import Token, tokenize
from bibkit.text.script import language_of
from bibkit.text.translit.forms import add_romanized_forms

LOW_CONFIDENCE = 0.6


def assemble(text: str, tokens: list[Token], labels: list[str], confidences: list[float]) -> Fields:
    """Group consecutive tokens of one label into segments."""
    fields: Fields = {}
    start = 0
    for end in range(1, len(tokens) + 1):
        if end == len(tokens) or labels[end] != labels[start]:
            fields.setdefault(labels[start], []).append(_segment(text, tokens[start:end], confidences[start:end]))
            start = end
    return fields


def _segment(text: str, run: list[Token], confidences: list[float]) -> Segment:
    """A run of tokens with one label. Its confidence is a running mean that weighs what is
    already joined by its number of words: a token adds one unless glued to the one before
    (tokens are separated by whitespace or by nothing)."""
    confidence, words = confidences[0], 1
    for before, tok, conf in zip(run, run[1:], confidences[1:]):
        confidence = (confidence * words + conf) / (words + 1)
        words += tok.start > before.end
    return Segment(text[run[0].start:run[-1].end], run[0].start, run[-1].end, confidence)


def parse_reference(text: str, *, origin: str | None = None) -> Reference:
    """One reference string to a Reference, with provenance spans and confidence. For many
    strings `parse_references` is faster: its labeller works on a batch at once."""
    return next(parse_references([text], [origin]))


_CHUNK = 256  # references tokenized and labelled together


def parse_references(texts: Iterable[str], origins: Iterable[str | None] | None = None) -> Iterator[Reference]:
    """`parse_reference` of each text, in order, the labeller working on many at a time;
    `origins`, if given, has one entry per text. The text is read in composed form (NFC):
    text copied from PDFs often spells `é` as `e` + a combining accent, which no word pattern
    or lexicon entry would match."""
    pairs = zip(texts, origins, strict=True) if origins is not None else zip(texts, repeat(None))
    for chunk in batched(pairs, _CHUNK):
        composed = [text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)
                    for text, _ in chunk]
        tokens = [tokenize(text) for text in composed]
        for text, (_, origin), toks, (labels, confidences) in zip(composed, chunk, tokens, label_batch(tokens)):
            try:
                ref = reference_from_fields(text, assemble(text, toks, labels, confidences), origin=origin, confidence=(
                    round(sum(confidences) / len(confidences), 3) if confidences else 0.0))
            except Exception as exc:  # noqa: BLE001 - one string bibkit cannot read must not cost the others
                yield _verbatim(text, origin, f"bibkit failed on it ({type(exc).__name__}: {exc}); kept verbatim in note")
                continue
            if not any(ref.text.get(var) for var in ("title", "container-title", "archive_location")) \
                    and not ref.names.get("author") \
                    or ref.confidence["*"] < 0.3:
                ref = _verbatim(text, origin)
            yield ref


def reference_from_fields(text: str, fields: Fields, *, origin: str | None = None, confidence: float,
                          step: str = "infer.type") -> Reference:
    """Labelled segments (from the labeller, or from the notes' shape reader) to a Reference:
    repairs, normalizers, type, language (the title marked as translated or romanized where
    the work's language differs) and romanized forms beside Arabic script."""
    ref = Reference(source=text, origin=origin)
    for repair_or_normalize in (*REPAIRS, *NORMALIZERS):
        repair_or_normalize(ref, fields)
    ref.type = infer_type(ref, set(fields))
    ref.provenance.setdefault("type", []).append(Provenance(step))
    language, cue = infer_language(ref)
    if language:
        work = language.split("-", 1)[0]
        ref.set("language", work, step=f"infer.language:{cue}")
        title = ref.text.get("title")
        if title and cue != "script" and work in ("fa", "ar"):
            # langdetect never says `-Latn`: not asked
            romanized = language.endswith("-Latn") or (language_of(title, detect=False) or "").endswith("-Latn")
            # the title as written is a romanization (Tarikh-e mardom-e Iran) or a translation
            ref.forms.setdefault("title", {})[f"{work}-Latn" if romanized else "en"] = title
    add_romanized_forms(ref)
    ref.confidence["*"] = confidence
    return ref


def _verbatim(text: str, origin: str | None, why: str = "could not be parsed; kept verbatim in note") -> Reference:
    line = origin.rsplit(":", 1)[-1] if origin else ""
    ref = Reference(id=f"unparsed{line}" if line.isdigit() else "", type="document", source=text, origin=origin)
    ref.set("note", text, step="parse.unparsed", origin=origin)
    ref.warnings.append(why)
    ref.confidence["*"] = 0.0
    return ref


def parse_entries(entries: Iterable[Entry], origin: str = "<string>") -> ReadResult:
    """Every entry parsed, each with its `origin:line`. Entries are read a chunk at a time, so
    a progress bar over `entries` moves in steps of `_CHUNK`."""
    result = ReadResult()
    for chunk in batched(entries, _CHUNK):
        for ref in parse_references([entry.text for entry in chunk], [f"{origin}:{entry.line}" for entry in chunk]):
            if result.references:
                _repeat_authors(ref, result.references[-1])
            if ref.warnings:
                result.diagnostics.append(Diagnostic(ref.origin, ref.warnings[-1]))
            result.references.append(ref)
    return result


def _repeat_authors(ref: Reference, above: Reference) -> None:
    """`———.` opening an entry: the same authors as the entry above (Chicago's 3-em dash)."""
    if "author" not in ref.names and above.names.get("author") and REPEATED_AUTHOR.match(ref.source or ""):
        ref.set("author", copy.deepcopy(above.names["author"]), step="parse.repeated-author")


def find_text_entries(text: str, *, lines: bool = False) -> list[Entry]:
    """The entries of a document or list (`lines=True`: one per non-empty line)."""
    return entries_from_lines(text) if lines else find_entries(text)


def parse_text(text: str, *, origin: str = "<string>", lines: bool = False,
               progress: Callable[[list[Entry]], Iterable[Entry]] | None = None) -> ReadResult:
    """Every reference in a document or list (`lines=True`: one per non-empty line); in a
    document with no reference list, the works its numbered notes cite (a notice says so).
    `progress`, if given, wraps the list's entries as they are parsed (a progress bar)."""
    entries = find_text_entries(text, lines=lines)
    if entries or lines:
        return parse_entries(progress(entries) if progress else entries, origin)
    result = works_cited_in_notes(text, origin)
    if result.references:
        result.notices.append(Diagnostic(origin, f"no reference list found; its numbered notes cite "
                                                 f"{len(result.references)} works (`bibkit notes` maps each note to them)"))
    return result


def works_cited_in_notes(text: str, origin: str = "<string>") -> ReadResult:
    """The works a document's numbered notes cite, each once (Ibid. and op. cit. resolved to the
    work before), as a bibliography; none when it has no numbered notes. `notes.parse_notes`
    also maps each note to them."""
    from bibkit.parse.notes import parse_notes  # notes import this module

    sources = parse_notes(text, origin=origin).sources
    return ReadResult(sources, [Diagnostic(ref.origin or origin, ref.warnings[-1]) for ref in sources if ref.warnings])
