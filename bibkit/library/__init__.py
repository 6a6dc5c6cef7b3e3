"""The cross-project library: a SQLite store (`store`), duplicate detection (`dedup`) and
undoable merges (`merge`). `find_duplicates` works on plain `Reference` lists, no store needed."""

from bibkit.library.dedup import DedupResult, find_duplicates

__all__ = ["DedupResult", "find_duplicates"]
