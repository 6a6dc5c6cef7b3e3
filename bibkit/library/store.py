"""The library: one SQLite file holding many projects' references.

Plain functions over a `sqlite3.Connection`. Every public function that writes runs in one
`BEGIN IMMEDIATE` transaction, so a command killed half-way leaves nothing half-written and
two processes writing at once wait for each other (busy timeout) instead of losing data.
The schema is versioned (`PRAGMA user_version`) and migrated by the `schema_NNN.sql` files.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import Any

from bibkit.errors import InputError, UsageError
from bibkit.formats.citekey import assign_keys
from bibkit.formats.titles import plain_title
from bibkit.library.textkeys import fold, romanize, skeleton
from bibkit.model import Reference

ENV_VAR = "BIBKIT_LIBRARY"
BUSY_TIMEOUT_S = 60.0
Progress = Callable[[int, int], None]


@dataclass
class StoredRecord:
    """A reference as the library holds it."""

    id: int
    key: str
    ref: Reference
    origin: str | None
    imported_at: str
    deleted_at: str | None = None
    merged_into: int | None = None
    projects: list[str] = field(default_factory=list)


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def library_path(path: str | None = None) -> Path:
    """`--library`, else $BIBKIT_LIBRARY, else `library.sqlite` in the user data directory."""
    if path:
        return Path(path)
    if os.environ.get(ENV_VAR):
        return Path(os.environ[ENV_VAR])
    from platformdirs import user_data_dir

    return Path(user_data_dir("bibkit")) / "library.sqlite"


def _migrations() -> list[tuple[int, str]]:
    """(version, SQL) for every `schema_NNN.sql` shipped with the package, in order."""
    files = resources.files("bibkit.library.data")
    found = [(int(f.name[7:10]), f.read_text("utf-8")) for f in files.iterdir()
             if f.name.startswith("schema_") and f.name.endswith(".sql")]
    return sorted(found)


def migrate(conn: sqlite3.Connection) -> int:
    """Bring the schema to the newest version, each step in its own transaction."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    steps = _migrations()
    if version > steps[-1][0]:
        raise UsageError(f"library schema {version} is newer than this bibkit knows ({steps[-1][0]})")
    for number, sql in steps:
        if number > version:
            with transaction(conn):
                for statement in _statements(sql):
                    conn.execute(statement)
                conn.execute(f"PRAGMA user_version = {number}")
            version = number
    return version


def _statements(sql: str) -> Iterator[str]:
    """Split a schema file into statements (trigger bodies keep their inner semicolons)."""
    buffer = ""
    for line in sql.splitlines(keepends=True):
        if line.lstrip().startswith("--"):
            continue
        buffer += line
        if sqlite3.complete_statement(buffer):
            yield buffer.strip()
            buffer = ""


