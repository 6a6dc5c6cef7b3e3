"""The library survives what users' machines do: a process killed mid-import or mid-merge,
two imports at once. Each case runs real child processes on a real SQLite file."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from bibkit import formats
from bibkit.library import merge, store
from bibkit.model import Reference

CHILD = """
import sys
from bibkit.library import merge, store
from bibkit.model import Reference
path, action, project, n = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
conn = store.open_library(path)
if action == "import":
    refs = [Reference.from_csl({"id": f"{project}{i}", "type": "book", "title": f"کتاب {i} در تاریخ ایران",
                                "author": [{"family": "قاسمی", "given": "علی"}]}) for i in range(n)]
    print("start", flush=True)
    store.add_references(conn, project, refs)
else:
    ids = [r.id for r in store.list_records(conn)]
    print("start", flush=True)
    merge.merge_records(conn, [ids[i:i + 2] for i in range(0, len(ids), 2)])
print("done", flush=True)
"""


def child(path: Path, action: str, project: str, n: int) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-c", CHILD, str(path), action, project, str(n)],
                            stdout=subprocess.PIPE, text=True)


def kill_after_start(proc: subprocess.Popen[str], delay: float) -> bool:
    """SIGKILL the child once it has begun writing; True if it was still running then."""
    assert proc.stdout is not None and proc.stdout.readline().strip() == "start"
    time.sleep(delay)
    running = proc.poll() is None
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    return running


def consistent(path: Path) -> sqlite3.Connection:
    conn = store.open_library(str(path))
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    assert conn.execute("INSERT INTO records_fts(records_fts) VALUES ('integrity-check')") is not None
    return conn


def test_killed_import_leaves_nothing_half_written(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite"
    store.add_references(store.open_library(str(path)), "kept", [Reference(id="k", type="book")])
    proc = child(path, "import", "big", 40000)
    assert kill_after_start(proc, 0.5), "the import finished before it could be killed"
    conn = consistent(path)
    assert store.project_counts(conn) == [("kept", 1)]
    assert conn.execute("SELECT COUNT(*) FROM records").fetchone()[0] == 1


def test_killed_merge_leaves_nothing_half_written(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite"
    conn = store.open_library(str(path))
    refs = [Reference.from_csl({"id": f"r{i}", "type": "book", "title": f"Book {i // 2}"}) for i in range(6000)]
    store.add_references(conn, "p", refs)
    before = formats.write(store.export_references(conn, "p"), "csl-json")
    conn.close()
    proc = child(path, "merge", "p", 0)
    assert kill_after_start(proc, 0.5), "the merge finished before it could be killed"
    conn = consistent(path)
    assert conn.execute("SELECT COUNT(*) FROM operations").fetchone()[0] == 0
    assert conn.execute("SELECT COUNT(*) FROM records WHERE merged_into IS NOT NULL").fetchone()[0] == 0
    assert formats.write(store.export_references(conn, "p"), "csl-json") == before
    assert merge.undo_last(conn) is None


def test_two_imports_at_once_lose_nothing(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite"
    store.open_library(str(path)).close()
    procs = [child(path, "import", name, 3000) for name in ("a", "b", "a")]
    for proc in procs:
        out, _ = proc.communicate(timeout=120)
        assert proc.returncode == 0 and out.split() == ["start", "done"]
    conn = consistent(path)
    assert store.project_counts(conn) == [("a", 6000), ("b", 3000)]
    positions = conn.execute("SELECT COUNT(DISTINCT position), COUNT(*) FROM members m "
                             "JOIN projects p ON p.id = m.project_id WHERE p.name = 'a'").fetchone()
    assert tuple(positions) == (6000, 6000)
