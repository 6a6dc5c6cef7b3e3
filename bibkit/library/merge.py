"""Merging duplicates without losing anything, and undoing it exactly.

`merge_references` is pure: it builds one record from several, keeping the best value of
each field with its provenance (which record, which project) and the other scripts' titles
and names as forms. `merge_records` does it in the library: the merged record is added, the
old ones point at it (`merged_into`) and project membership moves to it; every row it
touches is written to the operations log, so `undo_last` puts every byte back.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from bibkit.errors import UsageError
from bibkit.library import store
from bibkit.library.textkeys import fold, skeleton
from bibkit.model import Date, Name, Provenance, Reference
from bibkit.text.script import has_arabic

MERGE_STEP = "merge"


# The pure merge ---------------------------------------------------------------------------
@dataclass(frozen=True)
class Candidate:
    """One record offered to a merge, with the label provenance will name it by."""

    ref: Reference
    label: str  # e.g. "record 12 (project thesis)"


def _completeness(ref: Reference) -> tuple[int, int]:
    """More fields first, then more name detail: the record whose values win ties."""
    detail = sum(len(n.given or "") for people in ref.names.values() for n in people)
    return len(ref.fields()), detail


def _pick_text(values: list[tuple[str, int]]) -> int:
    """Index of the winning value: the most common (folded), ties to the better record."""
    votes = Counter(fold(v) for v, _ in values)
    return max(range(len(values)), key=lambda i: (votes[fold(values[i][0])], -values[i][1]))


def _tag_for(value: str, main: str, lang: str, ref: Reference) -> str:
    """The BCP 47 tag an other-script title goes under: the original script (`fa`), a
    romanization of the main title (`fa-Latn`, with its scheme when the record said), or a
    translation (`en`). `lang` is the work's language."""
    if has_arabic(value):
        return lang
    if skeleton(value).split()[:2] == skeleton(main).split()[:2]:
        return ref.language if ref.language and "-Latn" in ref.language else f"{lang}-Latn"
    return "en"


def _name_forms(main: list[Name], others: list[list[Name]], lang: str) -> list[Name]:
    """The chosen names, each carrying its other-script spelling as a form."""
    out = [Name(**{**vars(n), "forms": dict(n.forms)}) for n in main]
    for names in others:
        for person, other in zip(out, names):
            if has_arabic(person.display()) != has_arabic(other.display()):
                tag = lang if has_arabic(other.display()) else f"{lang}-Latn"
                person.forms.setdefault(tag, Name(**{**vars(other), "forms": {}}))
    return out


def _work_language(ranked: Sequence[Candidate]) -> str:
    """The language of the Arabic-script records (`fa` unless one says `ar`)."""
    for cand in ranked:
        lang = (cand.ref.language or "").split("-")[0]
        if lang in ("fa", "ar"):
            return lang
    return "fa"


def merge_references(cands: Sequence[Candidate]) -> Reference:
    """One record from several: the best value of every field, its provenance, and the other
    scripts' titles (forms) and names (name forms)."""
    if len(cands) < 2:
        raise UsageError("a merge needs two records or more")
    order = sorted(range(len(cands)), key=lambda i: _completeness(cands[i].ref), reverse=True)
    ranked = [cands[i] for i in order]
    best = ranked[0].ref
    merged = Reference(id=best.id, type=Counter(c.ref.type for c in ranked).most_common(1)[0][0])
    lang = _work_language(ranked)

    def credit(var: str, cand: Candidate) -> None:
        merged.provenance[var] = [Provenance(MERGE_STEP, origin=cand.label)]

    for var in dict.fromkeys(v for c in ranked for v in c.ref.text):
        values = [(c.ref.text[var], rank) for rank, c in enumerate(ranked) if var in c.ref.text]
        owners = [c for c in ranked if var in c.ref.text]
        win = _pick_text(values)
        merged.text[var] = values[win][0]
        credit(var, owners[win])
    for var in dict.fromkeys(v for c in ranked for v in c.ref.names):
        owners = [c for c in ranked if c.ref.names.get(var)]
        merged.names[var] = _name_forms(owners[0].ref.names[var], [c.ref.names[var] for c in owners[1:]], lang)
        credit(var, owners[0])
    for var in dict.fromkeys(v for c in ranked for v in c.ref.dates):
        owners = sorted((c for c in ranked if var in c.ref.dates),
                        key=lambda c: -len(c.ref.dates[var].parts[0]) if c.ref.dates[var].parts else 0)
        merged.dates[var] = Date(**vars(owners[0].ref.dates[var]))
        credit(var, owners[0])
    _merge_forms(merged, ranked, lang)
    for cand in reversed(ranked):
        merged.extra.update(cand.ref.extra)
    merged.source = "\n\n".join(c.ref.source for c in ranked if c.ref.source) or None
    return merged


def _merge_forms(merged: Reference, ranked: list[Candidate], lang: str) -> None:
    """Every form the records had, plus their titles in another script or language."""
    for cand in ranked:
        for var, tags in cand.ref.forms.items():
            for tag, value in tags.items():
                merged.forms.setdefault(var, {}).setdefault(tag, value)
    main = merged.text.get("title", "")
    for cand in ranked:
        title = cand.ref.text.get("title", "")
        if title and fold(title) != fold(main) and has_arabic(title) != has_arabic(main):
            merged.forms.setdefault("title", {}).setdefault(_tag_for(title, main, lang, cand.ref), title)


# Undoable writes --------------------------------------------------------------------------
_KEYS = {"records": ("id",), "members": ("project_id", "record_id")}