def open_library(path: str | None = None) -> sqlite3.Connection:
    """Open (creating if needed) and migrate the library; WAL, foreign keys, busy timeout."""
    target = library_path(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(target, timeout=BUSY_TIMEOUT_S, isolation_level=None)
        conn.execute("PRAGMA journal_mode = WAL")
    except sqlite3.DatabaseError as exc:
        raise InputError(f"not a bibkit library ({exc})", where=str(target)) from None
    except OSError as exc:  # a folder that cannot be made: no such place, no permission
        raise InputError(f"cannot create the library ({exc.strerror})", where=str(target)) from None
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
    migrate(conn)
    return conn


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One write transaction, taken up front (BEGIN IMMEDIATE) so writers queue, not fail."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


# Search keys ------------------------------------------------------------------------------
def search_columns(ref: Reference) -> dict[str, str]:
    """Folded titles and names, and their skeletons and romanizations, for FTS."""
    titles = [plain_title(t) for t in (ref.text.get("title", ""), *ref.forms.get("title", {}).values())]
    names = [n.display() for people in ref.names.values() for n in people]
    names += [f.display() for people in ref.names.values() for n in people for f in n.forms.values()]
    text = " ".join(titles + names)
    keys = " ".join(filter(None, [skeleton(text), fold(romanize(text))]))
    return {"search_title": fold(" ".join(titles)), "search_names": fold(" ".join(names)),
            "search_keys": keys}


# Writing ----------------------------------------------------------------------------------
def project_id(conn: sqlite3.Connection, name: str, *, create: bool = False) -> int:
    row = conn.execute("SELECT id FROM projects WHERE name = ?", (name,)).fetchone()
    if row:
        return int(row["id"])
    if not create:
        raise UsageError(f"no such project: {name}")
    return int(conn.execute("INSERT INTO projects(name, created_at) VALUES (?, ?)", (name, now())).lastrowid)


def record_row(ref: Reference, *, origin: str | None = None, imported_at: str | None = None
               ) -> dict[str, Any]:
    """The `records` row for a reference: all of it as JSON, plus its search keys."""
    return {"key": ref.id, "data": json.dumps(ref.to_json(), ensure_ascii=False, sort_keys=True),
            "source": ref.source, "origin": origin or ref.origin, "imported_at": imported_at or now(),
            **search_columns(ref)}


def insert_row(conn: sqlite3.Connection, table: str, row: dict[str, Any]) -> int:
    """Insert one row (inside the caller's transaction); its rowid."""
    cols = ", ".join(row)
    return int(conn.execute(f"INSERT INTO {table}({cols}) VALUES ({', '.join('?' * len(row))})",
                            tuple(row.values())).lastrowid)


def add_references(conn: sqlite3.Connection, project: str, refs: list[Reference], *,
                   progress: Progress | None = None) -> list[int]:
    """Import references into a project (created if new), all in one transaction. A reference
    without a key (parsed free text) gets its citekey, so listings and `show` can name it."""
    assign_keys([ref for ref in refs if not ref.id])
    with transaction(conn):
        pid = project_id(conn, project, create=True)
        start = conn.execute("SELECT COALESCE(MAX(position), -1) + 1 FROM members WHERE project_id = ?",
                             (pid,)).fetchone()[0]
        stamp = now()
        ids = []
        for n, ref in enumerate(refs):
            rid = insert_row(conn, "records", record_row(ref, imported_at=stamp))
            insert_row(conn, "members", {"project_id": pid, "record_id": rid, "position": start + n})
            ids.append(rid)
            if progress:
                progress(n + 1, len(refs))
    return ids


# Reading ----------------------------------------------------------------------------------
_ACTIVE = "r.deleted_at IS NULL AND r.merged_into IS NULL"


def _stored(conn: sqlite3.Connection, row: sqlite3.Row) -> StoredRecord:
    projects = [p["name"] for p in conn.execute(
        "SELECT p.name FROM members m JOIN projects p ON p.id = m.project_id WHERE m.record_id = ? "
        "ORDER BY p.name", (row["id"],))]
    return StoredRecord(row["id"], row["key"], Reference.from_json(json.loads(row["data"])), row["origin"],
                        row["imported_at"], row["deleted_at"], row["merged_into"], projects)


def list_records(conn: sqlite3.Connection, projects: list[str] | None = None, *,
                 deleted: bool = False) -> list[StoredRecord]:
    """Current records (of some projects, in their order), or the removed ones."""
    where = "r.deleted_at IS NOT NULL" if deleted else _ACTIVE
    if projects:
        ids = [project_id(conn, p) for p in projects]
        sql = (f"SELECT r.* FROM records r JOIN members m ON m.record_id = r.id "
               f"WHERE {where} AND m.project_id IN ({','.join('?' * len(ids))}) "
               f"GROUP BY r.id ORDER BY MIN(m.project_id), MIN(m.position)")
        rows = conn.execute(sql, ids).fetchall()
    else:
        rows = conn.execute(f"SELECT r.* FROM records r WHERE {where} ORDER BY r.id").fetchall()
    return [_stored(conn, row) for row in rows]


def get_record(conn: sqlite3.Connection, ident: str) -> StoredRecord:
    """A record by library number (`12`) or by its key (`khadduri1974`)."""
    if ident.isdigit():
        rows = conn.execute("SELECT * FROM records r WHERE id = ?", (int(ident),)).fetchall()
    else:
        rows = conn.execute(f"SELECT * FROM records r WHERE key = ? AND {_ACTIVE}", (ident,)).fetchall()
    if not rows:
        raise UsageError(f"no such record: {ident}")
    if len(rows) > 1:
        raise UsageError(f"{ident} names {len(rows)} records ({', '.join(str(r['id']) for r in rows)}): "
                         "give the number")
    return _stored(conn, rows[0])


def fts_query(query: str) -> str:
    """Each word must match: its folded form in titles or names, or its skeleton in the keys,
    so `Qasim` finds قاسم and `Khadduri` finds `Khaduri`."""
    clauses = []
    for word in fold(query).split():
        alternatives = [f'{{title names}} : "{word}"*']
        if skel := skeleton(word):
            alternatives.append(f'keys : "{skel}"')
        clauses.append("(" + " OR ".join(alternatives) + ")")
    return " AND ".join(clauses)


def search(conn: sqlite3.Connection, query: str) -> list[StoredRecord]:
    """Current records matching every word of `query`, best first (script-insensitive)."""
    match = fts_query(query)
    if not match:
        raise UsageError("empty search")
    rows = conn.execute(
        f"SELECT r.* FROM records_fts f JOIN records r ON r.id = f.rowid WHERE records_fts MATCH ? "
        f"AND {_ACTIVE} ORDER BY bm25(records_fts)", (match,)).fetchall()
    return [_stored(conn, row) for row in rows]


def project_counts(conn: sqlite3.Connection) -> list[tuple[str, int]]:
    """Every project with how many current records it holds."""
    rows = conn.execute(
        f"SELECT p.name, COUNT(r.id) FROM projects p LEFT JOIN members m ON m.project_id = p.id "
        f"LEFT JOIN records r ON r.id = m.record_id AND {_ACTIVE} GROUP BY p.id ORDER BY p.name")
    return [(row[0], row[1]) for row in rows]


def export_references(conn: sqlite3.Connection, project: str) -> list[Reference]:
    """A project's current references in project order, ready for `formats.write`."""
    return [r.ref for r in list_records(conn, [project])]


def row_dict(conn: sqlite3.Connection, table: str, where: dict[str, Any]) -> dict[str, Any] | None:
    """One row as a dict (None if absent), for the operations log."""
    cond = " AND ".join(f"{k} = ?" for k in where)
    row = conn.execute(f"SELECT * FROM {table} WHERE {cond}", tuple(where.values())).fetchone()
    return dict(row) if row else None