class Journal:
    """Row writes that remember what they replaced, so an operation can be undone exactly."""

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn
        self.changes: list[dict[str, Any]] = []

    def _log(self, table: str, key: dict[str, Any], before: dict | None, after: dict | None) -> None:
        self.changes.append({"table": table, "key": key, "before": before, "after": after})

    def insert(self, table: str, row: dict[str, Any]) -> int:
        rowid = store.insert_row(self.conn, table, row)
        key = {"id": rowid} if table == "records" else {k: row[k] for k in _KEYS[table]}
        self._log(table, key, None, store.row_dict(self.conn, table, key))
        return rowid

    def update(self, table: str, key: dict[str, Any], values: dict[str, Any]) -> None:
        before = store.row_dict(self.conn, table, key)
        _set(self.conn, table, key, values)
        self._log(table, key, before, store.row_dict(self.conn, table, key))

    def delete(self, table: str, key: dict[str, Any]) -> None:
        before = store.row_dict(self.conn, table, key)
        _delete(self.conn, table, key)
        self._log(table, key, before, None)

    def commit(self, kind: str, summary: str) -> int:
        """Record the operation (inside the same transaction as its writes)."""
        return int(self.conn.execute(
            "INSERT INTO operations(kind, at, summary, changes) VALUES (?, ?, ?, ?)",
            (kind, store.now(), summary, json.dumps(self.changes, ensure_ascii=False))).lastrowid)


def _set(conn: sqlite3.Connection, table: str, key: dict[str, Any], values: dict[str, Any]) -> None:
    assign = ", ".join(f"{k} = ?" for k in values)
    cond = " AND ".join(f"{k} = ?" for k in key)
    conn.execute(f"UPDATE {table} SET {assign} WHERE {cond}", (*values.values(), *key.values()))


def _delete(conn: sqlite3.Connection, table: str, key: dict[str, Any]) -> None:
    conn.execute(f"DELETE FROM {table} WHERE {' AND '.join(f'{k} = ?' for k in key)}", tuple(key.values()))


# Library operations -----------------------------------------------------------------------
def _active(conn: sqlite3.Connection, ids: Sequence[int]) -> list[store.StoredRecord]:
    records = [store.get_record(conn, str(i)) for i in ids]
    for r in records:
        if r.deleted_at or r.merged_into:
            raise UsageError(f"record {r.id} was {'removed' if r.deleted_at else f'merged into {r.merged_into}'}")
    return records


def _label(r: store.StoredRecord) -> str:
    return f"record {r.id} ({', '.join(r.projects) or 'no project'})"


def _merge_in(conn: sqlite3.Connection, journal: Journal, ids: Sequence[int]) -> int:
    """Write one merge into `journal` (caller holds the transaction); the new record's id."""
    records = _active(conn, sorted(set(ids)))
    if len(records) < 2:
        raise UsageError("a merge needs two records or more")
    merged = merge_references([Candidate(r.ref, _label(r)) for r in records])
    origin = "merge of " + ", ".join(str(r.id) for r in records)
    new_id = journal.insert("records", store.record_row(merged, origin=origin))
    positions: dict[int, int] = {}
    for r in records:
        journal.update("records", {"id": r.id}, {"merged_into": new_id})
        for m in conn.execute("SELECT * FROM members WHERE record_id = ?", (r.id,)).fetchall():
            positions[m["project_id"]] = min(positions.get(m["project_id"], m["position"]), m["position"])
            journal.delete("members", {"project_id": m["project_id"], "record_id": r.id})
    for pid, position in sorted(positions.items()):
        journal.insert("members", {"project_id": pid, "record_id": new_id, "position": position})
    return new_id


def merge_records(conn: sqlite3.Connection, groups: Sequence[Sequence[int]]) -> list[int]:
    """Merge each group of record ids into one new record, as one undoable operation."""
    with store.transaction(conn):
        journal = Journal(conn)
        new_ids = [_merge_in(conn, journal, group) for group in groups]
        journal.commit("merge", _summary(groups, new_ids))
    return new_ids


def _summary(groups: Sequence[Sequence[int]], new_ids: list[int]) -> str:
    """`merged 3, 7 -> 12` for a few groups; a count for many."""
    if len(groups) <= 3:
        return "merged " + "; ".join(f"{', '.join(map(str, sorted(g)))} -> {n}" for g, n in zip(groups, new_ids))
    return f"merged {sum(map(len, groups))} records into {len(groups)}"


def remove_records(conn: sqlite3.Connection, ids: Sequence[int]) -> None:
    """Soft-remove records (undo brings them back)."""
    with store.transaction(conn):
        journal = Journal(conn)
        stamp = store.now()
        for r in _active(conn, ids):
            journal.update("records", {"id": r.id}, {"deleted_at": stamp})
        journal.commit("rm", "removed " + ", ".join(map(str, ids)))


def undo_last(conn: sqlite3.Connection) -> str | None:
    """Reverse the newest operation not yet undone, row by row; its summary, or None."""
    with store.transaction(conn):
        op = conn.execute("SELECT * FROM operations WHERE undone_at IS NULL ORDER BY id DESC LIMIT 1").fetchone()
        if op is None:
            return None
        conn.execute("PRAGMA defer_foreign_keys = ON")
        for change in reversed(json.loads(op["changes"])):
            table, key, before = change["table"], change["key"], change["before"]
            if before is None:
                _delete(conn, table, key)
            elif change["after"] is None:
                store.insert_row(conn, table, before)
            else:
                _set(conn, table, key, before)
        conn.execute("UPDATE operations SET undone_at = ? WHERE id = ?", (store.now(), op["id"]))
        return f"undid {op['kind']}: {op['summary']}"
